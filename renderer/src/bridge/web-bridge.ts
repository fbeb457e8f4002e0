// The AppApi over the preview host's protocol (core/preview-contract.ts): a POST per operation and one
// same-origin event stream of state snapshots. Used when the page is not inside Electron.
import { appApiChannels } from '../../../core/app-channels.ts';
import type { AppApi, AppApiOperation, AppApiResult, AppResult, AppState } from '../../../core/schemas/app-api.ts';
import { previewPaths, previewStateEvent } from '../../../core/preview-contract.ts';
import type { PreviewOperationRequest } from '../../../core/preview-contract.ts';

const lostContact = (detail: string): AppResult => ({
  ok: false,
  error: { code: 'internal', message: `Lost contact with Clinic Chat Desk on this PC (${detail}). Reload the page to try again.` },
});

/** An AppResult, or getHistory's HistoryResult: both say `ok`, and carry an `error` when it is false. */
type OperationAnswer = AppApiResult<AppApiOperation>;

function isOperationAnswer(value: unknown): value is OperationAnswer {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

export function createWebBridge(): AppApi {
  async function invoke(operation: AppApiOperation, args: unknown[]): Promise<OperationAnswer> {
    const body = JSON.stringify({ args } satisfies PreviewOperationRequest);
    let response: Response;
    try {
      response = await fetch(previewPaths.operation(operation), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        credentials: 'same-origin',
        // The stash written as the page goes away must outlive it (Chromium allows keepalive up to 64 KB).
        keepalive: operation === 'stashDraft' && body.length < 60_000,
      });
    } catch (error) {
      return lostContact(error instanceof Error ? error.message : 'network error');
    }
    // The host answers an AppResult for failures too (with a 4xx status); anything else is a broken link.
    const answer: unknown = await response.json().catch(() => null);
    return isOperationAnswer(answer) ? answer : lostContact(`HTTP ${response.status}`);
  }

  const listeners = new Set<(state: AppState) => void>();
  let events: EventSource | null = null;

  function onState(event: MessageEvent<string>): void {
    let state: AppState;
    try {
      state = JSON.parse(event.data) as AppState;
    } catch {
      return; // a torn message; the next snapshot replaces it anyway
    }
    for (const listener of listeners) listener(state);
  }

  // app-channels.ts names every operation without pulling zod into the first load (core/schemas/app-api.ts would).
  const operations = Object.fromEntries(
    (Object.keys(appApiChannels) as AppApiOperation[]).map((operation) => [operation, (...args: unknown[]) => invoke(operation, args)]),
  ) as Omit<AppApi, 'subscribe'>;

  return {
    ...operations,
    subscribe(listener) {
      listeners.add(listener);
      if (events === null) {
        // EventSource reconnects by itself after the host restarts or the PC sleeps.
        events = new EventSource(previewPaths.events);
        events.addEventListener(previewStateEvent, onState as EventListener);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && events !== null) {
          events.close();
          events = null;
        }
      };
    },
  };
}
