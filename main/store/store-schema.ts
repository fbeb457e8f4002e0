// The settings file on this PC as zod schemas, checked when it is opened and on every write. The server
// copy's settings and each outbox operation are checked on their own (store.ts): one that no longer fits is dropped.
import { z } from 'zod';
import { DEFAULT_OFFLINE_REMINDER_MINUTES } from '../../core/offline-reminder.ts';
import { connectInputSchema, preferenceInputSchema } from '../../core/schemas/app-api.ts';
import { MAX_PC_NAME_LENGTH } from '../../core/schedule-model.ts';

const instant = z.string().min(1).max(64);

type PreferenceOption = (typeof preferenceInputSchema.options)[number];
/** One key per preference, each with the rule the window's setPreference is checked by. */
const preferencesSchema = z.strictObject(
  Object.fromEntries(preferenceInputSchema.options.map((option) => [option.shape.key.value, option.shape.value])) as {
    [O in PreferenceOption as O['shape']['key']['value']]: O['shape']['value'];
  },
);

export const storeFileSchema = z.object({
  connection: z
    .strictObject({
      serverUrl: connectInputSchema.shape.serverUrl,
      clinicId: connectInputSchema.shape.clinicId,
      clinicName: z.string().max(200).nullable(),
      token: z.discriminatedUnion('storage', [
        z.strictObject({ storage: z.literal('encrypted'), ciphertext: z.string().min(1) }),
        z.strictObject({ storage: z.literal('plain-text'), value: z.string().min(1) }),
      ]),
    })
    .nullable(),
  serverCopy: z.strictObject({ settings: z.looseObject({}), version: z.int().min(0), presence: z.looseObject({}), receivedAt: instant }).nullable(),
  /** The window's unsaved changes (the renderer owns the draft; this keeps it across windows), checked when read back. */
  stashedDraft: z.unknown(),
  /** Pending operations (main/sync/outbox.ts), on disk before the window is told a change is accepted. */
  outbox: z.array(z.unknown()),
  preferences: preferencesSchema,
  windowBounds: z.strictObject({ x: z.int().optional(), y: z.int().optional(), width: z.int().min(200), height: z.int().min(200), maximized: z.boolean() }).nullable(),
  /** So a restart neither repeats a reminder nor forgets a snooze; `snoozedFor` is the offline episode (presence.changedAt) it was asked for. */
  reminder: z.strictObject({ snoozedUntil: instant.nullable(), snoozedFor: instant.nullable(), notifiedFor: instant.nullable() }),
});

export type StoreShape = z.infer<typeof storeFileSchema>;
export type StoredReminderMemory = StoreShape['reminder'];
export type WindowBounds = NonNullable<StoreShape['windowBounds']>;

export function storeDefaults(hostname: string): StoreShape {
  return {
    connection: null,
    serverCopy: null,
    stashedDraft: null,
    outbox: [],
    preferences: { pcName: defaultPcName(hostname), launchAtLogin: false, notifications: true, offlineReminderMinutes: DEFAULT_OFFLINE_REMINDER_MINUTES },
    windowBounds: null,
    reminder: { snoozedUntil: null, snoozedFor: null, notifiedFor: null },
  };
}

/** Colleagues see this name as "who switched"; a hostname is the best guess until staff rename it. */
export function defaultPcName(hostname: string): string {
  return hostname.trim().slice(0, MAX_PC_NAME_LENGTH) || 'This PC';
}
