// Electron's security checklist for everything the app's pages could do beyond showing our UI:
// navigation and new windows are denied (the UI is one page), links we build to the clinic's own
// https server open in the system browser, <webview> is refused, and every permission request
// (camera, notifications from the page, geolocation…) is denied. Electron objects come in through
// narrow types, so tests drive these functions with doubles at this seam.

/** What the hardening reads of a webContents. */
export type GuardedContents = {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { url: string; preventDefault(): void }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
};

type LinkPolicy = {
  /** Our own page (a reload, a hash change): the only place the window may navigate to. */
  isAppUrl(url: string): boolean;
  /** Origins of links we build (the connected clinic server), opened in the system browser. */
  externalOrigins(): readonly string[];
  openExternal(url: string): void;
};

/** Only https links to an origin we chose: never file:, javascript:, custom schemes or other hosts. */
export function isAllowedExternalUrl(url: string, origins: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && origins.includes(parsed.origin);
}

export function hardenWebContents(contents: GuardedContents, policy: LinkPolicy): void {
  const stayHome = (event: { url: string; preventDefault(): void }) => {
    if (!policy.isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url, policy.externalOrigins())) policy.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK https and an allowed origin only, checked on this line
    return { action: 'deny' };
  });
}

/** What the hardening uses of a session. */
export type GuardedSession = {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: () => boolean): void;
};

/** The staff UI needs no browser permission at all; desktop notifications come from main. */
export function denyAllPermissions(session: GuardedSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
