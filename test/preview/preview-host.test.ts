// The preview host over real HTTP on an ephemeral port: only the printed link gets in, other hosts
// (DNS rebinding) and other origins are refused, and the AppApi and its state push work for our page.
import { request } from 'node:http';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppResult, AppState } from '../../core/schemas/app-api.ts';
import { startPreviewHost } from '../../main/preview/preview-host.ts';
import type { PreviewHost } from '../../main/preview/preview-host.ts';
import { openEventStream } from '../server/helpers/sse-client.ts';
import { startClinicServer, waitFor } from '../main/support/controller-harness.ts';
import { testClock } from '../main/support/running-clock.ts';

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** A request with exactly these headers (fetch would not let us forge Host), as a hostile page could send. */
function raw(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

let dataDir: string;
let rendererDir: string;
let host: PreviewHost;
let port: number;
let cookie: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'chatdesk-preview-data-'));
  rendererDir = mkdtempSync(join(tmpdir(), 'chatdesk-preview-ui-'));
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Clinic Chat Desk</title><script type="module" src="./assets/app.js"></script>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("staff console");');
  writeFileSync(join(rendererDir, 'assets', 'index-C_PI_eMg.js'), 'console.log("hashed build output");');
  writeFileSync(join(dataDir, 'outside.txt'), 'not for the browser');
  host = await startPreviewHost({ dataDir, rendererDir, port: 0, pcName: 'Front desk 1', clock: testClock });
  port = Number(new URL(host.origin).port);
  const opened = await raw(port, { path: new URL(host.url).pathname + new URL(host.url).search });
  cookie = String(opened.headers['set-cookie']).split(';')[0]!;
});
afterAll(async () => {
  await host.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(rendererDir, { recursive: true, force: true });
});

const api = (operation: string, args: unknown[], headers: Record<string, string> = {}) =>
  raw(port, {
    method: 'POST',
    path: `/api/${operation}`,
    headers: { cookie, origin: `http://127.0.0.1:${port}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ args }),
  });
const result = (answer: Answer) => JSON.parse(answer.body) as AppResult;

describe('the printed link', () => {
  it('is on 127.0.0.1 and carries a long random secret', () => {
    expect(host.origin).toBe(`http://127.0.0.1:${port}`);
    expect(new URL(host.url).searchParams.get('session')).toMatch(/^[\w-]{40,}$/);
  });

  it('trades the secret for an HttpOnly, SameSite=Strict cookie and sends the browser to /', async () => {
    const answer = await raw(port, { path: new URL(host.url).pathname + new URL(host.url).search });
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe('/');
    expect(String(answer.headers['set-cookie'])).toMatch(new RegExp(`^chatdesk_session_${port}=[\\w-]+; HttpOnly; SameSite=Strict; Path=/$`));
  });

  it('refuses a wrong secret, and everything without the cookie', async () => {
    expect((await raw(port, { path: '/?session=guess' })).status).toBe(403);
    expect((await raw(port, { path: '/' })).status).toBe(403);
    expect((await raw(port, { path: '/assets/app.js' })).status).toBe(403);
    expect((await raw(port, { path: '/', headers: { cookie: `chatdesk_session_${port}=guess` } })).status).toBe(403);
    const call = await raw(port, { method: 'POST', path: '/api/getState', headers: { origin: host.origin, 'content-type': 'application/json' }, body: '{"args":[]}' });
    expect(call.status).toBe(403);
    expect(result(call)).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
  });
});

