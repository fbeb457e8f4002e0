// The change history's HTTP contract (issue 7): GET /v1/clinics/:id/history and the X-Changed-By
// header that names the PC on a settings save. The entries' wording comes from settings-diff.ts.
import { z } from 'zod';
import { MAX_PC_NAME_LENGTH, weekdays } from '../schedule-model.ts';
import type { PresenceChange, SettingsChange } from '../settings-diff.ts';


export const DEFAULT_HISTORY_PAGE_SIZE = 50;
export const MAX_HISTORY_PAGE_SIZE = 100;
/** The promise: entries are kept at least this long, whatever the server is configured to. */
export const MIN_HISTORY_RETENTION_DAYS = 90;

type EntryBase = {
  /** The change's event id (the same id its Server-Sent Event carried): unique per clinic, increasing. */
  id: number;
  /** When the server applied the change (ISO instant). */
  at: string;
  /** The PC that made it, as it named itself; null when it did not say. */
  changedBy: string | null;
};

/** One change, newest first in a page; `changes` is never empty. */
export type HistoryEntry =
  | (EntryBase & { kind: 'settings'; /** the settings version this save created */ version: number; changes: SettingsChange[] })
  | (EntryBase & { kind: 'presence'; changes: [PresenceChange] });

export type HistoryResponse = {
  entries: HistoryEntry[];
  /** Pass as `before` to get the next (older) page; null when this page reaches the oldest entry. */
  nextBefore: number | null;
};

// ---- Query (GET /v1/clinics/:id/history?before=&limit=) ----

const cursorPattern = /^[1-9]\d{0,14}$/;
const limitPattern = /^\d{1,6}$/;
const limitMessage = `limit must be a whole number from 1 to ${MAX_HISTORY_PAGE_SIZE}`;

export const historyQuerySchema = z.strictObject({
  before: z
    .string({ error: 'before must be given once, as the nextBefore of an earlier page' })
    .regex(cursorPattern, 'before must be the nextBefore of an earlier page (a whole number)')
    .transform(Number)
    .optional(),
  limit: z
    .string({ error: limitMessage })
    .regex(limitPattern, limitMessage)
    .transform(Number)
    .pipe(z.number().min(1, limitMessage).max(MAX_HISTORY_PAGE_SIZE, limitMessage))
    .default(DEFAULT_HISTORY_PAGE_SIZE),
});

/** The query string of a page request: the first page without `before`. */
export function historySearch(query: { before?: number | null; limit?: number }): string {
  const params = new URLSearchParams();
  if (query.before !== undefined && query.before !== null) params.set('before', String(query.before));
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

// ---- Who saved the settings: X-Changed-By ----

/**
 * PUT /settings carries the settings document as its whole body, so the PC's name travels in the
 * `headers.changedBy` header (X-Changed-By, core/schemas/http-api.ts). Header values are bytes, and PC
 * names are not always ASCII ("Réception"), so the value is the name percent-encoded as UTF-8; plain
 * ASCII names without '%' read the same either way.
 */
export function changedByHeaderValue(pcName: string): string {
  return encodeURIComponent(pcName.trim());
}

const changedByMessage = `X-Changed-By must be the PC's name, 1 to ${MAX_PC_NAME_LENGTH} characters, percent-encoded as UTF-8`;

/** Reads the header back into the name; `{ ok: false }` for anything a client of this contract would not send. */
export function parseChangedByHeader(value: string): { ok: true; value: string } | { ok: false; message: string } {
  // Raw bytes outside visible ASCII mean an unencoded name; Node would read them as Latin-1 and garble it.
  if (!/^[\x20-\x7e]*$/.test(value)) return { ok: false, message: changedByMessage };
  let decoded: string;
  try {
    decoded = decodeURIComponent(value).trim();
  } catch {
    return { ok: false, message: changedByMessage };
  }
  if (decoded.length === 0 || decoded.length > MAX_PC_NAME_LENGTH || /\p{Cc}/u.test(decoded)) return { ok: false, message: changedByMessage };
  return { ok: true, value: decoded };
}

// ---- The answer, as the desktop app checks it ----

const timeRange = z.object({ start: z.string(), end: z.string() });
const closure = z.object({ date: z.string(), ranges: z.array(timeRange), label: z.string().optional() });
const contact = z.object({ phone: z.string(), label: z.string() });
const settingsChange = z.discriminatedUnion('field', [
  z.object({ field: z.literal('week'), day: z.enum(weekdays), change: z.enum(['ticked', 'unticked', 'hours']), before: z.array(timeRange), after: z.array(timeRange), text: z.string() }),
  z.object({ field: z.literal('closures'), change: z.enum(['added', 'removed', 'changed']), date: z.string(), label: z.string().nullable(), before: closure.nullable(), after: closure.nullable(), text: z.string() }),
  z.object({ field: z.literal('channels'), channel: z.enum(['sms', 'whatsapp']), before: z.string().nullable(), after: z.string().nullable(), text: z.string() }),
  z.object({ field: z.literal('emergency'), before: contact.nullable(), after: contact.nullable(), text: z.string() }),
  z.object({ field: z.literal('timezone'), before: z.string(), after: z.string(), text: z.string() }),
]);
const presenceChange = z.object({ field: z.literal('presence'), online: z.boolean(), offlineUntil: z.string().nullable(), text: z.string() });
const entryBase = { id: z.int().min(1), at: z.string(), changedBy: z.string().nullable() };

/** Objects are not strict: a newer server may add members, and the app ignores them. */
export const historyResponseSchema: z.ZodType<HistoryResponse> = z.object({
  entries: z.array(
    z.discriminatedUnion('kind', [
      z.object({ ...entryBase, kind: z.literal('settings'), version: z.int().min(1), changes: z.array(settingsChange) }),
      z.object({ ...entryBase, kind: z.literal('presence'), changes: z.tuple([presenceChange]) }),
    ]),
  ),
  nextBefore: z.int().min(1).nullable(),
});
