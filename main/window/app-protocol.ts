// The staff UI is served from our own scheme, chatdesk://app/, rather than file://: a standard, secure
// origin of its own (so the IPC gateway can tell our page from anything else, and `file:` pages get no
// special reach), with the CSP sent as a header on every response. No Electron import here: the
// composition root hands this handler to protocol.handle, and tests call it under Node.
import { SECURITY_HEADERS } from './content-security.ts';
import { readStaticFile } from './renderer-files.ts';

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
