// Every AppState snapshot goes out from here, the reminder judged on it, and only when something changed;
// one timer wakes it at the next instant the status or the reminder can change by itself.
import type { AppState } from '../../core/schemas/app-api.ts';
import type { BaseAppState } from './app-state.ts';
import type { AppStore } from '../store/store.ts';
import { OneShotTimer } from './clock.ts';
import type { Clock } from './clock.ts';
import { OfflineReminderWatch } from './offline-reminder-watch.ts';
import type { ReminderDueListener } from './offline-reminder-watch.ts';

/** The longest the timer sleeps, so a wall-clock jump (NTP, a changed time) is noticed. */
const MAX_RECHECK_TIMER_MS = 10 * 60_000;

/** `now`: the server's idea of now (this PC's clock corrected by the skew); `snapshot`: everything but the reminder. */
type StatePublisherOptions = { store: Pick<AppStore, 'getReminderMemory' | 'setReminderMemory'>; clock: Clock; now(): Date; snapshot(): BaseAppState };

export class StatePublisher {
  readonly #options: StatePublisherOptions;
  readonly #listeners = new Set<(state: AppState) => void>();
  readonly #reminder: OfflineReminderWatch;
  readonly #timer: OneShotTimer;
  #lastPublished = '';
  #stopped = false;

  constructor(options: StatePublisherOptions) {
    this.#options = options;
    this.#reminder = new OfflineReminderWatch({ store: options.store, now: options.now });
    this.#timer = new OneShotTimer(options.clock);
  }

  /** The state now, with no side effect. */
  get state(): AppState {
    const base = this.#options.snapshot();
    return { ...base, reminder: this.#reminder.info(base) };
  }

  subscribe(listener: (state: AppState) => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  /** A reminder notification is due (at most once per offline episode and snooze), with the snapshot it was judged on. */
  onReminderDue(listener: ReminderDueListener): () => void {
    return this.#reminder.onDue(listener);
  }

  /** "Remind me in 15 minutes". Nothing to snooze (chat is back online meanwhile) is not an error: the wish is met. */
  snoozeReminder(): void {
    this.#reminder.snooze(this.#options.snapshot());
  }

  /** Builds the snapshot, announcing a reminder that falls due, pushes it if anything changed, and sets the timer. */
  publish(): AppState {
    const base = this.#options.snapshot();
    const reminder = this.#reminder.update(base);
    const state: AppState = { ...base, reminder: reminder.info };
    const serialized = JSON.stringify(state);
    if (serialized !== this.#lastPublished) {
      this.#lastPublished = serialized;
      for (const listener of this.#listeners) {
        try {
          listener(state);
        } catch {
          // One broken subscriber (a closed window) must not stop the others or the controller.
        }
      }
    }
    // Server instants, compared with this PC's clock corrected to the server's.
    const due = [state.status.changesAt, reminder.checkAt].flatMap((instant) => (instant === null ? [] : [Date.parse(instant)]));
    if (due.length === 0 || this.#stopped) this.#timer.cancel();
    else this.#timer.arm(() => this.publish(), Math.min(Math.max(Math.min(...due) - this.#options.now().getTime(), 0), MAX_RECHECK_TIMER_MS));
    return state;
  }

  stop(): void {
    this.#stopped = true;
    this.#timer.cancel();
    this.#reminder.stop();
    this.#listeners.clear();
  }
}
