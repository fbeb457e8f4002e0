// Reading the built renderer (out/renderer) from disk, for the desktop app's custom protocol and the
// preview host: only files inside that folder, by exact path, with the right content type. No
// directory listings, no fallbacks.
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

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
