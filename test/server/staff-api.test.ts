// The staff API over real HTTP, on SQLite and PostgreSQL: settings with
// optimistic concurrency, presence with idempotent retries, that all of it survives a restart, and
// (PostgreSQL) that the server reports a database outage and recovers from it by itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../core/schedule-model.ts';
import type { ChatSettings } from '../../core/schemas/schedule.ts';
import type { ClinicResponse, PresenceResponse, SettingsResponse, StaleSettingsBody } from '../../core/schemas/http-api.ts';
import type { RunningServer } from '../../server/server.ts';
import { testClock } from '../main/support/running-clock.ts';
import { onMaintenanceDatabase } from './helpers/postgres.ts';
import { backends, call, createClinicThroughApi, createTestStorage, eventually, startServer } from './helpers/test-server.ts';
import type { ErrorResponse, TestClinic, TestStorage } from './helpers/test-server.ts';
import { openEventStream } from './helpers/sse-client.ts';

const withSundayOff = (settings: ChatSettings): ChatSettings => ({ ...settings, week: { ...settings.week, sunday: { open: false, ranges: [] } } });

describe.each(backends)('staff API on %s', (backend) => {
  let storage: TestStorage;
  let server: RunningServer;
  let clinic: TestClinic;
  const path = (suffix: string) => `${server.url}/v1/clinics/${clinic.clinicId}${suffix}`;

  beforeAll(async () => {
    storage = await createTestStorage(backend);
    server = await startServer(storage);
    clinic = await createClinicThroughApi(server, 'Riverside Vets', 'Europe/London');
  });
  afterAll(async () => {
    await server?.close();
    await storage?.dispose();
  });

  it('names the clinic for the desktop app', async () => {
    const response = await call<ClinicResponse>(path(''), { headers: clinic.staff });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ clinic: { id: clinic.clinicId, name: 'Riverside Vets' } });
  });

  it('starts a clinic with the default hours, version 1, online', async () => {
    const settings = await call<SettingsResponse>(path('/settings'), { headers: clinic.staff });
    expect(settings.status).toBe(200);
    expect(settings.headers.get('etag')).toBe('"1"');
    expect(settings.headers.get('cache-control')).toBe('no-store');
    expect(settings.body).toEqual({ settings: defaultSettings('Europe/London'), version: 1 });
    const presence = await call<PresenceResponse>(path('/presence'), { headers: clinic.staff });
    expect(presence.body.presence).toMatchObject({ online: true, offlineUntil: null, changedBy: null });
    const notModified = await fetch(path('/settings'), { headers: { ...clinic.staff, 'if-none-match': '"1"' } });
    expect(notModified.status).toBe(304);
  });

  it('saves settings against the version they were based on, and refuses a save without one', async () => {
    const current = (await call<SettingsResponse>(path('/settings'), { headers: clinic.staff })).body;
    const edited = withSundayOff(current.settings);
    const missing = await call<ErrorResponse>(path('/settings'), { method: 'PUT', headers: clinic.staff, json: edited });
    expect(missing.status).toBe(428);
    expect(missing.body.error.code).toBe('precondition_required');
    const malformed = await call<ErrorResponse>(path('/settings'), { method: 'PUT', headers: { ...clinic.staff, 'if-match': 'yesterday' }, json: edited });
    expect(malformed.status).toBe(400);

    const saved = await call<SettingsResponse>(path('/settings'), { method: 'PUT', headers: { ...clinic.staff, 'if-match': `"${current.version}"` }, json: edited });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ settings: edited, version: current.version + 1 });
    expect(saved.headers.get('etag')).toBe(`"${current.version + 1}"`);
    expect((await call<SettingsResponse>(path('/settings'), { headers: clinic.staff })).body).toEqual(saved.body);
  });

  it('lets one of two concurrent edits win and tells the other what is there now (412)', async () => {
    const base = (await call<SettingsResponse>(path('/settings'), { headers: clinic.staff })).body;
    const reception = { ...base.settings, channels: { sms: '+447700900123', whatsapp: null } };
    const backOffice = { ...base.settings, closures: [{ date: '2026-12-25', ranges: [], label: 'Christmas' }] };
    const ifMatch = { ...clinic.staff, 'if-match': `"${base.version}"` };
    const [first, second] = await Promise.all([
      call<SettingsResponse | StaleSettingsBody>(path('/settings'), { method: 'PUT', headers: ifMatch, json: reception }),
      call<SettingsResponse | StaleSettingsBody>(path('/settings'), { method: 'PUT', headers: ifMatch, json: backOffice }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 412]);
    const [winner, loser] = first.status === 200 ? [first, second] : [second, first];
    const stale = loser.body as StaleSettingsBody;
    expect(stale.error.code).toBe('precondition_failed');
    expect(stale.current).toEqual(winner.body);
    expect((await call<SettingsResponse>(path('/settings'), { headers: clinic.staff })).body).toEqual(winner.body);
  });

  it('refuses invalid settings with the field paths parseSettings gives, and stores nothing', async () => {
    const before = (await call<SettingsResponse>(path('/settings'), { headers: clinic.staff })).body;
    const invalid = { ...before.settings, week: { ...before.settings.week, monday: { open: true, ranges: [{ start: '09:00', end: '25:00' }] } } };
    const response = await call<ErrorResponse>(path('/settings'), { method: 'PUT', headers: { ...clinic.staff, 'if-match': `"${before.version}"` }, json: invalid });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_settings');
    expect(response.body.error.details).toContainEqual({ path: 'week.monday.ranges.0.end', message: expect.any(String) });
    expect((await call<SettingsResponse>(path('/settings'), { headers: clinic.staff })).body).toEqual(before);
  });

  it('stores phone numbers as parseSettings normalises them', async () => {
    const before = (await call<SettingsResponse>(path('/settings'), { headers: clinic.staff })).body;
    const typed = { ...before.settings, channels: { sms: '+44 7700 900123', whatsapp: '' } };
    const saved = await call<SettingsResponse>(path('/settings'), { method: 'PUT', headers: { ...clinic.staff, 'if-match': `"${before.version}"` }, json: typed });
    expect(saved.body.settings.channels).toEqual({ sms: '+447700900123', whatsapp: null });
  });

  it('switches presence, with a timed break kept as a UTC instant', async () => {
    const until = new Date(testClock.now().getTime() + 30 * 60_000);
    const offset = until.toISOString().replace('Z', '+00:00');
    const response = await call<PresenceResponse>(path('/presence'), { method: 'PUT', headers: clinic.staff, json: { online: false, offlineUntil: offset, changedBy: 'Front desk 2' } });
    expect(response.status).toBe(200);
    expect(response.body.presence).toMatchObject({ online: false, offlineUntil: until.toISOString(), changedBy: 'Front desk 2' });
    expect((await call<PresenceResponse>(path('/presence'), { headers: clinic.staff })).body).toEqual(response.body);
    const contradictory = await call<ErrorResponse>(path('/presence'), { method: 'PUT', headers: clinic.staff, json: { online: true, offlineUntil: offset } });
    expect(contradictory.status).toBe(400);
    expect(contradictory.body.error.details?.[0]?.path).toBe('offlineUntil');
  });

  it('applies a retried presence change once and answers the retry with the first answer', async () => {
    const stream = await openEventStream(path('/events'), clinic.staff);
    const snapshot = await stream.waitFor((event) => event.type === 'presence');
    const key = `toggle-${backend}-1`;
    const request = { method: 'PUT', headers: { ...clinic.staff, 'idempotency-key': key }, json: { online: false, changedBy: 'Reception' } };
    const first = await call<PresenceResponse>(path('/presence'), request);
    const retries = await Promise.all([call<PresenceResponse>(path('/presence'), request), call<PresenceResponse>(path('/presence'), request)]);
    for (const retry of retries) {
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
    }
    // A later, unrelated change shows that exactly one presence event came between.
    await call(path('/presence'), { method: 'PUT', headers: clinic.staff, json: { online: true, changedBy: 'Reception' } });
    await stream.waitFor((event) => event.type === 'presence' && Number(event.id) === Number(snapshot.id) + 2);
    const presenceEvents = stream.events.filter((event) => event.type === 'presence' && event.id !== snapshot.id);
    expect(presenceEvents.map((event) => (event.data as PresenceResponse).presence.online)).toEqual([false, true]);
    stream.close();
  });

  it('refuses a reused Idempotency-Key carrying a different change (422) and changes nothing', async () => {
    const key = `toggle-${backend}-2`;
    await call(path('/presence'), { method: 'PUT', headers: { ...clinic.staff, 'idempotency-key': key }, json: { online: true } });
    const before = (await call<PresenceResponse>(path('/presence'), { headers: clinic.staff })).body;
    const reused = await call<ErrorResponse>(path('/presence'), { method: 'PUT', headers: { ...clinic.staff, 'idempotency-key': key }, json: { online: false } });
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('idempotency_key_reused');
    expect((await call<PresenceResponse>(path('/presence'), { headers: clinic.staff })).body).toEqual(before);
    const badKey = await call<ErrorResponse>(path('/presence'), { method: 'PUT', headers: { ...clinic.staff, 'idempotency-key': 'with space' }, json: { online: true } });
    expect(badKey.status).toBe(400);
  });

  it('keeps everything across a restart on the same storage', async () => {
    const settings = (await call<SettingsResponse>(path('/settings'), { headers: clinic.staff })).body;
    const presence = (await call<PresenceResponse>(path('/presence'), { headers: clinic.staff })).body;
    await server.close();
    server = await startServer(storage);
    expect((await call<SettingsResponse>(path('/settings'), { headers: clinic.staff })).body).toEqual(settings);
    expect((await call<PresenceResponse>(path('/presence'), { headers: clinic.staff })).body).toEqual(presence);
    // The idempotency record survives too: a retry after the restart is still a replay.
    const key = `toggle-${backend}-1`;
    const retry = await call(path('/presence'), { method: 'PUT', headers: { ...clinic.staff, 'idempotency-key': key }, json: { online: false, changedBy: 'Reception' } });
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
  });
});

