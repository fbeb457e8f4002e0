// The change history through the AppApi, against the real server on an ephemeral port: this PC's
// switch and its saves are recorded under its name (a settings save names it in X-Changed-By), pages
// come newest first with a cursor, and every way it can fail is an error value.
import { describe, expect, it } from 'vitest';
import type { ChatSettings } from '../../core/schemas/schedule.ts';
import type { HistoryResult } from '../../core/schemas/app-api.ts';
import { clinicServerForFile, connectPc, settled, waitFor } from './support/controller-harness.ts';
import type { TestPc } from './support/controller-harness.ts';

const shared = clinicServerForFile();

function pc(pcName: string): TestPc {
  return shared.openPc({ pcName, requestTimeoutMs: 2_000 });
}

const shorterSaturday = (settings: ChatSettings): ChatSettings => ({ ...settings, week: { ...settings.week, saturday: { open: true, ranges: [{ start: '09:00', end: '12:00' }] } } });

function page(result: HistoryResult) {
  if (!result.ok) throw new Error(`getHistory failed: ${result.error.message}`);
  return result.history;
}

describe('change history in the app', () => {
  it('shows this PC’s switch and save under its name, newest first, a page at a time', async () => {
    // A clinic of its own, so the pages hold exactly this test's changes.
    const clinic = await shared.server.addClinic('Hillside Vets');
    const reception = pc('Réception 2');
    expect((await reception.api.connect({ serverUrl: shared.server.url, clinicId: clinic.clinicId, token: clinic.token })).ok).toBe(true);
    expect((await reception.api.setOnline({ online: false })).ok).toBe(true);
    await settled(reception);
    const current = reception.controller.state.server!.settings;
    expect((await reception.api.saveSettings({ settings: shorterSaturday(current), baseVersion: reception.controller.state.server!.version })).ok).toBe(true);
    await settled(reception);

    const first = page(await reception.api.getHistory({}));
    expect(first.entries.map((entry) => [entry.kind, entry.changedBy])).toEqual([
      ['settings', 'Réception 2'],
      ['presence', 'Réception 2'],
    ]);
    expect(first.entries[0]!.changes).toMatchObject([{ field: 'week', day: 'saturday', after: [{ start: '09:00', end: '12:00' }] }]);
    expect(first.nextBefore).toBeNull();

    const newest = page(await reception.api.getHistory({ limit: 1 }));
    expect(newest.entries.map((entry) => entry.kind)).toEqual(['settings']);
    expect(newest.nextBefore).not.toBeNull();
    const older = page(await reception.api.getHistory({ before: newest.nextBefore!, limit: 1 }));
    expect(older.entries.map((entry) => entry.kind)).toEqual(['presence']);
  });

  it('shows a change made on another PC', async () => {
    const [frontDesk, reception] = [pc('Front desk 1'), pc('Reception')];
    await Promise.all([connectPc(frontDesk, shared.server), connectPc(reception, shared.server)]);
    await frontDesk.api.setOnline({ online: false });
    await waitFor(() => shared.server.presence(), (presence) => !presence.online);
    const [latest] = page(await reception.api.getHistory({ limit: 1 })).entries;
    expect(latest).toMatchObject({ kind: 'presence', changedBy: 'Front desk 1', changes: [{ field: 'presence', online: false }] });
  });

  it('saves under the PC’s name when it holds a character a header cannot carry', async () => {
    const clinic = await shared.server.addClinic('Lakeside Vets');
    const odd = pc('Front\tdesk');
    expect((await odd.api.connect({ serverUrl: shared.server.url, clinicId: clinic.clinicId, token: clinic.token })).ok).toBe(true);
    const { settings, version } = odd.controller.state.server!;
    expect((await odd.api.saveSettings({ settings: shorterSaturday(settings), baseVersion: version })).ok).toBe(true);
    await settled(odd);
    expect(page(await odd.api.getHistory({})).entries).toMatchObject([{ kind: 'settings', changedBy: 'Front desk' }]);
  });

  it('checks the page it is asked for like every other call', async () => {
    const reception = pc('Reception');
    for (const input of [{ limit: 0 }, { limit: 101 }, { before: -1 }, { before: 1.5 }, { page: 2 }]) {
      expect(await reception.api.getHistory(input as never)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
  });

  it('says so when there is no connection, or the server cannot be reached', async () => {
    const reception = pc('Reception');
    expect(await reception.api.getHistory({})).toEqual({ ok: false, error: { code: 'not-connected', message: 'Connect to the clinic’s server first.' } });
    await connectPc(reception, shared.server);
    await shared.server.stop();
    try {
      const result = await reception.api.getHistory({});
      expect(result).toMatchObject({ ok: false, error: { code: 'unreachable', message: expect.stringContaining('The change history is kept on the server, which can’t be reached') } });
    } finally {
      await shared.server.start();
    }
  });
});
