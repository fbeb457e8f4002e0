// Settings → Closures: dates the clinic is closed all day or keeps special hours (bank holidays, staff
// training). A closure replaces that date's weekly hours.
import { addClosure } from '../draft/draft-edits.ts';
import { addDays, todayIn } from '../format.ts';
import { useActions, useUi } from '../store/store-context.tsx';
import { ClosureRow } from './ClosureRow.tsx';
import { HolidayImport } from './HolidayImport.tsx';
import type { ChatSettings } from '../../../core/schemas/schedule.ts';

/** The first date from tomorrow that has no closure yet, on the clinic's calendar. */
function nextFreeDate(settings: ChatSettings, now: Date): string {
  const taken = new Set(settings.closures.map((closure) => closure.date));
  let date = addDays(todayIn(settings.timezone, now), 1);
  while (taken.has(date)) date = addDays(date, 1);
  return date;
}

export function ClosuresTab() {
  const count = useUi((s) => s.draft?.closures.length ?? 0);
  const { edit } = useActions();
  const now = useUi((s) => s.now);
  return (
    <div className="tab-body">
      <p className="hint">On these dates the weekly hours do not apply: web chat is closed all day (the widget is disabled), or open only during the special hours.</p>
      <HolidayImport />
      {count === 0 ? (
        <p className="empty">No closures yet.</p>
      ) : (
        <ul className="closure-list" aria-label="Closures">
          {Array.from({ length: count }, (_, index) => (
            <ClosureRow key={index} index={index} />
          ))}
        </ul>
      )}
      <button type="button" onClick={() => edit((s) => addClosure(s, { date: nextFreeDate(s, now()), ranges: [] }))}>
        Add a closure
      </button>
    </div>
  );
}
