// The window's own words; sentences about availability and durations come from core/wording.ts.
import type { SyncInfo } from '../../core/schemas/app-api.ts';

export const untilSwitchedBackLabel = 'until I switch back';

/** The sync indicator's words for each state; the detail says what waits, or why. */
export function syncIndicatorText({ state, pending, lastError }: Pick<SyncInfo, 'state' | 'pending' | 'lastError'>): { label: string; detail: string | null } {
  const waiting = pending > 0 ? `${pending} change${pending === 1 ? '' : 's'} waiting` : null;
  const texts: Record<SyncInfo['state'], [string, string | null]> = {
    synced: ['Saved', null],
    saving: ['Saving…', waiting],
    offline: ['Offline — will sync when the connection returns', waiting],
    conflict: ['Conflict — someone else saved first', 'Choose which hours to keep in Settings'],
    connecting: ['Connecting…', waiting],
    'not-connected': ['Not connected', null],
    error: ['Not synced', lastError?.message ?? null],
  };
  const [label, detail] = texts[state];
  return { label, detail };
}

/** The Save bar's state line. */
export function saveStateText(state: { unsaved: boolean; inFlight: boolean; waitingForServer: boolean }): string {
  if (state.unsaved) return 'Unsaved changes';
  if (!state.inFlight) return 'No unsaved changes';
  return state.waitingForServer ? 'Saved on this PC — sent when the connection returns' : 'Saving…';
}

export const fixFieldsText = (count: number): string => `Fix ${count === 1 ? 'the highlighted field' : `the ${count} highlighted fields`} before saving.`;

export function holidaysAddedText(added: number, skipped: number): string {
  return `Added ${added} public holiday${added === 1 ? '' : 's'} as closures${skipped > 0 ? ` (${skipped} already in the list)` : ''}. Save to apply them.`;
}

/** "Monday start time", "Monday end time 2": the accessible names staff and tests find fields by. */
export function rangeFieldName(owner: string, end: 'start' | 'end', index: number): string {
  return `${owner} ${end} time${index === 0 ? '' : ` ${index + 1}`}`;
}
