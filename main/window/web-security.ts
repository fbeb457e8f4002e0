// Electron's security checklist for our pages: no navigation, new windows or <webview>, no permissions, and
// only https links to the clinic's own server, opened in the system browser.

/** What the hardening reads of a webContents. */
export type GuardedContents = {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { url: string; preventDefault(): void }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
};

/** `isAppUrl`: our own page, the only place the window may navigate to; `externalOrigins`: those of links we build (the clinic's server). */
type LinkPolicy = { isAppUrl(url: string): boolean; externalOrigins(): readonly string[]; openExternal(url: string): void };

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
