// The same AppController as the desktop app, in plain Node, serving the built staff UI on 127.0.0.1 with the
// AppApi over HTTP and SSE (core/preview-contract.ts): how the UI is tested in Chromium, and a fallback.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { AppApiOperation, AppApiResult, AppResult, AppState, ConnectInput } from '../../core/schemas/app-api.ts';
import { previewPaths, previewSessionQuery, previewStateEvent } from '../../core/preview-contract.ts';
import { AppController } from '../controller/app-controller.ts';
import { storeMessages } from '../controller/app-messages.ts';
import { isAppApiOperation, runOperation } from '../controller/app-operations.ts';
import { systemClock } from '../controller/clock.ts';
import type { Clock } from '../controller/clock.ts';
import { SECURITY_HEADERS, readStaticFile } from '../window/app-protocol.ts';
import { noSecretBox } from '../store/secret-box.ts';
import { watchForWake } from '../sync/wake-detector.ts';
import { openAppStore } from '../store/store.ts';
import { createRequestGuard } from './request-guard.ts';
import type { RequestGuard } from './request-guard.ts';

/** `dataDir` holds this "PC"'s settings file; `port` on 127.0.0.1, 0 for a free one; `rendererDir` is the built UI (out/renderer). */
type PreviewHostOptions = { dataDir: string; port?: number; rendererDir?: string; connect?: ConnectInput; pcName?: string; clock?: Clock; locale?: string };

/** `url` is the Staff console link with `?session=<secret>`, the only way in; `connected` answers the `connect` option. */
export type PreviewHost = { url: string; origin: string; connected: AppResult | null; close(): Promise<void> };

export const DEFAULT_PREVIEW_PORT = 5600;
const MAX_BODY_BYTES = 512 * 1024;
const defaultRendererDir = join(import.meta.dirname, '../../out/renderer');

const refusal = (message: string): AppResult => ({ ok: false, error: { code: 'untrusted-sender', message } });
const invalid = (message: string): AppResult => ({ ok: false, error: { code: 'invalid-input', message } });

export async function startPreviewHost(options: PreviewHostOptions): Promise<PreviewHost> {
  const clock = options.clock ?? systemClock;
  const store = openAppStore({ directory: options.dataDir, secretBox: noSecretBox, plainTextReason: storeMessages.noSecretStoreInPreview, now: () => clock.now() });
  if (options.pcName) store.setPreference({ key: 'pcName', value: options.pcName });
  const controller = new AppController({ store, clock, locale: options.locale });
  controller.start();
  // No powerMonitor outside Electron: notice a sleep by the wall clock, then reconnect at once.
  const stopWatchingForWake = watchForWake(clock, () => controller.resume());

  const rendererDir = options.rendererDir ?? defaultRendererDir;
  const streams = new Set<ServerResponse>();
  let guard: RequestGuard | null = null;
  const server = createServer((request, response) => {
    // `guard` is set once listening; no request can arrive before that.
    handle(request, response, guard!).catch(() => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Something went wrong in the preview host.');
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse, guard: RequestGuard): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const isApi = url.pathname.startsWith('/api/');
    if (!guard.hostAllowed(request.headers)) {
      // Another host name for 127.0.0.1 is how DNS rebinding gets in.
      return isApi ? sendResult(response, 403, refusal('Unknown host.')) : send(response, 403, 'text/plain; charset=utf-8', 'Unknown host.');
    }
    if (url.pathname === previewPaths.console && url.searchParams.has(previewSessionQuery)) {
      if (!guard.matchesSecret(url.searchParams.get(previewSessionQuery) ?? '')) return send(response, 403, 'text/plain; charset=utf-8', 'This link is not valid. Use the Staff console link the preview host printed.');
      // The cookie replaces the secret in the address bar, so it is not left in history or shared by copy-paste.
      response.writeHead(303, { ...SECURITY_HEADERS, 'set-cookie': guard.sessionCookie(), location: previewPaths.console });
      return void response.end();
    }
    if (!guard.hasSession(request.headers)) {
      if (isApi) return sendResult(response, 403, refusal('No session: open the Staff console link the preview host printed.'));
      return send(response, 403, 'text/plain; charset=utf-8', 'Open the Staff console link the preview host printed (it carries this run’s secret).');
    }
    if (url.pathname === previewPaths.events) {
      if (request.method !== 'GET') return sendResult(response, 405, invalid('Use GET.'));
      if (!guard.notCrossSite(request.headers)) return sendResult(response, 403, refusal('Cross-site request refused.'));
      return openStateStream(response, controller, streams);
    }
    if (isApi) return handleOperation(request, response, guard, url.pathname.slice('/api/'.length));
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed.');
    const file = await readStaticFile(rendererDir, url.pathname === previewPaths.console ? '/index.html' : url.pathname);
    if (file) return send(response, 200, file.contentType, file.body, file.cacheControl);
    if (url.pathname === previewPaths.console) {
      return send(response, 503, 'text/plain; charset=utf-8', `The staff console is not built yet (no ${join(rendererDir, 'index.html')}): run npx electron-vite build.`);
    }
    return send(response, 404, 'text/plain; charset=utf-8', 'Not found.');
  }

  async function handleOperation(request: IncomingMessage, response: ServerResponse, guard: RequestGuard, name: string): Promise<void> {
    if (request.method !== 'POST') return sendResult(response, 405, invalid('Use POST.'));
    if (!guard.sameOrigin(request.headers)) return sendResult(response, 403, refusal('Cross-origin request refused.'));
    if (!isAppApiOperation(name)) return sendResult(response, 404, invalid(`There is no operation ${name}.`));
    if (!(request.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      return sendResult(response, 415, invalid('Send the arguments as application/json.'));
    }
    const body = await readBody(request);
    if (body === null) return sendResult(response, 413, invalid('The request is too large.'));
    let args: unknown;
    try {
      args = (JSON.parse(body) as { args?: unknown }).args;
    } catch {
      return sendResult(response, 400, invalid('The body is not valid JSON.'));
    }
    if (!Array.isArray(args)) return sendResult(response, 400, invalid('Send { "args": [...] }.'));
    return sendResult(response, 200, await runOperation(controller.handlers, name, args));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PREVIEW_PORT, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  guard = createRequestGuard(port);
  const origin = `http://127.0.0.1:${port}`;

  const connected = options.connect ? await runOperation(controller.handlers, 'connect', [options.connect]) : null;

  let closing: Promise<void> | null = null;
  return {
    url: `${origin}${previewPaths.console}?${previewSessionQuery}=${guard.secret}`,
    origin,
    connected,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        stopWatchingForWake();
        controller.stop();
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      })),
  };
}

/**
 * GET /api/events: AppState snapshots as Server-Sent Events, one `state` event per change, starting with
 * the current state. Comment lines keep idle streams open through sleepy proxies and browsers.
 */
function openStateStream(response: ServerResponse, controller: AppController, open: Set<ServerResponse>): void {
  response.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
  const send = (state: AppState) => response.write(`event: ${previewStateEvent}\ndata: ${JSON.stringify(state)}\n\n`);
  send(controller.state);
  const unsubscribe = controller.subscribe(send);
  const heartbeat = setInterval(() => response.write(': still here\n\n'), 15_000).unref();
  open.add(response);
  response.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
    open.delete(response);
  });
}

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer, cacheControl = 'no-store'): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': contentType, 'cache-control': cacheControl });
  response.end(body);
}

function sendResult(response: ServerResponse, status: number, result: AppApiResult<AppApiOperation>): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(result));
}

/** The body as text, or null when it exceeds the limit (the rest is read and dropped, so a 413 can be sent). */
function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
