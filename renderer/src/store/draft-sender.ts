// Sends the draft to main as it is edited (main keeps it, so unsaved changes survive closing the
// window). One call at a time and only the newest value: typing fast never queues stale drafts, and
// answers cannot arrive out of order over the preview host's HTTP bridge.
import type { AppApi, AppResult } from '../../../core/schemas/app-api.ts';

export type DraftSender = {
  send(value: unknown): void;
  /** True while an edit has not been acknowledged by main yet. */
  busy(): boolean;
  /** Resolves once every edit made so far has reached main (before Save or Discard). */
  flush(): Promise<void>;
};

export function createDraftSender(api: Pick<AppApi, 'updateDraft'>, onResult: (result: AppResult, settled: boolean) => void): DraftSender {
  let waiting: { value: unknown } | null = null;
  let running: Promise<void> | null = null;

  async function pump(): Promise<void> {
    while (waiting !== null) {
      const { value } = waiting;
      waiting = null;
      let result: AppResult;
      try {
        result = await api.updateDraft(value);
      } catch (error) {
        result = { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
      }
      onResult(result, waiting === null);
    }
    running = null;
  }

  return {
    send(value) {
      waiting = { value };
      running ??= pump();
    },
    busy: () => running !== null,
    flush: async () => {
      while (running !== null) await running;
    },
  };
}
