// Sends the outbox, one lane per kind, oldest first. Each attempt is on disk before the request leaves (so
// a crash mid-request keeps its idempotency key); failures retry with backoff and jitter, a reconnect at once.
import { sameJson } from '../../core/same-json.ts';
import type { Presence } from '../../core/schemas/schedule.ts';
import type { SettingsResponse } from '../../core/schemas/http-api.ts';
import { OneShotTimer } from '../controller/clock.ts';
import type { Clock } from '../controller/clock.ts';
import { acknowledge, backoffDelay, markAttempted, nextOperation, removeOperation } from './outbox.ts';
import type { BackoffOptions, OutboxOperation, PersistedOutbox } from './outbox.ts';
import { staleSettings } from './server-client.ts';
import type { ServerClient, ServerFailure } from './server-client.ts';
import type { SyncEvent } from './sync-session.ts';

type Kind = OutboxOperation['kind'];

type OutboxSenderOptions = {
  outbox: PersistedOutbox;
  clock: Clock;
  client: Pick<ServerClient, 'putPresence' | 'putSettings'>;
  /** Sent, conflict, rejected, failed (retried by itself) or refused (sending stops). */
  emit(event: SyncEvent): void;
  backoff?: BackoffOptions | undefined;
};

function verdictOf(failure: ServerFailure): 'retry' | 'stale' | 'refused' | 'rejected' {
  if (failure.kind !== 'rejected' || failure.status === 429 || failure.status >= 500) return 'retry';
  if (failure.status === 412) return 'stale';
  return [401, 403, 404].includes(failure.status) ? 'refused' : 'rejected';
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
      for (let op = nextOperation(this.#options.outbox.operations, kind); op && !this.#blocked.has(op.id) && !this.#stopped; op = nextOperation(this.#options.outbox.operations, kind)) {
        const verdict = await this.#attempt(op);
        // `op` is the queue entry from before this attempt: its count is the number of earlier failures.
        if (verdict === 'retry' && !this.#stopped) this.#retry[kind].arm(() => void this.#drain(kind), backoffDelay(op.attempts, this.#options.backoff));
        if (verdict !== 'sent') return;
      }
    } finally {
      this.#busy[kind] = false;
    }
  }

  async #attempt(op: OutboxOperation): Promise<'sent' | 'retry' | 'wait'> {
    const { outbox, clock, client, emit } = this.#options;
    try {
      outbox.update((queue) => markAttempted(queue, op.id, clock.now()));
    } catch {
      return 'retry'; // the disk refused the write: try again later rather than send unrecorded
    }
    const answer = op.kind === 'presence'
      ? await client.putPresence({ online: op.online, offlineUntil: op.offlineUntil, changedBy: op.changedBy }, op.id)
      : await client.putSettings(op.settings, op.baseVersion ?? 0, op.changedBy);
    if (this.#stopped) return 'wait';
    if (answer.ok && op.kind === 'settings') {
      const saved = answer.value as SettingsResponse;
      outbox.update((queue) => acknowledge(queue, op.id, saved.version));
      emit({ kind: 'settings-sent', op, saved });
      return 'sent';
    }
    if (answer.ok) {
      outbox.update((queue) => acknowledge(queue, op.id));
      emit({ kind: 'presence-sent', presence: answer.value as Presence });
      return 'sent';
    }
    const { failure } = answer;
    const verdict = verdictOf(failure);
    const current = op.kind === 'settings' && verdict === 'stale' ? staleSettings(failure) : null;
    if (verdict === 'refused') {
      this.stop();
      emit({ kind: 'refused', failure });
      return 'wait';
    }
    if (verdict === 'rejected') {
      outbox.update((queue) => removeOperation(queue, op.id));
      emit({ kind: 'rejected', op, failure });
      return 'sent';
    }
    if (op.kind !== 'settings' || current === null) {
      emit({ kind: 'failed', failure });
      return 'retry';
    }
    // 412: based on an older version. If the server holds exactly these settings, an earlier attempt got through.
    if (sameJson(current.settings, op.settings)) {
      outbox.update((queue) => acknowledge(queue, op.id, current.version));
      emit({ kind: 'settings-sent', op, saved: current });
      return 'sent';
    }
    this.#blocked.add(op.id); // until staff choose "Keep mine" or "Use theirs"
    emit({ kind: 'conflict', op, current });
    return 'wait';
  }
}
