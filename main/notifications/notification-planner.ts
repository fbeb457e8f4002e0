// Watches the state snapshots and decides, with notification-rules.ts, when to notify. Holds the one
// piece of memory the rules need (the previous snapshot, and which run of sync failures was already
// reported) and the timer that fires when sync has been failing for a minute.
import type { AppState } from '../../core/schemas/app-api.ts';
import { OneShotTimer } from '../controller/clock.ts';
import type { Clock } from '../controller/clock.ts';
import { SYNC_FAILURE_GRACE_MS, statusChangeNotifications, syncFailureNotification } from './notification-rules.ts';
import type { StaffNotification } from './notification-rules.ts';

export class NotificationPlanner {
  readonly #clock: Clock;
  readonly #show: (notification: StaffNotification) => void;
  readonly #timer: OneShotTimer;
  #previous: AppState | null = null;
  /** The run of failures being watched: its `failingSince` and when this PC first saw it. */
  #failure: { since: string; firstSeenAt: Date; reported: boolean } | null = null;

  constructor(options: { clock: Clock; show: (notification: StaffNotification) => void }) {
    this.#clock = options.clock;
    this.#show = options.show;
    this.#timer = new OneShotTimer(options.clock);
  }

  observe(state: AppState): void {
    const previous = this.#previous;
    this.#previous = state;
    if (previous) for (const notification of statusChangeNotifications(previous, state)) this.#show(notification);
    this.#watchSyncFailure(state);
  }

  stop(): void {
    this.#timer.cancel();
  }

  #watchSyncFailure(state: AppState): void {
    const since = state.sync.failingSince ?? null;
    if (since === null) {
      this.#failure = null;
      this.#timer.cancel();
      return;
    }
    if (this.#failure?.since !== since) {
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
      this.#show(notification);
    }
  }
}
