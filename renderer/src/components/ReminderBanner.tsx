// The forgotten-offline reminder under the header while main says it is active, with the same two
// answers as the notification and the tray.
import { offlineReminderActions } from '../../../core/offline-reminder.ts';
import { selectFailure } from '../store/selectors.ts';
import { useActions, useUi } from '../store/store-context.tsx';

const selectSetOnlineFailure = selectFailure('setOnline');
const selectSnoozeFailure = selectFailure('snoozeReminder');

export function ReminderBanner() {
  // Main always words the reminder while it is active (core's offlineReminder): shown as given.
  const message = useUi((s) => (s.app?.reminder?.active ? s.app.reminder.message : null));
  const goOnlineFailure = useUi(selectSetOnlineFailure);
  const snoozeFailure = useUi(selectSnoozeFailure);
  const { setOnline, snoozeReminder } = useActions();
  if (message === null) return null;
  const failure = snoozeFailure ?? goOnlineFailure;
  return (
    <section className="reminder" aria-labelledby="reminder-message">
      {/* An alert: said as soon as it appears, whatever the staff member is doing in the window. */}
      <p id="reminder-message" role="alert" className="reminder-message">
        <span aria-hidden="true">⚠ </span>
        {message}
      </p>
      <div className="reminder-actions">
        <button type="button" className="primary" onClick={() => void setOnline({ online: true })}>
          {offlineReminderActions.goOnline}
        </button>
        <button type="button" onClick={() => void snoozeReminder()}>
          {offlineReminderActions.snooze}
        </button>
      </div>
      {failure && <p className="field-error">{failure.message}</p>}
    </section>
  );
}
