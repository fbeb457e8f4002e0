// The tables, as Kysely sees them. JSON documents and instants are stored as text on both SQLite and
// PostgreSQL so that one set of queries (and one set of row types) serves both engines.
import type { Selectable } from 'kysely';

export interface ClinicsTable {
  id: string;
  name: string;
  /** ChatSettings as JSON, always as parseSettings returned it. */
  settings: string;
  settings_version: number;
  /** Presence as JSON. */
  presence: string;
  /** The id of the clinic's latest event; events of one clinic are numbered 1, 2, 3… without gaps. */
  event_seq: number;
  created_at: string;
}

export interface StaffTokensTable {
  /** SHA-256 of the token, hex: the token itself is shown once and never stored. */
  token_hash: string;
  clinic_id: string;
  created_at: string;
}

export interface EventsTable {
  clinic_id: string;
  seq: number;
  type: 'settings' | 'presence';
  /** The event's data as JSON: the full SettingsResponse or PresenceResponse after the change. */
  data: string;
  created_at: string;
}

export interface IdempotencyKeysTable {
  clinic_id: string;
  key: string;
  /** SHA-256 of the request it answered, so a reused key with a different body is told apart. */
  request_hash: string;
  status: number;
  response: string;
  created_at: string;
}

export interface MessagesTable {
  id: string;
  clinic_id: string;
  text: string;
  sender_name: string | null;
  received_at: string;
}

/** The change history (issue 7): one row per settings or presence change that changed something. */
export interface HistoryTable {
  clinic_id: string;
  /** The change's event id: orders a clinic's history and is the page cursor. */
  seq: number;
  kind: 'settings' | 'presence';
  changed_at: string;
  changed_by: string | null;
  /** The settings version a save created; null for presence. */
  settings_version: number | null;
  /** What changed, as JSON: core's SettingsChange[] or [PresenceChange], wording included. */
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
export type EventRow = Selectable<EventsTable>;
export type HistoryRow = Selectable<HistoryTable>;
