// The schema, as in-code migrations run on every start (Kysely's Migrator takes a lock, so several
// instances starting together on one PostgreSQL database is safe). Only portable DDL: both engines run these.
import { Migrator } from 'kysely';
import type { Kysely, Migration, MigrationProvider } from 'kysely';

const migrations: Record<string, Migration> = {
  '0001_clinics_tokens_events_messages': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('clinics')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('settings', 'text', (column) => column.notNull())
        .addColumn('settings_version', 'integer', (column) => column.notNull())
        .addColumn('presence', 'text', (column) => column.notNull())
        .addColumn('event_seq', 'integer', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .execute();
      await db.schema
        .createTable('staff_tokens')
        .addColumn('token_hash', 'text', (column) => column.primaryKey())
        .addColumn('clinic_id', 'text', (column) => column.notNull().references('clinics.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (column) => column.notNull())
        .execute();
      await db.schema.createIndex('staff_tokens_clinic').on('staff_tokens').column('clinic_id').execute();
      await db.schema
        .createTable('events')
        .addColumn('clinic_id', 'text', (column) => column.notNull().references('clinics.id').onDelete('cascade'))
        .addColumn('seq', 'integer', (column) => column.notNull())
        .addColumn('type', 'text', (column) => column.notNull())
        .addColumn('data', 'text', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('events_pk', ['clinic_id', 'seq'])
        .execute();
      await db.schema
        .createTable('idempotency_keys')
        .addColumn('clinic_id', 'text', (column) => column.notNull().references('clinics.id').onDelete('cascade'))
        .addColumn('key', 'text', (column) => column.notNull())
        .addColumn('request_hash', 'text', (column) => column.notNull())
        .addColumn('status', 'integer', (column) => column.notNull())
        .addColumn('response', 'text', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('idempotency_keys_pk', ['clinic_id', 'key'])
        .execute();
      await db.schema.createIndex('idempotency_keys_created').on('idempotency_keys').column('created_at').execute();
      await db.schema
        .createTable('messages')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('clinic_id', 'text', (column) => column.notNull().references('clinics.id').onDelete('cascade'))
        .addColumn('text', 'text', (column) => column.notNull())
        .addColumn('sender_name', 'text')
        .addColumn('received_at', 'text', (column) => column.notNull())
        .execute();
      await db.schema.createIndex('messages_clinic_received').on('messages').columns(['clinic_id', 'received_at']).execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['messages', 'idempotency_keys', 'events', 'staff_tokens', 'clinics']) {
        await db.schema.dropTable(table).execute();
      }
    },
  },
  '0002_history_and_retention': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('history')
        .addColumn('clinic_id', 'text', (column) => column.notNull().references('clinics.id').onDelete('cascade'))
        .addColumn('seq', 'integer', (column) => column.notNull())
        .addColumn('kind', 'text', (column) => column.notNull())
        .addColumn('changed_at', 'text', (column) => column.notNull())
        .addColumn('changed_by', 'text')
        .addColumn('settings_version', 'integer')
        .addColumn('changes', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('history_pk', ['clinic_id', 'seq'])
        .execute();
      // The retention job deletes by age from both tables.
      await db.schema.createIndex('history_changed_at').on('history').column('changed_at').execute();
      await db.schema.createIndex('events_created_at').on('events').column('created_at').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('events_created_at').execute();
      await db.schema.dropTable('history').execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    throw new Error(`Database migration${failed ? ` ${failed}` : ''} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
