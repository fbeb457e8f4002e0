// Time for tests that run real servers and PCs: a chosen instant plus the real time elapsed since (on
// the monotonic clock), so retries, heartbeats and timers run in real time while the date, hour,
// weekday and zone are the test's, never the machine's. `shift` moves time on for good: timers that
// fall due by the shifted time fire at once, as they would had that time really passed.
import { systemClock } from '../../../main/controller/clock.ts';
import type { Clock, TimerHandle } from '../../../main/controller/clock.ts';

/** Wednesday 25 November 2026, 10:00 in London (GMT in November): inside the default 09:00–18:00 hours. */
export const TEST_START = new Date('2026-11-25T10:00:00Z');

export class RunningClock implements Clock {
  readonly #start: number;
  readonly #startedAt = performance.now();
  #shiftMs = 0;
  readonly #pending = new Set<{ due: number; fire(): void }>();

  constructor(start: Date) {
    this.#start = start.getTime();
  }

  /** A function, not a method, so it can be handed on as a server's `now`. */
  readonly now = (): Date => new Date(this.#start + (performance.now() - this.#startedAt) + this.#shiftMs);

  setTimer(callback: () => void, delayMs: number): TimerHandle {
    const pending = {
      due: this.now().getTime() + delayMs,
      fire: () => {
        this.#pending.delete(pending);
        real.cancel();
        callback();
      },
    };
    const real = systemClock.setTimer(() => pending.fire(), delayMs);
    this.#pending.add(pending);
    return {
      cancel: () => {
        this.#pending.delete(pending);
        real.cancel();
      },
    };
  }

  shift(ms: number): void {
    this.#shiftMs += ms;
    const now = this.now().getTime();
    for (const pending of [...this.#pending].filter((candidate) => candidate.due <= now)) pending.fire();
  }

  /** This clock as a PC whose wall clock is off by `offsetMs` reads it; its timers are the same. */
  offsetBy(offsetMs: number): Clock {
    return { now: () => new Date(this.now().getTime() + offsetMs), setTimer: (callback, delayMs) => this.setTimer(callback, delayMs) };
  }
}

/** The clock of a test file's servers and PCs unless a test sets its own: TEST_START plus the file's run time. */
export const testClock = new RunningClock(TEST_START);
