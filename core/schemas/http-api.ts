// The HTTP contract between the desktop app, the server and the website widget, written once: the
// server declares these schemas on its routes, the app checks the answers with them, and
// docs/http-api.md is generated from them.
import { z } from 'zod';
import { MAX_MESSAGE_LENGTH, MAX_OWNER_NAME_LENGTH } from '../http-paths.ts';
import { MAX_PC_NAME_LENGTH } from '../schedule-model.ts';
import { chatSettingsSchema, emergencyContactSchema, isoInstantSchema, parseSettings, presenceSchema, timezoneSchema } from './schedule.ts';

export const MAX_CLINIC_NAME_LENGTH = 120;

// ---- What clients send ----

export const createClinicRequestSchema = z.strictObject({
  name: z.string({ error: 'Give the clinic a name' }).trim().min(1, 'Give the clinic a name').max(MAX_CLINIC_NAME_LENGTH),
  timezone: timezoneSchema,
});
export type CreateClinicRequest = z.infer<typeof createClinicRequestSchema>;

/** A save's body: the stored shape, then the rules across fields (a ticked day has hours, no overlaps). */
export const settingsRequestSchema = chatSettingsSchema.superRefine((settings, context) => {
  const parsed = parseSettings(settings);
  if (!parsed.ok) for (const { path, message } of parsed.errors) context.addIssue({ code: 'custom', path: path.split('.'), message });
});

export const presenceUpdateSchema = z
  .strictObject({
    online: z.boolean({ error: 'Say whether chat is online (true) or offline (false)' }),
    offlineUntil: isoInstantSchema.nullable().optional().describe('The end of a timed break'),
    changedBy: z.string().trim().min(1).max(MAX_PC_NAME_LENGTH).nullable().optional().describe('The PC’s name, for the change history'),
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

// ---- Headers ----

/** Header names as Node reports them (lowercase). */
export const headers = {
  ifMatch: 'if-match',
  ifNoneMatch: 'if-none-match',
  etag: 'etag',
  idempotencyKey: 'idempotency-key',
  lastEventId: 'last-event-id',
  changedBy: 'x-changed-by',
} as const;

/** A settings version as an entity tag ("3"); weak tags are read too. */
export const versionTag = (version: number): string => `"${version}"`;
export const versionTagSchema = z
  .string()
  .regex(/^\s*(?:W\/)?"\d{1,15}"\s*$/, 'Send a settings version as an entity tag, for example "3" (the ETag of GET /settings)')
  .transform((tag) => Number(/\d+/.exec(tag)![0]))
  .describe('A settings version as an entity tag, for example "3"');

export const idempotencyKeySchema = z
  .string()
  .regex(/^[\x21-\x7e]{1,200}$/, 'Idempotency-Key must be 1 to 200 visible ASCII characters, for example a UUID')
  .describe('A new one for each change, kept for retries (1 to 200 visible ASCII characters)');

/** Where a reconnecting event stream left off; anything else starts a new stream. */
export const lastEventIdSchema = z
  .string()
  .regex(/^\s*\d{1,15}\s*$/)
  .transform(Number)
  .optional()
  .catch(undefined)
  .describe('The id of the last event received: the stream resumes after it');

// ---- Answers ----

export const availabilitySchema = z.object({
  accepting: z.boolean().describe('Web chat accepts messages right now'),
  reason: z.enum(['open', 'offline', 'outside-hours', 'day-off', 'closure']),
  widget: z.enum(['chat', 'banner', 'disabled']).describe('What the website widget shows'),
  opensAt: isoInstantSchema.nullable().describe('When web chat next accepts if nothing changes; null while accepting, or if none'),
  closesAt: isoInstantSchema.nullable().describe('While accepting: when it next stops; null if not within a year'),
  channels: z.object({ sms: z.boolean(), whatsapp: z.boolean() }),
  reachable: z.boolean().describe('Accepting, or SMS / WhatsApp configured'),
  emergency: emergencyContactSchema.nullable().describe('The clinic’s emergency line, whenever web chat is not accepting'),
});
export type Availability = z.infer<typeof availabilitySchema>;

/** What the widget needs besides: the clinic's name and zone to word it, the numbers to link. */
export const availabilityResponseSchema = availabilitySchema.extend({
  clinic: z.object({ name: z.string(), timezone: timezoneSchema }),
  contact: z.object({ sms: z.string().nullable(), whatsapp: z.string().nullable() }),
});
export type AvailabilityResponse = z.infer<typeof availabilityResponseSchema>;

export const settingsResponseSchema = z.object({ settings: chatSettingsSchema, version: z.int().min(1) });
export type SettingsResponse = z.infer<typeof settingsResponseSchema>;
export const presenceResponseSchema = z.object({ presence: presenceSchema });
export type PresenceResponse = z.infer<typeof presenceResponseSchema>;
export const clinicResponseSchema = z.object({ clinic: z.object({ id: z.string(), name: z.string() }) });
export type ClinicResponse = z.infer<typeof clinicResponseSchema>;
export const createClinicResponseSchema = z.object({ clinicId: z.string(), token: z.string().describe('Shown this once; stored only as a hash') });
export type CreateClinicResponse = z.infer<typeof createClinicResponseSchema>;
export const messageAcceptedSchema = z.object({ messageId: z.string(), receivedAt: isoInstantSchema });
export type MessageAccepted = z.infer<typeof messageAcceptedSchema>;
export const healthSchema = z.object({ status: z.literal('ok') });
export const notModifiedSchema = z.undefined().describe('Not Modified: If-None-Match holds the current ETag');

export const errorCodes = [
  'bad_request',
  'invalid_json',
  'invalid_settings',
  'unauthorized',
  'forbidden',
  'not_found',
  'precondition_required',
  'precondition_failed',
  'idempotency_key_reused',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'chat_closed',
  'admin_disabled',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional().describe('What is wrong, field by field'),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
export const staleSettingsBodySchema = errorBodySchema.extend({ current: settingsResponseSchema.describe('The settings saved first') });
export type StaleSettingsBody = z.infer<typeof staleSettingsBodySchema>;
export const chatClosedBodySchema = errorBodySchema.extend({ availability: availabilitySchema });
export type ChatClosedBody = z.infer<typeof chatClosedBodySchema>;

/** The events of GET /v1/clinics/:id/events; `data` is the JSON of the matching REST answer. */
export const clinicEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('settings'), data: settingsResponseSchema }),
  z.object({ type: z.literal('presence'), data: presenceResponseSchema }),
  z.object({ type: z.literal('availability'), data: availabilityResponseSchema }),
]);
export type ClinicEvent = z.infer<typeof clinicEventSchema>;
