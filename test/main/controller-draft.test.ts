// Main's side of the draft, which the window owns: a save carries the draft and its base version and is
// checked by parseSettings; the unsaved changes a window stashes outlive it; a save waiting for the
// server is in the state, so a window opened meanwhile shows it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../core/schedule-model.ts';
import type { ChatSettings } from '../../core/schemas/schedule.ts';
import { sameJson } from '../../core/same-json.ts';
import { connectPc, openPc, settled, startClinicServer, waitFor } from './support/controller-harness.ts';
import type { ClinicServer, TestPc } from './support/controller-harness.ts';

let server: ClinicServer;
let pc: TestPc;
beforeEach(async () => {
  server = await startClinicServer();
  pc = openPc({ pcName: 'Front desk 1' });
  await connectPc(pc, server);
  await settled(pc);
});
afterEach(async () => {
  pc.dispose();
  await server.dispose();
});

const withSunday = (open: boolean, start = '09:00'): ChatSettings => {
  const settings = defaultSettings('Europe/London');
  return { ...settings, week: { ...settings.week, sunday: { open, ranges: [{ start, end: '18:00' }] } } };
};

describe('the draft, as main sees it', () => {
  it('refuses a draft parseSettings refuses, with the field errors, and queues nothing', async () => {
    const result = await pc.api.saveSettings({ settings: withSunday(true, '25:00'), baseVersion: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-settings', fields: [{ path: 'week.sunday.ranges.0.start' }] } });
    expect(pc.controller.state.sync).toMatchObject({ pending: 0, pendingSettings: null });
  });

  it('keeps a stashed draft, half typed, across an app restart, and forgets it on disconnect', async () => {
    const draft = { settings: withSunday(true, '1'), baseVersion: pc.controller.state.server!.version };
    expect((await pc.api.stashDraft(draft)).ok).toBe(true);
    pc = pc.restart();
    expect(await pc.api.restoreDraft()).toEqual({ ok: true, draft });

    expect((await pc.api.disconnect()).ok).toBe(true);
    expect(await pc.api.restoreDraft()).toEqual({ ok: true, draft: null });
  });

  it('says which settings wait for the server, as saved (normalised), until the server has them', async () => {
    await server.stop();
    const phoned = { ...withSunday(false), channels: { sms: '+44 7700 900123', whatsapp: null } };
    const result = await pc.api.saveSettings({ settings: phoned, baseVersion: pc.controller.state.server!.version });
    const normalised = { ...phoned, channels: { sms: '+447700900123', whatsapp: null } };
    expect(result.ok && sameJson(result.state.sync.pendingSettings, normalised)).toBe(true);

    pc = pc.restart();
    expect(sameJson(pc.controller.state.sync.pendingSettings, normalised)).toBe(true);
    await server.start();
    await waitFor(() => pc.controller.state.sync, (sync) => sync.state === 'synced' && sync.pendingSettings === null, 15_000);
    expect(sameJson((await server.settings()).settings, normalised)).toBe(true);
  });
});
