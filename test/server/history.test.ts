// The change history over real HTTP, on SQLite and PostgreSQL: what is recorded for settings and
// presence changes (and what is not), who made them, changes as data a reader can word, pages newest
// first with a cursor that holds while changes keep arriving, and the query's bounds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatSettings } from '../../core/schemas/schedule.ts';
import type { PresenceResponse, SettingsResponse } from '../../core/schemas/http-api.ts';
import { changedByHeaderValue, historyResponseSchema } from '../../core/schemas/history.ts';
import type { HistoryEntry, HistoryResponse } from '../../core/schemas/history.ts';
import { changeText } from '../../core/settings-diff.ts';
import type { RunningServer } from '../../server/server.ts';
import { openEventStream } from './helpers/sse-client.ts';
import { backends, call, createClinicThroughApi, createTestStorage, startServer } from './helpers/test-server.ts';
import type { ErrorResponse, TestClinic, TestStorage } from './helpers/test-server.ts';

/** The entry as a British PC words it (clinic in London). */
const texts = (entry: HistoryEntry | undefined) => entry?.changes.map((change) => changeText(change, entry.at, { timezone: 'Europe/London', now: new Date(entry.at), locale: 'en-GB' }));

describe.each(backends)('change history on %s', (backend) => {
  let storage: TestStorage;
  let server: RunningServer;
  let clinic: TestClinic;
  // The server's clock stands still unless a test moves it, so recorded instants are exact.
  let clock = new Date('2026-11-25T14:00:00.000Z');
  const url = (target: TestClinic, suffix: string) => `${server.url}/v1/clinics/${target.clinicId}${suffix}`;

  async function history(target: TestClinic, search = ''): Promise<HistoryResponse> {
    const response = await call<HistoryResponse>(url(target, `/history${search}`), { headers: target.staff });
    expect(response.status).toBe(200);
    expect(historyResponseSchema.safeParse(response.body).success).toBe(true);
    // Changes are data: each reader words them in its own locale.
    expect(JSON.stringify(response.body)).not.toContain('"text"');
    return response.body;
  }

  async function saveSettings(target: TestClinic, edit: (settings: ChatSettings) => ChatSettings, extraHeaders: Record<string, string> = {}) {
    const current = (await call<SettingsResponse>(url(target, '/settings'), { headers: target.staff })).body;
    return call<SettingsResponse | ErrorResponse>(url(target, '/settings'), {
      method: 'PUT',
      headers: { ...target.staff, 'if-match': `"${current.version}"`, ...extraHeaders },
      json: edit(current.settings),
    });
  }

  const setPresence = (target: TestClinic, json: Record<string, unknown>, extraHeaders: Record<string, string> = {}) =>
    call<PresenceResponse>(url(target, '/presence'), { method: 'PUT', headers: { ...target.staff, ...extraHeaders }, json });

  beforeAll(async () => {
    storage = await createTestStorage(backend);
    server = await startServer(storage, { now: () => clock });
    clinic = await createClinicThroughApi(server, 'Riverside Vets', 'Europe/London');
  });
  afterAll(async () => {
    await server?.close();
    await storage?.dispose();
  });

  it('starts empty: a new clinic’s default settings are not a change', async () => {
    const response = await call<HistoryResponse>(url(clinic, '/history'), { headers: clinic.staff });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body).toEqual({ entries: [], nextBefore: null });
  });

  it('records a settings save: when, which PC (X-Changed-By), the new version and what changed', async () => {
    const stream = await openEventStream(url(clinic, '/events'), clinic.staff);
    await stream.waitFor((event) => event.type === 'availability');
    const saved = await saveSettings(
      clinic,
      (settings) => ({ ...settings, week: { ...settings.week, saturday: { open: true, ranges: [{ start: '09:00', end: '12:00' }] }, sunday: { open: false, ranges: [] } } }),
      { 'x-changed-by': changedByHeaderValue('Réception') },
    );
    expect(saved.status).toBe(200);
    const event = await stream.waitFor((candidate) => candidate.type === 'settings' && candidate.id !== undefined);
    stream.close();

    const [entry] = (await history(clinic)).entries;
    expect(entry).toMatchObject({ id: Number(event.id), at: clock.toISOString(), changedBy: 'Réception', kind: 'settings', version: (saved.body as SettingsResponse).version });
    expect(texts(entry)).toEqual(['Saturday 09:00–18:00 → 09:00–12:00', 'Sunday unticked']);
    expect(entry!.changes[0]).toMatchObject({ field: 'week', day: 'saturday', change: 'hours', before: [{ start: '09:00', end: '18:00' }], after: [{ start: '09:00', end: '12:00' }] });
  });

  it('records closures, channels and the emergency contact as parseSettings stored them', async () => {
    const saved = await saveSettings(clinic, (settings) => ({
      ...settings,
      closures: [{ date: '2026-12-25', ranges: [], label: 'Christmas Day' }],
      channels: { sms: '+44 7700 900123', whatsapp: null },
      emergency: { phone: '+44 1632 960111', label: 'Riverside 24h Vets' },
    }));
    expect(saved.status).toBe(200);
    const [entry] = (await history(clinic)).entries;
    expect(entry!.changedBy).toBe('Test PC');
    expect(texts(entry)).toEqual([
      'Closure added: Christmas Day, Fri, 25 Dec 2026 — closed all day',
      'SMS number set: +447700900123',
      'Emergency contact set: Riverside 24h Vets, +441632960111',
    ]);
  });

  it('refuses a save without X-Changed-By, or with one no client of the contract sends, and saves nothing', async () => {
    const before = (await call<SettingsResponse>(url(clinic, '/settings'), { headers: clinic.staff })).body;
    const newest = (await history(clinic)).entries[0]!.id;
    const unnamed = await call<ErrorResponse>(url(clinic, '/settings'), {
      method: 'PUT',
      headers: { authorization: clinic.staff.authorization!, 'if-match': `"${before.version}"` },
      json: { ...before.settings, timezone: 'Europe/Dublin' },
    });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.error.details).toEqual([{ path: 'x-changed-by', message: expect.stringMatching(/X-Changed-By/) }]);
    for (const value of ['%E0%A4%A', changedByHeaderValue('x'.repeat(65)), '%0A', '   ']) {
      const refused = await saveSettings(clinic, (settings) => ({ ...settings, timezone: 'Europe/Dublin' }), { 'x-changed-by': value });
      expect(refused.status).toBe(400);
      expect((refused.body as ErrorResponse).error.code).toBe('bad_request');
      expect((refused.body as ErrorResponse).error.message).toMatch(/X-Changed-By/);
    }
    expect((await call<SettingsResponse>(url(clinic, '/settings'), { headers: clinic.staff })).body).toEqual(before);
    expect((await history(clinic)).entries[0]!.id).toBe(newest);
  });

  it('records presence changes, a timed break said on the clinic’s clock', async () => {
    const until = new Date(clock.getTime() + 30 * 60_000).toISOString();
    expect((await setPresence(clinic, { online: false, offlineUntil: until, changedBy: 'Front desk 2' })).status).toBe(200);
    clock = new Date(clock.getTime() + 10 * 60_000);
    await setPresence(clinic, { online: true, changedBy: 'Reception' });
    const [online, offline] = (await history(clinic)).entries;
    expect(offline).toEqual({
      id: expect.any(Number),
      at: '2026-11-25T14:00:00.000Z',
      changedBy: 'Front desk 2',
      kind: 'presence',
      changes: [{ field: 'presence', online: false, offlineUntil: until }],
    });
    expect(texts(offline)).toEqual(['went offline for 30 minutes, back at 14:30']);
    expect(online).toMatchObject({ id: offline!.id + 1, at: '2026-11-25T14:10:00.000Z', changedBy: 'Reception', kind: 'presence' });
    expect(texts(online)).toEqual(['went online']);
  });

  it('records nothing for a save that changes nothing, the same switch state sent again, or a refused save', async () => {
    const newest = (await history(clinic)).entries[0]!.id;
    const same = await saveSettings(clinic, (settings) => settings, { 'x-changed-by': 'Front desk 2' });
    expect(same.status).toBe(200);
    expect((await setPresence(clinic, { online: true, changedBy: 'Back office' })).status).toBe(200);

    const base = (await call<SettingsResponse>(url(clinic, '/settings'), { headers: clinic.staff })).body;
    const stale = await call(url(clinic, '/settings'), { method: 'PUT', headers: { ...clinic.staff, 'if-match': `"${base.version - 1}"` }, json: { ...base.settings, timezone: 'Europe/Dublin' } });
    expect(stale.status).toBe(412);
    expect((await history(clinic)).entries[0]!.id).toBe(newest);
  });

  it('records a retried presence change (same Idempotency-Key) once', async () => {
    const newest = (await history(clinic)).entries[0]!.id;
    const request = () => setPresence(clinic, { online: false, changedBy: 'Front desk 2' }, { 'idempotency-key': `history-retry-${backend}` });
    const first = await request();
    const retries = await Promise.all([request(), request()]);
    expect(retries.map((retry) => retry.headers.get('idempotent-replayed'))).toEqual(['true', 'true']);
    const entries = (await history(clinic)).entries.filter((entry) => entry.id > newest);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'presence', at: first.body.presence.changedAt, changedBy: 'Front desk 2' });
    expect(texts(entries[0])).toEqual(['went offline']);
  });

  it('pages newest first with a cursor that neither repeats nor skips entries while new ones arrive', async () => {
    const busy = await createClinicThroughApi(server, 'Busy clinic');
    for (let index = 1; index <= 55; index++) await setPresence(busy, { online: index % 2 === 0, changedBy: `PC ${index}` });

    const firstPage = await history(busy);
    expect(firstPage.entries).toHaveLength(50);
    expect(firstPage.entries[0]!.changedBy).toBe('PC 55');
    expect(firstPage.nextBefore).toBe(firstPage.entries.at(-1)!.id);
    const everything = await history(busy, '?limit=100');
    expect(everything.entries.map((entry) => entry.changedBy)).toEqual(Array.from({ length: 55 }, (_, index) => `PC ${55 - index}`));
    expect(everything.nextBefore).toBeNull();

    const seen: HistoryEntry[] = [];
    let before: number | null = null;
    let arrived = 55;
    do {
      const page: HistoryResponse = await history(busy, `?limit=7${before === null ? '' : `&before=${before}`}`);
      seen.push(...page.entries);
      before = page.nextBefore;
      // Two more changes land between every page request.
      for (let extra = 0; extra < 2; extra++) {
        arrived++;
        await setPresence(busy, { online: arrived % 2 === 0, changedBy: `PC ${arrived}` });
      }
    } while (before !== null);
    expect(seen.map((entry) => entry.changedBy)).toEqual(everything.entries.map((entry) => entry.changedBy));
    const ids = seen.map((entry) => entry.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const newest = await history(busy, '?limit=1');
    expect(newest.entries[0]!.changedBy).toBe(`PC ${arrived}`);
    expect(newest.nextBefore).toBe(newest.entries[0]!.id);
    expect(await history(busy, `?before=${ids.at(-1)}`)).toEqual({ entries: [], nextBefore: null });
  });

  it('refuses a bad page query with 400 and says which parameter', async () => {
    const cases: [string, string][] = [
      ['?limit=0', 'limit'],
      ['?limit=101', 'limit'],
      ['?limit=ten', 'limit'],
      ['?limit=2.5', 'limit'],
      ['?limit=1&limit=2', 'limit'],
      ['?before=0', 'before'],
      ['?before=-3', 'before'],
      ['?before=next', 'before'],
      ['?page=2', ''],
    ];
    for (const [search, path] of cases) {
      const response = await call<ErrorResponse>(url(clinic, `/history${search}`), { headers: clinic.staff });
      expect(response.status, search).toBe(400);
      expect(response.body.error.code).toBe('bad_request');
      expect(response.body.error.details?.map((detail) => detail.path)).toContain(path);
    }
    expect((await call(url(clinic, '/history?limit=1'), { headers: clinic.staff })).status).toBe(200);
    expect((await call(url(clinic, '/history?limit=100'), { headers: clinic.staff })).status).toBe(200);
  });

  it('shows a clinic’s history only to its own staff', async () => {
    const other = await createClinicThroughApi(server, 'Other clinic');
    expect((await call<ErrorResponse>(url(clinic, '/history'), {})).status).toBe(401);
    const foreign = await call<ErrorResponse>(url(clinic, '/history'), { headers: other.staff });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('forbidden');
    expect(await history(other)).toEqual({ entries: [], nextBefore: null });
  });
});
