// The schema, as in-code migrations run at every start (Kysely's Migrator takes a lock, so instances
// starting together on one PostgreSQL database is safe). Only portable SQL: both engines run these.
import { Migrator, sql } from 'kysely';
import type { CreateTableBuilder, Kysely, Migration } from 'kysely';

type Column = [name: string, type: 'text' | 'integer', rule?: 'key' | 'required' | 'clinic'];

/** A table from its columns: `key` the primary key, `clinic` a clinic's id (its rows go with it). */
function createTable(db: Kysely<unknown>, name: string, columns: Column[], primaryKey?: string[]) {
  let table: CreateTableBuilder<string, string> = db.schema.createTable(name);
  for (const [column, type, rule] of columns) {
    table = table.addColumn(column, type, (definition) =>
      rule === 'key' ? definition.primaryKey() : rule === 'clinic' ? definition.notNull().references('clinics.id').onDelete('cascade') : rule ? definition.notNull() : definition,
    );
  }
  return (primaryKey ? table.addPrimaryKeyConstraint(`${name}_pk`, primaryKey) : table).execute();
}

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
      const created: Column = ['created_at', 'text', 'required'];
      await createTable(db, 'clinics', [['id', 'text', 'key'], ['name', 'text', 'required'], ['settings', 'text', 'required'], ['settings_version', 'integer', 'required'], ['presence', 'text', 'required'], ['event_seq', 'integer', 'required'], created]);
      await createTable(db, 'staff_tokens', [['token_hash', 'text', 'key'], ['clinic_id', 'text', 'clinic'], created]);
      await db.schema.createIndex('staff_tokens_clinic').on('staff_tokens').column('clinic_id').execute();
      await createTable(db, 'events', [['clinic_id', 'text', 'clinic'], ['seq', 'integer', 'required'], ['type', 'text', 'required'], ['data', 'text', 'required'], created], ['clinic_id', 'seq']);
      const idempotencyColumns: Column[] = [['clinic_id', 'text', 'clinic'], ['key', 'text', 'required'], ['request_hash', 'text', 'required'], ['status', 'integer', 'required'], ['response', 'text', 'required'], created];
      await createTable(db, 'idempotency_keys', idempotencyColumns, ['clinic_id', 'key']);
      await db.schema.createIndex('idempotency_keys_created').on('idempotency_keys').column('created_at').execute();
      await createTable(db, 'messages', [['id', 'text', 'key'], ['clinic_id', 'text', 'clinic'], ['text', 'text', 'required'], ['sender_name', 'text'], ['received_at', 'text', 'required']]);
      await db.schema.createIndex('messages_clinic_received').on('messages').columns(['clinic_id', 'received_at']).execute();
    },
  },
  '0002_history_and_retention': {
    async up(db: Kysely<unknown>) {
      const columns: Column[] = [['clinic_id', 'text', 'clinic'], ['seq', 'integer', 'required'], ['kind', 'text', 'required'], ['changed_at', 'text', 'required'], ['changed_by', 'text'], ['settings_version', 'integer'], ['changes', 'text', 'required']];
      await createTable(db, 'history', columns, ['clinic_id', 'seq']);
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
