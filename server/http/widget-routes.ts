// The embeddable widget script and a demo clinic page that embeds it. Both are public; the script is
// loaded by any clinic's website, so it is served to every origin and cached by content hash.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { apiPaths } from '../../core/http-paths.ts';
import { demoPageHtml } from '../widget/demo-page.ts';
import { loadWidgetScript } from '../widget/assets.ts';
import type { ClinicParams, RouteContext } from './context.ts';
import { clinicRoute, isClinicIdShape } from './context.ts';
import { HttpError } from './errors.ts';
import { allowAnyOrigin } from './public-routes.ts';

/**
 * The demo page runs only our widget: scripts and API calls from this origin, the widget's and the
 * page's own <style> elements (hence 'unsafe-inline' for styles only), nothing else.
 */
export const DEMO_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "connect-src 'self'",
  "style-src 'unsafe-inline'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function registerWidgetRoutes(app: FastifyInstance, context: RouteContext): void {
  const limit = { max: context.rateLimitPerMinute, timeWindow: 60_000 };
  let script: { text: string; etag: string } | null = null;

  app.get(apiPaths.widget, { onRequest: allowAnyOrigin, config: { rateLimit: limit, quietLog: true } }, async (request, reply) => {
    if (!script) {
      const text = await loadWidgetScript();
      script = { text, etag: `"${createHash('sha1').update(text).digest('base64url')}"` };
    }
    reply
      .header('cache-control', 'public, max-age=300')
      .header('etag', script.etag)
      // Sites that isolate themselves (COEP) may still load it.
      .header('cross-origin-resource-policy', 'cross-origin');
    if (request.headers['if-none-match'] === script.etag) return reply.code(304).send();
    return reply.type('text/javascript; charset=utf-8').send(script.text);
  });

  app.get<ClinicParams>(clinicRoute(apiPaths.demo), { config: { rateLimit: limit, quietLog: true } }, async (request, reply) => {
    const clinic = isClinicIdShape(request.params.id) ? await context.cache.get(request.params.id) : null;
    if (!clinic) throw new HttpError(404, 'not_found', 'There is no clinic with this id');
    const html = demoPageHtml({ clinicId: clinic.state.id, clinicName: clinic.state.name, scriptUrl: apiPaths.widget });
    return reply
      .header('content-security-policy', DEMO_PAGE_CSP)
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .type('text/html; charset=utf-8')
      .send(html);
  });
}
