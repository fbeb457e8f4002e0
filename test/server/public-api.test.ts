// What the website widget calls: availability (from any origin, cacheable until the next change, with
// ETag) and the message intake, which refuses messages while web chat is not accepting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AvailabilityResponse, ChatClosedBody, MessageAccepted, SettingsResponse } from '../../core/schemas/http-api.ts';
import type { RunningServer } from '../../server/server.ts';
import { ClinicStore } from '../../server/storage/clinic-store.ts';
import { openStorage } from '../../server/storage/database.ts';
import { call, createClinicThroughApi, createTestStorage, startServer } from './helpers/test-server.ts';
import type { ErrorResponse, TestClinic, TestStorage } from './helpers/test-server.ts';

describe('public availability and message intake', () => {
  let storage: TestStorage;
  let server: RunningServer;
  let clinic: TestClinic;
  // The server's clock, moved by the tests: Wednesday 25 November 2026, London (UTC+0 in winter).
  let clock = new Date('2026-11-25T10:00:00Z');
  const path = (suffix: string) => `${server.url}/v1/clinics/${clinic.clinicId}${suffix}`;
  const setOnline = (online: boolean) => call(path('/presence'), { method: 'PUT', headers: clinic.staff, json: { online } });
  const storedMessages = async () => {
    const opened = await openStorage({ dataDir: storage.dataDir });
    try {
      return await new ClinicStore(opened).messagesOf(clinic.clinicId);
    } finally {
      await opened.close();
    }
  };

  beforeAll(async () => {
    storage = await createTestStorage('sqlite');
    server = await startServer(storage, { now: () => clock });
    clinic = await createClinicThroughApi(server, 'Riverside Vets', 'Europe/London');
    const current = (await call<SettingsResponse>(path('/settings'), { headers: clinic.staff })).body;
    await call(path('/settings'), {
      method: 'PUT',
      headers: { ...clinic.staff, 'if-match': `"${current.version}"` },
      json: { ...current.settings, channels: { sms: '+447700900123', whatsapp: null } },
    });
  });
  afterAll(async () => {
    await server?.close();
    await storage?.dispose();
  });

  it('answers availability to anyone, with the clinic’s name, zone and contact numbers', async () => {
    clock = new Date('2026-11-25T10:00:00Z');
    const response = await call<AvailabilityResponse>(path('/availability'));
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.body).toEqual({
      accepting: true,
      reason: 'open',
      widget: 'chat',
      opensAt: null,
      closesAt: '2026-11-25T18:00:00.000Z',
      channels: { sms: true, whatsapp: false },
      reachable: true,
      emergency: null,
      clinic: { name: 'Riverside Vets', timezone: 'Europe/London' },
      contact: { sms: '+447700900123', whatsapp: null },
    });
  });

  it('lets caches keep the answer briefly, never past the next opening or closing', async () => {
    clock = new Date('2026-11-25T10:00:00Z');
    expect((await call(path('/availability'))).headers.get('cache-control')).toBe('public, max-age=10');
    clock = new Date('2026-11-25T17:59:57Z');
    expect((await call(path('/availability'))).headers.get('cache-control')).toBe('public, max-age=3');
  });

  it('dates its answers, event streams included, by its own clock (the app corrects its clock by it)', async () => {
    clock = new Date('2026-11-25T10:00:00Z');
    expect((await call(path('/availability'))).headers.get('date')).toBe('Wed, 25 Nov 2026 10:00:00 GMT');
    clock = new Date('2027-03-14T06:58:00Z');
    expect((await call(path('/settings'), { headers: clinic.staff })).headers.get('date')).toBe('Sun, 14 Mar 2027 06:58:00 GMT');
    const abort = new AbortController();
    const stream = await fetch(path('/events'), { headers: { ...clinic.staff, accept: 'text/event-stream' }, signal: abort.signal });
    expect(stream.headers.get('date')).toBe('Sun, 14 Mar 2027 06:58:00 GMT');
    abort.abort();
  });

  it('flips at the closing time and back at the opening time, by the server’s clock', async () => {
    clock = new Date('2026-11-25T17:59:59.999Z');
    expect((await call<AvailabilityResponse>(path('/availability'))).body.accepting).toBe(true);
    clock = new Date('2026-11-25T18:00:00Z');
    const closed = await call<AvailabilityResponse>(path('/availability'));
    expect(closed.body).toMatchObject({ accepting: false, reason: 'outside-hours', widget: 'banner', opensAt: '2026-11-26T09:00:00.000Z' });
    clock = new Date('2026-11-26T09:00:00Z');
    expect((await call<AvailabilityResponse>(path('/availability'))).body.accepting).toBe(true);
  });

  it('answers a conditional request with 304 while nothing changed, and 200 after a change', async () => {
    clock = new Date('2026-11-26T10:00:00Z');
    const first = await call(path('/availability'));
    const etag = first.headers.get('etag')!;
    const again = await fetch(path('/availability'), { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    await setOnline(false);
    const changed = await fetch(path('/availability'), { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    await setOnline(true);
  });

  it('allows cross-origin posts (preflight)', async () => {
    const preflight = await fetch(path('/messages'), {
      method: 'OPTIONS',
      headers: { origin: 'https://riverside-vets.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');
  });

  it('refuses a message while offline, stores nothing, and accepts it once back online', async () => {
    clock = new Date('2026-11-26T11:00:00Z');
    const before = await storedMessages();
    await setOnline(false);
    const refused = await call<ChatClosedBody>(path('/messages'), { method: 'POST', json: { text: 'Is Rex ready to collect?', name: 'Sam' } });
    expect(refused.status).toBe(409);
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
    expect(refused.body.error.code).toBe('chat_closed');
    expect(refused.body.availability).toMatchObject({ accepting: false, reason: 'offline' });
    expect(await storedMessages()).toEqual(before);

    await setOnline(true);
    const accepted = await call<MessageAccepted>(path('/messages'), { method: 'POST', json: { text: '  Is Rex ready to collect?  ', name: 'Sam' } });
    expect(accepted.status).toBe(202);
    expect(accepted.body.receivedAt).toBe('2026-11-26T11:00:00.000Z');
    const after = await storedMessages();
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toEqual({ id: accepted.body.messageId, text: 'Is Rex ready to collect?', name: 'Sam', receivedAt: '2026-11-26T11:00:00.000Z' });
  });

  it('refuses a message outside business hours', async () => {
    clock = new Date('2026-11-26T20:00:00Z');
    const refused = await call<ChatClosedBody>(path('/messages'), { method: 'POST', json: { text: 'Hello?' } });
    expect(refused.status).toBe(409);
    expect(refused.body.availability).toMatchObject({ reason: 'outside-hours', opensAt: '2026-11-27T09:00:00.000Z' });
  });

  it('refuses bad, oversized and non-JSON message bodies with the right status', async () => {
    clock = new Date('2026-11-26T11:00:00Z');
    const before = await storedMessages();
    const empty = await call<ErrorResponse>(path('/messages'), { method: 'POST', json: { text: '   ' } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details?.[0]?.path).toBe('text');
    const tooLong = await call<ErrorResponse>(path('/messages'), { method: 'POST', json: { text: 'x'.repeat(2_001) } });
    expect(tooLong.status).toBe(400);
    const extra = await call<ErrorResponse>(path('/messages'), { method: 'POST', json: { text: 'hi', admin: true } });
    expect(extra.status).toBe(400);
    const huge = await call<ErrorResponse>(path('/messages'), { method: 'POST', json: { text: 'x'.repeat(20_000) } });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
    const form = await call<ErrorResponse>(path('/messages'), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'text=hi' });
    expect(form.status).toBe(415);
    expect(form.body.error.code).toBe('unsupported_media_type');
    const broken = await call<ErrorResponse>(path('/messages'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text": "hi"' });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('invalid_json');
    expect(await storedMessages()).toEqual(before);
  });

  it('says when chat closes as soon as the closing comes within a year, not at the next midnight', async () => {
    // Open around the clock until a closure a year and an hour away: closesAt is null (no closing
    // within a year) until 10:00, when the closing at 2027-06-02 10:00 comes within the year.
    const longRun = await createClinicThroughApi(server, 'Hillside 24h', 'UTC');
    const longPath = (suffix: string) => `${server.url}/v1/clinics/${longRun.clinicId}${suffix}`;
    const current = (await call<SettingsResponse>(longPath('/settings'), { headers: longRun.staff })).body;
    const day = { open: true, ranges: [{ start: '10:00', end: '10:00' }] };
    const week = Object.fromEntries(Object.keys(current.settings.week).map((weekday) => [weekday, day]));
    const saved = await call(longPath('/settings'), {
      method: 'PUT',
      headers: { ...longRun.staff, 'if-match': `"${current.version}"` },
      json: { ...current.settings, week, closures: [{ date: '2027-06-02', ranges: [] }] },
    });
    expect(saved.status).toBe(200);
    clock = new Date('2026-06-02T09:00:00Z');
    expect((await call<AvailabilityResponse>(longPath('/availability'))).body).toMatchObject({ accepting: true, closesAt: null });
    clock = new Date('2026-06-02T10:00:00Z');
    expect((await call<AvailabilityResponse>(longPath('/availability'))).body).toMatchObject({ accepting: true, closesAt: '2027-06-02T10:00:00.000Z' });
  });

  it('answers 404 for a clinic that does not exist', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not a clinic', 'x'.repeat(90)]) {
      const availability = await call<ErrorResponse>(`${server.url}/v1/clinics/${encodeURIComponent(id)}/availability`);
      expect(availability.status).toBe(404);
      expect(availability.body.error.code).toBe('not_found');
      const message = await call<ErrorResponse>(`${server.url}/v1/clinics/${encodeURIComponent(id)}/messages`, { method: 'POST', json: { text: 'hi' } });
      expect(message.status).toBe(404);
    }
  });
});
