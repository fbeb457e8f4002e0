import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultSettings } from '../../core/schedule-model.ts';
import type { ChatSettings } from '../../core/schemas/schedule.ts';
import {
  PersistedOutbox,
  acknowledge,
  backoffDelay,
  enqueuePresence,
  enqueueSettingsSave,
  markAttempted,
  nextOperation,
  removeOperation,
} from '../../main/sync/outbox.ts';
import type { OutboxOperation, OutboxStorage } from '../../main/sync/outbox.ts';
import { noSecretBox } from '../../main/store/secret-box.ts';
import { openAppStore } from '../../main/store/store.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 9, minute));
let counter = 0;
const nextId = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;
const ctx = (minute = 0) => ({ id: nextId(), now: at(minute) });
const offline = { online: false, offlineUntil: null, changedBy: 'Front desk 2' };
const online = { online: true, offlineUntil: null, changedBy: 'Front desk 2' };
/** Distinct, valid settings: `n` is the number of closures, so saves can be told apart. */
const hours = (n = 0): ChatSettings => ({
  ...defaultSettings('Europe/London'),
  closures: Array.from({ length: n }, (_, i) => ({ date: `2026-12-${String(i + 1).padStart(2, '0')}`, ranges: [] })),
});

describe('outbox queue', () => {
  it('lets a newer toggle supersede an older one that was never sent', () => {
    const first = enqueuePresence([], offline, ctx());
    const second = enqueuePresence(first, online, ctx(1));
    expect(second).toHaveLength(1);
    expect(second[0]).toMatchObject({ kind: 'presence', online: true, attempts: 0 });
  });

  it('keeps an attempted toggle with its idempotency key, and queues the newer one behind it', () => {
    const first = enqueuePresence([], offline, ctx());
    const sentOnce = markAttempted(first, first[0]!.id, at(1));
    const withNewer = enqueuePresence(sentOnce, online, ctx(2));
    expect(withNewer.map((op) => [op.id, op.attempts])).toEqual([
      [first[0]!.id, 1],
      [withNewer[1]!.id, 0],
    ]);
    // Retried as-is: the same key goes out again, so the server applies it at most once.
    expect(nextOperation(withNewer, 'presence')?.id).toBe(first[0]!.id);
    expect(nextOperation(acknowledge(withNewer, first[0]!.id), 'presence')).toMatchObject({ online: true });
  });

  it('keeps presence and settings independent, so a stuck save does not hold up the switch', () => {
    const save = enqueueSettingsSave([], { settings: hours(), baseVersion: 3, changedBy: 'Reception' }, ctx());
    const queue = enqueuePresence(save, offline, ctx(1));
    expect(nextOperation(queue, 'presence')).toMatchObject({ online: false });
    expect(nextOperation(queue, 'settings')).toMatchObject({ baseVersion: 3 });
  });

  it('replaces an unsent save on the same base, and rebases later saves when an attempted one lands', () => {
    const s1 = enqueueSettingsSave([], { settings: hours(1), baseVersion: 3, changedBy: 'Reception' }, ctx());
    const s2 = enqueueSettingsSave(s1, { settings: hours(2), baseVersion: 3, changedBy: 'Reception' }, ctx(1));
    expect(s2).toHaveLength(1);
    expect(s2[0]).toMatchObject({ settings: hours(2) });

    const attempted = markAttempted(s2, s2[0]!.id, at(2));
    const s3 = enqueueSettingsSave(attempted, { settings: hours(3), baseVersion: 3, changedBy: 'Reception' }, ctx(3));
    expect(s3).toHaveLength(2);
    const afterAck = acknowledge(s3, s2[0]!.id, 4);
    expect(afterAck).toEqual([expect.objectContaining({ settings: hours(3), baseVersion: 4 })]);
  });

  it('removes an op for good', () => {
    const queue = enqueueSettingsSave([], { settings: hours(), baseVersion: null, changedBy: 'Reception' }, ctx());
    expect(removeOperation(queue, queue[0]!.id)).toEqual([]);
  });

  it('never drops or changes an attempted op and always ends with the latest intent (property)', () => {
    type Step = { type: 'toggle'; online: boolean } | { type: 'attempt' } | { type: 'ack' };
    const step = fc.oneof(
      fc.record({ type: fc.constant('toggle' as const), online: fc.boolean() }),
      fc.constant({ type: 'attempt' as const }),
      fc.constant({ type: 'ack' as const }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps: Step[]) => {
        let queue: OutboxOperation[] = [];
        let latest: boolean | null = null;
        for (const s of steps) {
          const before = queue.filter((op) => op.attempts > 0);
          if (s.type === 'toggle') {
            queue = enqueuePresence(queue, { ...offline, online: s.online }, ctx());
            latest = s.online;
          } else {
            const head = nextOperation(queue, 'presence');
            if (!head) continue;
            queue = s.type === 'attempt' ? markAttempted(queue, head.id, at(5)) : acknowledge(queue, head.id);
            if (s.type === 'ack') continue;
          }
          // Same key, same payload: only the attempt counter may move.
          for (const op of before) expect(queue).toContainEqual({ ...op, attempts: expect.any(Number), lastAttemptAt: expect.any(String) });
          expect(queue.filter((op) => op.attempts === 0).length).toBeLessThanOrEqual(1);
          const last = queue.at(-1);
          if (last?.kind === 'presence' && latest !== null) expect(last.online).toBe(latest);
        }
      }),
    );
  });
});

describe('backoff', () => {
  it('grows exponentially up to the cap, with full jitter', () => {
    expect(backoffDelay(0, { random: () => 0.999999 })).toBe(999);
    expect(backoffDelay(3, { random: () => 0.5 })).toBe(4_000);
    expect(backoffDelay(20, { random: () => 0.5 })).toBe(30_000);
    expect(backoffDelay(10_000, { random: () => 0.5, capMs: 10_000 })).toBe(5_000);
    expect(backoffDelay(5, { random: () => 0 })).toBe(0);
  });

  it('stays within [0, min(cap, base·2^n)) for any random value (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, r) => {
        const delay = backoffDelay(attempt, { random: () => r });
        expect(Number.isInteger(delay)).toBe(true);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(Math.min(60_000, 1_000 * 2 ** attempt));
      }),
    );
  });
});

describe('persisted outbox', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('writes each change to disk before returning, and reads it back after a restart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chatdesk-outbox-'));
    dirs.push(dir);
    const store = () => openAppStore({ directory: dir, secretBox: noSecretBox });
    const outbox = new PersistedOutbox(store());
    outbox.update((queue) => enqueuePresence(queue, offline, ctx()));
    const onDisk = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as { outbox: OutboxOperation[] };
    expect(onDisk.outbox).toEqual([...outbox.operations]);

    const reopened = new PersistedOutbox(store());
    expect(reopened.operations).toEqual(outbox.operations);
    expect(reopened.operations).toHaveLength(1);
  });

  it('acknowledges nothing when the write fails', () => {
    const failing: OutboxStorage = {
      getOutbox: () => [],
      setOutbox: () => {
        throw new Error('EACCES');
      },
    };
    const outbox = new PersistedOutbox(failing);
    expect(() => outbox.update((queue) => enqueuePresence(queue, offline, ctx()))).toThrow('EACCES');
    expect(outbox.operations).toHaveLength(0);
  });
});
