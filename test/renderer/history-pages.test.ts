import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../core/schemas/history.ts';
import { withNewest, withOlder } from '../../renderer/src/history/history-pages.ts';

const entry = (id: number): HistoryEntry => ({
  id,
  at: new Date(Date.UTC(2026, 10, 25, 10, id)).toISOString(),
  changedBy: 'Front desk 1',
  kind: 'presence',
  changes: [{ field: 'presence', online: id % 2 === 0, offlineUntil: null }],
});
const ids = (entries: HistoryEntry[]): number[] => entries.map((e) => e.id);

describe('history pages', () => {
  it('puts newer entries from a fresh first page on top, each entry once, keeping the cursor for older ones', () => {
    const shown = { entries: [entry(5), entry(4), entry(3)], nextBefore: 3 };
    const merged = withNewest(shown, { entries: [entry(7), entry(6), entry(5), entry(4)], nextBefore: 4 });
    expect(ids(merged.entries)).toEqual([7, 6, 5, 4, 3]);
    expect(merged.nextBefore).toBe(3);
    expect(withNewest(merged, { entries: [entry(7), entry(6)], nextBefore: 6 })).toBe(merged); // nothing new
  });

  it('starts over from the fresh page when more than a page of changes came in meanwhile (no silent hole)', () => {
    const shown = { entries: [entry(3), entry(2)], nextBefore: null };
    const merged = withNewest(shown, { entries: [entry(9), entry(8)], nextBefore: 8 });
    expect(merged).toEqual({ entries: [entry(9), entry(8)], nextBefore: 8 });
  });

  it('appends an older page below the oldest entry shown', () => {
    const shown = { entries: [entry(9), entry(8)], nextBefore: 8 };
    expect(withOlder(shown, { entries: [entry(8), entry(7), entry(6)], nextBefore: null })).toEqual({ entries: [entry(9), entry(8), entry(7), entry(6)], nextBefore: null });
  });
});
