// The change history. An entry is written in the transaction of the change it records, keyed by the
// change's event id, so it exists exactly when the change was committed and page cursors never shift.
import type { Kysely, Transaction } from 'kysely';
import type { HistoryEntry, HistoryResponse } from '../../core/schemas/history.ts';
import type { Storage } from './database.ts';
import type { Database } from './schema.ts';

type HistoryRecord = { clinicId: string; seq: number; at: Date; changedBy: string | null } & (
  | Pick<Extract<HistoryEntry, { kind: 'settings' }>, 'kind' | 'version' | 'changes'>
  | Pick<Extract<HistoryEntry, { kind: 'presence' }>, 'kind' | 'changes'>
);

export async function recordHistory(trx: Transaction<Database>, record: HistoryRecord): Promise<void> {
  await trx
    .insertInto('history')
    .values({
      clinic_id: record.clinicId,
      seq: record.seq,
      kind: record.kind,
      changed_at: record.at.toISOString(),
      changed_by: record.changedBy,
      settings_version: record.kind === 'settings' ? record.version : null,
      changes: JSON.stringify(record.changes),
    })
    .execute();
}

export class HistoryStore {
  readonly #db: Kysely<Database>;

  constructor(storage: Storage) {
    this.#db = storage.db;
  }

  /** Newest first: up to `limit` entries older than `before` (all, without it). */
  async page(clinicId: string, before: number | null, limit: number): Promise<HistoryResponse> {
    // One row more than asked tells whether an older page exists, without a count.
    const rows = await this.#db
      .selectFrom('history')
      .selectAll()
      .where('clinic_id', '=', clinicId)
      .$if(before !== null, (query) => query.where('seq', '<', before!))
      .orderBy('seq', 'desc')
      .limit(limit + 1)
      .execute();
    const entries = rows.slice(0, limit).map((row): HistoryEntry => {
      const base = { id: Number(row.seq), at: row.changed_at, changedBy: row.changed_by, changes: JSON.parse(row.changes) };
      return row.kind === 'settings' ? { ...base, kind: 'settings', version: Number(row.settings_version) } : { ...base, kind: 'presence' };
    });
    return { entries, nextBefore: rows.length > limit ? entries.at(-1)!.id : null };
  }

  /** Deletes entries of every clinic older than `cutoff`; answers how many. */
  async pruneOlderThan(cutoff: Date): Promise<number> {
    const result = await this.#db.deleteFrom('history').where('changed_at', '<', cutoff.toISOString()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
