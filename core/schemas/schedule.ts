// The schedule's one definition: zod schemas, the types inferred from them, and parseSettings. Used by
// the app, the server and the widget (which imports only the types).
import { z } from 'zod';
import { MAX_CLOSURES, MAX_LABEL_LENGTH, MAX_PC_NAME_LENGTH, MAX_RANGES_PER_DAY, capitalize, clockTimePattern, normalizePhone, rangeMinutes, weekdays } from '../schedule-model.ts';
import { dayOfIsoDate, isValidTimeZone, isoDateOfDay } from '../zone-clock.ts';


// ---- Schemas (messages a front-desk person can act on) ----

const startTimeSchema = z
  .string({ error: 'Enter a start time' })
  .regex(clockTimePattern, { error: (issue) => (issue.input === '24:00' ? '24:00 can only end a range; start at 00:00 instead' : 'Enter a time as HH:mm, for example 09:00') });
const endTimeSchema = z
  .string({ error: 'Enter an end time' })
  .refine((value) => value === '24:00' || clockTimePattern.test(value), 'Enter a time as HH:mm, for example 18:00 (24:00 for midnight)');

export const timeRangeSchema = z.strictObject({ start: startTimeSchema, end: endTimeSchema });

const rangesSchema = z.array(timeRangeSchema).max(MAX_RANGES_PER_DAY, `At most ${MAX_RANGES_PER_DAY} time ranges a day`);

export const dayHoursSchema = z.strictObject({ open: z.boolean({ error: 'Tick or untick the day' }), ranges: rangesSchema });

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const dateSchema = z
  .string({ error: 'Enter a date' })
  .refine((value) => isoDate.test(value) && isoDateOfDay(dayOfIsoDate(value)) === value, 'Enter a real date as YYYY-MM-DD');

export const closureSchema = z.strictObject({
  date: dateSchema,
  ranges: rangesSchema,
  label: z.string().trim().max(MAX_LABEL_LENGTH, `Keep the label under ${MAX_LABEL_LENGTH} characters`).optional(),
});

const e164 = /^\+[1-9]\d{6,14}$/;


const phoneSchema = z
  .string()
  .transform(normalizePhone)
  .refine((value) => e164.test(value), 'Enter the number in international format, for example +44 7700 900123');

const optionalPhoneSchema = z
  .union([z.null(), z.string()])
  .transform((value) => (value === null || value.trim() === '' ? null : value))
  .pipe(z.union([z.null(), phoneSchema]));

export const channelsSchema = z.strictObject({ sms: optionalPhoneSchema, whatsapp: optionalPhoneSchema });

export const emergencyContactSchema = z.strictObject({
  phone: phoneSchema,
  label: z
    .string()
    .trim()
    .min(1, 'Say who owners will reach, for example "Out-of-hours emergencies: Riverside 24h Vets"')
    .max(MAX_LABEL_LENGTH, `Keep the label under ${MAX_LABEL_LENGTH} characters`),
});

export const timezoneSchema = z
  .string({ error: 'Choose the clinic’s time zone' })
  .refine(isValidTimeZone, 'Choose a time zone from the list, for example Europe/London');

const weekSchema = z.strictObject(Object.fromEntries(weekdays.map((day) => [day, dayHoursSchema])) as Record<Weekday, typeof dayHoursSchema>);

/** The stored shape, without the cross-field rules (use parseSettings for input). */
export const chatSettingsSchema = z.strictObject({
  timezone: timezoneSchema,
  week: weekSchema,
  closures: z.array(closureSchema).max(MAX_CLOSURES, `At most ${MAX_CLOSURES} closures`),
  channels: channelsSchema,
  // Settings saved before the emergency contact existed have no such key.
  emergency: z.union([z.null(), emergencyContactSchema]).default(null),
});

/** An instant as ISO 8601 with an offset; JSON-friendly, so the same shape crosses IPC and HTTP. */
export const isoInstantSchema = z.iso.datetime({ offset: true, error: 'Enter an instant as ISO 8601, for example 2026-11-25T14:30:00Z' });

export const presenceSchema = z.strictObject({
  online: z.boolean(),
  offlineUntil: isoInstantSchema.nullable(),
  changedAt: isoInstantSchema,
  changedBy: z.string().max(MAX_PC_NAME_LENGTH).nullable(),
});

export type TimeRange = z.infer<typeof timeRangeSchema>;
export type DayHours = z.infer<typeof dayHoursSchema>;
export type Closure = z.infer<typeof closureSchema>;
export type Channels = z.infer<typeof channelsSchema>;
/** Shown to pet owners, above everything else, whenever web chat is not accepting. */
export type EmergencyContact = z.infer<typeof emergencyContactSchema>;
export type Weekday = (typeof weekdays)[number];
export type ChatSettings = z.infer<typeof chatSettingsSchema>;
export type Presence = z.infer<typeof presenceSchema>;

// ---- Field errors and parseSettings ----

/** What every validation error carries, so a UI can show the message beside the field at `path` ('week.monday.ranges.0.end'). */
export type FieldError = { path: string; message: string };
export type ParseResult = { ok: true; value: ChatSettings } | { ok: false; errors: FieldError[] };

/** zod issues as `{ path, message }` field errors: the one conversion the app, the server and the CLI use. */
export function fieldErrorsFromIssues(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** Validates and normalises settings from anywhere (UI draft, HTTP body, stored file). */
export function parseSettings(input: unknown): ParseResult {
  const parsed = chatSettingsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrorsFromIssues(parsed.error.issues) };
  const value = parsed.data;
  const errors = [...scheduleErrors(value)];
  return errors.length === 0 ? { ok: true, value } : { ok: false, errors };
}

function* scheduleErrors(settings: ChatSettings): Generator<FieldError> {
  for (const day of weekdays) {
    const hours = settings.week[day];
    if (hours.open && hours.ranges.length === 0) {
      yield { path: `week.${day}.ranges`, message: `Add opening hours for ${capitalize(day)}, or untick it` };
    }
    yield* overlapErrors(hours.ranges, `week.${day}.ranges`);
  }
  const firstIndexOfDate = new Map<string, number>();
  for (const [index, closure] of settings.closures.entries()) {
    if (firstIndexOfDate.has(closure.date)) {
      yield { path: `closures.${index}.date`, message: `${closure.date} is already in the list; edit that closure instead` };
    } else {
      firstIndexOfDate.set(closure.date, index);
    }
    yield* overlapErrors(closure.ranges, `closures.${index}.ranges`);
  }
}

function* overlapErrors(ranges: TimeRange[], path: string): Generator<FieldError> {
  const spans = ranges.map(rangeMinutes);
  for (let later = 1; later < spans.length; later++) {
    for (let earlier = 0; earlier < later; earlier++) {
      const a = spans[earlier]!;
      const b = spans[later]!;
      if (a.start < b.end && b.start < a.end) {
        const other = ranges[earlier]!;
        yield { path: `${path}.${later}.start`, message: `Overlaps ${other.start}–${other.end}; the hours of one day must not overlap` };
        break;
      }
    }
  }
}
