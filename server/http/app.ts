// The Fastify application: routes typed and checked by their zod schemas, strict JSON bodies, one error
// shape, per-IP limits on public endpoints, and logs that never carry a token.
import Fastify, { LogController } from 'fastify';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest, FastifyServerOptions, RouteOptions } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { registerAdminRoutes } from './admin-routes.ts';
import { checkAccess } from './auth.ts';
import type { HttpApp, RouteContext } from './context.ts';
import { HttpError, installErrorHandling } from './errors.ts';
import { registerEventRoutes } from './event-routes.ts';
import { registerPublicRoutes } from './public-routes.ts';
import { registerStaffRoutes } from './staff-routes.ts';
import { registerWidgetRoutes } from './widget-routes.ts';

/** One line per completed request; high-volume public routes at debug level. Headers (tokens) are never logged. */
class RequestLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const level = error || reply.statusCode >= 500 ? 'error' : request.routeOptions.config.quietLog ? 'debug' : 'info';
    reply.log[level]({ method: request.method, url: request.url, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime), err: error ?? undefined }, 'request completed');
  }
}

export type HttpAppOptions = {
  logger: Logger;
  trustProxy: FastifyServerOptions['trustProxy'];
  /** Sees every route as it is declared (the API reference is generated from them). */
  onRoute?: (route: RouteOptions) => void;
};

export async function buildHttpApp(context: RouteContext, options: HttpAppOptions): Promise<HttpApp> {
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    logController: new RequestLogController(),
    // Small JSON documents; the settings and message routes set limits of their own.
    bodyLimit: 64 * 1024,
    trustProxy: options.trustProxy,
    // Clients retry on a fresh connection; idle keep-alive sockets must not hold up shutdown.
    forceCloseConnections: 'idle',
    // Fastify's own 503 while closing has another body shape; the hook below answers instead.
    return503OnClosing: false,
  }).withTypeProvider<ZodTypeProvider>();
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  app.setValidatorCompiler(validatorCompiler);
  // Answers are checked against their schema on the way out. Parsed, not encoded as the provider
  // would: the settings schema normalises phone numbers, a transform that cannot run backwards.
  app.setSerializerCompiler<z.ZodType>(({ schema }) => (data) => JSON.stringify(schema.parse(data)));
  installErrorHandling(app);

  let closing = false;
  // Fastify marks itself closing just before running these hooks, with no request handled in between.
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  // A callback hook, not an async one: it runs on every request of the hot public endpoints.
  app.addHook('onRequest', (request, reply, done) => {
    // The Date header comes from the clock the answers are computed by (the app corrects its clock by
    // it); set on the raw response so refusals and event streams carry it too.
    reply.raw.setHeader('date', context.now().toUTCString());
    if (closing) {
      // Requests still arriving on an open connection during shutdown; those in flight finish.
      reply.header('connection', 'close');
      return done(new HttpError(503, 'unavailable', 'The server is shutting down; try again in a moment'));
    }
    const { access } = request.routeOptions.config;
    if (access === 'website') reply.header('access-control-allow-origin', '*');
    if (access !== 'staff' && access !== 'admin') return done();
    checkAccess(request, reply, context).then(() => done(), done);
  });

  // JSON only, through Fastify's own parser (which refuses prototype-poisoning keys), and objects only.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parseJson(request, body as string, (error, value) => {
      if (error) return done(new HttpError(400, 'invalid_json', 'The body is not valid JSON'), undefined);
      if (typeof value !== 'object' || value === null) return done(new HttpError(400, 'bad_request', 'The body must be a JSON object'), undefined);
      done(null, value);
    });
  });

  await app.register(rateLimit, {
    global: false,
    // Limits are announced on the 429 (with Retry-After), not on every answer of a hot endpoint.
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    errorResponseBuilder: (_request, limit) => Object.assign(new HttpError(429, 'rate_limited', `Too many requests; try again in ${limit.after}`), { statusCode: 429 }),
  });

  registerAdminRoutes(app, context);
  registerStaffRoutes(app, context);
  registerEventRoutes(app, context);
  registerPublicRoutes(app, context);
  registerWidgetRoutes(app, context);
  return app;
}
