// One closure: a date closed all day, or open with special hours instead of the weekly ones. Field
// names carry the closure's position ("Closure 2 date"), which does not change while typing.
import { memo } from 'react';
import { nextRangeAfter, removeClosure, updateClosure } from '../draft/draft-edits.ts';
import { FieldMessage, invalidProps } from '../components/FieldMessage.tsx';
import { dateText } from '../format.ts';
import { errorsUnder } from '../store/selectors.ts';
import { useActions, useUi, useUiShallow } from '../store/store-context.tsx';
import { TimeRangeFields } from './TimeRangeFields.tsx';

export const ClosureRow = memo(function ClosureRow({ index }: { index: number }) {
  const closure = useUi((s) => s.draft?.closures[index] ?? null);
  const path = `closures.${index}`;
  const errors = useUiShallow((s) => errorsUnder(s.draftErrors, path));
  const { edit } = useActions();
  if (closure === null) return null;
  const owner = `Closure ${index + 1}`;
  const allDay = closure.ranges.length === 0;
  const update = (change: Parameters<typeof updateClosure>[2]): void => edit((s) => updateClosure(s, index, change));
  const setRanges = (ranges: typeof closure.ranges): void => update({ ranges });
  const title = [closure.label?.trim(), dateText(closure.date)].filter(Boolean).join(' · ');

  return (
    <li>
      <fieldset className="closure">
        <legend>
          {owner}
          {title && `: ${title}`}
        </legend>
        <div className="inline-controls">
          <label>
            <span className="visually-hidden">{owner} </span>Date
            <input type="date" value={closure.date} onChange={(event) => update({ date: event.target.value })} {...invalidProps(`${path}.date`, errors[`${path}.date`])} />
          </label>
          <label>
            <span className="visually-hidden">{owner} </span>Name
            <input
              type="text"
              value={closure.label ?? ''}
              placeholder="Bank holiday, staff training…"
              onChange={(event) => update({ label: event.target.value === '' ? undefined : event.target.value })}
              {...invalidProps(`${path}.label`, errors[`${path}.label`])}
            />
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={allDay} onChange={(event) => setRanges(event.target.checked ? [] : [nextRangeAfter([])])} />
            <span className="visually-hidden">{owner} </span>Closed all day
          </label>
          <button type="button" className="quiet" aria-label={`Remove closure ${index + 1}`} onClick={() => edit((s) => removeClosure(s, index))}>
            Remove
          </button>
        </div>
        <FieldMessage path={`${path}.date`} message={errors[`${path}.date`]} />
        <FieldMessage path={`${path}.label`} message={errors[`${path}.label`]} />
        {!allDay && (
          <div className="closure-hours">
            <p className="hint">Special hours on this date (instead of the weekly hours):</p>
            {closure.ranges.map((range, rangeIndex) => (
              <TimeRangeFields
                key={rangeIndex}
                owner={owner}
                path={`${path}.ranges.${rangeIndex}`}
                index={rangeIndex}
                range={range}
                errors={errors}
                onChange={(end, time) => setRanges(closure.ranges.map((r, i) => (i === rangeIndex ? { ...r, [end]: time } : r)))}
                onRemove={closure.ranges.length > 1 ? () => setRanges(closure.ranges.filter((_, i) => i !== rangeIndex)) : null}
              />
            ))}
            <button type="button" className="quiet" aria-label={`Add hours to ${owner}`} onClick={() => setRanges([...closure.ranges, nextRangeAfter(closure.ranges)])}>
              Add hours
            </button>
          </div>
        )}
      </fieldset>
    </li>
  );
});
