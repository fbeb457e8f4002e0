// The schema, as in-code migrations run at every start (Kysely's Migrator takes a lock, so instances
// starting together on one PostgreSQL database is safe). Only portable SQL: both engines run these.
import { Migrator, sql } from 'kysely';
import type { ColumnDefinitionBuilder, Kysely, Migration } from 'kysely';

const required = (column: ColumnDefinitionBuilder) => column.notNull();
const ofClinic = (column: ColumnDefinitionBuilder) => column.notNull().references('clinics.id').onDelete('cascade');

/** A change recorded with its English words, as data: a closure's words also said the night before's end. */
function withoutText({ text = '', ...change }: { field: string; change?: string; text?: string }): object {
  if (change.field !== 'closures') return change;
  const hours = text.slice(text.indexOf(' — ') + 3).split('; ').at(-1)!;
  const [before, after] = change.change === 'changed' && !hours.startsWith('label ') ? hours.split(' → ') : [undefined, change.change === 'added' ? hours : undefined];
  const nightEnd = (words: string | undefined) => /(?:closed from|open until) (\d{2}:\d{2})/.exec(words ?? '')?.[1] ?? null;
  return { ...change, nightEnd: { before: nightEnd(before), after: nightEnd(after) } };
}

const migrations: Record<string, Migration> = {
  '0001_clinics_tokens_events_messages': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('clinics')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('name', 'text', required)
        .addColumn('settings', 'text', required)
        .addColumn('settings_version', 'integer', required)
        .addColumn('presence', 'text', required)
        .addColumn('event_seq', 'integer', required)
        .addColumn('created_at', 'text', required)
        .execute();
      await db.schema
        .createTable('staff_tokens')
        .addColumn('token_hash', 'text', (column) => column.primaryKey())
        .addColumn('clinic_id', 'text', ofClinic)
        .addColumn('created_at', 'text', required)
        .execute();
      await db.schema.createIndex('staff_tokens_clinic').on('staff_tokens').column('clinic_id').execute();
      await db.schema
        .createTable('events')
        .addColumn('clinic_id', 'text', ofClinic)
        .addColumn('seq', 'integer', required)
        .addColumn('type', 'text', required)
        .addColumn('data', 'text', required)
        .addColumn('created_at', 'text', required)
        .addPrimaryKeyConstraint('events_pk', ['clinic_id', 'seq'])
        .execute();
      await db.schema
        .createTable('idempotency_keys')
        .addColumn('clinic_id', 'text', ofClinic)
        .addColumn('key', 'text', required)
        .addColumn('request_hash', 'text', required)
        .addColumn('status', 'integer', required)
        .addColumn('response', 'text', required)
        .addColumn('created_at', 'text', required)
        .addPrimaryKeyConstraint('idempotency_keys_pk', ['clinic_id', 'key'])
        .execute();
      await db.schema.createIndex('idempotency_keys_created').on('idempotency_keys').column('created_at').execute();
      await db.schema
        .createTable('messages')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('clinic_id', 'text', ofClinic)
        .addColumn('text', 'text', required)
        .addColumn('sender_name', 'text')
        .addColumn('received_at', 'text', required)
        .execute();
      await db.schema.createIndex('messages_clinic_received').on('messages').columns(['clinic_id', 'received_at']).execute();
    },
  },
  '0002_history_and_retention': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('history')
        .addColumn('clinic_id', 'text', ofClinic)
        .addColumn('seq', 'integer', required)
        .addColumn('kind', 'text', required)
        .addColumn('changed_at', 'text', required)
        .addColumn('changed_by', 'text')
        .addColumn('settings_version', 'integer')
        .addColumn('changes', 'text', required)
        .addPrimaryKeyConstraint('history_pk', ['clinic_id', 'seq'])
        .execute();
      // The retention job deletes by age from both tables.
      await db.schema.createIndex('history_changed_at').on('history').column('changed_at').execute();
      await db.schema.createIndex('events_created_at').on('events').column('created_at').execute();
    },
  },
  '0003_history_changes_as_data': {
    // Readers word the changes in their own locale now.
    async up(db: Kysely<unknown>) {
      const { rows } = await sql<{ clinic_id: string; seq: number; changes: string }>`select clinic_id, seq, changes from history`.execute(db);
      for (const row of rows) {
        const changes = JSON.stringify((JSON.parse(row.changes) as { field: string }[]).map(withoutText));
        await sql`update history set changes = ${changes} where clinic_id = ${row.clinic_id} and seq = ${row.seq}`.execute(db);
      }
    },
  },
};

/** Brings the schema up to date (or, for a test, up to the migration `upTo`). */
export async function migrateToLatest(db: Kysely<unknown>, upTo?: string): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await (upTo === undefined ? migrator.migrateToLatest() : migrator.migrateTo(upTo));
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    throw new Error(`Database migration${failed ? ` ${failed}` : ''} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
