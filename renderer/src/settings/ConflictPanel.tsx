// Someone else saved first (the server answered 412): both versions side by side, differences said in
// words, and the staff member decides. Nothing is overwritten silently.
import { capitalize, weekdays } from '../../../core/schedule-model.ts';
import type { ChatSettings } from '../../../core/index.ts';
import { isEditableSettings, sameValue } from '../draft/editable-draft.ts';
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

function closuresText(settings: ChatSettings): string {
  const { closures } = settings;
  if (closures.length === 0) return 'None';
  const shown = closures.slice(0, 4).map((closure) => dateText(closure.date));
  return `${closures.length}: ${shown.join(', ')}${closures.length > shown.length ? ', …' : ''}`;
}

/** Differences are judged on the values, so an edited special-hours closure shows even if its date did not change. */
function comparison(mine: ChatSettings, theirs: ChatSettings): Line[] {
  const line = (key: string, label: string, text: (s: ChatSettings) => string, pick: (s: ChatSettings) => unknown): Line => ({
    key,
    label,
    mine: text(mine),
    theirs: text(theirs),
    differs: !sameValue(pick(mine), pick(theirs)),
  });
  return [
    ...weekdays.map((day) => line(day, capitalize(day), (s) => dayHoursText(s.week[day]), (s) => s.week[day])),
    line('timezone', 'Time zone', (s) => s.timezone, (s) => s.timezone),
    line('closures', 'Closures', closuresText, (s) => s.closures),
    line('channels', 'Channels', channelText, (s) => s.channels),
    line('emergency', 'Emergency contact', emergencyText, (s) => s.emergency ?? null),
  ];
}

export function ConflictPanel() {
  const conflict = useUi((s) => s.app?.sync.conflict ?? null);
  const { resolveConflict } = useActions();
  if (conflict === null) return null;
  const mine = isEditableSettings(conflict.mine) ? conflict.mine : null;
  const theirs = conflict.theirs.settings;
  return (
    <section className="conflict" aria-labelledby="conflict-title">
      <h2 id="conflict-title">Someone else saved first</h2>
      <p>Another PC saved different settings while you were editing. Choose which version to keep; the other is discarded.</p>
      {mine === null ? (
        <p>Your changes could not be read; “Use theirs” keeps the saved settings.</p>
      ) : (
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
            {comparison(mine, theirs).map((line) => (
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
      )}
      <div className="conflict-actions">
        <button type="button" className="primary" disabled={mine === null} onClick={() => void resolveConflict('keep-mine')}>
          Keep mine
        </button>
        <button type="button" onClick={() => void resolveConflict('use-theirs')}>
          Use theirs
        </button>
      </div>
    </section>
  );
}
