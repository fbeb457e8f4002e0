// What the website widget calls from any site: a clinic's availability (served from memory, cacheable
// until the next opening or closing) and the message intake, which refuses messages while chat is closed.
import { apiPaths } from '../../core/http-paths.ts';
import { availabilityResponseSchema, chatClosedBodySchema, messageAcceptedSchema, messageRequestSchema, notModifiedSchema } from '../../core/schemas/http-api.ts';
import { availabilityCacheControl, availabilityOf } from '../availability-view.ts';
import type { CachedClinic } from '../clinic-state-cache.ts';
import { refusal } from './auth.ts';
import type { HttpApp, RouteContext } from './context.ts';
import { clinicParams as params, clinicRoute, isClinicIdShape } from './context.ts';
import { HttpError } from './errors.ts';

export function registerPublicRoutes(app: HttpApp, { store, cache, now, rateLimitPerMinute }: RouteContext): void {
  const read = { access: 'website', quietLog: true, rateLimit: { max: rateLimitPerMinute, timeWindow: 60_000 } } as const;
  const write = { access: 'website', rateLimit: { max: Math.max(1, Math.floor(rateLimitPerMinute / 20)), timeWindow: 60_000 } } as const;

  async function publicClinic(clinicId: string): Promise<CachedClinic> {
    const clinic = isClinicIdShape(clinicId) ? await cache.get(clinicId) : null;
    if (!clinic) throw refusal('noClinic');
    return clinic;
  }

  const availability = { summary: 'Whether web chat accepts messages now, and what the widget shows', params, response: { 200: availabilityResponseSchema, 304: notModifiedSchema } };
  app.get(clinicRoute(apiPaths.availability), { config: read, schema: availability }, async (request, reply) => {
    const at = now();
    const memo = availabilityOf(await publicClinic(request.params.id), at);
    reply.header('cache-control', availabilityCacheControl(memo, at)).header('etag', memo.etag);
    if (request.headers['if-none-match'] === memo.etag) return reply.code(304).send();
    // Serialised once for every caller until the next change.
    return reply.type('application/json; charset=utf-8').serializer(() => memo.json).send(memo.response);
  });

  const message = {
    summary: 'A pet owner’s message, taken only while web chat accepts messages',
    params,
    body: messageRequestSchema,
    response: { 202: messageAcceptedSchema, 409: chatClosedBodySchema.describe('`chat_closed`: not accepting; nothing is stored') },
  };
  app.post(clinicRoute(apiPaths.messages), { bodyLimit: 16 * 1024, config: { ...write, invalidBody: { message: 'The message is not valid' } }, schema: message }, async (request, reply) => {
    const clinic = await publicClinic(request.params.id);
    const at = now();
    const availability = availabilityOf(clinic, at).response;
    if (!availability.accepting) throw new HttpError(409, 'chat_closed', 'The clinic’s web chat is not accepting messages right now', { extra: { availability } });
    return reply.code(202).send(await store.addMessage(request.params.id, request.body, at));
  });

  // Browsers ask before posting JSON across origins.
  for (const path of [clinicRoute(apiPaths.availability), clinicRoute(apiPaths.messages)]) {
    app.options(path, { config: read, schema: { summary: 'CORS preflight' } }, async (_request, reply) =>
      reply.code(204).header('access-control-allow-methods', 'GET, POST, OPTIONS').header('access-control-allow-headers', 'content-type').header('access-control-max-age', '86400').send(),
    );
  }
}
