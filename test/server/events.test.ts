// Live updates over Server-Sent Events, on SQLite and PostgreSQL: a snapshot on connect, every change
// with its id, resume with Last-Event-ID, heartbeats, availability events when the clock crosses a
// boundary, and (PostgreSQL) a change made on one instance reaching streams on another.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AvailabilityResponse, PresenceResponse, SettingsResponse } from '../../core/schemas/http-api.ts';
import { rotateClinicToken } from '../../server/clinic-admin.ts';
import type { RunningServer } from '../../server/server.ts';
import { testClock } from '../main/support/running-clock.ts';
import { openEventStream } from './helpers/sse-client.ts';
import type { ReceivedEvent } from './helpers/sse-client.ts';
import { backends, call, createClinicThroughApi, createTestStorage, eventually, startServer } from './helpers/test-server.ts';
import type { TestClinic, TestStorage } from './helpers/test-server.ts';

const presenceOf = (event: ReceivedEvent) => (event.data as PresenceResponse).presence;
const isPresence = (online: boolean) => (event: ReceivedEvent) => event.type === 'presence' && presenceOf(event).online === online;

describe.each(backends)('event streams on %s', (backend) => {
  let storage: TestStorage;
  let server: RunningServer;
  let clinic: TestClinic;
  const path = (suffix: string) => `${server.url}/v1/clinics/${clinic.clinicId}${suffix}`;
  const setOnline = (online: boolean, changedBy = 'Front desk') => call(path('/presence'), { method: 'PUT', headers: clinic.staff, json: { online, changedBy } });

  beforeAll(async () => {
    storage = await createTestStorage(backend);
    server = await startServer(storage, { heartbeatMs: 100 });
    clinic = await createClinicThroughApi(server);
  });
  afterAll(async () => {
    await server?.close();
    await storage?.dispose();
  });

  it('starts with the current settings, presence and availability, then delivers each change with its id', async () => {
    const stream = await openEventStream(path('/events'), clinic.staff);
    expect(stream.status).toBe(200);
    const settings = await stream.waitFor((event) => event.type === 'settings');
    expect((settings.data as SettingsResponse).version).toBe(1);
    const snapshot = await stream.waitFor((event) => event.type === 'presence');
    await stream.waitFor((event) => event.type === 'availability');

    await setOnline(false, 'Front desk 2');
    const change = await stream.waitFor(isPresence(false));
    expect(Number(change.id)).toBe(Number(snapshot.id) + 1);
    expect(presenceOf(change).changedBy).toBe('Front desk 2');

    const current = (await call<SettingsResponse>(path('/settings'), { headers: clinic.staff })).body;
    const sundayOff = { ...current.settings, week: { ...current.settings.week, sunday: { open: false, ranges: [] } } };
    await call(path('/settings'), { method: 'PUT', headers: { ...clinic.staff, 'if-match': `"${current.version}"` }, json: sundayOff });
    const saved = await stream.waitFor((event) => event.type === 'settings' && event.id !== undefined);
    expect(Number(saved.id)).toBe(Number(change.id) + 1);
    expect((saved.data as SettingsResponse).settings.week.sunday.open).toBe(false);
    stream.close();
  });

  it('tells streams that availability changed when presence does', async () => {
    await setOnline(true);
    const stream = await openEventStream(path('/events'), clinic.staff);
    // Open by the server's clock (the test file's: a Wednesday morning in London, inside 09:00–18:00).
    const before = await stream.waitFor((event) => event.type === 'availability');
    expect((before.data as AvailabilityResponse).reason).toBe('open');
    await setOnline(false);
    const event = await stream.waitFor((candidate) => candidate.type === 'availability' && !(candidate.data as AvailabilityResponse).accepting);
    expect((event.data as AvailabilityResponse).reason).toBe('offline');
    expect(event.id).toBeUndefined();
    stream.close();
  });

  it('resumes from Last-Event-ID with exactly the events missed, and no snapshot', async () => {
    const first = await openEventStream(path('/events'), clinic.staff);
    const seen = await first.waitFor((event) => event.type === 'presence');
    first.close();
    await setOnline(true, 'PC 1');
    await setOnline(false, 'PC 2');

    const resumed = await openEventStream(path('/events'), { ...clinic.staff, 'last-event-id': seen.id! });
    await resumed.waitFor((event) => event.type === 'presence' && presenceOf(event).changedBy === 'PC 2');
    await resumed.waitFor((event) => event.type === 'availability');
    const stored = resumed.events.filter((event) => event.id !== undefined);
    expect(stored.map((event) => Number(event.id))).toEqual([Number(seen.id) + 1, Number(seen.id) + 2]);
    expect(stored.map((event) => presenceOf(event).changedBy)).toEqual(['PC 1', 'PC 2']);
    expect(resumed.events.some((event) => event.type === 'settings')).toBe(false);
    resumed.close();
  });

  it('answers an id it never gave out with a fresh snapshot', async () => {
    const stream = await openEventStream(path('/events'), { ...clinic.staff, 'last-event-id': '999999' });
    await stream.waitFor((event) => event.type === 'settings');
    const presence = await stream.waitFor((event) => event.type === 'presence');
    expect(Number(presence.id)).toBeLessThan(999_999);
    stream.close();
  });

  it('sends heartbeat comments on an idle stream', async () => {
    const stream = await openEventStream(path('/events'), clinic.staff);
    const comments = await eventually(
      () => stream.comments,
      (list) => list.filter((comment) => comment === 'heartbeat').length >= 2,
    );
    expect(comments.filter((comment) => comment === 'heartbeat').length).toBeGreaterThanOrEqual(2);
    stream.close();
  });

  it('ends a stream at its next heartbeat once its token was replaced', async () => {
    const other = await createClinicThroughApi(server, 'Rotating clinic');
    const stream = await openEventStream(`${server.url}/v1/clinics/${other.clinicId}/events`, other.staff);
    await stream.waitFor((event) => event.type === 'availability');
    const fresh = await rotateClinicToken({ dataDir: storage.dataDir, databaseUrl: storage.databaseUrl }, other.clinicId, testClock.now());
    expect(fresh).not.toBeNull();
    await stream.ended;
    const refused = await call(`${server.url}/v1/clinics/${other.clinicId}/events`, { headers: other.staff });
    expect(refused.status).toBe(401);
  });

  it('ends every stream of a replaced token at the next heartbeat, and only those', async () => {
    const rotating = await createClinicThroughApi(server, 'Rotating clinic with two PCs');
    const staying = await createClinicThroughApi(server, 'Clinic keeping its token');
    const eventsOf = (id: string) => `${server.url}/v1/clinics/${id}/events`;
    const old = await Promise.all([1, 2].map(() => openEventStream(eventsOf(rotating.clinicId), rotating.staff)));
    const kept = await Promise.all([1, 2].map(() => openEventStream(eventsOf(staying.clinicId), staying.staff)));
    await Promise.all([...old, ...kept].map((stream) => stream.waitFor((event) => event.type === 'availability')));
    await rotateClinicToken({ dataDir: storage.dataDir, databaseUrl: storage.databaseUrl }, rotating.clinicId, testClock.now());
    await Promise.all(old.map((stream) => stream.ended));
    // Heartbeats (each one a recheck of every open stream's token) go on for the other clinic's streams.
    for (const stream of kept) {
      const before = stream.comments.length;
      await eventually(
        () => stream.comments.length,
        (count) => count >= before + 2,
      );
      expect(stream.comments.length).toBeGreaterThanOrEqual(before + 2);
    }
    await call(`${server.url}/v1/clinics/${staying.clinicId}/presence`, { method: 'PUT', headers: staying.staff, json: { online: false } });
    for (const stream of kept) {
      await stream.waitFor((event) => event.type === 'presence' && presenceOf(event).online === false);
      stream.close();
    }
  });

  it('delivers changes to every stream of the clinic and to no other clinic', async () => {
    const other = await createClinicThroughApi(server, 'Other clinic');
    const streams = await Promise.all([1, 2, 3].map(() => openEventStream(path('/events'), clinic.staff)));
    const otherStream = await openEventStream(`${server.url}/v1/clinics/${other.clinicId}/events`, other.staff);
    await Promise.all([...streams, otherStream].map((stream) => stream.waitFor((event) => event.type === 'availability')));
    await setOnline(true, 'Everyone sees this');
    for (const stream of streams) await stream.waitFor((event) => event.type === 'presence' && presenceOf(event).changedBy === 'Everyone sees this');
    expect(otherStream.events.filter((event) => event.type === 'presence')).toHaveLength(1); // its snapshot only
    for (const stream of [...streams, otherStream]) stream.close();
  });

  it('ends open streams when the server shuts down', async () => {
    const own = await startServer(storage);
    const stream = await openEventStream(`${own.url}/v1/clinics/${clinic.clinicId}/events`, clinic.staff);
    await stream.waitFor((event) => event.type === 'availability');
    await own.close();
    await stream.ended;
    expect(stream.events.length).toBeGreaterThan(0);
  });
});

