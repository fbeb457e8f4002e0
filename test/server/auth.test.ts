// Who may do what: a clinic's token never reaches another clinic (403), a missing or wrong token is
// 401, an unknown clinic 404; the admin API needs its own token and is off without one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/server.ts';
import { ADMIN_TOKEN, call, createClinicThroughApi, createTestStorage, startServer } from './helpers/test-server.ts';
import type { ErrorResponse, TestClinic, TestStorage } from './helpers/test-server.ts';

type StaffRoute = { method: string; suffix: string; json?: unknown; headers?: Record<string, string> };
const staffRoutes: StaffRoute[] = [
  { method: 'GET', suffix: '' },
  { method: 'GET', suffix: '/settings' },
  { method: 'PUT', suffix: '/settings', json: {}, headers: { 'if-match': '"1"' } },
  { method: 'GET', suffix: '/presence' },
  { method: 'PUT', suffix: '/presence', json: { online: false } },
  { method: 'GET', suffix: '/events' },
  { method: 'GET', suffix: '/history' },
];

describe('authorisation', () => {
  let storage: TestStorage;
  let server: RunningServer;
  let clinicA: TestClinic;
  let clinicB: TestClinic;

  beforeAll(async () => {
    storage = await createTestStorage('sqlite');
    server = await startServer(storage);
    clinicA = await createClinicThroughApi(server, 'Clinic A');
    clinicB = await createClinicThroughApi(server, 'Clinic B');
  });
  afterAll(async () => {
    await server?.close();
    await storage?.dispose();
  });

  const cases: { who: string; token: () => string | null; clinic: () => string; status: number; code: string }[] = [
    { who: 'no token', token: () => null, clinic: () => clinicB.clinicId, status: 401, code: 'unauthorized' },
    { who: 'a made-up token', token: () => 'cd_not-a-real-token', clinic: () => clinicB.clinicId, status: 401, code: 'unauthorized' },
    { who: 'the admin token', token: () => ADMIN_TOKEN, clinic: () => clinicB.clinicId, status: 401, code: 'unauthorized' },
    { who: 'clinic A’s token on clinic B', token: () => clinicA.token, clinic: () => clinicB.clinicId, status: 403, code: 'forbidden' },
    { who: 'clinic A’s token on an unknown clinic', token: () => clinicA.token, clinic: () => '00000000-0000-4000-8000-000000000000', status: 404, code: 'not_found' },
  ];

  for (const route of staffRoutes) {
    for (const { who, token, clinic, status, code } of cases) {
      it(`${route.method} /v1/clinics/:id${route.suffix} with ${who} → ${status}`, async () => {
        const bearer = token();
        const response = await call<ErrorResponse>(`${server.url}/v1/clinics/${clinic()}${route.suffix}`, {
          method: route.method,
          headers: { ...route.headers, ...(bearer === null ? {} : { authorization: `Bearer ${bearer}` }) },
          ...(route.json === undefined ? {} : { json: route.json }),
        });
        expect(response.status).toBe(status);
        expect(response.body.error.code).toBe(code);
      });
    }
  }

  it('answers a clinic’s own staff on every staff route with Cache-Control: no-store', async () => {
    for (const route of staffRoutes) {
      const response = await fetch(`${server.url}/v1/clinics/${clinicA.clinicId}${route.suffix}`, {
        method: route.method,
        headers: { ...route.headers, ...clinicA.staff, ...(route.json === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(route.json === undefined ? {} : { body: JSON.stringify(route.json) }),
      });
      expect(response.status, `${route.method} ${route.suffix}`).toBeLessThan(500);
      expect(response.headers.get('cache-control'), `${route.method} ${route.suffix}`).toBe('no-store');
      await response.body?.cancel(); // the event stream never ends by itself
    }
  });

  it('leaves clinic B untouched after clinic A’s token tried to change it', async () => {
    const presence = await call<{ presence: { online: boolean } }>(`${server.url}/v1/clinics/${clinicB.clinicId}/presence`, { headers: clinicB.staff });
    expect(presence.body.presence.online).toBe(true);
    const settings = await call<{ version: number }>(`${server.url}/v1/clinics/${clinicB.clinicId}/settings`, { headers: clinicB.staff });
    expect(settings.body.version).toBe(1);
  });

  it('creates clinics only with the admin token', async () => {
    const body = { name: 'Hillside', timezone: 'America/New_York' };
    const none = await call<ErrorResponse>(`${server.url}/v1/admin/clinics`, { method: 'POST', json: body });
    expect(none.status).toBe(401);
    const staff = await call<ErrorResponse>(`${server.url}/v1/admin/clinics`, { method: 'POST', headers: clinicA.staff, json: body });
    expect(staff.status).toBe(401);
    const invalid = await call<ErrorResponse>(`${server.url}/v1/admin/clinics`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      json: { name: '', timezone: 'Mars/Olympus' },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details?.map((detail) => detail.path).sort()).toEqual(['name', 'timezone']);
    const created = await call<{ clinicId: string; token: string }>(`${server.url}/v1/admin/clinics`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      json: body,
    });
    expect(created.status).toBe(201);
    expect(created.body.token).not.toBe(clinicA.token);
    const ownSettings = await call<{ settings: { timezone: string } }>(`${server.url}/v1/clinics/${created.body.clinicId}/settings`, {
      headers: { authorization: `Bearer ${created.body.token}` },
    });
    expect(ownSettings.body.settings.timezone).toBe('America/New_York');
  });

  it('turns the admin API off when no admin token is configured', async () => {
    const bare = await startServer(storage, { adminToken: '' });
    try {
      const response = await call<ErrorResponse>(`${bare.url}/v1/admin/clinics`, {
        method: 'POST',
        headers: { authorization: 'Bearer anything' },
        json: { name: 'X', timezone: 'Europe/London' },
      });
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('admin_disabled');
    } finally {
      await bare.close();
    }
  });
});
