// The status line and the tray follow the clock with no server needed: the local copy of the hours is
// re-evaluated by one timer set for the next opening/closing instant (time injected here), not by polling.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPresence, defaultSettings } from '../../core/schedule-model.ts';
import type { AppState } from '../../core/schemas/app-api.ts';
import { AppController } from '../../main/controller/app-controller.ts';
import { noSecretBox } from '../../main/store/secret-box.ts';
import { openAppStore } from '../../main/store/store.ts';
import { ManualClock } from './support/manual-clock.ts';
import { offlinePcPerTest, testBackoff, waitFor } from './support/controller-harness.ts';

const scratch = offlinePcPerTest();

/** A PC that synced this clinic before (London, 09:00–18:00 every day) and now cannot reach the server. */
function previouslySyncedPc(clock: ManualClock): { controller: AppController; pushed: AppState[] } {
  const store = openAppStore({ directory: scratch.dir, secretBox: noSecretBox, hostname: 'FRONT-DESK', now: () => clock.now() });
  store.saveConnection({ serverUrl: scratch.deadAddress, clinicId: 'clinic-1', clinicName: 'Riverside Vets', token: 'token-1' });
  store.setServerCopy({ settings: defaultSettings('Europe/London'), version: 4, presence: defaultPresence(new Date('2026-11-25T08:00:00Z')), receivedAt: '2026-11-25T08:00:00Z' });
  const controller = new AppController({ store, clock, backoff: testBackoff });
  scratch.track(controller);
  const pushed: AppState[] = [];
  controller.subscribe((state) => pushed.push(state));
  controller.start();
  return { controller, pushed };
}

describe('status from the local copy, on an injected clock', () => {
  it('flips from accepting to outside hours exactly at closing time, by a timer set for that instant', async () => {
    const clock = new ManualClock('2026-11-25T17:59:00Z'); // a Wednesday; London is on UTC in November
    const { controller, pushed } = previouslySyncedPc(clock);
    await waitFor(() => controller.state.sync.state, (state) => state === 'offline');
    expect(controller.state.status).toEqual({ tone: 'accepting', sentence: 'Accepting chats · closes at 18:00', changesAt: '2026-11-25T18:00:00.000Z' });
    expect(clock.pending()).toContain('2026-11-25T18:00:00.000Z');

    const before = pushed.length;
    clock.advanceTo('2026-11-25T17:59:59.999Z');
    expect(pushed.slice(before).map((state) => state.status.tone)).not.toContain('outside-hours');

    clock.advanceTo('2026-11-25T18:00:00.000Z');
    expect(pushed.at(-1)?.status).toEqual({ tone: 'outside-hours', sentence: 'Outside business hours · opens tomorrow at 09:00', changesAt: expect.any(String) });
    expect(controller.state.status.tone).toBe('outside-hours');
  });

  it('ends a timed break by itself, switch and status together, while the server is unreachable', async () => {
    const clock = new ManualClock('2026-11-25T10:00:00Z');
    const { controller, pushed } = previouslySyncedPc(clock);
    await waitFor(() => controller.state.sync.state, (state) => state === 'offline');
    const result = await controller.handlers.setOnline({ online: false, offlineUntil: '2026-11-25T10:15:00Z' });
    expect(result).toMatchObject({ ok: true, state: { status: { tone: 'offline-by-switch', sentence: 'Offline · back at 10:15' }, presence: { online: false } } });

    clock.advanceTo('2026-11-25T10:15:00Z');
    expect(pushed.at(-1)).toMatchObject({
      status: { tone: 'accepting' },
      presence: { online: true, offlineUntil: null, changedAt: '2026-11-25T10:15:00.000Z', changedBy: 'FRONT-DESK' },
    });
  });

  it('refuses a break that ends in the past', async () => {
    const clock = new ManualClock('2026-11-25T10:00:00Z');
    const { controller } = previouslySyncedPc(clock);
    const result = await controller.handlers.setOnline({ online: false, offlineUntil: '2026-11-25T09:59:00Z' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', fields: [{ path: 'offlineUntil' }] } });
    expect(controller.state.sync.pending).toBe(0);
  });
});

describe('a corrupt settings file', () => {
  it('is moved aside; the app starts not connected, says so, and works', async () => {
    writeFileSync(join(scratch.dir, 'config.json'), '{"connection": {"serverUrl": "https://chat.exa');
    const clock = new ManualClock('2026-11-25T10:00:00Z');
    const store = openAppStore({ directory: scratch.dir, secretBox: noSecretBox, hostname: 'FRONT-DESK', now: () => clock.now() });
    const controller = new AppController({ store, clock, backoff: testBackoff });
    scratch.track(controller);
    controller.start();

    const state = controller.state;
    expect(state.connection).toBeNull();
    expect(state.status.tone).toBe('not-connected');
    expect(state.notices).toEqual([expect.objectContaining({ kind: 'store-recovered', message: expect.stringContaining('config.unreadable-') })]);
    expect(readdirSync(scratch.dir).some((name) => name.startsWith('config.unreadable-'))).toBe(true);

    const dismissed = await controller.handlers.dismissNotice({ id: state.notices[0]!.id });
    expect(dismissed).toMatchObject({ ok: true, state: { notices: [] } });
    expect(await controller.handlers.setPreference({ key: 'pcName', value: 'Reception' })).toMatchObject({ ok: true, state: { preferences: { pcName: 'Reception' } } });
  });
});

describe('a token this PC can no longer decrypt', () => {
  it('is said once, in one wording, in the notice and the sync line alike', () => {
    const box = { isEncryptionAvailable: () => true, encrypt: (text: string) => Buffer.from(text).toString('base64'), decrypt: (text: string) => Buffer.from(text, 'base64').toString() };
    openAppStore({ directory: scratch.dir, secretBox: box, hostname: 'FRONT-DESK' }).saveConnection({ serverUrl: scratch.deadAddress, clinicId: 'clinic-1', clinicName: 'Riverside Vets', token: 'token-1' });
    // The OS key changed (another user, a reinstalled keyring): the stored ciphertext is useless now.
    const clock = new ManualClock('2026-11-25T10:00:00Z');
    const store = openAppStore({ directory: scratch.dir, secretBox: { ...box, decrypt: () => { throw new Error('key changed'); } }, hostname: 'FRONT-DESK', now: () => clock.now() });
    const controller = new AppController({ store, clock, backoff: testBackoff });
    scratch.track(controller);
    controller.start();

    const { notices, sync } = controller.state;
    const notice = notices.find((candidate) => candidate.kind === 'token-unreadable');
    expect(notice?.message).toMatch(/Connect again with the clinic’s token/);
    expect(sync).toMatchObject({ state: 'error', lastError: { code: 'unauthorized', message: notice?.message } });
  });
});
