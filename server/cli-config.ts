// The server's settings from CHATDESK_* environment variables, each mirrored by a command-line flag
// (a flag wins). Invalid values stop the start with a message that names the variable.
import { parseArgs } from 'node:util';
import type { ServerConfig } from './server.ts';
import { MIN_HISTORY_RETENTION_DAYS } from '../core/schemas/history.ts';
import { MIN_EVENT_RETENTION_DAYS } from './retention-job.ts';
import { isPostgresUrl } from './storage/database.ts';

export class ConfigError extends Error {}

const options = {
  host: { type: 'string' },
  port: { type: 'string' },
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
  'admin-token': { type: 'string' },
  'rate-limit': { type: 'string' },
  'log-level': { type: 'string' },
  'trust-proxy': { type: 'string' },
  'history-retention-days': { type: 'string' },
  'event-retention-days': { type: 'string' },
} as const;

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function integer(value: string, name: string, min: number, max: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || number < min || number > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  return number;
}

/** true/false, or a comma-separated list of trusted proxy addresses or CIDR ranges. */
function trustProxy(value: string): ServerConfig['trustProxy'] {
  if (value === 'true' || value === 'false') return value === 'true';
  return value.split(',').map((address) => address.trim());
}

export function serverConfigFrom(env: NodeJS.ProcessEnv, argv: string[]): ServerConfig {
  let flags: Partial<Record<keyof typeof options, string>>;
  try {
    flags = parseArgs({ args: argv, options, strict: true }).values;
  } catch (error) {
    throw new ConfigError(error instanceof Error ? error.message : String(error));
  }
  const pick = (flag: keyof typeof options, variable: string) => flags[flag] ?? (env[variable] || undefined);

  const databaseUrl = pick('database-url', 'CHATDESK_DATABASE_URL');
  if (databaseUrl !== undefined && !isPostgresUrl(databaseUrl)) {
    throw new ConfigError('CHATDESK_DATABASE_URL must be a postgres:// URL (leave it unset for the embedded SQLite file)');
  }
  const logLevel = pick('log-level', 'CHATDESK_LOG_LEVEL') ?? 'info';
  if (!logLevels.includes(logLevel)) throw new ConfigError(`CHATDESK_LOG_LEVEL must be one of ${logLevels.join(', ')}`);
  const port = pick('port', 'CHATDESK_PORT');
  const rateLimit = pick('rate-limit', 'CHATDESK_RATE_LIMIT_PER_MINUTE');
  const proxy = pick('trust-proxy', 'CHATDESK_TRUST_PROXY');
  const historyDays = pick('history-retention-days', 'CHATDESK_HISTORY_RETENTION_DAYS');
  const eventDays = pick('event-retention-days', 'CHATDESK_EVENT_RETENTION_DAYS');
  return {
    host: pick('host', 'CHATDESK_HOST') ?? '127.0.0.1',
    port: port === undefined ? 8787 : integer(port, 'CHATDESK_PORT', 0, 65_535),
    dataDir: pick('data-dir', 'CHATDESK_DATA_DIR') ?? './.data',
    ...(databaseUrl === undefined ? {} : { databaseUrl }),
    ...(pick('admin-token', 'CHATDESK_ADMIN_TOKEN') === undefined ? {} : { adminToken: pick('admin-token', 'CHATDESK_ADMIN_TOKEN') }),
    ...(rateLimit === undefined ? {} : { rateLimitPerMinute: integer(rateLimit, 'CHATDESK_RATE_LIMIT_PER_MINUTE', 1, 10_000_000) }),
    ...(proxy === undefined ? {} : { trustProxy: trustProxy(proxy) }),
    ...(historyDays === undefined ? {} : { historyRetentionDays: integer(historyDays, 'CHATDESK_HISTORY_RETENTION_DAYS', MIN_HISTORY_RETENTION_DAYS, 36_500) }),
    ...(eventDays === undefined ? {} : { eventRetentionDays: integer(eventDays, 'CHATDESK_EVENT_RETENTION_DAYS', MIN_EVENT_RETENTION_DAYS, 36_500) }),
    logLevel,
  };
}
