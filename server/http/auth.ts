// Who may call what, and every refusal in one place. No or unknown token → 401; a token of another
// clinic → 404 if that clinic does not exist, else 403, so only a valid token learns whether an id exists.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode } from '../../core/schemas/http-api.ts';
import type { RouteContext } from './context.ts';
import { isClinicIdShape } from './context.ts';
import { HttpError } from './errors.ts';

export const refusals = {
  adminDisabled: [403, 'admin_disabled', 'The admin API is off: start the server with CHATDESK_ADMIN_TOKEN to enable it'],
  noAdminToken: [401, 'unauthorized', 'Send the admin token as Authorization: Bearer <token>'],
  noToken: [401, 'unauthorized', 'Send the clinic’s access token as Authorization: Bearer <token>'],
  unknownToken: [401, 'unauthorized', 'The access token is not valid (it may have been replaced); ask your administrator for the current one'],
  otherClinic: [403, 'forbidden', 'This access token belongs to another clinic'],
  noClinic: [404, 'not_found', 'There is no clinic with this id'],
} as const satisfies Record<string, readonly [number, ErrorCode, string]>;

export function refusal(which: keyof typeof refusals): HttpError {
  const [status, code, message] = refusals[which];
  return new HttpError(status, code, message);
}

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

export function bearerToken(request: FastifyRequest): string | null {
  return /^Bearer\s+(\S{1,512})\s*$/i.exec(request.headers.authorization ?? '')?.[1] ?? null;
}

/** Runs before the body is read: refused callers cost no parsing. Staff answers are never stored by caches. */
export async function checkAccess(request: FastifyRequest, reply: FastifyReply, { store, cache, adminToken }: RouteContext): Promise<void> {
  const access = request.routeOptions.config.access;
  const token = bearerToken(request);
  if (access === 'admin') {
    if (!adminToken) throw refusal('adminDisabled');
    // Equal-length digests, compared in constant time: the response time says nothing about the token.
    if (token === null || !timingSafeEqual(digest(token), digest(adminToken))) throw refusal('noAdminToken');
  } else if (access === 'staff') {
    const clinicId = (request.params as { id: string }).id;
    if (!isClinicIdShape(clinicId)) throw refusal('noClinic');
    if (token === null) throw refusal('noToken');
    const tokenClinic = await store.clinicOfToken(token);
    if (tokenClinic === null) throw refusal('unknownToken');
    if (tokenClinic !== clinicId) throw refusal((await cache.get(clinicId)) === null ? 'noClinic' : 'otherClinic');
  }
  reply.header('cache-control', 'no-store');
}
