// Sends the outbox to the server: one lane per kind (presence, settings), oldest operation first.
// Each attempt is recorded on disk before the request leaves (a crash mid-request counts as tried,
// so the operation keeps its idempotency key and payload). Transient failures retry with exponential
// backoff and full jitter; a reconnect or a wake from sleep retries at once.
import type { Presence } from '../../core/schemas/schedule.ts';
import type { SettingsResponse } from '../../core/schemas/http-api.ts';
import { OneShotTimer } from '../controller/clock.ts';
import type { Clock } from '../controller/clock.ts';
import { acknowledge, backoffDelay, markAttempted, nextOperation, removeOperation } from './outbox.ts';
import type { BackoffOptions, OutboxOperation, PersistedOutbox, PresenceOperation, SettingsSaveOperation } from './outbox.ts';
import { staleSettings } from './server-client.ts';
import type { ServerAnswer, ServerFailure } from './server-client.ts';

type Kind = OutboxOperation['kind'];

export type OutboxSenderOptions = {
  outbox: PersistedOutbox;
  clock: Clock;
  backoff?: BackoffOptions;
  sendPresence(op: PresenceOperation): Promise<ServerAnswer<Presence>>;
  sendSettings(op: SettingsSaveOperation): Promise<ServerAnswer<SettingsResponse>>;
  /** The server applied the op; it has already been removed from the outbox. */
  onPresenceSent(op: PresenceOperation, presence: Presence): void;
  onSettingsSent(op: SettingsSaveOperation, saved: SettingsResponse): void;
  /**
   * 412: the save was based on an older version. The controller decides: `landed` (the server already
   * has exactly these settings: an earlier attempt got through, so it is acknowledged as sent) or
   * `conflict` (staff must choose; the op stays, blocked, until `unblock`).
   */
  onSettingsStale(op: SettingsSaveOperation, current: SettingsResponse): 'landed' | 'conflict';
  /** The server refused this op for good (e.g. 400); it has been removed from the outbox. */
  onRejected(op: OutboxOperation, failure: ServerFailure): void;
  /** 401/403/404: the token or the clinic is no longer valid; sending stops. */
  onRefused(failure: ServerFailure): void;
  /** A transient failure; the op will be retried. */
  onFailed(failure: ServerFailure): void;
};

type Verdict = 'retry' | 'stale' | 'refused' | 'rejected';

function verdictOf(failure: ServerFailure): Verdict {
  if (failure.kind !== 'rejected') return 'retry';
  if (failure.status === 412) return 'stale';
  if (failure.status === 401 || failure.status === 403 || failure.status === 404) return 'refused';
  if (failure.status === 429 || failure.status >= 500) return 'retry';
  return 'rejected';
}

export class OutboxSender {
  readonly #options: OutboxSenderOptions;
  readonly #retry: Record<Kind, OneShotTimer>;
  readonly #busy: Record<Kind, boolean> = { presence: false, settings: false };
  /** Saves waiting for staff to resolve a conflict: never re-sent as they are. */
  readonly #blocked = new Set<string>();
  #stopped = false;

  constructor(options: OutboxSenderOptions) {
    this.#options = options;
    this.#retry = { presence: new OneShotTimer(options.clock), settings: new OneShotTimer(options.clock) };
  }

  /**
   * Sends what waits. Without `force`, a lane that is backing off keeps waiting (so a burst of toggles
   * during an outage does not hammer the server); `force` is for "the server is back" moments.
   */
  kick(options: { force?: boolean } = {}): void {
    for (const kind of ['presence', 'settings'] as const) {
      if (this.#retry[kind].armed && !options.force) continue;
      this.#retry[kind].cancel();
      void this.#drain(kind);
    }
  }

  /** A conflicted save was resolved (its op removed or replaced): the settings lane may go on. */
  unblock(id: string): void {
    this.#blocked.delete(id);
    this.kick({ force: true });
  }

  stop(): void {
    this.#stopped = true;
    for (const timer of Object.values(this.#retry)) timer.cancel();
  }

  async #drain(kind: Kind): Promise<void> {
    if (this.#busy[kind] || this.#stopped) return;
    this.#busy[kind] = true;
    try {
      while (!this.#stopped) {
        const op = nextOperation(this.#options.outbox.operations, kind);
        if (!op || this.#blocked.has(op.id)) return;
        const verdict = await this.#attempt(op);
        if (verdict !== 'sent') {
          // `op` is the queue entry from before this attempt: its count is the number of earlier failures.
          if (verdict === 'retry') this.#scheduleRetry(kind, op.attempts);
          return;
        }
      }
    } finally {
      this.#busy[kind] = false;
    }
  }

  async #attempt(op: OutboxOperation): Promise<'sent' | 'retry' | 'wait'> {
    const { outbox, clock } = this.#options;
    try {
      outbox.update((queue) => markAttempted(queue, op.id, clock.now()));
    } catch {
      return 'retry'; // the disk refused the write: try again later rather than send unrecorded
    }
    const answer = op.kind === 'presence' ? await this.#options.sendPresence(op) : await this.#options.sendSettings(op);
    if (this.#stopped) return 'wait';
    if (answer.ok) {
      if (op.kind === 'presence') {
        outbox.update((queue) => acknowledge(queue, op.id));
        this.#options.onPresenceSent(op, answer.value as Presence);
      } else {
        const saved = answer.value as SettingsResponse;
        outbox.update((queue) => acknowledge(queue, op.id, saved.version));
        this.#options.onSettingsSent(op, saved);
      }
      return 'sent';
    }
    const { failure } = answer;
    switch (verdictOf(failure)) {
      case 'retry':
        this.#options.onFailed(failure);
        return 'retry';
      case 'refused':
        this.stop();
        this.#options.onRefused(failure);
        return 'wait';
      case 'rejected':
        outbox.update((queue) => removeOperation(queue, op.id));
        this.#options.onRejected(op, failure);
        return 'sent';
      case 'stale': {
        const current = op.kind === 'settings' ? staleSettings(failure) : null;
        if (op.kind !== 'settings' || current === null) {
          this.#options.onFailed(failure);
          return 'retry';
        }
        if (this.#options.onSettingsStale(op, current) === 'landed') {
          outbox.update((queue) => acknowledge(queue, op.id, current.version));
          this.#options.onSettingsSent(op, current);
          return 'sent';
        }
        this.#blocked.add(op.id);
        return 'wait';
      }
    }
  }

  #scheduleRetry(kind: Kind, earlierFailures: number): void {
    if (this.#stopped) return;
    const delay = backoffDelay(earlierFailures, this.#options.backoff);
    this.#retry[kind].arm(() => void this.#drain(kind), delay);
  }
}
