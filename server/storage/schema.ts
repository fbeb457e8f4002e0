// The tables, as Kysely sees them. JSON documents and instants are text on both SQLite and PostgreSQL,
// so one set of queries (and of row types) serves both engines.
import type { Selectable } from 'kysely';

interface ClinicsTable {
  id: string;
  name: string;
  /** ChatSettings as JSON, as the settings schema normalised them. */
  settings: string;
  settings_version: number;
  /** Presence as JSON. */
  presence: string;
  /** The id of the clinic's latest event; a clinic's events are numbered 1, 2, 3… without gaps. */
  event_seq: number;
  created_at: string;
}

interface StaffTokensTable {
  /** SHA-256 of the token, hex: the token itself is shown once and never stored. */
  token_hash: string;
  clinic_id: string;
  created_at: string;
}

interface EventsTable {
  clinic_id: string;
  seq: number;
  type: 'settings' | 'presence';
  /** The full SettingsResponse or PresenceResponse after the change, as JSON. */
  data: string;
  created_at: string;
}

interface IdempotencyKeysTable {
  clinic_id: string;
  key: string;
  /** SHA-256 of the request it answered, so a reused key with a different body is told apart. */
  request_hash: string;
  status: number;
  response: string;
  created_at: string;
}

interface MessagesTable {
  id: string;
  clinic_id: string;
  text: string;
  sender_name: string | null;
  received_at: string;
}

/** One row per settings or presence change that changed something, keyed by the change's event id. */
interface HistoryTable {
  clinic_id: string;
  seq: number;
  kind: 'settings' | 'presence';
  changed_at: string;
  changed_by: string | null;
  /** The settings version a save created; null for presence. */
  settings_version: number | null;
  /** What changed, as JSON: core's SettingsChange[] or [PresenceChange]. */
  changes: string;
}

export interface Database {
  clinics: ClinicsTable;
  staff_tokens: StaffTokensTable;
  events: EventsTable;
  idempotency_keys: IdempotencyKeysTable;
  messages: MessagesTable;
  history: HistoryTable;
}

export type ClinicRow = Selectable<ClinicsTable>;
