// Pending operations as a pure queue, plus a thin wrapper that writes each new queue before the UI hears back.
//
// Exactly-once: a presence op's id is its Idempotency-Key. Once an op has been attempted it may have
// reached the server, so it is never dropped or changed; it is retried as-is with the same key and the
// server deduplicates. Only ops that were never attempted may be superseded by newer ones.
import { z } from 'zod';
import { isoInstantSchema } from '../../core/schemas/schedule.ts';
import { chatSettingsSchema } from '../../core/schemas/schedule.ts';
import type { ChatSettings } from '../../core/schemas/schedule.ts';

const attemptFields = {
  id: z.uuid(),
  createdAt: isoInstantSchema,
  attempts: z.int().min(0),
  lastAttemptAt: isoInstantSchema.nullable(),
};

const presenceOperationSchema = z.strictObject({
  kind: z.literal('presence'),
  ...attemptFields,
  online: z.boolean(),
  offlineUntil: isoInstantSchema.nullable(),
  changedBy: z.string().min(1),
});

const settingsSaveOperationSchema = z.strictObject({
  kind: z.literal('settings'),
  ...attemptFields,
  /** Checked against the schedule model when read back from disk, like the server copy. */
  settings: chatSettingsSchema,
  /** Sent as If-Match: the server version this save was based on (null = first save). */
  baseVersion: z.int().min(0).nullable(),
  /** This PC's name when staff saved, for the change history (X-Changed-By). */
  changedBy: z.string().min(1),
});

export const outboxOperationSchema = z.discriminatedUnion('kind', [presenceOperationSchema, settingsSaveOperationSchema]);

export type SettingsSaveOperation = z.infer<typeof settingsSaveOperationSchema>;
export type OutboxOperation = z.infer<typeof outboxOperationSchema>;
export type Outbox = readonly OutboxOperation[];

type NewOperationContext = { id: string; now: Date };

const neverAttempted = (op: OutboxOperation): boolean => op.attempts === 0;

const fresh = (context: NewOperationContext) => ({ id: context.id, createdAt: context.now.toISOString(), attempts: 0, lastAttemptAt: null });

/** Presence is last-writer-wins state, so an unsent older toggle is pointless once a newer one exists. */
export function enqueuePresence(queue: Outbox, change: { online: boolean; offlineUntil: string | null; changedBy: string }, context: NewOperationContext): OutboxOperation[] {
  const kept = queue.filter((op) => op.kind !== 'presence' || !neverAttempted(op));
  return [...kept, { kind: 'presence', ...fresh(context), ...change }];
}

/** A newer save of the whole settings replaces an unsent older one on the same base version. */
export function enqueueSettingsSave(queue: Outbox, save: { settings: ChatSettings; baseVersion: number | null; changedBy: string }, context: NewOperationContext): OutboxOperation[] {
  const kept = queue.filter((op) => !(op.kind === 'settings' && neverAttempted(op) && op.baseVersion === save.baseVersion));
  return [...kept, { kind: 'settings', ...fresh(context), ...save }];
}

/** The next op of a kind, oldest first. Kinds are independent: a settings conflict never holds up a toggle. */
export function nextOperation<K extends OutboxOperation['kind']>(
  queue: Outbox,
  kind: K,
): Extract<OutboxOperation, { kind: K }> | undefined {
  return queue.find((op): op is Extract<OutboxOperation, { kind: K }> => op.kind === kind);
}

/** Record an attempt; persist the result *before* sending, so a crash mid-request counts as attempted. */
export function markAttempted(queue: Outbox, id: string, now: Date): OutboxOperation[] {
  return queue.map((op) => (op.id === id ? { ...op, attempts: op.attempts + 1, lastAttemptAt: now.toISOString() } : op));
}

/**
 * The server accepted the op. For a settings save, later saves built on the same base were built on
 * top of this one, so they are rebased onto the version the server just assigned.
 */
export function acknowledge(queue: Outbox, id: string, newVersion?: number): OutboxOperation[] {
  const done = queue.find((op) => op.id === id);
  const rest = queue.filter((op) => op.id !== id);
  if (done?.kind !== 'settings' || newVersion === undefined) return rest;
  return rest.map((op) => (op.kind === 'settings' && op.baseVersion === done.baseVersion ? { ...op, baseVersion: newVersion } : op));
}

/** Drop an op for good (e.g. the staff member chose "use theirs" in a conflict). */
export function removeOperation(queue: Outbox, id: string): OutboxOperation[] {
  return queue.filter((op) => op.id !== id);
}

export type BackoffOptions = { baseMs?: number; capMs?: number; random?: () => number };

/**
 * Delay before retry number `attempt` (0-based): exponential with full jitter, uniformly in
 * [0, min(cap, base·2^attempt)), so many PCs coming back after an outage don't retry in step.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const { baseMs = 1_000, capMs = 60_000, random = Math.random } = options;
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
  const r = Math.min(Math.max(random(), 0), 1 - Number.EPSILON);
  return Math.floor(r * ceiling);
}

/** Where the queue is kept; AppStore implements it. */
export interface OutboxStorage {
  getOutbox(): OutboxOperation[];
  setOutbox(operations: readonly OutboxOperation[]): void;
}

/** The queue bound to its storage: every change is written before the method returns. */
export class PersistedOutbox {
  readonly #storage: OutboxStorage;
  #queue: OutboxOperation[];

  constructor(storage: OutboxStorage) {
    this.#storage = storage;
    this.#queue = storage.getOutbox();
  }

  get operations(): Outbox {
    return this.#queue;
  }

  update(change: (queue: Outbox) => OutboxOperation[]): void {
    const next = change(this.#queue);
    this.#storage.setOutbox(next); // throws if the disk write fails: then nothing is acknowledged
    this.#queue = next;
  }
}
