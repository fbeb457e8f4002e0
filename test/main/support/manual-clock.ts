// A clock the test moves by hand: timers fire, in order, only when the test advances past them.
// Used where the behaviour under test is "at 18:00 exactly" or "after a one-minute grace".
import type { Clock, TimerHandle } from '../../../main/controller/clock.ts';

type Pending = { due: number; order: number; callback: () => void };

export class ManualClock implements Clock {
  #now: number;
  #order = 0;
  readonly #timers = new Set<Pending>();

  constructor(start: Date | string) {
    this.#now = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.#now);
  }

  setTimer(callback: () => void, delayMs: number): TimerHandle {
    const timer: Pending = { due: this.#now + Math.max(0, delayMs), order: this.#order++, callback };
    this.#timers.add(timer);
    return { cancel: () => this.#timers.delete(timer) };
  }

  /** Due times (ISO) of the timers still pending, earliest first. */
  pending(): string[] {
    return [...this.#timers].sort((a, b) => a.due - b.due).map((timer) => new Date(timer.due).toISOString());
  }

  /** Moves time forward, firing every timer that falls due on the way at its own instant. */
  advanceTo(instant: Date | string): void {
    const target = new Date(instant).getTime();
    for (;;) {
      const next = [...this.#timers].filter((timer) => timer.due <= target).sort((a, b) => a.due - b.due || a.order - b.order)[0];
      if (!next) break;
      this.#timers.delete(next);
      this.#now = Math.max(this.#now, next.due);
      next.callback();
    }
    this.#now = Math.max(this.#now, target);
  }

  advance(ms: number): void {
    this.advanceTo(new Date(this.#now + ms));
  }

  /**
   * Moves the wall clock without firing anything, as a suspended PC sees it on waking: pending timers
   * keep their remaining time (Node's timers run on a monotonic clock that stops during sleep).
   */
  sleep(ms: number): void {
    this.#now += ms;
    for (const timer of this.#timers) timer.due += ms;
  }
}
