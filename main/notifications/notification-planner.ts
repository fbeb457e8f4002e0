// Shows what notification-rules.ts decides, holding the memory the rules need: the previous snapshot, and
// the run of sync failures already reported, with the timer for its one-minute grace.
import type { AppState } from '../../core/schemas/app-api.ts';
import { OneShotTimer } from '../controller/clock.ts';
import type { Clock } from '../controller/clock.ts';
import type { ReminderDue } from '../controller/offline-reminder-watch.ts';
import type { BaseAppState } from '../controller/app-state.ts';
import { SYNC_FAILURE_GRACE_MS, reminderNotification, statusChangeNotifications, syncFailureNotification } from './notification-rules.ts';
import type { DesktopNotifier } from './notifier.ts';

export class NotificationPlanner {
  readonly #clock: Clock;
  readonly #notifier: Pick<DesktopNotifier, 'show' | 'close'>;
  readonly #timer: OneShotTimer;
  #previous: AppState | null = null;
  /** The run of failures being watched: its `failingSince` and when this PC first saw it. */
  #failure: { since: string; firstSeenAt: Date; reported: boolean } | null = null;

  constructor(options: { clock: Clock; notifier: Pick<DesktopNotifier, 'show' | 'close'> }) {
    this.#clock = options.clock;
    this.#notifier = options.notifier;
    this.#timer = new OneShotTimer(options.clock);
  }

  observe(state: AppState): void {
    const previous = this.#previous;
    this.#previous = state;
    if (previous) for (const notification of statusChangeNotifications(previous, state)) this.#notifier.show(notification);
    // Answered here, in the window or on another PC: the reminder leaves the screen.
    if (!state.reminder?.active) this.#notifier.close('reminder');
    this.#watchSyncFailure(state);
  }

  /** The controller found a forgotten-offline reminder due (core/offline-reminder.ts). */
  reminderDue = (due: ReminderDue, state: BaseAppState): void => {
    const notification = reminderNotification(state, due);
    if (notification) this.#notifier.show(notification);
  };

  stop(): void {
    this.#timer.cancel();
  }

  #watchSyncFailure(state: AppState): void {
    const since = state.sync.failingSince ?? null;
    if (since === null) {
      this.#failure = null;
      this.#timer.cancel();
    } else if (this.#failure?.since !== since) {
      this.#failure = { since, firstSeenAt: this.#clock.now(), reported: false };
      this.#timer.arm(() => this.#checkSyncFailure(), SYNC_FAILURE_GRACE_MS);
    }
  }

  #checkSyncFailure(): void {
    const failure = this.#failure;
    const state = this.#previous;
    if (failure === null || failure.reported || state === null) return;
    const notification = syncFailureNotification(state, failure.firstSeenAt, this.#clock.now());
    if (notification) {
      failure.reported = true;
      this.#notifier.show(notification);
    }
  }
}
