// Keeps the database from growing without end: deletes history entries past their retention (400 days
// by default, so "what did we do last year?" has an answer) and events past theirs (7 days: a PC off
// over a holiday still resumes its stream). Runs on every instance; the deletes are idempotent.
import { MIN_HISTORY_RETENTION_DAYS } from '../core/schemas/history.ts';
import type { ClinicStore } from './storage/clinic-store.ts';
import type { HistoryStore } from './storage/history-store.ts';

export const MIN_EVENT_RETENTION_DAYS = 1;
export const retentionDefaults = { historyDays: 400, eventDays: 7, intervalMs: 60 * 60 * 1000 };

const DAY_MS = 24 * 60 * 60 * 1000;

type RetentionPolicy = typeof retentionDefaults;
type PrunedCounts = { history: number; events: number };

type RetentionDependencies = {
  store: ClinicStore;
  history: HistoryStore;
  now: () => Date;
  onPruned: (counts: PrunedCounts) => void;
  onError: (error: unknown, message: string) => void;
};

/** Throws when a policy would break a promise (history kept 90 days) or resume (events kept a day). */
export function checkRetentionPolicy(policy: RetentionPolicy): void {
  if (!Number.isInteger(policy.historyDays) || policy.historyDays < MIN_HISTORY_RETENTION_DAYS) {
    throw new RangeError(`The change history must be kept at least ${MIN_HISTORY_RETENTION_DAYS} days, not ${policy.historyDays}`);
  }
  if (!Number.isInteger(policy.eventDays) || policy.eventDays < MIN_EVENT_RETENTION_DAYS) {
    throw new RangeError(`Events must be kept at least ${MIN_EVENT_RETENTION_DAYS} day, not ${policy.eventDays}`);
  }
  if (!(policy.intervalMs > 0)) throw new RangeError(`The retention interval must be positive, not ${policy.intervalMs}`);
}

export class RetentionJob {
  readonly #deps: RetentionDependencies;
  readonly #policy: RetentionPolicy;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #stopped = false;

  constructor(deps: RetentionDependencies, policy: RetentionPolicy) {
    this.#deps = deps;
    this.#policy = policy;
  }

  start(): void {
    this.#run();
  }

  /** Stops the schedule and waits for a run in progress, so the database can be closed after it. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#running;
  }

  /** One pass, with the cutoffs taken from the (injectable) clock. */
  async pruneOnce(): Promise<PrunedCounts> {
    const now = this.#deps.now().getTime();
    const history = await this.#deps.history.pruneOlderThan(new Date(now - this.#policy.historyDays * DAY_MS));
    const events = await this.#deps.store.pruneEventsOlderThan(new Date(now - this.#policy.eventDays * DAY_MS));
    return { history, events };
  }

  #run(): void {
    if (this.#stopped) return;
    this.#running = this.pruneOnce().then(
      (counts) => {
        if (counts.history > 0 || counts.events > 0) this.#deps.onPruned(counts);
      },
      // The database may be briefly away; the next run tries again.
      (error: unknown) => this.#deps.onError(error, 'pruning old history and events failed; retrying at the next run'),
    );
    void this.#running.then(() => {
      if (this.#stopped) return;
      this.#timer = setTimeout(() => this.#run(), this.#policy.intervalMs);
      this.#timer.unref();
    });
  }
}
