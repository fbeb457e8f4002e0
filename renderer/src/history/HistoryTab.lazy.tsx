// Settings → History: every change the server recorded, newest first, on the clinic's clock in this
// PC's locale; "Show older" pages back. It reads again when this PC hears of a change, so a colleague's
// appears without reloading. A lazy chunk: not in the first load.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../core/schemas/app-api.ts';
import { MIN_HISTORY_RETENTION_DAYS } from '../../../core/schemas/history.ts';
import { wordingOptions } from '../format.ts';
import { selectClinicTimezone } from '../store/selectors.ts';
import { useActions, useUi } from '../store/store-context.tsx';
import { HistoryEntryLine } from './HistoryEntryLine.tsx';
import { withNewest, withOlder } from './history-pages.ts';
import type { HistoryList } from './history-pages.ts';
import './history.css';

type Loaded = { status: 'loading' } | { status: 'failed'; error: AppError } | ({ status: 'ready' } & HistoryList);
type Older = { status: 'idle' } | { status: 'loading' } | { status: 'failed'; error: AppError };

/** Changes this PC has heard of: when either moves on, the server has a new entry to show. */
function useChangeSignal(): string {
  const version = useUi((s) => s.app?.server?.version ?? null);
  const presenceChangedAt = useUi((s) => s.app?.server?.presence.changedAt ?? null);
  return `${version}|${presenceChangedAt}`;
}

export function HistoryTab() {
  const { readHistory } = useActions();
  const timezone = useUi(selectClinicTimezone);
  const now = useUi((s) => s.now);
  const signal = useChangeSignal();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [older, setOlder] = useState<Older>({ status: 'idle' });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const readNewest = useCallback(async () => {
    const result = await readHistory({});
    if (!mounted.current) return;
    setLoaded((current) => {
      if (!result.ok) return current.status === 'ready' ? current : { status: 'failed', error: result.error };
      return { status: 'ready', ...withNewest(current.status === 'ready' ? current : { entries: [], nextBefore: null }, result.history) };
    });
  }, [readHistory]);

  // The first page, and again whenever a change is heard of.
  useEffect(() => {
    void readNewest();
  }, [readNewest, signal]);

  async function showOlder(before: number): Promise<void> {
    setOlder({ status: 'loading' });
    const result = await readHistory({ before });
    if (!mounted.current) return;
    if (!result.ok) return setOlder({ status: 'failed', error: result.error });
    setOlder({ status: 'idle' });
    setLoaded((current) => (current.status === 'ready' ? { status: 'ready', ...withOlder(current, result.history) } : current));
  }

  function retry(): void {
    setLoaded({ status: 'loading' });
    void readNewest();
  }

  if (loaded.status === 'loading') return <p className="hint" aria-busy="true">Loading the history…</p>;
  if (loaded.status === 'failed') {
    return (
      <div className="tab-body">
        <p className="field-error" role="alert">
          {loaded.error.message}
        </p>
        <div>
          <button type="button" onClick={retry}>
            Try again
          </button>
        </div>
      </div>
    );
  }

  const options = wordingOptions(timezone ?? 'UTC', now());
  return (
    <div className="tab-body history">
      <p className="hint">
        Who switched chat online or offline and who changed the settings, newest first. Times are the clinic’s ({timezone ?? 'UTC'}).
      </p>
      {loaded.entries.length === 0 ? (
        <p className="empty">No changes recorded yet. Switching chat online or offline and saving settings show up here.</p>
      ) : (
        <ol className="history-list" aria-label="Changes, newest first">
          {loaded.entries.map((entry) => (
            <HistoryEntryLine key={entry.id} entry={entry} options={options} />
          ))}
        </ol>
      )}
      {loaded.nextBefore !== null ? (
        <div className="history-more">
          <button type="button" disabled={older.status === 'loading'} onClick={() => void showOlder(loaded.nextBefore!)}>
            {older.status === 'loading' ? 'Loading older changes…' : 'Show older'}
          </button>
          {older.status === 'failed' && (
            <p className="field-error" role="alert">
              {older.error.message}
            </p>
          )}
        </div>
      ) : (
        loaded.entries.length > 0 && <p className="hint">That is everything recorded. Changes are kept for at least {MIN_HISTORY_RETENTION_DAYS} days.</p>
      )}
    </div>
  );
}
