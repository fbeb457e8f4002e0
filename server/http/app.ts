// The Fastify application: strict JSON bodies, one error shape, per-IP limits on public endpoints,
// structured logs that never carry a token, and the routes.
import Fastify, { LogController } from 'fastify';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { Logger } from 'pino';
import { registerAdminRoutes } from './admin-routes.ts';
import type { RouteContext } from './context.ts';
import { HttpError, installErrorHandling } from './errors.ts';
import { registerEventRoutes } from './event-routes.ts';
import { registerHistoryRoutes } from './history-routes.ts';
import { registerPublicRoutes } from './public-routes.ts';
import { registerStaffRoutes } from './staff-routes.ts';
import { registerWidgetRoutes } from './widget-routes.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Public, high-volume routes: their requests are logged at debug level only. */
    quietLog?: boolean;
  }
}

/**
 * One line per request, after it completes; public high-volume routes only at debug level, so a busy
 * widget endpoint does not flood the logs. The request's headers (and so its token) are never logged.
 */
class RequestLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const level = error || reply.statusCode >= 500 ? 'error' : request.routeOptions.config.quietLog ? 'debug' : 'info';
    reply.log[level]({ method: request.method, url: request.url, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime), err: error ?? undefined }, 'request completed');
  }
}

/**
 * Once shutdown has begun, requests that still arrive (pipelined on a connection that is finishing a
 * request) get 503 `unavailable` in the one error shape and the connection closes; requests already
 * in flight finish. A callback hook, not an async one: it runs on every request of the hot endpoints.
 */
function refuseWhileClosing(app: FastifyInstance): void {
  let closing = false;
  // Fastify marks itself closing just before running these hooks, with no request handled in between.
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  app.addHook('onRequest', (_request, reply, done) => {
    if (!closing) return done();
    reply.header('connection', 'close');
    done(new HttpError(503, 'unavailable', 'The server is shutting down; try again in a moment'));
  });
}

/** Bodies are small JSON documents; the settings and message routes set tighter limits of their own. */
const DEFAULT_BODY_LIMIT = 64 * 1024;

export type HttpAppOptions = {
  logger: Logger;
  trustProxy: FastifyServerOptions['trustProxy'];
};

export async function buildHttpApp(context: RouteContext, options: HttpAppOptions): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    logController: new RequestLogController(),
    bodyLimit: DEFAULT_BODY_LIMIT,
    trustProxy: options.trustProxy,
    // Clients retry on a fresh connection; idle keep-alive sockets must not hold up shutdown.
    forceCloseConnections: 'idle',
    // Fastify's own 503 while closing has a body of another shape; refuseWhileClosing answers instead.
    return503OnClosing: false,
  });
  // The Date header comes from the clock the answers are computed by: the app corrects its own clock
  // by it, so a server whose clock is injected (tests) must not announce the machine's time instead.
  // The first hook, so refusals by later hooks (503 while closing) carry it too; on the raw response,
  // so event streams (written with writeHead) do as well.
  app.addHook('onRequest', (_request, reply, done) => {
    reply.raw.setHeader('date', context.now().toUTCString());
    done();
  });
  installErrorHandling(app);
  refuseWhileClosing(app);

  // JSON only (Fastify would also take text/plain). Fastify's own JSON parser, which refuses
  // prototype-poisoning keys, plus: objects only; a bare string, number or null is none of our requests.
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
  registerHistoryRoutes(app, context);
  registerPublicRoutes(app, context);
  registerWidgetRoutes(app, context);
  return app;
}