describe('availability events at opening and closing instants', () => {
  it('announces the closing at 18:00 on a stream that is open at the time', async () => {
    const storage = await createTestStorage('sqlite');
    // The server's clock stands at 17:59:59.9 London time until the test moves it past 18:00; the
    // server's timer keeps checking it, as it would a real clock approaching the boundary.
    let clock = new Date('2026-11-25T17:59:59.900Z');
    const server = await startServer(storage, { now: () => clock });
    try {
      const clinic = await createClinicThroughApi(server, 'Riverside Vets', 'Europe/London');
      const stream = await openEventStream(`${server.url}/v1/clinics/${clinic.clinicId}/events`, clinic.staff);
      const open = await stream.waitFor((event) => event.type === 'availability');
      expect((open.data as AvailabilityResponse).accepting).toBe(true);
      clock = new Date('2026-11-25T18:00:00.000Z');
      const closed = await stream.waitFor((event) => event.type === 'availability' && !(event.data as AvailabilityResponse).accepting);
      expect(closed.data).toMatchObject({ reason: 'outside-hours', widget: 'banner', opensAt: '2026-11-26T09:00:00.000Z' });
      stream.close();
    } finally {
      await server.close();
      await storage.dispose();
    }
  });
});

// Registered unless PostgreSQL is left out (TEST_DATABASE_URL=none, which the run announces).
if (backends.includes('postgres')) describe('two server instances on one PostgreSQL database', () => {
  let storage: TestStorage;
  let first: RunningServer;
  let second: RunningServer;
  let clinic: TestClinic;

  beforeAll(async () => {
    storage = await createTestStorage('postgres');
    [first, second] = await Promise.all([startServer(storage), startServer(storage)]);
    clinic = await createClinicThroughApi(first);
  });
  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
    await storage?.dispose();
  });

  it('delivers a change made through one instance to streams and availability on the other', async () => {
    const onSecond = (suffix: string) => `${second.url}/v1/clinics/${clinic.clinicId}${suffix}`;
    const onFirst = (suffix: string) => `${first.url}/v1/clinics/${clinic.clinicId}${suffix}`;
    // Warm the second instance's availability cache, so a stale cache would show.
    expect((await call<AvailabilityResponse>(onSecond('/availability'))).body.reason).toBe('open');
    const stream = await openEventStream(onSecond('/events'), clinic.staff);
    const snapshot = await stream.waitFor((event) => event.type === 'presence');

    await call(onFirst('/presence'), { method: 'PUT', headers: clinic.staff, json: { online: false, changedBy: 'PC on instance 1' } });
    const change = await stream.waitFor(isPresence(false));
    expect(Number(change.id)).toBe(Number(snapshot.id) + 1);
    const availability = await eventually(
      () => call<AvailabilityResponse>(onSecond('/availability')),
      (response) => response.body.reason === 'offline',
    );
    expect(availability.body.reason).toBe('offline');

    // Settings too large for a NOTIFY payload are read from the events table by the listener.
    const current = (await call<SettingsResponse>(onFirst('/settings'), { headers: clinic.staff })).body;
    const closures = Array.from({ length: 300 }, (_, index) => ({
      date: new Date(Date.UTC(2027, 0, 1 + index)).toISOString().slice(0, 10),
      ranges: [],
      label: `Closed for refurbishment, day ${index + 1}`,
    }));
    await call(onFirst('/settings'), { method: 'PUT', headers: { ...clinic.staff, 'if-match': `"${current.version}"` }, json: { ...current.settings, closures } });
    const saved = await stream.waitFor((event) => event.type === 'settings' && event.id !== undefined);
    expect(Number(saved.id)).toBe(Number(change.id) + 1);
    expect((saved.data as SettingsResponse).settings.closures).toHaveLength(300);
    stream.close();
  });

  it('catches up after its LISTEN connection was cut, with the changes made meanwhile', async () => {
    const onSecond = (suffix: string) => `${second.url}/v1/clinics/${clinic.clinicId}${suffix}`;
    const onFirst = (suffix: string) => `${first.url}/v1/clinics/${clinic.clinicId}${suffix}`;
    const stream = await openEventStream(onSecond('/events'), clinic.staff);
    await stream.waitFor((event) => event.type === 'availability');
    // Cut every LISTEN connection on this test's database (both instances'), as a network failure would.
    const admin = new pg.Client({ connectionString: storage.databaseUrl });
    await admin.connect();
    try {
      const cut = await admin.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'LISTEN%' and pid <> pg_backend_pid()",
      );
      expect(cut.rowCount).toBeGreaterThanOrEqual(2);
    } finally {
      await admin.end();
    }
    await call(onFirst('/presence'), { method: 'PUT', headers: clinic.staff, json: { online: true, changedBy: 'while cut off' } });
    const caughtUp = await stream.waitFor((event) => event.type === 'presence' && presenceOf(event).changedBy === 'while cut off');
    expect(caughtUp.id).toBeDefined();
    const availability = await eventually(
      () => call<AvailabilityResponse>(onSecond('/availability')),
      (response) => response.body.reason !== 'offline',
    );
    expect(availability.body.reason).not.toBe('offline');
    stream.close();
  });
});
