// The server's queries, on either engine (the history's reads are in history-store.ts). A change, its
// event (with the clinic's next id) and its history entry are written in one transaction: streams
// resume from any id, and nothing is announced or recorded that was not stored.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import { defaultPresence, defaultSettings } from '../../core/schedule-model.ts';
import { presenceChange, settingsChanges } from '../../core/settings-diff.ts';
import type { ChatSettings, Presence } from '../../core/schemas/schedule.ts';
import type { ClinicEvent, CreateClinicRequest, CreateClinicResponse, MessageAccepted, MessageRequest, PresenceResponse, SettingsResponse } from '../../core/schemas/http-api.ts';
import { CHANGES_CHANNEL, encodeChangeNotice } from '../events/change-notice.ts';
import type { SequencedEvent } from '../events/change-notice.ts';
import type { Storage } from './database.ts';
import { recordHistory } from './history-store.ts';
import type { ClinicRow, Database } from './schema.ts';

export type ClinicState = {
  id: string;
  name: string;
  settings: ChatSettings;
  version: number;
  presence: Presence;
  /** The id of the clinic's latest event when this state was read. */
  eventSeq: number;
};

type SaveSettingsOutcome =
  | { kind: 'saved'; response: SettingsResponse; stored: SequencedEvent }
  | { kind: 'stale'; current: SettingsResponse }
  | { kind: 'not_found' };

type SetPresenceOutcome =
  | { kind: 'applied'; response: PresenceResponse; stored: SequencedEvent }
  | { kind: 'replayed'; response: PresenceResponse }
  | { kind: 'key_reused' }
  | { kind: 'not_found' };

/** Bound parameters per token query: far below SQLite's and PostgreSQL's limits. */
const TOKENS_PER_QUERY = 1_000;
/** How long a presence Idempotency-Key is remembered: far longer than any client keeps retrying. */
const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const newToken = (): string => `cd_${randomBytes(32).toString('base64url')}`;

const clinicStateOfRow = (row: ClinicRow): ClinicState => ({
  id: row.id,
  name: row.name,
  settings: JSON.parse(row.settings) as ChatSettings,
  version: Number(row.settings_version),
  presence: JSON.parse(row.presence) as Presence,
  eventSeq: Number(row.event_seq),
});

export class ClinicStore {
  readonly #db: Kysely<Database>;
  readonly #postgres: boolean;

  constructor(storage: Storage) {
    this.#db = storage.db;
    this.#postgres = storage.engine === 'postgres';
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.#db);
  }

