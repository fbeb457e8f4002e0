// Two PCs of one clinic, each with its own controller and data directory, against the real server:
// a change on one shows on the other within a second, and a save based on an old version becomes a
// conflict that staff resolve, never a silent overwrite.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../core/schedule-model.ts';
import type { ChatSettings } from '../../core/schemas/schedule.ts';
import { sameJson } from '../../core/same-json.ts';
import { connectPc, openPc, settled, startClinicServer, waitFor } from './support/controller-harness.ts';
import type { ClinicServer, TestPc } from './support/controller-harness.ts';

/** The promise: a change made on another PC shows here within a second. */
const WITHIN_A_SECOND = 1_000;

let server: ClinicServer;
let frontDesk: TestPc;
let reception: TestPc;
beforeEach(async () => {
  server = await startClinicServer();
  frontDesk = openPc({ pcName: 'Front desk 1' });
  reception = openPc({ pcName: 'Reception' });
  await Promise.all([connectPc(frontDesk, server), connectPc(reception, server)]);
  await Promise.all([settled(frontDesk), settled(reception)]);
});
afterEach(async () => {
  frontDesk.dispose();
  reception.dispose();
  await server.dispose();
});

const withSaturdayMorning = (settings: ChatSettings, end: string): ChatSettings => ({
  ...settings,
  week: { ...settings.week, saturday: { open: true, ranges: [{ start: '09:00', end }] } },
});

/** Saves as the window does: the draft with the version it was based on, here the PC's latest copy. */
const save = (pc: TestPc, settings: ChatSettings) => pc.api.saveSettings({ settings, baseVersion: pc.controller.state.server!.version });

describe('two PCs of one clinic', () => {
  it('see each other’s switch within a second, both ways, with who switched', async () => {
    for (const [from, to, online] of [
      [frontDesk, reception, false],
      [reception, frontDesk, true],
      [frontDesk, reception, false],
    ] as const) {
      const result = await from.api.setOnline({ online });
      expect(result.ok).toBe(true);
      const seen = await waitFor(() => to.controller.state.presence, (presence) => presence?.online === online, WITHIN_A_SECOND);
      expect(seen?.changedBy).toBe(from === frontDesk ? 'Front desk 1' : 'Reception');
    }
    // Within the default hours on the test clock (a Wednesday morning in London): offline by the switch, and by whom.
    expect(reception.controller.state.status).toMatchObject({ tone: 'offline-by-switch', sentence: expect.stringContaining('(Front desk 1)') });
  });

  it('see each other’s saved hours within a second', async () => {
    const edited = withSaturdayMorning(defaultSettings('Europe/London'), '12:00');
    expect((await save(frontDesk, edited)).ok).toBe(true);
    const copy = await waitFor(() => reception.controller.state.server, (server) => server !== null && sameJson(server.settings, edited), WITHIN_A_SECOND);
    expect(copy?.version).toBe((await server.settings()).version);
    // The saving PC's save is done once the server has it.
    await waitFor(() => frontDesk.controller.state.sync.pendingSettings, (pending) => pending === null);
  });

  it('turn a save on an old version into a conflict with both versions; "Keep mine" re-saves on theirs', async () => {
    const base = (await server.settings()).settings;
    const theirs = withSaturdayMorning(base, '12:00');
    const mine = withSaturdayMorning(base, '13:00');
    // Reception starts editing first, on the current version…
    const receptionBase = reception.controller.state.server!.version;
    // …while Front desk saves other hours.
    await save(frontDesk, theirs);
    await waitFor(() => frontDesk.controller.state.sync, (sync) => sync.pending === 0 && sync.state === 'synced');

    expect((await reception.api.saveSettings({ settings: mine, baseVersion: receptionBase })).ok).toBe(true);
    const conflicted = await waitFor(() => reception.controller.state.sync, (sync) => sync.state === 'conflict');
    expect(sameJson(conflicted.conflict?.mine, mine)).toBe(true);
    expect(sameJson(conflicted.conflict?.theirs.settings, theirs)).toBe(true);
    // Nothing was overwritten, and saving again waits for a decision.
    expect(sameJson((await server.settings()).settings, theirs)).toBe(true);
    expect(await save(reception, mine)).toMatchObject({ ok: false, error: { code: 'conflict' } });

    expect((await reception.api.resolveConflict('keep-mine')).ok).toBe(true);
    await waitFor(() => server.settings(), (current) => sameJson(current.settings, mine));
    await waitFor(() => frontDesk.controller.state.server, (copy) => copy !== null && sameJson(copy.settings, mine));
    await waitFor(() => reception.controller.state.sync, (sync) => sync.state === 'synced' && sync.pendingSettings === null);
  });

  it('"Use theirs" drops the local edit and keeps the other PC’s hours', async () => {
    const base = (await server.settings()).settings;
    const theirs = withSaturdayMorning(base, '12:00');
    const receptionBase = reception.controller.state.server!.version;
    await save(frontDesk, theirs);
    await waitFor(() => frontDesk.controller.state.sync.pending, (pending) => pending === 0);
    await reception.api.saveSettings({ settings: withSaturdayMorning(base, '13:00'), baseVersion: receptionBase });
    await waitFor(() => reception.controller.state.sync.state, (state) => state === 'conflict');

    const result = await reception.api.resolveConflict('use-theirs');
    expect(result).toMatchObject({ ok: true, state: { sync: { conflict: null, pending: 0, pendingSettings: null } } });
    expect(result.ok && sameJson(result.state.server?.settings, theirs)).toBe(true);
    expect(sameJson((await server.settings()).settings, theirs)).toBe(true);
    expect(await reception.api.resolveConflict('use-theirs')).toMatchObject({ ok: false, error: { code: 'no-conflict' } });
  });
});
