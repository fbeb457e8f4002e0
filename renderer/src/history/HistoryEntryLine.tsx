// One recorded change: "Wed 14:02 · Front desk 2 · went offline for 30 minutes". A save that changed
// several things lists them under one line. Worded here, in this PC's locale and clock habit.
import type { HistoryEntry } from '../../../core/schemas/history.ts';
import { changeText } from '../../../core/settings-diff.ts';
import { changeTime } from '../../../core/wording.ts';
import type { WordingOptions } from '../../../core/wording.ts';

/** Who made a change, when the PC did not give its name (a direct API call). */
const UNNAMED = 'A PC without a name';

export function HistoryEntryLine({ entry, options }: { entry: HistoryEntry; options: WordingOptions }) {
  const texts = entry.changes.map((change) => changeText(change, entry.at, options));
  return (
    <li className={`history-entry history-${entry.kind}`}>
      <p>
        <time dateTime={entry.at}>{changeTime(entry.at, options)}</time>
        {' · '}
        <span className="history-who">{entry.changedBy ?? UNNAMED}</span>
        {' · '}
        {texts.length === 1 ? texts[0] : `saved ${texts.length} changes:`}
      </p>
      {texts.length > 1 && (
        <ul className="history-changes">
          {texts.map((text, index) => (
            <li key={index}>{text}</li>
          ))}
        </ul>
      )}
    </li>
  );
}
