// What the website widget calls from any origin: a clinic's availability (served from memory, cacheable
// until the next opening or closing) and the message intake, which refuses messages while chat is closed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { apiPaths } from '../../core/http-paths.ts';
import { messageRequestSchema } from '../../core/schemas/http-api.ts';
import type { MessageAccepted } from '../../core/schemas/http-api.ts';
import { availabilityCacheControl, availabilityOf } from '../availability-view.ts';
import type { CachedClinic } from '../clinic-state-cache.ts';
import type { ClinicParams, RouteContext } from './context.ts';
import { clinicRoute, isClinicIdShape } from './context.ts';
import { HttpError, parseOrRefuse } from './errors.ts';

/** A 2,000-character message, even written entirely in \u escapes, fits. */
export const MESSAGE_BODY_LIMIT = 16 * 1024;

/** Lets any website read these answers (including errors, which the widget words for the owner). */
export function allowAnyOrigin(_request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  reply.header('access-control-allow-origin', '*');
  done();
}

export function registerPublicRoutes(app: FastifyInstance, context: RouteContext): void {
  const { store, cache, now } = context;
  const readLimit = { max: context.rateLimitPerMinute, timeWindow: 60_000 };
  const writeLimit = { max: Math.max(1, Math.floor(context.rateLimitPerMinute / 20)), timeWindow: 60_000 };

  async function publicClinic(clinicId: string): Promise<CachedClinic> {
    const clinic = isClinicIdShape(clinicId) ? await cache.get(clinicId) : null;
    if (!clinic) throw new HttpError(404, 'not_found', 'There is no clinic with this id');
    return clinic;
  }

  app.get<ClinicParams>(
    clinicRoute(apiPaths.availability),
    { onRequest: allowAnyOrigin, config: { rateLimit: readLimit, quietLog: true } },
    async (request, reply) => {
      const at = now();
      const memo = availabilityOf(await publicClinic(request.params.id), at);
      reply.header('cache-control', availabilityCacheControl(memo, at)).header('etag', memo.etag);
      if (request.headers['if-none-match'] === memo.etag) return reply.code(304).send();
      return reply.type('application/json; charset=utf-8').send(memo.body);
    },
  );

  app.post<ClinicParams>(
    clinicRoute(apiPaths.messages),
    { onRequest: allowAnyOrigin, bodyLimit: MESSAGE_BODY_LIMIT, config: { rateLimit: writeLimit } },
    async (request, reply): Promise<MessageAccepted> => {
      const clinic = await publicClinic(request.params.id);
      const message = parseOrRefuse(messageRequestSchema, request.body, 'The message is not valid');
      const at = now();
      const availability = availabilityOf(clinic, at).response;
      if (!availability.accepting) {
        throw new HttpError(409, 'chat_closed', 'The clinic’s web chat is not accepting messages right now', { extra: { availability } });
      }
      const accepted = await store.addMessage(request.params.id, message, at);
      return reply.code(202).send(accepted);
    },
  );

  // Browsers ask before posting JSON across origins.
  for (const path of [clinicRoute(apiPaths.availability), clinicRoute(apiPaths.messages)]) {
    app.options(path, { onRequest: allowAnyOrigin, config: { rateLimit: readLimit, quietLog: true } }, async (_request, reply) =>
      reply
        .code(204)
        .header('access-control-allow-methods', 'GET, POST, OPTIONS')
        .header('access-control-allow-headers', 'content-type')
        .header('access-control-max-age', '86400')
        .send(),
    );
  }
}
