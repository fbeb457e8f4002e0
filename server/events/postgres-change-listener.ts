// The changes every instance commits on a shared PostgreSQL database (LISTEN/NOTIFY), on one connection.
// When it drops, notices may have been missed: it reconnects with backoff and the hub re-reads.
import pg from 'pg';
import { CHANGES_CHANNEL, decodeChangeNotice } from './change-notice.ts';
import type { ChangeNotice } from './change-notice.ts';

type ListenerHandlers = {
  onNotice: (notice: ChangeNotice) => void;
  onReconnected: () => void;
  onError: (error: unknown, message: string) => void;
};

const MAX_BACKOFF_MS = 5_000;

export class PostgresChangeListener {
  readonly #databaseUrl: string;
  readonly #handlers: ListenerHandlers;
  #client: pg.Client | null = null;
  #closed = false;
  #retryTimer: NodeJS.Timeout | null = null;
  #backoffMs = 250;

  constructor(databaseUrl: string, handlers: ListenerHandlers) {
    this.#databaseUrl = databaseUrl;
    this.#handlers = handlers;
  }

  /** Resolves once listening; rejects if the first connection fails (the server should not start). */
  async start(): Promise<void> {
    await this.#connect();
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    const client = this.#client;
    this.#client = null;
    await client?.end().catch(() => undefined);
  }

  async #connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.#databaseUrl });
    client.on('notification', (message) => {
      const notice = message.channel === CHANGES_CHANNEL && message.payload ? decodeChangeNotice(message.payload) : null;
      if (notice) this.#handlers.onNotice(notice);
    });
    client.on('error', (error) => this.#lost(client, error));
    client.on('end', () => this.#lost(client, null));
    await client.connect();
    try {
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.#closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.#client = client;
    this.#backoffMs = 250;
  }

  #lost(client: pg.Client, error: Error | null): void {
    if (this.#closed || this.#client !== client) return;
    this.#client = null;
    this.#handlers.onError(error, 'lost the PostgreSQL LISTEN connection; reconnecting');
    client.end().catch(() => undefined);
    this.#retry();
  }

  #retry(): void {
    this.#retryTimer = setTimeout(() => {
      this.#connect().then(
        () => this.#handlers.onReconnected(),
        (error: unknown) => {
          this.#handlers.onError(error, 'could not reconnect to PostgreSQL for events; retrying');
          this.#backoffMs = Math.min(MAX_BACKOFF_MS, this.#backoffMs * 2);
          this.#retry();
        },
      );
    }, this.#backoffMs);
    this.#retryTimer.unref();
  }
}
