// An SQLite file in the data directory, or PostgreSQL with a postgres:// URL: same migrations, same queries.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from './migrations.ts';
import { kyselySqliteDatabase } from './node-sqlite-adapter.ts';
import type { Database } from './schema.ts';

export type StorageLocation = { dataDir: string; databaseUrl?: string | undefined };

export type Storage = {
  db: Kysely<Database>;
  engine: 'sqlite' | 'postgres';
  /** For PostgreSQL: the URL, so the event listener can open its own connection. */
  databaseUrl: string | null;
  close(): Promise<void>;
};

const SQLITE_FILE_NAME = 'chatdesk.sqlite';

export function isPostgresUrl(url: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(url);
}

/** `onConnectionError`: an idle PostgreSQL connection failed (say, the database restarted); the pool replaces it. */
export async function openStorage(location: StorageLocation, onConnectionError: (error: Error) => void = () => {}): Promise<Storage> {
  const storage = location.databaseUrl ? openPostgres(location.databaseUrl, onConnectionError) : openSqlite(location.dataDir);
  try {
    await migrateToLatest(storage.db as Kysely<unknown>);
  } catch (error) {
    await storage.close();
    throw error;
  }
  return storage;
}

function openSqlite(dataDir: string): Storage {
  mkdirSync(dataDir, { recursive: true });
  const file = new DatabaseSync(join(dataDir, SQLITE_FILE_NAME));
  // WAL lets readers run beside the writer; synchronous=FULL makes an acknowledged write survive a
  // power cut, not only a crash (writes are rare here: toggles, saves, messages).
  file.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: kyselySqliteDatabase(file) }) });
  return { db, engine: 'sqlite', databaseUrl: null, close: () => db.destroy() };
}

function openPostgres(databaseUrl: string, onConnectionError: (error: Error) => void): Storage {
  if (!isPostgresUrl(databaseUrl)) {
    throw new Error('The database URL must start with postgres:// (leave it unset to use the embedded SQLite file)');
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  // An idle client losing its connection must not crash the server (an unhandled 'error' would).
  pool.on('error', onConnectionError);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', databaseUrl, close: () => db.destroy() };
}
