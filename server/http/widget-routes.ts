// The embeddable widget script and a demo clinic page that embeds it. The script is loaded by any
// clinic's website, so it is served to every origin and revalidated by content hash.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiPaths } from '../../core/http-paths.ts';
import { demoPageHtml } from '../widget/demo-page.ts';
import { refusal } from './auth.ts';
import type { HttpApp, RouteContext } from './context.ts';
import { clinicParams, clinicRoute, isClinicIdShape } from './context.ts';

/** The demo page runs only our widget: scripts and API calls from this origin, inline styles, nothing else. */
const DEMO_PAGE_CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The widget as the build bundled it (scripts/build-widget.ts); a server without it does not start. */
// import.meta.dirname, not new URL(…, import.meta.url), which Vite rewrites in the jsdom tests that start a server.
export function readWidgetScript(file = join(import.meta.dirname, '../../out/widget/widget.js')): { text: string; etag: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`the website widget is not built (${file}): run \`npm run build\` (or \`npm run build:widget\`) first`, { cause: error });
  }
  return { text, etag: `"${createHash('sha1').update(text).digest('base64url')}"` };
}

export function registerWidgetRoutes(app: HttpApp, { cache, rateLimitPerMinute }: RouteContext): void {
  const script = readWidgetScript();
  const rateLimit = { max: rateLimitPerMinute, timeWindow: 60_000 };

  const widget = { summary: 'The website widget (text/javascript): `<script src=".../widget.js" data-clinic="CLINIC_ID" async>`' };
  app.get(apiPaths.widget, { config: { access: 'website', quietLog: true, rateLimit }, schema: widget }, async (request, reply) => {
    // Sites that isolate themselves (COEP) may still load it.
    reply.header('cache-control', 'public, max-age=300').header('etag', script.etag).header('cross-origin-resource-policy', 'cross-origin');
    if (request.headers['if-none-match'] === script.etag) return reply.code(304).send();
    return reply.type('text/javascript; charset=utf-8').send(script.text);
  });

  const demo = { summary: 'A demo clinic website (text/html) with the widget pasted in', params: clinicParams };
  app.get(clinicRoute(apiPaths.demo), { config: { access: 'anyone', quietLog: true, rateLimit }, schema: demo }, async (request, reply) => {
    const clinic = isClinicIdShape(request.params.id) ? await cache.get(request.params.id) : null;
    if (!clinic) throw refusal('noClinic');
    const html = demoPageHtml({ clinicId: clinic.state.id, clinicName: clinic.state.name, scriptUrl: apiPaths.widget });
    reply.header('content-security-policy', DEMO_PAGE_CSP).header('cache-control', 'no-store').header('x-content-type-options', 'nosniff');
    return reply.type('text/html; charset=utf-8').send(html);
  });
}
