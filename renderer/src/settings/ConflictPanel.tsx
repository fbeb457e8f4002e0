// Another PC saved first (412): both versions side by side, the differences said in words, and staff
// decide. A lazy chunk, so core's settings-diff stays out of the first load.
import { settingsChanges } from '../../../core/settings-diff.ts';
import type { SettingsChange } from '../../../core/schemas/history.ts';
import { capitalize, weekdays } from '../../../core/schedule-model.ts';
import type { ChatSettings, DayHours } from '../../../core/schemas/schedule.ts';
import { dateText, dayHoursText } from '../format.ts';
import { useActions, useUi } from '../store/store-context.tsx';

type Line = { key: string; label: string; mine: string; theirs: string; differs: boolean };

function channelText(settings: ChatSettings): string {
  const { sms, whatsapp } = settings.channels;
  const parts = [sms && `SMS ${sms}`, whatsapp && `WhatsApp ${whatsapp}`].filter(Boolean);
  return parts.length === 0 ? 'Web chat only' : parts.join(', ');
}

function emergencyText(settings: ChatSettings): string {
  const { emergency } = settings;
  return emergency ? `${emergency.label}: ${emergency.phone}` : 'None';
}

/** Earliest date first, so the same closures typed or imported in another order read the same. */
function closuresText(settings: ChatSettings): string {
  const closures = settings.closures.toSorted((a, b) => a.date.localeCompare(b.date));
  if (closures.length === 0) return 'None';
  const shown = closures.slice(0, 4).map((closure) => dateText(closure.date));
  return `${closures.length}: ${shown.join(', ')}${closures.length > shown.length ? ', …' : ''}`;
}

/** Earliest range first ("HH:mm" sorts as text), so the same hours typed in another order read the same. */
function dayText(hours: DayHours): string {
  return dayHoursText({ ...hours, ranges: hours.ranges.toSorted((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end)) });
}

/** The row a change belongs to: a day by its name, anything else by its field. */
const rowOf = (change: SettingsChange): string => (change.field === 'week' ? change.day : change.field);

/**
 * The rows side by side. Which differ is core's settingsChanges, the change history's rule: the order
 * ranges or closures were typed in and the hidden hours of an unticked day are no difference.
 */
function comparison(mine: ChatSettings, theirs: ChatSettings): Line[] {
  const differing = new Set(settingsChanges(theirs, mine).map(rowOf));
  const line = (key: string, label: string, text: (s: ChatSettings) => string): Line => ({ key, label, mine: text(mine), theirs: text(theirs), differs: differing.has(key) });
  return [
    ...weekdays.map((day) => line(day, capitalize(day), (s) => dayText(s.week[day]))),
    line('timezone', 'Time zone', (s) => s.timezone),
    line('closures', 'Closures', closuresText),
    line('channels', 'Channels', channelText),
    line('emergency', 'Emergency contact', emergencyText),
  ];
}

export function ConflictPanel() {
  const conflict = useUi((s) => s.app?.sync.conflict ?? null);
  const { resolveConflict } = useActions();
  if (conflict === null) return null;
  return (
    <section className="conflict" aria-labelledby="conflict-title">
      <h2 id="conflict-title">Someone else saved first</h2>
      <p>Another PC saved different settings while you were editing. Choose which version to keep; the other is discarded.</p>
      <table className="conflict-table">
        <caption className="visually-hidden">Your version and the saved version, side by side</caption>
        <thead>
          <tr>
            <th scope="col">Setting</th>
            <th scope="col">Yours (not saved)</th>
            <th scope="col">Saved on the server (version {conflict.theirs.version})</th>
          </tr>
        </thead>
        <tbody>
          {comparison(conflict.mine, conflict.theirs.settings).map((line) => (
            <tr key={line.key} className={line.differs ? 'differs' : undefined}>
              <th scope="row">
                {line.label}
                {line.differs && <span className="badge">differs</span>}
              </th>
              <td>{line.mine}</td>
              <td>{line.theirs}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="conflict-actions">
        <button type="button" className="primary" onClick={() => void resolveConflict('keep-mine')}>
          Keep mine
        </button>
        <button type="button" onClick={() => void resolveConflict('use-theirs')}>
          Use theirs
        </button>
      </div>
    </section>
  );
}