describe('the staff console', () => {
  it('is served with a strict Content-Security-Policy and no caching', async () => {
    const page = await raw(port, { path: '/', headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<title>Clinic Chat Desk</title>');
    const csp = String(page.headers['content-security-policy']);
    for (const directive of ["default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'", "object-src 'none'"]) expect(csp).toContain(directive);
    expect(csp).not.toContain('unsafe');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['cache-control']).toBe('no-store');
    const script = await raw(port, { path: '/assets/app.js', headers: { cookie } });
    expect(script).toMatchObject({ status: 200, headers: expect.objectContaining({ 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }) });
  });

  it('lets the browser keep content-hashed build output, so a reload does not compile the scripts again', async () => {
    const hashed = await raw(port, { path: '/assets/index-C_PI_eMg.js', headers: { cookie } });
    expect(hashed.status).toBe(200);
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(String(hashed.headers['content-security-policy'])).toContain("script-src 'self'");
  });

  it('serves nothing outside the built renderer', async () => {
    for (const path of ['/../outside.txt', '/assets/../../outside.txt', '/%2e%2e/outside.txt', '/assets/%2e%2e%2f%2e%2e%2foutside.txt', '/assets', '/%00']) {
      expect((await raw(port, { path, headers: { cookie } })).status, path).toBe(404);
    }
  });
});

describe('DNS rebinding and other local pages', () => {
  it('refuses another host name for this address, even with the cookie', async () => {
    for (const name of [`rebind.attacker.example:${port}`, '127.0.0.1', `127.0.0.1:${port + 1}`]) {
      expect((await raw(port, { path: '/', headers: { host: name, cookie } })).status, name).toBe(403);
      const call = await api('getState', [], { host: name });
      expect(call.status, name).toBe(403);
    }
    expect((await raw(port, { path: '/', headers: { host: `localhost:${port}`, cookie } })).status).toBe(200);
  });

  it('refuses API calls from another origin, or with none', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${port + 1}`, 'null', `http://localhost:${port}`]) {
      const call = await api('setOnline', [{ online: false }], { origin });
      expect(call.status, origin).toBe(403);
      expect(result(call)).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    }
    const noOrigin = await raw(port, { method: 'POST', path: '/api/getState', headers: { cookie, 'content-type': 'application/json' }, body: '{"args":[]}' });
    expect(noOrigin.status).toBe(403);
  });

  it('refuses a form post (not JSON) and the event stream to another site', async () => {
    const form = await api('getState', [], { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    const events = await raw(port, { path: '/api/events', headers: { cookie, origin: 'http://evil.example' } });
    expect(events.status).toBe(403);
    const crossSite = await raw(port, { path: '/api/events', headers: { cookie, 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
  });
});

describe('the AppApi over HTTP', () => {
  it('answers operations with AppResults and validates arguments like the IPC gateway', async () => {
    const state = await api('getState', []);
    expect(state.status).toBe(200);
    expect(result(state)).toMatchObject({ ok: true, state: { connection: null, preferences: { pcName: 'Front desk 1' }, status: { tone: 'not-connected' } } });
    const bad = await api('setPreference', [{ key: 'nodeIntegration', value: true }]);
    expect(result(bad)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((await api('subscribe', [])).status).toBe(404);
    const notJson = await raw(port, { method: 'POST', path: '/api/getState', headers: { cookie, origin: host.origin, 'content-type': 'application/json' }, body: '{"args":' });
    expect(notJson.status).toBe(400);
    const huge = await api('stashDraft', [{ blob: 'x'.repeat(600 * 1024) }]);
    expect(huge.status).toBe(413);
  });

  it('serves the operations and state added later: snoozeReminder, getHistory, the reminder and the locked values', async () => {
    expect(result(await api('getState', []))).toMatchObject({ ok: true, state: { reminder: { active: false, message: null, snoozedUntil: null }, managed: { locked: [], note: null } } });
    expect(result(await api('snoozeReminder', []))).toMatchObject({ ok: false, error: { code: 'not-connected' } });
    expect(result(await api('snoozeReminder', [15]))).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(result(await api('getHistory', [{ limit: 20 }]))).toMatchObject({ ok: false, error: { code: 'not-connected' } });
    expect(result(await api('getHistory', [{ limit: 'all' }]))).toMatchObject({ ok: false, error: { code: 'invalid-input', fields: [{ path: 'limit' }] } });
  });

  it('pushes a state snapshot at once and after every change, as `state` events', async () => {
    const stream = await openEventStream(`${host.origin}/api/events`, { cookie });
    try {
      expect(stream.status).toBe(200);
      const first = await stream.waitFor((event) => event.type === 'state');
      expect((first.data as AppState).preferences.pcName).toBe('Front desk 1');
      expect(result(await api('setPreference', [{ key: 'pcName', value: 'Reception' }])).ok).toBe(true);
      const pushed = await stream.waitFor((event) => event.type === 'state' && (event.data as AppState).preferences.pcName === 'Reception');
      expect(pushed.data).toMatchObject({ preferences: { pcName: 'Reception' } });
    } finally {
      stream.close();
    }
  });
});

describe('pre-connecting', () => {
  it('connects to the clinic at start, and a second host (another PC) sees the first one’s switch', async () => {
    const server = await startClinicServer();
    const dirs = [mkdtempSync(join(tmpdir(), 'chatdesk-pc1-')), mkdtempSync(join(tmpdir(), 'chatdesk-pc2-'))];
    const connect = { serverUrl: server.url, clinicId: server.clinic.clinicId, token: server.clinic.token };
    const [first, second] = await Promise.all(dirs.map((dir, index) => startPreviewHost({ dataDir: dir, rendererDir, port: 0, pcName: `PC ${index + 1}`, connect, clock: testClock })));
    try {
      expect(first!.connected).toMatchObject({ ok: true, state: { connection: { clinicName: 'Riverside Vets' } } });
      expect(second!.connected?.ok).toBe(true);
      const secondPort = Number(new URL(second!.origin).port);
      const opened = await raw(secondPort, { path: new URL(second!.url).pathname + new URL(second!.url).search });
      const secondCookie = String(opened.headers['set-cookie']).split(';')[0]!;
      const stream = await openEventStream(`${second!.origin}/api/events`, { cookie: secondCookie });
      try {
        const firstPort = Number(new URL(first!.origin).port);
        const firstCookie = String((await raw(firstPort, { path: new URL(first!.url).pathname + new URL(first!.url).search })).headers['set-cookie']).split(';')[0]!;
        const toggled = await raw(firstPort, {
          method: 'POST',
          path: '/api/setOnline',
          headers: { cookie: firstCookie, origin: first!.origin, 'content-type': 'application/json' },
          body: JSON.stringify({ args: [{ online: false }] }),
        });
        expect(result(toggled).ok).toBe(true);
        await stream.waitFor((event) => event.type === 'state' && (event.data as AppState).presence?.changedBy === 'PC 1' && (event.data as AppState).presence?.online === false);
        await waitFor(() => server.presence(), (presence) => !presence.online);
      } finally {
        stream.close();
      }
    } finally {
      await Promise.all([first!.close(), second!.close()]);
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
      await server.dispose();
    }
  });
});
