// A PostgreSQL database of its own for one test file: other engineers' tests use the same server at
// the same time, so each file creates a uniquely named database and drops it afterwards.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** vitest.config.ts defaults it to the local server; `none` leaves the PostgreSQL tests out. */
export const postgresUrl = process.env.TEST_DATABASE_URL && process.env.TEST_DATABASE_URL !== 'none' ? process.env.TEST_DATABASE_URL : null;

export type TestDatabase = { url: string; drop(): Promise<void> };

async function onAdminDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresUrl! });
  try {
    await client.connect();
  } catch (error) {
    // The PostgreSQL tests fail, saying why, rather than pass by not running.
    throw new Error(
      `PostgreSQL is not reachable at ${new URL(postgresUrl!).host} (${error instanceof Error ? error.message : String(error)}). ` +
        'Start it with `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`, point TEST_DATABASE_URL at another server, ' +
        'or leave the PostgreSQL tests out with TEST_DATABASE_URL=none.',
      { cause: error },
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (!postgresUrl) throw new Error('The PostgreSQL tests are left out (TEST_DATABASE_URL=none)');
  const name = `chatdesk_server_${randomBytes(6).toString('hex')}`;
  await onAdminDatabase((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onAdminDatabase((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}


/** Runs a statement about a test database (ALTER DATABASE …) from the shared `test` database. */
export async function onMaintenanceDatabase(databaseUrl: string, statement: (name: string) => string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  await onAdminDatabase((client) => client.query(statement(name)));
}
