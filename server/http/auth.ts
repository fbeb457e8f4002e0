// Who may call what: the admin token for creating clinics, a clinic's staff token for its own data.
// Order of checks: no or unknown token → 401; the token's clinic is not the one asked for → 404 if that
// clinic does not exist, else 403 (so only an authenticated caller learns whether an id exists).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ClinicParams, RouteContext } from './context.ts';
import { isClinicIdShape } from './context.ts';
import { HttpError } from './errors.ts';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

export function bearerToken(request: FastifyRequest): string | null {
  const match = /^Bearer\s+(\S{1,512})\s*$/i.exec(request.headers.authorization ?? '');
  return match ? match[1]! : null;
}

export function checkAdmin(request: FastifyRequest, adminToken: string | undefined): void {
  if (!adminToken) throw new HttpError(403, 'admin_disabled', 'The admin API is off: start the server with CHATDESK_ADMIN_TOKEN to enable it');
  const presented = bearerToken(request);
  // Equal-length digests, compared in constant time: the response time says nothing about the token.
  if (presented === null || !timingSafeEqual(digest(presented), digest(adminToken))) {
    throw new HttpError(401, 'unauthorized', 'Send the admin token as Authorization: Bearer <token>');
  }
}

/**
 * The opening of every staff route: the clinic in the path, and a token of that clinic. Answers which
 * clinic and token were accepted; staff answers are never kept by browsers or proxies (no-store).
 */
export async function authorizeStaff(
  request: FastifyRequest<ClinicParams>,
  reply: FastifyReply,
  { store, cache }: Pick<RouteContext, 'store' | 'cache'>,
): Promise<{ clinicId: string; token: string }> {
  const clinicId = request.params.id;
  // Not shaped like an id we hand out: unknown without asking the database.
  if (!isClinicIdShape(clinicId)) throw new HttpError(404, 'not_found', 'There is no clinic with this id');
  const token = bearerToken(request);
  if (token === null) throw new HttpError(401, 'unauthorized', 'Send the clinic’s access token as Authorization: Bearer <token>');
  const tokenClinic = await store.clinicOfToken(token);
  if (tokenClinic === null) throw new HttpError(401, 'unauthorized', 'The access token is not valid (it may have been replaced); ask your administrator for the current one');
  if (tokenClinic !== clinicId) {
    if ((await cache.get(clinicId)) === null) throw new HttpError(404, 'not_found', 'There is no clinic with this id');
    throw new HttpError(403, 'forbidden', 'This access token belongs to another clinic');
  }
  reply.header('cache-control', 'no-store');
  return { clinicId, token };
}
