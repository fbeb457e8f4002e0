// The HTTP edges every route shares: strict JSON bodies, size limits, one error shape, per-IP rate
// limits on the public endpoints, the health check, and the widget script and demo page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SettingsResponse } from '../../core/schemas/http-api.ts';
import type { RunningServer } from '../../server/server.ts';
import { call, createClinicThroughApi, createTestStorage, startServer } from './helpers/test-server.ts';
import type { ErrorResponse, TestClinic, TestStorage } from './helpers/test-server.ts';

describe('HTTP behaviour', () => {
  let storage: TestStorage;
  let server: RunningServer;
  let clinic: TestClinic;
  const path = (suffix: string) => `${server.url}/v1/clinics/${clinic.clinicId}${suffix}`;

  beforeAll(async () => {
    storage = await createTestStorage('sqlite');
    server = await startServer(storage);
    clinic = await createClinicThroughApi(server);
  });
  afterAll(async () => {
    await server?.close();
    await storage?.dispose();
  });

  it('answers the health check while the database answers', async () => {
    const response = await call<{ status: string }>(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('refuses bodies that are not JSON objects on every body-taking route', async () => {
    const routes = [
      { method: 'PUT', url: path('/settings'), headers: { ...clinic.staff, 'if-match': '"1"' } },
      { method: 'PUT', url: path('/presence'), headers: clinic.staff },
      { method: 'POST', url: path('/messages'), headers: {} },
      { method: 'POST', url: `${server.url}/v1/admin/clinics`, headers: { authorization: 'Bearer test-admin-token' } },
    ];
    for (const route of routes) {
      for (const [body, code] of [
        ['{"online": tru', 'invalid_json'],
        ['', 'invalid_json'],
        ['"just a string"', 'bad_request'],
        ['null', 'bad_request'],
        ['{"__proto__": {"admin": true}}', 'invalid_json'],
      ] as const) {
        const response = await call<ErrorResponse>(route.url, { method: route.method, headers: { ...route.headers, 'content-type': 'application/json' }, body });
        expect(response.status, `${route.method} ${route.url} ${body}`).toBe(400);
        expect(response.body.error.code, `${route.method} ${route.url} ${body}`).toBe(code);
        expect(typeof response.body.error.message).toBe('string');
      }
      const text = await call<ErrorResponse>(route.url, { method: route.method, headers: { ...route.headers, 'content-type': 'text/plain' }, body: '{}' });
      expect(text.status).toBe(415);
    }
  });

  it('accepts application/json with a charset', async () => {
    const response = await call(path('/presence'), {
      method: 'PUT',
      headers: { ...clinic.staff, 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ online: true }),
    });
    expect(response.status).toBe(200);
  });

  it('refuses a settings body over the size limit with 413, and changes nothing', async () => {
    const current = (await call<SettingsResponse>(path('/settings'), { headers: clinic.staff })).body;
    const bloated = { ...current.settings, padding: 'x'.repeat(300 * 1024) };
    const response = await call<ErrorResponse>(path('/settings'), { method: 'PUT', headers: { ...clinic.staff, 'if-match': `"${current.version}"` }, json: bloated });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('payload_too_large');
    expect((await call<SettingsResponse>(path('/settings'), { headers: clinic.staff })).body.version).toBe(current.version);
  });

  it('answers unknown paths with the JSON error shape', async () => {
    const response = await call<ErrorResponse>(`${server.url}/v2/nothing`);
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('not_found');
  });

  it('serves the widget script to any site, cacheable and revalidated by ETag', async () => {
    const response = await fetch(`${server.url}/widget.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    const script = await response.text();
    expect(script.length).toBeGreaterThan(1_000);
    const etag = response.headers.get('etag')!;
    expect((await fetch(`${server.url}/widget.js`, { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it('serves a demo page for a clinic that embeds the widget under a strict content security policy', async () => {
    const response = await fetch(`${server.url}/demo/${clinic.clinicId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain('Riverside Vets');
    expect(html).toContain(`data-clinic="${clinic.clinicId}"`);
    expect(html).toContain('src="/widget.js"');
    const unknown = await call<ErrorResponse>(`${server.url}/demo/00000000-0000-4000-8000-000000000000`);
    expect(unknown.status).toBe(404);
  });

  it('limits each client address on the public endpoints (429), and not the staff API', async () => {
    const limitedServer = await startServer(storage, { rateLimitPerMinute: 40 });
    const path = (suffix: string) => `${limitedServer.url}/v1/clinics/${clinic.clinicId}${suffix}`;
    const statuses: number[] = [];
    for (let index = 0; index < 45; index++) statuses.push((await fetch(path('/availability'))).status);
    expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true);
    expect(statuses).toContain(429);
    const limited = await call<ErrorResponse>(path('/availability'));
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(limited.headers.get('access-control-allow-origin')).toBe('*');
    // Messages get a twentieth of the limit: 2 a minute here.
    const messages: number[] = [];
    for (let index = 0; index < 4; index++) messages.push((await call(path('/messages'), { method: 'POST', json: { text: 'hello' } })).status);
    expect(messages.slice(2)).toEqual([429, 429]);
    expect((await call(path('/settings'), { headers: clinic.staff })).status).toBe(200);
    await limitedServer.close();
  });
});
