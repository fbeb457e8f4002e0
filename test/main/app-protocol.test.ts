// The chatdesk://app/ protocol handler under Node (Electron's protocol.handle calls exactly this).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_PAGE, appProtocolResponse, appSchemePrivileges } from '../../main/window/app-protocol.ts';

let root: string;
let renderer: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'chatdesk-protocol-'));
  renderer = join(root, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Clinic Chat Desk</title>');
  writeFileSync(join(renderer, 'assets', 'index.css'), 'body{}');
  writeFileSync(join(root, 'secret.txt'), 'outside');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const get = (url: string) => appProtocolResponse(renderer, { url, method: 'GET' });

describe('the chatdesk:// protocol', () => {
  it('serves the staff page with the CSP as a header', async () => {
    const response = await get(APP_PAGE);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Clinic Chat Desk');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await get('chatdesk://app/')).status).toBe(200);
    expect((await get('chatdesk://app/assets/index.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('serves nothing outside the renderer, from another host, or for other methods', async () => {
    for (const url of ['chatdesk://app/../secret.txt', 'chatdesk://app/%2e%2e/secret.txt', 'chatdesk://app/assets/%2e%2e%2f%2e%2e%2fsecret.txt', 'chatdesk://other/index.html', 'chatdesk://app/missing.js']) {
      expect((await get(url)).status, url).toBe(404);
    }
    expect((await appProtocolResponse(renderer, { url: APP_PAGE, method: 'POST' })).status).toBe(405);
  });

  it('is registered as a standard, secure scheme', () => {
    expect(appSchemePrivileges).toEqual({ scheme: 'chatdesk', privileges: { standard: true, secure: true, codeCache: true } });
  });
});
