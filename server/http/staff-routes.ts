// The staff API of one clinic: its name, its settings (optimistic concurrency with ETag / If-Match;
// the saving PC named in X-Changed-By for the history) and its presence (the Online/Offline switch,
// idempotent with Idempotency-Key).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseSettings } from '../../core/schemas/schedule.ts';
import type { Presence } from '../../core/schemas/schedule.ts';
import { apiPaths } from '../../core/http-paths.ts';
import { headers, parseVersionTag, presenceUpdateSchema, versionTag } from '../../core/schemas/http-api.ts';
import type { ClinicResponse, PresenceResponse, PresenceUpdate, SettingsResponse } from '../../core/schemas/http-api.ts';
import { parseChangedByHeader } from '../../core/schemas/history.ts';
import { authorizeStaff } from './auth.ts';
import type { ClinicParams, RouteContext } from './context.ts';
import { clinicRoute } from './context.ts';
import { HttpError, parseOrRefuse } from './errors.ts';

/** Settings with hundreds of closures stay far below this; anything larger is not a settings document. */
export const STAFF_BODY_LIMIT = 256 * 1024;
const idempotencyKeyPattern = /^[\x21-\x7e]{1,200}$/;

export function registerStaffRoutes(app: FastifyInstance, context: RouteContext): void {
  const { store, hub, now } = context;

  /** Authenticates, then reads the clinic's current state from the database (not the public cache). */
  async function staffClinic(request: FastifyRequest<ClinicParams>, reply: FastifyReply) {
    const { clinicId } = await authorizeStaff(request, reply, context);
    const clinic = await store.findClinic(clinicId);
    if (!clinic) throw new HttpError(404, 'not_found', 'There is no clinic with this id');
    return clinic;
  }

  app.get<ClinicParams>(clinicRoute(apiPaths.clinic), async (request, reply): Promise<ClinicResponse> => {
    const clinic = await staffClinic(request, reply);
    return { clinic: { id: clinic.id, name: clinic.name } };
  });

  app.get<ClinicParams>(clinicRoute(apiPaths.settings), async (request, reply) => {
    const clinic = await staffClinic(request, reply);
    const tag = versionTag(clinic.version);
    reply.header(headers.etag, tag);
    if (parseVersionTag(request.headers['if-none-match']) === clinic.version) return reply.code(304).send();
    return { settings: clinic.settings, version: clinic.version } satisfies SettingsResponse;
  });

  app.put<ClinicParams>(clinicRoute(apiPaths.settings), { bodyLimit: STAFF_BODY_LIMIT }, async (request, reply): Promise<SettingsResponse> => {
    // The save reads (and on PostgreSQL locks) the clinic itself: no read here.
    const { clinicId } = await authorizeStaff(request, reply, context);
    const ifMatch = request.headers[headers.ifMatch];
    if (ifMatch === undefined) {
      throw new HttpError(428, 'precondition_required', 'Send If-Match with the version your edit is based on (the ETag of GET /settings)');
    }
    const expectedVersion = parseVersionTag(ifMatch);
    if (expectedVersion === null) throw new HttpError(400, 'bad_request', 'If-Match must be a settings version as an entity tag, for example "3"');
    const changedBy = changedByOf(request.headers[headers.changedBy]);
    const parsed = parseSettings(request.body);
    if (!parsed.ok) throw new HttpError(400, 'invalid_settings', 'The settings are not valid', { details: parsed.errors });
    const outcome = await store.saveSettings(clinicId, parsed.value, expectedVersion, now(), changedBy);
    if (outcome.kind === 'not_found') throw new HttpError(404, 'not_found', 'There is no clinic with this id');
    if (outcome.kind === 'stale') {
      throw new HttpError(412, 'precondition_failed', 'Someone else saved the settings first; compare with the current version', {
        extra: { current: outcome.current },
      });
    }
    hub.publish({ clinicId, seq: outcome.stored.seq, event: outcome.stored.event });
    reply.header(headers.etag, versionTag(outcome.response.version));
    return outcome.response;
  });

  app.get<ClinicParams>(clinicRoute(apiPaths.presence), async (request, reply): Promise<PresenceResponse> => {
    const clinic = await staffClinic(request, reply);
    return { presence: clinic.presence };
  });

  app.put<ClinicParams>(clinicRoute(apiPaths.presence), { bodyLimit: STAFF_BODY_LIMIT }, async (request, reply): Promise<PresenceResponse> => {
    const { clinicId } = await authorizeStaff(request, reply, context);
    const key = request.headers[headers.idempotencyKey];
    if (key !== undefined && (typeof key !== 'string' || !idempotencyKeyPattern.test(key))) {
      throw new HttpError(400, 'bad_request', 'Idempotency-Key must be 1 to 200 visible ASCII characters, for example a UUID');
    }
    const update = parseOrRefuse(presenceUpdateSchema, request.body, 'The presence change is not valid');
    const at = now();
    const outcome = await store.setPresence(clinicId, presenceOf(update, at), key ?? null, at);
    switch (outcome.kind) {
      case 'not_found':
        throw new HttpError(404, 'not_found', 'There is no clinic with this id');
      case 'key_reused':
        throw new HttpError(422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different change; use a new key for each change');
      case 'replayed':
        reply.header('idempotent-replayed', 'true');
        return outcome.response;
      case 'applied':
        hub.publish({ clinicId, seq: outcome.stored.seq, event: outcome.stored.event });
        return outcome.response;
    }
  });
}

/** The saving PC's name from X-Changed-By (optional: older desktop apps do not send it). */
function changedByOf(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  const parsed = typeof value === 'string' ? parseChangedByHeader(value) : null;
  if (parsed?.ok) return parsed.value;
  throw new HttpError(400, 'bad_request', parsed?.message ?? 'Send X-Changed-By once');
}

/** The stored switch state, instants in UTC (the schema allows a break's end only when going offline). */
function presenceOf(update: PresenceUpdate, at: Date): Presence {
  return {
    online: update.online,
    offlineUntil: update.offlineUntil ? new Date(update.offlineUntil).toISOString() : null,
    changedAt: at.toISOString(),
    changedBy: update.changedBy ?? null,
  };
}
