// createChatServer: the whole server in one call, for `npm run server` (server/index.ts), `npm start`
// and other parts' tests. Builds storage, cache, event hub and HTTP app, and wires them together.
import type { FastifyServerOptions } from 'fastify';
import type { DestinationStream } from 'pino';
import { ClinicStateCache } from './clinic-state-cache.ts';
import { ClinicEventHub } from './events/clinic-event-hub.ts';
import { EventStreams } from './events/event-streams.ts';
import { PostgresChangeListener } from './events/postgres-change-listener.ts';
import { buildHttpApp } from './http/app.ts';
import { createLogger } from './logger.ts';
import { DEFAULT_EVENT_RETENTION_DAYS, DEFAULT_HISTORY_RETENTION_DAYS, DEFAULT_RETENTION_INTERVAL_MS, RetentionJob, checkRetentionPolicy } from './retention-job.ts';
import type { RetentionPolicy } from './retention-job.ts';
import { ClinicStore } from './storage/clinic-store.ts';
import { openStorage } from './storage/database.ts';
import { HistoryStore } from './storage/history-store.ts';

export type ServerConfig = {
  host?: string;
  /** 0 = an ephemeral port (tests). */
  port?: number;
  /** Where the embedded SQLite file lives (unused with a PostgreSQL URL). */
  dataDir: string;
  /** postgres://… to use PostgreSQL instead of the embedded SQLite file. */
  databaseUrl?: string;
  /** Enables the admin API (POST /v1/admin/clinics). */
  adminToken?: string;
  /** Per client IP and public endpoint; message posts get a twentieth of it. Default 600. */
  rateLimitPerMinute?: number;
  /** The server's clock; tests inject one to cross opening and closing times. */
  now?: () => Date;
  /** pino level; default 'warn' (the CLI uses 'info'). */
  logLevel?: string;
  /** Comment lines on idle event streams keep proxies from closing them. Default 15 s. */
  heartbeatMs?: number;
  /** Behind a load balancer: which X-Forwarded-For hops to trust for client IPs (Fastify's trustProxy). */
  trustProxy?: FastifyServerOptions['trustProxy'];
  /** Where logs go (default stdout). */
  logDestination?: DestinationStream;
  /** Days the change history is kept (at least 90). Default 400. */
  historyRetentionDays?: number;
  /** Days events are kept for Last-Event-ID resume (at least 1). Default 7. */
  eventRetentionDays?: number;
  /** How often old history and events are deleted (also once at start). Default one hour. */
  retentionIntervalMs?: number;
};

export type RunningServer = {
  /** http://127.0.0.1:PORT (or the configured host). */
  url: string;
  port: number;
  close(): Promise<void>;
};

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;
export const DEFAULT_HEARTBEAT_MS = 15_000;

export async function createChatServer(config: ServerConfig): Promise<RunningServer> {
  const now = config.now ?? (() => new Date());
  const retention: RetentionPolicy = {
    historyDays: config.historyRetentionDays ?? DEFAULT_HISTORY_RETENTION_DAYS,
    eventDays: config.eventRetentionDays ?? DEFAULT_EVENT_RETENTION_DAYS,
    intervalMs: config.retentionIntervalMs ?? DEFAULT_RETENTION_INTERVAL_MS,
  };
  // Before anything is opened: a bad policy is a configuration error, not a half-started server.
  checkRetentionPolicy(retention);
  const logger = createLogger(config.logLevel ?? 'warn', config.logDestination);
  const storage = await openStorage({ dataDir: config.dataDir, databaseUrl: config.databaseUrl }, (error) =>
    logger.warn({ err: error }, 'a PostgreSQL connection failed; the pool replaces it'),
  );
  const store = new ClinicStore(storage);
  const history = new HistoryStore(storage);
  const cache = new ClinicStateCache(store);
  const onError = (error: unknown, message: string) => logger.error({ err: error }, message);
  const hub = new ClinicEventHub({ store, cache, now, onError });
  const streams = new EventStreams(config.heartbeatMs ?? DEFAULT_HEARTBEAT_MS, (tokens) => store.clinicsOfTokens(tokens));
  const retentionJob = new RetentionJob(
    { store, history, now, onError, onPruned: (counts) => logger.info({ pruned: counts }, 'deleted history entries and events past their retention') },
    retention,
  );

  let listener: PostgresChangeListener | null = null;
  try {
    if (storage.databaseUrl !== null) {
      listener = new PostgresChangeListener(storage.databaseUrl, {
        onNotice: (notice) => hub.publish(notice),
        onReconnected: () => hub.resync(),
        onError,
      });
      await listener.start();
    }
    const app = await buildHttpApp(
      { store, history, cache, hub, streams, now, adminToken: config.adminToken || undefined, rateLimitPerMinute: config.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE },
      { logger, trustProxy: config.trustProxy ?? false },
    );
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
    return {
      url: `http://${urlHost(host)}:${port}`,
      port,
      close: () => (closing ??= app.close()),
    };
  } catch (error) {
    await listener?.close();
    await storage.close();
    throw error;
  }
}

/** The host as it appears in a URL: wildcard addresses are reached on loopback, IPv6 in brackets. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
