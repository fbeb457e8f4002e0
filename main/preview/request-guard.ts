// Any page the PC's browser opens can reach 127.0.0.1, and a DNS-rebinding page can look same-origin: so
// an exact Host, our own Origin for API calls, and the session cookie only the printed link hands out.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { previewSessionCookie } from '../../core/preview-contract.ts';

export type RequestGuard = {
  /** The session secret carried once by the printed link. */
  readonly secret: string;
  /** The cookie's name: per port, because browsers share cookies between ports of one host. */
  readonly cookieName: string;
  /** Host header is `127.0.0.1:<port>` or `localhost:<port>`. */
  hostAllowed(headers: IncomingHttpHeaders): boolean;
  /** The request carries our session cookie. */
  hasSession(headers: IncomingHttpHeaders): boolean;
  /** For calls with side effects: the Origin is exactly this host (browsers always send it on POST). */
  sameOrigin(headers: IncomingHttpHeaders): boolean;
  /** For reads: no sign of coming from another site (Origin or Sec-Fetch-Site, when the browser sends them). */
  notCrossSite(headers: IncomingHttpHeaders): boolean;
  matchesSecret(candidate: string): boolean;
  /** The Set-Cookie value that opens the session. */
  sessionCookie(): string;
};

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** Equal-length digests compared in constant time: timing says nothing about the secret. */
function sameSecret(candidate: string, secret: string): boolean {
  return timingSafeEqual(digest(candidate), digest(secret));
}

export function createRequestGuard(port: number, secret = randomBytes(32).toString('base64url')): RequestGuard {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const origins = new Set([...hosts].map((host) => `http://${host}`));
  const cookieName = `${previewSessionCookie}_${port}`;

  const cookieValue = (headers: IncomingHttpHeaders): string | null => {
    for (const part of (headers.cookie ?? '').split(';')) {
      const separator = part.indexOf('=');
      if (separator > 0 && part.slice(0, separator).trim() === cookieName) return part.slice(separator + 1).trim();
    }
    return null;
  };

  return {
    secret,
    cookieName,
    hostAllowed: (headers) => typeof headers.host === 'string' && hosts.has(headers.host.toLowerCase()),
    hasSession: (headers) => {
      const value = cookieValue(headers);
      return value !== null && sameSecret(value, secret);
    },
    sameOrigin: (headers) => typeof headers.origin === 'string' && origins.has(headers.origin) && headers.origin === `http://${headers.host}`,
    notCrossSite: (headers) => {
      if (headers.origin !== undefined && headers.origin !== `http://${headers.host}`) return false;
      const site = headers['sec-fetch-site'];
      return site === undefined || site === 'same-origin' || site === 'none';
    },
    matchesSecret: (candidate) => sameSecret(candidate, secret),
    sessionCookie: () => `${cookieName}=${secret}; HttpOnly; SameSite=Strict; Path=/`,
  };
}
