// The History tab's list as pages arrive: newest first, each entry once (entry ids are the server's
// event ids, increasing), older pages appended with "Show older", and newer entries put on top when
// the first page is read again after a change.
import type { HistoryEntry, HistoryResponse } from '../../../core/schemas/history.ts';

export type HistoryList = { entries: HistoryEntry[]; nextBefore: number | null };

/**
 * A fresh first page merged above what is shown. When the page does not reach down to the newest
 * entry shown (more than a page of changes happened meanwhile), the list starts over from this page,
 * so there is never a silent hole in it.
 */
export function withNewest(list: HistoryList, page: HistoryResponse): HistoryList {
  const newest = list.entries[0]?.id;
  if (newest === undefined) return { entries: page.entries, nextBefore: page.nextBefore };
  const reaches = page.nextBefore === null || page.entries.some((entry) => entry.id <= newest);
  if (!reaches) return { entries: page.entries, nextBefore: page.nextBefore };
  const fresh = page.entries.filter((entry) => entry.id > newest);
  return fresh.length === 0 ? list : { entries: [...fresh, ...list.entries], nextBefore: list.nextBefore };
}

/** The next older page, after the oldest entry shown. */
export function withOlder(list: HistoryList, page: HistoryResponse): HistoryList {
  const oldest = list.entries.at(-1)?.id ?? Number.POSITIVE_INFINITY;
  return { entries: [...list.entries, ...page.entries.filter((entry) => entry.id < oldest)], nextBefore: page.nextBefore };
}
