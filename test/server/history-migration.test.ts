// Upgrading a database whose history still holds each change's English sentence: the sentences go,
// what they said that the data did not (a closure's night before) stays as data, and the entries read
// back through the API worded as before. On SQLite and PostgreSQL.
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { defaultPresence, defaultSettings } from '../../core/schedule-model.ts';
import type { HistoryResponse } from '../../core/schemas/history.ts';
import { changeText } from '../../core/settings-diff.ts';
import { sha256 } from '../../server/storage/clinic-store.ts';
import { migrateToLatest } from '../../server/storage/migrations.ts';
import { kyselySqliteDatabase } from '../../server/storage/node-sqlite-adapter.ts';
import type { Database } from '../../server/storage/schema.ts';
import { backends, call, createTestStorage, startServer } from './helpers/test-server.ts';
import type { TestStorage } from './helpers/test-server.ts';

const at = '2026-11-25T14:00:00.000Z';
const christmas = { date: '2026-12-25', ranges: [], label: 'Christmas Day' };
const special = { date: '2026-12-25', ranges: [{ start: '10:00', end: '12:00' }] };
const oldSettingsChanges = [
  { field: 'week', day: 'thursday', change: 'hours', before: [{ start: '09:00', end: '18:00' }], after: [{ start: '20:00', end: '02:00' }], text: 'Thursday 09:00–18:00 → 20:00–02:00' },
  { field: 'closures', change: 'added', date: '2026-12-25', label: 'Christmas Day', before: null, after: christmas, text: 'Closure added: Christmas Day, Fri 25 Dec 2026 — closed from 02:00' },
  { field: 'channels', channel: 'sms', before: null, after: '+447700900123', text: 'SMS number set: +447700900123' },
];
const oldClosureChange = {
  field: 'closures', change: 'changed', date: '2026-12-25', label: null, before: special, after: { ...special, ranges: [] },
  text: 'Closure changed: Fri 25 Dec 2026 — open until 02:00, 10:00–12:00 only → closed from 02:00',
};
const oldPresenceChange = { field: 'presence', online: false, offlineUntil: '2026-11-25T14:30:00.000Z', text: 'went offline for 30 minutes, back at 14:30' };

/** The database as the previous schema left it, without the migrations that came since. */
function openAtOldSchema(storage: TestStorage): Kysely<Database> {
  const dialect = storage.databaseUrl
    ? new PostgresDialect({ pool: new pg.Pool({ connectionString: storage.databaseUrl }) })
    : new SqliteDialect({ database: kyselySqliteDatabase(new DatabaseSync(join(storage.dataDir, 'chatdesk.sqlite'))) });
  return new Kysely<Database>({ dialect });
}

describe.each(backends)('history migration on %s', (backend) => {
  it('keeps what each recorded change said, as data its reader words', async () => {
    const storage = await createTestStorage(backend);
    const old = openAtOldSchema(storage);
    await migrateToLatest(old as Kysely<unknown>, '0002_history_and_retention');
    const clinic = { id: 'clinic-1', token: 'cd_old-token' };
    const settings = JSON.stringify(defaultSettings('Europe/London'));
    await old.insertInto('clinics').values({ id: clinic.id, name: 'Riverside Vets', settings, settings_version: 3, presence: JSON.stringify(defaultPresence(new Date(at))), event_seq: 3, created_at: at }).execute();
    await old.insertInto('staff_tokens').values({ token_hash: sha256(clinic.token), clinic_id: clinic.id, created_at: at }).execute();
    const row = { clinic_id: clinic.id, changed_at: at, changed_by: 'Reception' };
    await old
      .insertInto('history')
      .values([
        { ...row, seq: 1, kind: 'settings', settings_version: 2, changes: JSON.stringify(oldSettingsChanges) },
        { ...row, seq: 2, kind: 'presence', settings_version: null, changes: JSON.stringify([oldPresenceChange]) },
        { ...row, seq: 3, kind: 'settings', settings_version: 3, changes: JSON.stringify([oldClosureChange]) },
      ])
      .execute();
    await old.destroy();

    const server = await startServer(storage);
    try {
      const page = await call<HistoryResponse>(`${server.url}/v1/clinics/${clinic.id}/history`, { headers: { authorization: `Bearer ${clinic.token}` } });
      expect(page.status).toBe(200);
      const [changed, presence, saved] = page.body.entries;
      const { text: _, ...closureChange } = oldClosureChange;
      expect(changed!.changes).toEqual([{ ...closureChange, nightEnd: { before: '02:00', after: '02:00' } }]);
      expect(presence!.changes).toEqual([{ field: 'presence', online: false, offlineUntil: '2026-11-25T14:30:00.000Z' }]);
      expect(saved!.changes[1]).toEqual({ field: 'closures', change: 'added', date: '2026-12-25', label: 'Christmas Day', before: null, after: christmas, nightEnd: { before: null, after: '02:00' } });
      const british = { timezone: 'Europe/London', now: new Date(at), locale: 'en-GB' };
      const words = page.body.entries.flatMap((entry) => entry.changes.map((change) => changeText(change, entry.at, british)));
      // As recorded, but for the date, which is now as the reader's locale writes it.
      const recorded = [oldClosureChange, oldPresenceChange, ...oldSettingsChanges].map((change) => change.text.replace('Fri 25 Dec', 'Fri, 25 Dec'));
      expect(words).toEqual(recorded);
    } finally {
      await server.close();
      await storage.dispose();
    }
  });
});
