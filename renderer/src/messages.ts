// The staff UI's own words (labels, the sync indicator, hints). Sentences about availability — the
// status line, the owners' banner, the going-offline warning, times — come from core/wording.ts; this
// catalogue only holds what is particular to this window.
import type { SyncInfo } from '../../core/schemas/app-api.ts';

export const untilSwitchedBackLabel = 'until I switch back';

export type SyncIndicatorText = { label: string; detail: string | null };

/** The sync indicator: saved / saving / offline — will sync when the connection returns / conflict. */
export function syncIndicatorText(sync: Pick<SyncInfo, 'state' | 'pending' | 'lastError'>): SyncIndicatorText {
  const pending = sync.pending > 0 ? `${sync.pending} change${sync.pending === 1 ? '' : 's'} waiting` : null;
  switch (sync.state) {
    case 'synced':
      return { label: 'Saved', detail: null };
    case 'saving':
      return { label: 'Saving…', detail: pending };
    case 'offline':
      return { label: 'Offline — will sync when the connection returns', detail: pending };
    case 'conflict':
      return { label: 'Conflict — someone else saved first', detail: 'Choose which hours to keep in Settings' };
    case 'connecting':
      return { label: 'Connecting…', detail: pending };
    case 'not-connected':
      return { label: 'Not connected', detail: null };
    case 'error':
      return { label: 'Not synced', detail: sync.lastError?.message ?? null };
  }
}

/** "Monday start time", "Monday end time 2": the accessible names staff and tests find fields by. */
export function rangeFieldName(owner: string, end: 'start' | 'end', index: number): string {
  return `${owner} ${end} time${index === 0 ? '' : ` ${index + 1}`}`;
}
