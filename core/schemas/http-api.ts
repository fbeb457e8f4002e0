// The HTTP contract between the desktop app, the server and the website widget: request bodies,
// responses, headers and event names, defined once (STYLE: one contract per boundary).
import { z } from 'zod';
import type { Availability } from '../availability.ts';
import { MAX_PC_NAME_LENGTH } from '../schedule-model.ts';
import { isoInstantSchema, timezoneSchema } from './schedule.ts';
import type { ChatSettings, Presence } from './schedule.ts';
import { MAX_MESSAGE_LENGTH, MAX_OWNER_NAME_LENGTH } from '../http-paths.ts';

export const MAX_CLINIC_NAME_LENGTH = 120;

export const createClinicRequestSchema = z.strictObject({
  name: z.string({ error: 'Give the clinic a name' }).trim().min(1, 'Give the clinic a name').max(MAX_CLINIC_NAME_LENGTH),
  timezone: timezoneSchema,
});
export type CreateClinicRequest = z.infer<typeof createClinicRequestSchema>;
export type CreateClinicResponse = { clinicId: string; token: string };

export type ClinicResponse = { clinic: { id: string; name: string } };
export type SettingsResponse = { settings: ChatSettings; version: number };
export type PresenceResponse = { presence: Presence };
/**
 * The public answer of GET /availability: core's Availability, plus what the widget needs to word it
 * (the clinic's zone and name) and to link the other channels (the numbers themselves).
 */
export type AvailabilityResponse = Availability & {
  clinic: { name: string; timezone: string };
  contact: { sms: string | null; whatsapp: string | null };
};

export const presenceUpdateSchema = z
  .strictObject({
    online: z.boolean({ error: 'Say whether chat is online (true) or offline (false)' }),
    offlineUntil: isoInstantSchema.nullable().optional(),
    changedBy: z.string().trim().min(1).max(MAX_PC_NAME_LENGTH).nullable().optional(),
  })
  .refine((update) => !(update.online && update.offlineUntil), {
    message: 'A time to come back online only applies when going offline',
    path: ['offlineUntil'],
  });
export type PresenceUpdate = z.infer<typeof presenceUpdateSchema>;

export const messageRequestSchema = z.strictObject({
  text: z.string({ error: 'Write a message' }).trim().min(1, 'Write a message').max(MAX_MESSAGE_LENGTH, `Keep the message under ${MAX_MESSAGE_LENGTH} characters`),
  name: z.string().trim().max(MAX_OWNER_NAME_LENGTH, `Keep the name under ${MAX_OWNER_NAME_LENGTH} characters`).optional(),
});
export type MessageRequest = z.infer<typeof messageRequestSchema>;
export type MessageAccepted = { messageId: string; receivedAt: string };

export type ErrorCode =
  | 'bad_request'
  | 'invalid_json'
  | 'invalid_settings'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'precondition_required'
  | 'precondition_failed'
  | 'idempotency_key_reused'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'chat_closed'
  | 'admin_disabled'
  | 'unavailable'
  | 'internal';

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: { path: string; message: string }[] } };
export type StaleSettingsBody = ErrorBody & { current: SettingsResponse };
export type ChatClosedBody = ErrorBody & { availability: Availability };

export const headers = {
  ifMatch: 'if-match',
  etag: 'etag',
  idempotencyKey: 'idempotency-key',
  lastEventId: 'last-event-id',
  /** The PC's name on a settings save, for the change history (see core/schemas/history.ts). */
  changedBy: 'x-changed-by',
} as const;

/** A settings version as an entity tag, and back (weak tags and lists are not used by our clients). */
export const versionTag = (version: number): string => `"${version}"`;
export function parseVersionTag(value: string | undefined | null): number | null {
  const match = /^\s*(?:W\/)?"(\d{1,15})"\s*$/.exec(value ?? '');
  return match ? Number(match[1]) : null;
}

/** Server-Sent Event names on /v1/clinics/:id/events and what each carries. */
export type ClinicEvent =
  | { type: 'settings'; data: SettingsResponse }
  | { type: 'presence'; data: PresenceResponse }
  | { type: 'availability'; data: AvailabilityResponse };

