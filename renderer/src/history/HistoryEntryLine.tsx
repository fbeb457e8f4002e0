// One recorded change: "Wed 14:02 · Front desk 2 · went offline for 30 minutes". A save that changed
// several things lists them under one line. The change texts are core's (settings-diff.ts), written
// by the server when it recorded the change.
import type { HistoryEntry } from '../../../core/schemas/history.ts';
import { changeTime } from '../../../core/wording.ts';
import type { WordingOptions } from '../../../core/wording.ts';

/** Who made a change, when the PC did not give its name (an older app, a direct API call). */
const UNNAMED = 'A PC without a name';

export function HistoryEntryLine({ entry, options }: { entry: HistoryEntry; options: WordingOptions }) {
  const [only] = entry.changes;
  const single = entry.changes.length === 1 && only !== undefined;
  return (
    <li className={`history-entry history-${entry.kind}`}>
      <p>
        <time dateTime={entry.at}>{changeTime(entry.at, options)}</time>
        {' · '}
        <span className="history-who">{entry.changedBy ?? UNNAMED}</span>
        {' · '}
        {single ? only.text : `saved ${entry.changes.length} changes:`}
      </p>
      {!single && (
        <ul className="history-changes">
          {entry.changes.map((change, index) => (
            <li key={index}>{change.text}</li>
          ))}
        </ul>
      )}
    </li>
  );
}
