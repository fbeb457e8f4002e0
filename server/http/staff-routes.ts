// The staff API of one clinic: its name, its settings (optimistic concurrency: ETag / If-Match), its
// presence (idempotent with Idempotency-Key) and its change history, newest first a page at a time.
import { z } from 'zod';
import { apiPaths } from '../../core/http-paths.ts';
import { changedByHeaderSchema, historyQuerySchema, historyResponseSchema } from '../../core/schemas/history.ts';
import {
  clinicResponseSchema,
  errorBodySchema,
  headers,
  idempotencyKeySchema,
  notModifiedSchema,
  presenceResponseSchema,
  presenceUpdateSchema,
  settingsRequestSchema,
  settingsResponseSchema,
  staleSettingsBodySchema,
  versionTag,
  versionTagSchema,
} from '../../core/schemas/http-api.ts';
import { refusal } from './auth.ts';
import type { HttpApp, RouteContext } from './context.ts';
import { clinicParams as params, clinicRoute } from './context.ts';
import { HttpError } from './errors.ts';

/** Settings with hundreds of closures stay far below this; anything larger is not a settings document. */
const STAFF_BODY_LIMIT = 256 * 1024;
const staff = { access: 'staff' } as const;

export function registerStaffRoutes(app: HttpApp, { store, history, hub, now }: RouteContext): void {
  /** The clinic as the database has it now (not the public cache). */
  async function clinicOf(id: string) {
    const clinic = await store.findClinic(id);
    if (!clinic) throw refusal('noClinic');
    return clinic;
  }

  app.get(clinicRoute(apiPaths.clinic), { config: staff, schema: { summary: 'The clinic’s name', params, response: { 200: clinicResponseSchema } } }, async (request) => {
    const clinic = await clinicOf(request.params.id);
    return { clinic: { id: clinic.id, name: clinic.name } };
  });

  app.get(
    clinicRoute(apiPaths.settings),
    {
      config: staff,
      schema: {
        summary: 'The clinic’s settings and their version (also the ETag; 304 to a matching If-None-Match)',
        params,
        headers: z.object({ [headers.ifNoneMatch]: versionTagSchema.optional().catch(undefined) }),
        response: { 200: settingsResponseSchema, 304: notModifiedSchema },
      },
    },
    async (request, reply) => {
      const clinic = await clinicOf(request.params.id);
      reply.header(headers.etag, versionTag(clinic.version));
      if (request.headers[headers.ifNoneMatch] === clinic.version) return reply.code(304).send();
      return { settings: clinic.settings, version: clinic.version };
    },
  );

  app.put(
    clinicRoute(apiPaths.settings),
    {
      bodyLimit: STAFF_BODY_LIMIT,
      config: { ...staff, invalidBody: { code: 'invalid_settings', message: 'The settings are not valid' } },
      schema: {
        summary: 'Saves the settings, based on the version in If-Match; the PC names itself in X-Changed-By for the history',
        params,
        headers: z.object({ [headers.ifMatch]: versionTagSchema.optional(), [headers.changedBy]: changedByHeaderSchema }),
        body: settingsRequestSchema,
        response: {
          200: settingsResponseSchema,
          412: staleSettingsBodySchema.describe('`precondition_failed`: someone else saved first'),
          428: errorBodySchema.describe('`precondition_required`: no If-Match'),
        },
      },
    },
    async (request, reply) => {
      const clinicId = request.params.id;
      const baseVersion = request.headers[headers.ifMatch];
      if (baseVersion === undefined) throw new HttpError(428, 'precondition_required', 'Send If-Match with the version your edit is based on (the ETag of GET /settings)');
      // The save reads (and on PostgreSQL locks) the clinic itself.
      const outcome = await store.saveSettings(clinicId, request.body, baseVersion, now(), request.headers[headers.changedBy]);
      if (outcome.kind === 'not_found') throw refusal('noClinic');
      if (outcome.kind === 'stale') {
        throw new HttpError(412, 'precondition_failed', 'Someone else saved the settings first; compare with the current version', { extra: { current: outcome.current } });
      }
      hub.publish({ clinicId, seq: outcome.stored.seq, event: outcome.stored.event });
      reply.header(headers.etag, versionTag(outcome.response.version));
      return outcome.response;
    },
  );

  app.get(clinicRoute(apiPaths.presence), { config: staff, schema: { summary: 'The Online/Offline switch', params, response: { 200: presenceResponseSchema } } }, async (request) => ({
    presence: (await clinicOf(request.params.id)).presence,
  }));

  app.put(
    clinicRoute(apiPaths.presence),
    {
      config: staff,
      schema: {
        summary: 'Sets the switch; a retry with the same Idempotency-Key gets the first answer (Idempotent-Replayed: true)',
        params,
        headers: z.object({ [headers.idempotencyKey]: idempotencyKeySchema.optional() }),
        body: presenceUpdateSchema,
        response: { 200: presenceResponseSchema, 422: errorBodySchema.describe('`idempotency_key_reused`: the key came with another change') },
      },
    },
    async (request, reply) => {
      const clinicId = request.params.id;
      const { online, offlineUntil, changedBy } = request.body;
      const at = now();
      // Instants in UTC; the schema allows a break's end only when going offline.
      const presence = { online, offlineUntil: offlineUntil ? new Date(offlineUntil).toISOString() : null, changedAt: at.toISOString(), changedBy: changedBy ?? null };
      const outcome = await store.setPresence(clinicId, presence, request.headers[headers.idempotencyKey] ?? null, at);
      switch (outcome.kind) {
        case 'not_found':
          throw refusal('noClinic');
        case 'key_reused':
          throw new HttpError(422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different change; use a new key for each change');
        case 'replayed':
          reply.header('idempotent-replayed', 'true');
          return outcome.response;
        case 'applied':
          hub.publish({ clinicId, seq: outcome.stored.seq, event: outcome.stored.event });
          return outcome.response;
      }
    },
  );

  app.get(
    clinicRoute(apiPaths.history),
    { config: staff, schema: { summary: 'The change history, newest first; `before` = the previous page’s nextBefore', params, querystring: historyQuerySchema, response: { 200: historyResponseSchema } } },
    async (request) => history.page(request.params.id, request.query.before ?? null, request.query.limit),
  );
}
