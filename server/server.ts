// createChatServer: the whole server in one call (npm run server, npm start, tests): storage, cache,
// event hub and HTTP app, wired together.
import type { FastifyServerOptions, RouteOptions } from 'fastify';
import pino from 'pino';
import type { DestinationStream } from 'pino';
import { ClinicStateCache } from './clinic-state-cache.ts';
import { ClinicEventHub } from './events/clinic-event-hub.ts';
import { EventStreams } from './events/event-streams.ts';
import { PostgresChangeListener } from './events/postgres-change-listener.ts';
import { buildHttpApp } from './http/app.ts';
import { RetentionJob, checkRetentionPolicy, retentionDefaults } from './retention-job.ts';
import { ClinicStore } from './storage/clinic-store.ts';
import { openStorage } from './storage/database.ts';
import { HistoryStore } from './storage/history-store.ts';

export type ServerConfig = {
  host?: string;
  /** 0 = an ephemeral port. */
  port?: number;
  /** Where the embedded SQLite file lives (unused with a PostgreSQL URL). */
  dataDir: string;
  /** postgres://… to use PostgreSQL instead of the SQLite file. */
  databaseUrl?: string;
  /** Enables the admin API (POST /v1/admin/clinics). */
  adminToken?: string;
  /** Per client IP and public endpoint; message posts get a twentieth of it. Default 600. */
  rateLimitPerMinute?: number;
  /** The server's clock; tests inject one to cross opening and closing times. */
  now?: () => Date;
  /** pino level; default 'warn' (the CLI uses 'info'). */
  logLevel?: string;
  logDestination?: DestinationStream;
  /** Comments on idle event streams keep proxies from closing them. Default 15 s. */
  heartbeatMs?: number;
  /** Behind a load balancer: which X-Forwarded-For hops to trust for client IPs. */
  trustProxy?: FastifyServerOptions['trustProxy'];
  /** Days the change history is kept (at least 90; default 400) and events are kept for resuming (default 7). */
  historyRetentionDays?: number;
  eventRetentionDays?: number;
  /** How often old history and events are deleted (also once at start). Default one hour. */
  retentionIntervalMs?: number;
  /** Sees every route as it is declared (docs/http-api.md is generated from them). */
  onRoute?: (route: RouteOptions) => void;
};

export type RunningServer = { url: string; port: number; close(): Promise<void> };

export async function createChatServer(config: ServerConfig): Promise<RunningServer> {
  const now = config.now ?? (() => new Date());
  const retention = {
    historyDays: config.historyRetentionDays ?? retentionDefaults.historyDays,
    eventDays: config.eventRetentionDays ?? retentionDefaults.eventDays,
    intervalMs: config.retentionIntervalMs ?? retentionDefaults.intervalMs,
  };
  // Before anything is opened: a bad policy is a configuration error, not a half-started server.
  checkRetentionPolicy(retention);
  // Credentials are redacted wherever a request, its headers or an error could carry them.
  const redact = { paths: ['req.headers.authorization', 'req.headers.cookie', 'request.headers.authorization', 'headers.authorization', 'authorization', 'token', '*.token'], censor: '[redacted]' };
  const logOptions = { level: config.logLevel ?? 'warn', base: { service: 'chatdesk-server' }, redact };
  const logger = config.logDestination ? pino(logOptions, config.logDestination) : pino(logOptions);
  const storage = await openStorage({ dataDir: config.dataDir, databaseUrl: config.databaseUrl }, (error) =>
    logger.warn({ err: error }, 'a PostgreSQL connection failed; the pool replaces it'),
  );
  const store = new ClinicStore(storage);
  const history = new HistoryStore(storage);
  const cache = new ClinicStateCache(store);
  const onError = (error: unknown, message: string) => logger.error({ err: error }, message);
  const hub = new ClinicEventHub({ store, cache, now, onError });
  const streams = new EventStreams(config.heartbeatMs ?? 15_000, (tokens) => store.clinicsOfTokens(tokens));
  const onPruned = (counts: object) => logger.info({ pruned: counts }, 'deleted history entries and events past their retention');
  const retentionJob = new RetentionJob({ store, history, now, onError, onPruned }, retention);

  let listener: PostgresChangeListener | null = null;
  try {
    if (storage.databaseUrl !== null) {
      listener = new PostgresChangeListener(storage.databaseUrl, { onNotice: (notice) => hub.publish(notice), onReconnected: () => hub.resync(), onError });
      await listener.start();
    }
    const context = { store, history, cache, hub, streams, now, adminToken: config.adminToken || undefined, rateLimitPerMinute: config.rateLimitPerMinute ?? 600 };
    const app = await buildHttpApp(context, { logger, trustProxy: config.trustProxy ?? false, onRoute: config.onRoute });
    // Event streams never end by themselves: end them first so closing does not wait on them.
    app.addHook('preClose', async () => {
      hub.close();
      streams.closeAll();
    });
    app.addHook('onClose', async () => {
      await retentionJob.stop();
      await listener?.close();
      await storage.close();
    });
    const host = config.host ?? '127.0.0.1';
    await app.listen({ host, port: config.port ?? 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : (config.port ?? 0);
    retentionJob.start();
    let closing: Promise<void> | null = null;
    // Wildcard addresses are reached on loopback; IPv6 goes in brackets.
    const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
    return { url: `http://${urlHost}:${port}`, port, close: () => (closing ??= app.close()) };
  } catch (error) {
    await listener?.close();
    await storage.close();
    throw error;
  }
}
