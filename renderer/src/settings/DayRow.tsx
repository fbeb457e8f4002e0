// One day of the Business Hours grid. It selects only its own day and its own errors, so editing
// Monday re-renders Monday's row and nothing else (the grid itself subscribes to nothing).
import { memo } from 'react';
import { capitalize } from '../../../core/schedule-model.ts';
import type { Weekday } from '../../../core/schemas/schedule.ts';
import { addRange, removeRange, setDayOpen, setRangeTime } from '../draft/draft-edits.ts';
import { FieldMessage, invalidProps } from '../components/FieldMessage.tsx';
import { errorsUnder } from '../store/selectors.ts';
import { useActions, useUi, useUiShallow } from '../store/store-context.tsx';
import { TimeRangeFields } from './TimeRangeFields.tsx';
import { useRenderProbe } from '../components/render-probe.ts';

export const DayRow = memo(function DayRow({ day }: { day: Weekday }) {
  useRenderProbe(`DayRow:${day}`);
  const hours = useUi((s) => s.draft?.week[day] ?? null);
  const errors = useUiShallow((s) => errorsUnder(s.draftErrors, `week.${day}`));
  const { edit } = useActions();
  if (hours === null) return null;
  const name = capitalize(day);
  const dayPath = `week.${day}.ranges`;
  const dayError = errors[dayPath];
  return (
    <li className="day-row">
      <label className="day-name">
        <input type="checkbox" checked={hours.open} onChange={(event) => edit((s) => setDayOpen(s, day, event.target.checked))} {...invalidProps(dayPath, dayError)} />
        {name}
      </label>
      <div className="day-ranges">
        {hours.open ? (
          hours.ranges.map((range, index) => (
            <TimeRangeFields
              key={index}
              owner={name}
              path={`${dayPath}.${index}`}
              index={index}
              range={range}
              errors={errors}
              onChange={(end, time) => edit((s) => setRangeTime(s, day, index, end, time))}
              onRemove={hours.ranges.length > 1 ? () => edit((s) => removeRange(s, day, index)) : null}
            />
          ))
        ) : (
          <p className="closed-note">Closed all day — chat unavailable, widget disabled</p>
        )}
        <FieldMessage path={dayPath} message={dayError} />
      </div>
      <div className="day-actions">
        {hours.open && (
          <button type="button" className="quiet" aria-label={`Add hours to ${name}`} onClick={() => edit((s) => addRange(s, day))}>
            Add hours
          </button>
        )}
      </div>
    </li>
  );
});
