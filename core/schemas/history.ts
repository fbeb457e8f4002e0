// The change history's contract: GET /v1/clinics/:id/history and the X-Changed-By header of a settings
// save. Entries hold what changed, as data; each reader words it in its own locale (settings-diff.ts).
import { z } from 'zod';
import { MAX_PC_NAME_LENGTH, weekdays } from '../schedule-model.ts';
import { closureSchema, emergencyContactSchema, isoInstantSchema, timeRangeSchema } from './schedule.ts';

export const DEFAULT_HISTORY_PAGE_SIZE = 50;
export const MAX_HISTORY_PAGE_SIZE = 100;
/** Entries are kept at least this long, whatever the server is configured to. */
export const MIN_HISTORY_RETENTION_DAYS = 90;

const hours = z.array(timeRangeSchema).describe('The hours in force, earliest first; empty while the day is unticked');
const nightEnd = z.string().nullable().describe('Until when a night of the day before runs into the date (HH:mm), or null');

export const settingsChangeSchema = z.discriminatedUnion('field', [
  z.object({ field: z.literal('week'), day: z.enum(weekdays), change: z.enum(['ticked', 'unticked', 'hours']), before: hours, after: hours }),
  z.object({
    field: z.literal('closures'),
    change: z.enum(['added', 'removed', 'changed']),
    date: z.iso.date(),
    label: z.string().nullable().describe('The label as it is now (as it was, when removed)'),
    before: closureSchema.nullable(),
    after: closureSchema.nullable(),
    nightEnd: z.object({ before: nightEnd, after: nightEnd }),
  }),
  z.object({ field: z.literal('channels'), channel: z.enum(['sms', 'whatsapp']), before: z.string().nullable(), after: z.string().nullable() }),
  z.object({ field: z.literal('emergency'), before: emergencyContactSchema.nullable(), after: emergencyContactSchema.nullable() }),
  z.object({ field: z.literal('timezone'), before: z.string(), after: z.string() }),
]);

/** The switch after the change; `offlineUntil` is the end of a timed break. */
export const presenceChangeSchema = z.object({ field: z.literal('presence'), online: z.boolean(), offlineUntil: isoInstantSchema.nullable() });

const entryBase = {
  id: z.int().min(1).describe('The change’s event id (its Server-Sent Event carried the same): increasing per clinic'),
  at: isoInstantSchema.describe('When the server applied the change'),
  changedBy: z.string().nullable().describe('The PC that made it, as it named itself'),
};

export const historyEntrySchema = z.discriminatedUnion('kind', [
  z.object({ ...entryBase, kind: z.literal('settings'), version: z.int().min(1).describe('The settings version the save created'), changes: z.array(settingsChangeSchema).min(1) }),
  z.object({ ...entryBase, kind: z.literal('presence'), changes: z.tuple([presenceChangeSchema]) }),
]);

export const historyResponseSchema = z.object({
  entries: z.array(historyEntrySchema).describe('Newest first'),
  nextBefore: z.int().min(1).nullable().describe('Pass as `before` for the next (older) page; null at the oldest entry'),
});

export type SettingsChange = z.infer<typeof settingsChangeSchema>;
export type PresenceChange = z.infer<typeof presenceChangeSchema>;
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export type HistoryResponse = z.infer<typeof historyResponseSchema>;

// ---- GET /v1/clinics/:id/history?before=&limit= ----

const limitMessage = `limit must be a whole number from 1 to ${MAX_HISTORY_PAGE_SIZE}`;

export const historyQuerySchema = z.strictObject({
  before: z
    .string({ error: 'before must be given once, as the nextBefore of an earlier page' })
    .regex(/^[1-9]\d{0,14}$/, 'before must be the nextBefore of an earlier page (a whole number)')
    .transform(Number)
    .optional()
    .describe('The nextBefore of the previous page; the newest page without it'),
  limit: z
    .string({ error: limitMessage })
    .regex(/^\d{1,6}$/, limitMessage)
    .transform(Number)
    .pipe(z.number().min(1, limitMessage).max(MAX_HISTORY_PAGE_SIZE, limitMessage))
    .default(DEFAULT_HISTORY_PAGE_SIZE)
    .describe(`Entries per page, 1 to ${MAX_HISTORY_PAGE_SIZE} (default ${DEFAULT_HISTORY_PAGE_SIZE})`),
});

// ---- X-Changed-By: the saving PC ----

// The settings document is PUT /settings's whole body, so the PC names itself in a header. Header
// values are bytes and PC names are not always ASCII ("Réception"): the name goes percent-encoded.

/** The header for a PC name; control characters (no name the app accepts has any) become spaces. */
export function changedByHeaderValue(pcName: string): string {
  return encodeURIComponent(pcName.replace(/\p{Cc}/gu, ' ').trim());
}

const changedByMessage = `Send X-Changed-By: the PC's name, 1 to ${MAX_PC_NAME_LENGTH} characters, percent-encoded as UTF-8`;

function decodedName(value: string): string | null {
  // Raw bytes outside visible ASCII are an unencoded name, which Node would read as Latin-1 and garble.
  if (!/^[\x20-\x7e]*$/.test(value)) return null;
  try {
    const name = decodeURIComponent(value).trim();
    return name.length === 0 || name.length > MAX_PC_NAME_LENGTH || /\p{Cc}/u.test(name) ? null : name;
  } catch {
    return null;
  }
}

export const changedByHeaderSchema = z
  .string({ error: changedByMessage })
  .transform((value, context) => {
    const name = decodedName(value);
    if (name === null) context.addIssue({ code: 'custom', message: changedByMessage });
    return name ?? z.NEVER;
  })
  .describe('The saving PC’s name, percent-encoded as UTF-8 (changedByHeaderValue)');
