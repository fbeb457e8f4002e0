// How long the switch may stay Offline during opening hours before this PC reminds staff ("Off" turns it
// off); the rule itself is core's offlineReminder, run by main.
import { DEFAULT_OFFLINE_REMINDER_MINUTES, offlineReminderActions } from '../../../core/offline-reminder.ts';
import { durationText } from '../../../core/wording.ts';
import { useActions, useUi } from '../store/store-context.tsx';

const choices = [15, 30, 45, 60, 90, 120];

export function ReminderPreference() {
  const minutes = useUi((s) => s.app?.preferences.offlineReminderMinutes ?? DEFAULT_OFFLINE_REMINDER_MINUTES);
  const { setPreference } = useActions();
  // A value the list does not offer (set through the AppApi) stays selectable as it is.
  const options = choices.includes(minutes) || minutes === 0 ? choices : [...choices, minutes].sort((a, b) => a - b);
  return (
    <div className="field">
      <label htmlFor="offline-reminder">Remind me when chat is left offline during opening hours</label>
      <select
        id="offline-reminder"
        value={minutes}
        aria-describedby="offline-reminder-hint"
        onChange={(event) => void setPreference({ key: 'offlineReminderMinutes', value: Number(event.target.value) })}
      >
        <option value={0}>Off</option>
        {options.map((choice) => (
          <option key={choice} value={choice}>
            after {durationText(choice)}
          </option>
        ))}
      </select>
      <p className="hint" id="offline-reminder-hint">
        {`When the switch has been Offline this long while the clinic is open, this PC shows a reminder with “${offlineReminderActions.goOnline}” and “${offlineReminderActions.snooze}”.`}{' '}
        Never outside opening hours or during a timed break.
      </p>
    </div>
  );
}
