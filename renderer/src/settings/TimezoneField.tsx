// The clinic's time zone: a searchable list of the IANA zones this PC knows (type to filter), the
// PC's own zone offered in one click. Checked by core's parseSettings like every other field.
import { useId, useState } from 'react';
import { setTimezone } from '../draft/draft-edits.ts';
import { FieldMessage, invalidProps } from '../components/FieldMessage.tsx';
import { useActions, useUi } from '../store/store-context.tsx';

const pcTimezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
let zones: string[] | null = null;
const knownZones = (): string[] => (zones ??= Intl.supportedValuesOf('timeZone'));

export function TimezoneField() {
  const timezone = useUi((s) => s.draft?.timezone ?? '');
  const error = useUi((s) => s.draftErrors.find((e) => e.path === 'timezone')?.message);
  const { edit } = useActions();
  const listId = useId();
  // ~400 zones: the list is built when the field is first used, not on the way to an interactive grid.
  const [listWanted, setListWanted] = useState(false);
  return (
    <div className="timezone-field">
      <label htmlFor={`${listId}-input`}>Clinic time zone</label>
      <div className="inline-controls">
        <input
          id={`${listId}-input`}
          type="text"
          list={listId}
          autoComplete="off"
          spellCheck={false}
          value={timezone}
          onFocus={() => setListWanted(true)}
          onChange={(event) => edit((s) => setTimezone(s, event.target.value))}
          {...invalidProps('timezone', error)}
        />
        {timezone !== pcTimezone && (
          <button type="button" className="quiet" onClick={() => edit((s) => setTimezone(s, pcTimezone))}>
            Use this PC’s time zone ({pcTimezone})
          </button>
        )}
      </div>
      <datalist id={listId}>{listWanted && knownZones().map((zone) => <option key={zone} value={zone} />)}</datalist>
      <FieldMessage path="timezone" message={error} />
    </div>
  );
}
