// Noticing that the PC slept, where Electron's powerMonitor is not available (the preview host).
// Node's timers run on a monotonic clock that stops while the machine is suspended, but wall-clock
// time does not: a timer set for 15 s that fires minutes later (by the wall clock) means a sleep.

import type { Clock, TimerHandle } from '../controller/clock.ts';

type WakeDetectorOptions = { intervalMs?: number; toleranceMs?: number };

/** Calls `onWake` after a suspend; returns the function that stops watching. */
export function watchForWake(clock: Clock, onWake: () => void, options: WakeDetectorOptions = {}): () => void {
  const intervalMs = options.intervalMs ?? 15_000;
  const toleranceMs = options.toleranceMs ?? 30_000;
  let expected = clock.now().getTime() + intervalMs;
  let handle: TimerHandle;
  const tick = (): void => {
    const now = clock.now().getTime();
    if (now - expected > toleranceMs) onWake();
    expected = now + intervalMs;
    handle = clock.setTimer(tick, intervalMs);
  };
  handle = clock.setTimer(tick, intervalMs);
  return () => handle.cancel();
}
