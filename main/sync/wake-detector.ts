// Noticing a sleep where Electron's powerMonitor is not (the preview host): Node's timers stop while the
// machine is suspended but the wall clock does not, so a 15 s timer that fires minutes late means a sleep.

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
