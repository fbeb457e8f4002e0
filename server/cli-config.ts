// The server's settings from CHATDESK_* environment variables, each mirrored by a flag (a flag wins).
// A value it cannot use stops the start with a message that names the variable.
import { parseArgs } from 'node:util';
import { MIN_HISTORY_RETENTION_DAYS } from '../core/schemas/history.ts';
import { MIN_EVENT_RETENTION_DAYS } from './retention-job.ts';
import type { ServerConfig } from './server.ts';
import { isPostgresUrl } from './storage/database.ts';

export class ConfigError extends Error {}

const flags = ['host', 'port', 'data-dir', 'database-url', 'admin-token', 'rate-limit', 'log-level', 'trust-proxy', 'history-retention-days', 'event-retention-days'] as const;
const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function serverConfigFrom(env: NodeJS.ProcessEnv, argv: string[]): ServerConfig {
  let given: Partial<Record<(typeof flags)[number], string>>;
  try {
    given = parseArgs({ args: argv, options: Object.fromEntries(flags.map((flag) => [flag, { type: 'string' }])), strict: true }).values as typeof given;
  } catch (error) {
    throw new ConfigError(error instanceof Error ? error.message : String(error));
  }
  const pick = (flag: (typeof flags)[number], variable: string) => given[flag] ?? (env[variable] || undefined);
  const integer = (flag: (typeof flags)[number], variable: string, min: number, max: number): number | undefined => {
    const value = pick(flag, variable);
    if (value !== undefined && (!/^\d+$/.test(value.trim()) || Number(value) < min || Number(value) > max)) {
      throw new ConfigError(`${variable} must be a whole number from ${min} to ${max}, not "${value}"`);
    }
    return value === undefined ? undefined : Number(value);
  };

  const databaseUrl = pick('database-url', 'CHATDESK_DATABASE_URL');
  if (databaseUrl !== undefined && !isPostgresUrl(databaseUrl)) {
    throw new ConfigError('CHATDESK_DATABASE_URL must be a postgres:// URL (leave it unset for the embedded SQLite file)');
  }
  const logLevel = pick('log-level', 'CHATDESK_LOG_LEVEL') ?? 'info';
  if (!logLevels.includes(logLevel)) throw new ConfigError(`CHATDESK_LOG_LEVEL must be one of ${logLevels.join(', ')}`);
  // true/false, or a comma-separated list of trusted proxy addresses or CIDR ranges.
  const proxy = pick('trust-proxy', 'CHATDESK_TRUST_PROXY');
  return {
    host: pick('host', 'CHATDESK_HOST') ?? '127.0.0.1',
    port: integer('port', 'CHATDESK_PORT', 0, 65_535) ?? 8787,
    dataDir: pick('data-dir', 'CHATDESK_DATA_DIR') ?? './.data',
    databaseUrl,
    adminToken: pick('admin-token', 'CHATDESK_ADMIN_TOKEN'),
    rateLimitPerMinute: integer('rate-limit', 'CHATDESK_RATE_LIMIT_PER_MINUTE', 1, 10_000_000),
    trustProxy: proxy === undefined ? undefined : proxy === 'true' || proxy === 'false' ? proxy === 'true' : proxy.split(',').map((address) => address.trim()),
    historyRetentionDays: integer('history-retention-days', 'CHATDESK_HISTORY_RETENTION_DAYS', MIN_HISTORY_RETENTION_DAYS, 36_500),
    eventRetentionDays: integer('event-retention-days', 'CHATDESK_EVENT_RETENTION_DAYS', MIN_EVENT_RETENTION_DAYS, 36_500),
    logLevel,
  };
}
