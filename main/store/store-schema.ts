// The on-disk shape of the app's settings file (conf / electron-store), its JSON schema and migrations.
// The JSON schema checks the file's frame; the settings and presence inside are checked with core's
// zod schemas when the file is opened and when they are written (store.ts), so the schedule model is
// defined once, in core.
import type { Options } from 'conf';
import type Conf from 'conf';
import { DEFAULT_OFFLINE_REMINDER_MINUTES } from '../../core/offline-reminder.ts';
import type { ReminderMemory } from '../../core/offline-reminder.ts';
import { MAX_REMINDER_MINUTES } from '../../core/schemas/app-api.ts';
import { MAX_PC_NAME_LENGTH } from '../../core/schedule-model.ts';

/** Version of this file's layout, not of the app: bump it with a migration when the shape changes. */
export const STORE_SCHEMA_VERSION = '0.2.0';

export type StoredToken = { storage: 'encrypted'; ciphertext: string } | { storage: 'plain-text'; value: string };

export type StoredConnection = {
  serverUrl: string;
  clinicId: string;
  clinicName: string | null;
  token: StoredToken;
};

export type StoredServerCopy = {
  settings: unknown;
  version: number;
  presence: unknown;
  receivedAt: string;
};

export type StoredPreferences = {
  pcName: string;
  launchAtLogin: boolean;
  notifications: boolean;
  offlineReminderMinutes: number;
};

/**
 * What this PC remembers about forgotten-offline reminders (core/offline-reminder.ts), so a restart
 * neither repeats a notification nor forgets a snooze. `snoozedFor` is the offline episode (its
 * presence.changedAt) the snooze was asked for: a snooze does not silence the next episode.
 */
export type StoredReminderMemory = ReminderMemory & { snoozedFor: string | null };

export type WindowBounds = { x?: number; y?: number; width: number; height: number; maximized: boolean };

export type StoreShape = {
  connection: StoredConnection | null;
  serverCopy: StoredServerCopy | null;
  /** The window's unsaved changes (core/schemas/app-api.ts Draft), checked with zod when read back. */
  stashedDraft: unknown;
  /** Pending operations (main/sync/outbox.ts); persisted before the UI is told a change is accepted. */
  outbox: unknown[];
  preferences: StoredPreferences;
  windowBounds: WindowBounds | null;
  reminder: StoredReminderMemory;
};

export const noReminderMemory: StoredReminderMemory = { snoozedUntil: null, snoozedFor: null, notifiedFor: null };

export function storeDefaults(hostname: string): StoreShape {
  return {
    connection: null,
    serverCopy: null,
    stashedDraft: null,
    outbox: [],
    preferences: {
      pcName: defaultPcName(hostname),
      launchAtLogin: false,
      notifications: true,
      offlineReminderMinutes: DEFAULT_OFFLINE_REMINDER_MINUTES,
    },
    windowBounds: null,
    reminder: { ...noReminderMemory },
  };
}

/** Colleagues see this name as "who switched"; a hostname is the best guess until staff rename it. */
export function defaultPcName(hostname: string): string {
  const trimmed = hostname.trim().slice(0, MAX_PC_NAME_LENGTH);
  return trimmed === '' ? 'This PC' : trimmed;
}

const nullable = (schema: object) => ({ anyOf: [{ type: 'null' }, schema] });
const isoInstant = { type: 'string', minLength: 1, maxLength: 64 };

const tokenSchema = {
  oneOf: [
    {
      type: 'object',
      properties: { storage: { const: 'encrypted' }, ciphertext: { type: 'string', minLength: 1 } },
      required: ['storage', 'ciphertext'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { storage: { const: 'plain-text' }, value: { type: 'string', minLength: 1 } },
      required: ['storage', 'value'],
      additionalProperties: false,
    },
  ],
};

export const storeJsonSchema = {
  connection: nullable({
    type: 'object',
    properties: {
      serverUrl: { type: 'string', minLength: 1, maxLength: 2048 },
      clinicId: { type: 'string', minLength: 1, maxLength: 200 },
      clinicName: nullable({ type: 'string', maxLength: 200 }),
      token: tokenSchema,
    },
    required: ['serverUrl', 'clinicId', 'clinicName', 'token'],
    additionalProperties: false,
  }),
  serverCopy: nullable({
    type: 'object',
    properties: {
      settings: { type: 'object' },
      version: { type: 'integer', minimum: 0 },
      presence: { type: 'object' },
      receivedAt: isoInstant,
    },
    required: ['settings', 'version', 'presence', 'receivedAt'],
    additionalProperties: false,
  }),
  stashedDraft: nullable({ type: 'object' }),
  outbox: { type: 'array', items: { type: 'object', required: ['kind', 'id'] } },
  preferences: {
    type: 'object',
    properties: {
      pcName: { type: 'string', minLength: 1, maxLength: MAX_PC_NAME_LENGTH },
      launchAtLogin: { type: 'boolean' },
      notifications: { type: 'boolean' },
      offlineReminderMinutes: { type: 'integer', minimum: 0, maximum: MAX_REMINDER_MINUTES },
    },
    required: ['pcName', 'launchAtLogin', 'notifications', 'offlineReminderMinutes'],
    additionalProperties: false,
  },
  windowBounds: nullable({
    type: 'object',
    properties: {
      x: { type: 'integer' },
      y: { type: 'integer' },
      width: { type: 'integer', minimum: 200 },
      height: { type: 'integer', minimum: 200 },
      maximized: { type: 'boolean' },
    },
    required: ['width', 'height', 'maximized'],
    additionalProperties: false,
  }),
  reminder: {
    type: 'object',
    properties: { snoozedUntil: nullable(isoInstant), snoozedFor: nullable(isoInstant), notifiedFor: nullable(isoInstant) },
    required: ['snoozedUntil', 'snoozedFor', 'notifiedFor'],
    additionalProperties: false,
  },
} as unknown as NonNullable<Options<StoreShape>['schema']>;

/**
 * conf runs every migration newer than the version recorded in the file, up to STORE_SCHEMA_VERSION.
 * (conf also merges `defaults` into a file on open; the steps say explicitly what each layout added.)
 * 0.1.0 is the first layout: files written before it (none shipped) are given every key with its default.
 * 0.2.0 adds the reminder memory: a PC updated from 0.1.0 starts having notified about nothing.
 */
export function storeMigrations(hostname: string): Record<string, (store: Conf<StoreShape>) => void> {
  const fillMissing = (store: Conf<StoreShape>, keys: readonly (keyof StoreShape)[]) => {
    const defaults = storeDefaults(hostname);
    for (const key of keys) {
      if (!store.has(key)) store.set(key, defaults[key]);
    }
  };
  return {
    '0.1.0': (store) => fillMissing(store, ['connection', 'serverCopy', 'stashedDraft', 'outbox', 'preferences', 'windowBounds']),
    '0.2.0': (store) => fillMissing(store, ['reminder']),
  };
}
