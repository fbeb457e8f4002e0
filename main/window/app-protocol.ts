// The built staff UI as served: by the desktop app from its own secure origin, chatdesk://app/ (which the IPC
// gateway can tell from anything else, unlike file://), and by the preview host; the CSP on every answer.
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

/** Scripts, styles and data only from our own origin: no inline code, no plugins, no framing, no forms posting elsewhere. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

type StaticFile = { body: Buffer; contentType: string; cacheControl: string };

/**
 * Vite names everything under /assets/ after a hash of its contents, so those files never change
 * under one name: the browser may keep them (and the compiled code) for good. The page itself is
 * never cached, so a new build is picked up at once.
 */
function cacheControlFor(urlPath: string): string {
  return /^\/assets\/[\w.-]+-[\w-]{8,}\.(?:js|css|woff2|svg|png)$/.test(urlPath) ? 'public, max-age=31536000, immutable' : 'no-store';
}

/** The file under `root` that `urlPath` names, or null (missing, a folder, or outside `root`). */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.split(/[\\/]/).includes('..')) return null;
  const base = resolve(root);
  const file = resolve(base, `.${decoded}`);
  if (!file.startsWith(base + sep)) return null;
  try {
    if (!(await stat(file)).isFile()) return null;
    return {
      body: await readFile(file),
      contentType: contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
      cacheControl: cacheControlFor(decoded),
    };
  } catch {
    return null;
  }
}

export const APP_SCHEME = 'chatdesk';
const APP_HOST = 'app';
/** The page the staff window loads; the IPC gateway trusts this origin only. */
export const APP_PAGE = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** For protocol.registerSchemesAsPrivileged, before app 'ready'. */
export const appSchemePrivileges = {
  scheme: APP_SCHEME,
  // standard: real origins and relative URLs; secure: treated like https (no mixed-content downgrades);
  // codeCache: V8 keeps the compiled scripts between starts, so the window is interactive sooner.
  privileges: { standard: true, secure: true, codeCache: true },
} as const;

const plain = (status: number, text: string): Response =>
  new Response(text, { status, headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' } });

/** Answers one request on chatdesk://app/… from the built renderer folder. */
export async function appProtocolResponse(rendererDir: string, request: { url: string; method: string }): Promise<Response> {
  if (request.method !== 'GET') return plain(405, 'Method not allowed');
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return plain(400, 'Bad address');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return plain(404, 'Not found');
  const file = await readStaticFile(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
  if (file === null) return plain(404, 'Not found');
  return new Response(new Uint8Array(file.body), {
    status: 200,
    headers: { ...SECURITY_HEADERS, 'content-type': file.contentType, 'cache-control': file.cacheControl },
  });
}
