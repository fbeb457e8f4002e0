// Time as the controller sees it, injected so tests move time by hand instead of sleeping, and so the
// app can correct the PC's clock by the server's.

export type TimerHandle = { cancel(): void };

export interface Clock {
  now(): Date;
  /** Runs `callback` once after `delayMs`; the handle cancels it. */
  setTimer(callback: () => void, delayMs: number): TimerHandle;
}

/** Node's timers cap a delay at 2^31-1 ms (~24.8 days); longer ones would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export const systemClock: Clock = {
  now: () => new Date(),
  setTimer(callback, delayMs) {
    const timer = setTimeout(callback, Math.min(Math.max(0, delayMs), MAX_TIMER_MS));
    // The tray app and the preview host stay alive by their own means; a pending retry must not.
    timer.unref();
    return { cancel: () => clearTimeout(timer) };
  },
};

/** A timer slot holding at most one pending callback: arming it again replaces the previous one. */
export class OneShotTimer {
  readonly #clock: Clock;
  #handle: TimerHandle | null = null;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  get armed(): boolean {
    return this.#handle !== null;
  }

  arm(callback: () => void, delayMs: number): void {
    this.cancel();
    const handle = this.#clock.setTimer(() => {
      if (this.#handle === handle) this.#handle = null;
      callback();
    }, delayMs);
    this.#handle = handle;
  }

  cancel(): void {
    this.#handle?.cancel();
    this.#handle = null;
  }
}

/**
 * The offset between the server's clock and this PC's, from HTTP `Date` headers. A PC whose clock is
 * five minutes slow would otherwise show "Accepting chats" for five minutes after the clinic closed.
 * A `Date` header has one-second resolution, so differences within that (plus half the round trip)
 * are measurement noise and count as none.
 */
export class ClockSkew {
  #offsetMs = 0;

  get offsetMs(): number {
    return this.#offsetMs;
  }

  /** `sentAt` / `receivedAt` are this PC's times (ms) around the request that returned `dateHeader`. */
  observe(dateHeader: string | null, sentAt: number, receivedAt: number): void {
    const serverSecond = dateHeader === null ? Number.NaN : Date.parse(dateHeader);
    if (!Number.isFinite(serverSecond) || receivedAt < sentAt) return;
    // The server wrote the header somewhere in [second, second + 1 s) while we waited.
    const estimate = serverSecond + 500 - (sentAt + receivedAt) / 2;
    const noise = 500 + (receivedAt - sentAt) / 2 + 500;
    this.#offsetMs = Math.abs(estimate) <= noise ? 0 : Math.round(estimate);
  }

  /** The server's idea of now, given this PC's. */
  serverTime(local: Date): Date {
    return new Date(local.getTime() + this.#offsetMs);
  }
}
