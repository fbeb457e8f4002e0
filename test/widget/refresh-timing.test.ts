import { describe, expect, it } from 'vitest';
import { RECHECK_INTERVAL_MS, nextCheckDelay, retryDelay } from '../../server/widget/browser/refresh-timing.ts';

const now = Date.parse('2026-11-25T08:59:30Z');

describe('nextCheckDelay', () => {
  it('checks every minute when no boundary is near', () => {
    expect(nextCheckDelay({ accepting: false, opensAt: '2026-11-26T09:00:00Z', closesAt: null }, now, 0)).toBe(RECHECK_INTERVAL_MS);
    expect(nextCheckDelay({ accepting: false, opensAt: null, closesAt: null }, now, 0.5)).toBe(RECHECK_INTERVAL_MS);
  });

  it('checks just after the next opening while closed, and the next closing while open', () => {
    const opening = nextCheckDelay({ accepting: false, opensAt: '2026-11-25T09:00:00Z', closesAt: null }, now, 0);
    expect(opening).toBeGreaterThan(30_000);
    expect(opening).toBeLessThan(32_000);
    const closing = nextCheckDelay({ accepting: true, opensAt: '2026-11-25T09:00:00Z', closesAt: '2026-11-25T09:00:10Z' }, now, 0.99);
    expect(closing).toBeGreaterThan(40_000);
    expect(closing).toBeLessThan(43_500);
  });

  it('waits a little, not a busy loop, when the page clock is ahead of the server', () => {
    expect(nextCheckDelay({ accepting: false, opensAt: '2026-11-25T08:00:00Z', closesAt: null }, now, 0)).toBe(15_000);
  });
});

describe('retryDelay', () => {
  it('backs off from 15 seconds to at most 5 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 50].map(retryDelay)).toEqual([15_000, 30_000, 60_000, 120_000, 240_000, 300_000, 300_000]);
  });
});