  /** Several clinics in one transaction (an import, or seeding a benchmark): one disk sync, not one each. */
  async createClinics(requests: CreateClinicRequest[], now: Date): Promise<CreateClinicResponse[]> {
    const created = requests.map(() => ({ clinicId: randomUUID(), token: newToken() }));
    await this.#db.transaction().execute(async (trx) => {
      for (const [index, request] of requests.entries()) {
        const { clinicId, token } = created[index]!;
        const [settings, presence] = [JSON.stringify(defaultSettings(request.timezone)), JSON.stringify(defaultPresence(now))];
        await trx.insertInto('clinics').values({ id: clinicId, name: request.name, settings, settings_version: 1, presence, event_seq: 0, created_at: now.toISOString() }).execute();
        await trx.insertInto('staff_tokens').values({ token_hash: sha256(token), clinic_id: clinicId, created_at: now.toISOString() }).execute();
      }
    });
    return created;
  }

  /** Replaces every staff token of the clinic with a new one (a token leaked or a PC was lost). */
  async rotateToken(clinicId: string, now: Date): Promise<string | null> {
    const token = newToken();
    const found = await this.#db.transaction().execute(async (trx) => {
      const clinic = await trx.selectFrom('clinics').select('id').where('id', '=', clinicId).executeTakeFirst();
      if (!clinic) return false;
      await trx.deleteFrom('staff_tokens').where('clinic_id', '=', clinicId).execute();
      await trx.insertInto('staff_tokens').values({ token_hash: sha256(token), clinic_id: clinicId, created_at: now.toISOString() }).execute();
      return true;
    });
    return found ? token : null;
  }

  /** Looked up by the token's hash, so no comparison runs over the secret and its timing tells nothing. */
  async clinicOfToken(token: string): Promise<string | null> {
    const row = await this.#db.selectFrom('staff_tokens').select('clinic_id').where('token_hash', '=', sha256(token)).executeTakeFirst();
    return row?.clinic_id ?? null;
  }

  /** The clinic of each token that is still valid, in one query per thousand tokens (event stream heartbeats). */
  async clinicsOfTokens(tokens: string[]): Promise<Map<string, string>> {
    const owners = new Map<string, string>();
    for (let first = 0; first < tokens.length; first += TOKENS_PER_QUERY) {
      const tokenOfHash = new Map(tokens.slice(first, first + TOKENS_PER_QUERY).map((token) => [sha256(token), token]));
      const rows = await this.#db.selectFrom('staff_tokens').select(['token_hash', 'clinic_id']).where('token_hash', 'in', [...tokenOfHash.keys()]).execute();
      for (const row of rows) owners.set(tokenOfHash.get(row.token_hash)!, row.clinic_id);
    }
    return owners;
  }

  async findClinic(clinicId: string): Promise<ClinicState | null> {
    const row = await this.#db.selectFrom('clinics').selectAll().where('id', '=', clinicId).executeTakeFirst();
    return row ? clinicStateOfRow(row) : null;
  }

  /** `changedBy`: the PC that saved, for the history. A save that changes nothing owners see is not recorded. */
  async saveSettings(clinicId: string, settings: ChatSettings, expectedVersion: number, now: Date, changedBy: string): Promise<SaveSettingsOutcome> {
    return this.#db.transaction().execute(async (trx): Promise<SaveSettingsOutcome> => {
      const row = await this.#lockClinic(trx, clinicId);
      if (!row) return { kind: 'not_found' };
      const current = clinicStateOfRow(row);
      if (current.version !== expectedVersion) return { kind: 'stale', current: { settings: current.settings, version: current.version } };
      const response: SettingsResponse = { settings, version: current.version + 1 };
      await trx.updateTable('clinics').set({ settings: JSON.stringify(settings), settings_version: response.version }).where('id', '=', clinicId).execute();
      const stored = await this.#appendEvent(trx, current, { type: 'settings', data: response }, now);
      const changes = settingsChanges(current.settings, settings);
      if (changes.length > 0) await recordHistory(trx, { clinicId, seq: stored.seq, at: now, changedBy, kind: 'settings', version: response.version, changes });
      return { kind: 'saved', response, stored };
    });
  }

  /** With an idempotency key the first request is applied and its answer kept for retries (the app's outbox retries whenever unsure). */
  async setPresence(clinicId: string, presence: Presence, idempotencyKey: string | null, now: Date): Promise<SetPresenceOutcome> {
    const requestHash = sha256(JSON.stringify([presence.online, presence.offlineUntil, presence.changedBy]));
    return this.#db.transaction().execute(async (trx): Promise<SetPresenceOutcome> => {
      const row = await this.#lockClinic(trx, clinicId);
      if (!row) return { kind: 'not_found' };
      if (idempotencyKey !== null) {
        const earlier = await trx.selectFrom('idempotency_keys').select(['request_hash', 'response']).where('clinic_id', '=', clinicId).where('key', '=', idempotencyKey).executeTakeFirst();
        if (earlier) {
          return earlier.request_hash === requestHash ? { kind: 'replayed', response: JSON.parse(earlier.response) as PresenceResponse } : { kind: 'key_reused' };
        }
      }
      const response: PresenceResponse = { presence };
      const current = clinicStateOfRow(row);
      await trx.updateTable('clinics').set({ presence: JSON.stringify(presence) }).where('id', '=', clinicId).execute();
      const stored = await this.#appendEvent(trx, current, { type: 'presence', data: response }, now);
      // Only a retry with the same key is a replay; the same state sent afresh is applied but is no change.
      const change = presenceChange(current.presence, presence);
      if (change !== null) await recordHistory(trx, { clinicId, seq: stored.seq, at: now, changedBy: presence.changedBy, kind: 'presence', changes: [change] });
      if (idempotencyKey !== null) {
        const expired = new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS).toISOString();
        await trx.deleteFrom('idempotency_keys').where('clinic_id', '=', clinicId).where('created_at', '<', expired).execute();
        const remembered = { clinic_id: clinicId, key: idempotencyKey, request_hash: requestHash, status: 200, response: JSON.stringify(response), created_at: now.toISOString() };
        await trx.insertInto('idempotency_keys').values(remembered).execute();
      }
      return { kind: 'applied', response, stored };
    });
  }

  /** Events of a clinic with ids in (afterSeq, upToSeq], oldest first. */
  async eventsBetween(clinicId: string, afterSeq: number, upToSeq: number): Promise<SequencedEvent[]> {
    const rows = await this.#db
      .selectFrom('events')
      .selectAll()
      .where('clinic_id', '=', clinicId)
      .where('seq', '>', afterSeq)
      .where('seq', '<=', upToSeq)
      .orderBy('seq')
      .execute();
    return rows.map((row) => ({ seq: Number(row.seq), event: { type: row.type, data: JSON.parse(row.data) } as ClinicEvent }));
  }

  /** Deletes events of every clinic older than `cutoff`; answers how many (older resumes get a snapshot). */
  async pruneEventsOlderThan(cutoff: Date): Promise<number> {
    const result = await this.#db.deleteFrom('events').where('created_at', '<', cutoff.toISOString()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async latestEventSeq(clinicId: string): Promise<number | null> {
    const row = await this.#db.selectFrom('clinics').select('event_seq').where('id', '=', clinicId).executeTakeFirst();
    return row ? Number(row.event_seq) : null;
  }

  async addMessage(clinicId: string, message: MessageRequest, now: Date): Promise<MessageAccepted> {
    const accepted: MessageAccepted = { messageId: randomUUID(), receivedAt: now.toISOString() };
    const row = { id: accepted.messageId, clinic_id: clinicId, text: message.text, sender_name: message.name || null, received_at: accepted.receivedAt };
    await this.#db.insertInto('messages').values(row).execute();
    return accepted;
  }

  /** The intake the chat console reads, oldest first. */
  async messagesOf(clinicId: string): Promise<{ id: string; text: string; name: string | null; receivedAt: string }[]> {
    const rows = await this.#db.selectFrom('messages').selectAll().where('clinic_id', '=', clinicId).orderBy('received_at').orderBy('id').execute();
    return rows.map((row) => ({ id: row.id, text: row.text, name: row.sender_name, receivedAt: row.received_at }));
  }

  /** Reads the clinic row for a change; on PostgreSQL also locks it, so changes of one clinic queue up. */
  async #lockClinic(trx: Transaction<Database>, clinicId: string): Promise<ClinicRow | undefined> {
    return trx.selectFrom('clinics').selectAll().where('id', '=', clinicId).$if(this.#postgres, (query) => query.forUpdate()).executeTakeFirst();
  }

  async #appendEvent(trx: Transaction<Database>, clinic: ClinicState, event: ClinicEvent & { type: 'settings' | 'presence' }, now: Date): Promise<SequencedEvent> {
    const seq = clinic.eventSeq + 1;
    await trx.updateTable('clinics').set({ event_seq: seq }).where('id', '=', clinic.id).execute();
    await trx.insertInto('events').values({ clinic_id: clinic.id, seq, type: event.type, data: JSON.stringify(event.data), created_at: now.toISOString() }).execute();
    const stored: SequencedEvent = { seq, event };
    // NOTIFY inside the transaction is delivered when (and only if) it commits.
    if (this.#postgres) await sql`select pg_notify(${CHANGES_CHANNEL}, ${encodeChangeNotice(clinic.id, stored)})`.execute(trx);
    return stored;
  }
}