// Registered only where PostgreSQL is available (CI), rather than reported as skipped elsewhere.
if (backends.includes('postgres')) {
  describe('a PostgreSQL outage', () => {
    let storage: TestStorage;
    let server: RunningServer;
    let clinic: TestClinic;

    beforeAll(async () => {
      storage = await createTestStorage('postgres');
      server = await startServer(storage);
      clinic = await createClinicThroughApi(server);
    });
    afterAll(async () => {
      await onMaintenanceDatabase(storage.databaseUrl!, (name) => `ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`).catch(() => undefined);
      await server?.close();
      await storage?.dispose();
    });

    it('answers 503 on /healthz while the database is unreachable, and recovers when it returns', async () => {
      const databaseUrl = storage.databaseUrl!;
      const stream = await openEventStream(`${server.url}/v1/clinics/${clinic.clinicId}/events`, clinic.staff);
      await stream.waitFor((event) => event.type === 'availability');

      await onMaintenanceDatabase(databaseUrl, (name) => `ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
      await onMaintenanceDatabase(databaseUrl, (name) => `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`);
      const down = await eventually(
        () => call<{ error: { code: string } }>(`${server.url}/healthz`),
        (response) => response.status === 503,
      );
      expect(down.status).toBe(503);
      expect(down.body.error.code).toBe('unavailable');

      await onMaintenanceDatabase(databaseUrl, (name) => `ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`);
      const up = await eventually(
        () => call(`${server.url}/healthz`),
        (response) => response.status === 200,
      );
      expect(up.status).toBe(200);

      // Writes work again, and reach the stream opened before the outage.
      const changed = await call<PresenceResponse>(`${server.url}/v1/clinics/${clinic.clinicId}/presence`, {
        method: 'PUT',
        headers: clinic.staff,
        json: { online: false, changedBy: 'after the outage' },
      });
      expect(changed.status).toBe(200);
      await stream.waitFor((event) => event.type === 'presence' && (event.data as PresenceResponse).presence.changedBy === 'after the outage');
      stream.close();
    });
  });
}
