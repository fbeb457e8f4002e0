// The start and end of one time range, named "Monday start time" / "Monday end time 2" (or "Closure 1
// start time"), with "ends next day" when the range passes midnight and errors beside the fields.
import type { TimeRange } from '../../../core/schemas/schedule.ts';
import { FieldMessage, invalidProps } from '../components/FieldMessage.tsx';
import { endsNextDay } from '../format.ts';
import { rangeFieldName } from '../messages.ts';
import type { RangeEnd } from '../draft/draft-edits.ts';

type Props = {
  owner: string;
  /** Where this range's errors live in parseSettings' paths, e.g. "week.monday.ranges.1". */
  path: string;
  index: number;
  range: TimeRange;
  errors: Record<string, string>;
  onChange(end: RangeEnd, time: string): void;
  onRemove: (() => void) | null;
};

// A native time input follows the PC's 12/24-hour habit; it cannot show 24:00, which ends a day
// exactly like 00:00 does, so 24:00 is displayed as 00:00 (and kept unless edited).
const inputValue = (time: string): string => (time === '24:00' ? '00:00' : time);

export function TimeRangeFields({ owner, path, index, range, errors, onChange, onRemove }: Props) {
  const startError = errors[`${path}.start`];
  const endError = errors[`${path}.end`];
  const startName = rangeFieldName(owner, 'start', index);
  const endName = rangeFieldName(owner, 'end', index);
  return (
    <div className="time-range">
      <div className="time-range-fields">
        <input type="time" aria-label={startName} value={inputValue(range.start)} onChange={(event) => onChange('start', event.target.value)} {...invalidProps(`${path}.start`, startError)} />
        <span aria-hidden="true">to</span>
        <input type="time" aria-label={endName} value={inputValue(range.end)} onChange={(event) => onChange('end', event.target.value)} {...invalidProps(`${path}.end`, endError)} />
        {endsNextDay(range) && <span className="next-day">ends next day</span>}
        {onRemove && (
          <button type="button" className="quiet" aria-label={`Remove ${owner} hours ${index + 1}`} onClick={onRemove}>
            Remove
          </button>
        )}
      </div>
      <FieldMessage path={`${path}.start`} message={startError} />
      <FieldMessage path={`${path}.end`} message={endError} />
    </div>
  );
}
