// Navigation, new windows, <webview> and permissions, with Electron's webContents and session replaced
// by doubles at the seam (their real types must fit it, checked at the end).
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Session, WebContents } from 'electron';
import { appUrlMatcher } from '../../main/window/ipc-gateway.ts';
import { APP_PAGE } from '../../main/window/app-protocol.ts';
import { denyAllPermissions, hardenWebContents, isAllowedExternalUrl } from '../../main/window/web-security.ts';
import type { GuardedContents, GuardedSession } from '../../main/window/web-security.ts';

function contentsDouble() {
  const listeners = new Map<string, (event: { url: string; preventDefault(): void }) => void>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const contents: GuardedContents = {
    on: (event: string, listener: (event: { url: string; preventDefault(): void }) => void) => listeners.set(event, listener),
    setWindowOpenHandler: (handler) => {
      openHandler = handler;
    },
  };
  const fire = (event: string, url = '') => {
    let prevented = false;
    listeners.get(event)?.({ url, preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { contents, fire, open: (url: string) => openHandler!({ url }) };
}

const server = 'https://chat.riverside-vets.example';

describe('web contents hardening', () => {
  const setup = () => {
    const double = contentsDouble();
    const opened: string[] = [];
    hardenWebContents(double.contents, { isAppUrl: appUrlMatcher(APP_PAGE), externalOrigins: () => [server], openExternal: (url) => opened.push(url) });
    return { ...double, opened };
  };

  it('lets the window reload our page but navigate nowhere else', () => {
    const { fire } = setup();
    expect(fire('will-navigate', 'chatdesk://app/index.html#/settings/hours')).toBe(false);
    for (const url of ['https://evil.example/', 'file:///etc/passwd', `${server}/demo/1`, 'chatdesk://elsewhere/index.html']) {
      expect(fire('will-navigate', url), url).toBe(true);
      expect(fire('will-redirect', url), url).toBe(true);
    }
  });

  it('refuses <webview>', () => {
    expect(setup().fire('will-attach-webview')).toBe(true);
  });

  it('opens no window; https links to the clinic server go to the system browser, nothing else', () => {
    const { open, opened } = setup();
    for (const url of [`${server}/demo/clinic-1`, 'http://chat.riverside-vets.example/demo', 'https://evil.example/', 'javascript:alert(1)', 'file:///C:/Windows/system32/calc.exe', `https://user:pw@chat.riverside-vets.example/`]) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual([`${server}/demo/clinic-1`]);
  });

  it('judges external links by exact origin', () => {
    expect(isAllowedExternalUrl(`${server}/x`, [server])).toBe(true);
    expect(isAllowedExternalUrl('https://chat.riverside-vets.example.evil.example/x', [server])).toBe(false);
    expect(isAllowedExternalUrl('https://chat.riverside-vets.example:8443/x', [server])).toBe(false);
    expect(isAllowedExternalUrl('not a url', [server])).toBe(false);
    expect(isAllowedExternalUrl(`${server}/x`, [])).toBe(false);
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    let request: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
    let check: (() => boolean) | null = null;
    denyAllPermissions({ setPermissionRequestHandler: (handler) => (request = handler), setPermissionCheckHandler: (handler) => (check = handler) });
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) request!(null, permission, (granted) => answers.push(granted));
    expect(answers).toEqual([false, false, false, false, false]);
    expect(check!()).toBe(false);
  });
});

describe('the seam', () => {
  it('fits Electron’s real objects', () => {
    expectTypeOf<WebContents>().toExtend<GuardedContents>();
    expectTypeOf<Session>().toExtend<GuardedSession>();
  });
});
