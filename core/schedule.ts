// The schedule model: types, zod schemas, defaults and parseSettings. One definition, used by the
// app, the server and the widget; everything else (ranges in minutes, the two-week preview) derives
// from it.
import { z } from 'zod';
import { DAY_MINUTES, dayOfIsoDate, isValidTimeZone, isoDateOfDay } from './zone-clock.ts';

export const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof weekdays)[number];

export interface TimeRange {
  start: string;
  end: string;
}
export interface DayHours {
  open: boolean;
  ranges: TimeRange[];
}
export interface Closure {
  date: string;
  ranges: TimeRange[];
  label?: string;
}
export interface Channels {
  sms: string | null;
  whatsapp: string | null;
}
/** Shown to pet owners, above everything else, whenever web chat is not accepting. */
export interface EmergencyContact {
  phone: string;
  label: string;
}
export interface ChatSettings {
  timezone: string;
  week: Record<Weekday, DayHours>;
  closures: Closure[];
  channels: Channels;
  emergency: EmergencyContact | null;
}
export interface Presence {
  online: boolean;
  offlineUntil: string | null;
  changedAt: string;
  changedBy: string | null;
}

export const DEFAULT_START = '09:00';
export const DEFAULT_END = '18:00';
export const MAX_RANGES_PER_DAY = 12;
export const MAX_CLOSURES = 500;
export const MAX_LABEL_LENGTH = 80;
export const MAX_PC_NAME_LENGTH = 64;

/** The help article's default state: every day ticked, 09:00–18:00, nothing else. */
export function defaultSettings(timezone: string): ChatSettings {
  const day = (): DayHours => ({ open: true, ranges: [{ start: DEFAULT_START, end: DEFAULT_END }] });
  return {
    timezone,
    week: Object.fromEntries(weekdays.map((weekday) => [weekday, day()])) as Record<Weekday, DayHours>,
    closures: [],
    channels: { sms: null, whatsapp: null },
    emergency: null,
  };
}

/** A clinic starts online: the switch is a way to step away, not a gate to open. */
export function defaultPresence(now: Date, changedBy: string | null = null): Presence {
  return { online: true, offlineUntil: null, changedAt: now.toISOString(), changedBy };
}

// ---- Times ----

const clockTime = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of 'HH:mm'; '24:00' is 1440 (only meaningful as an end). */
export function minutesOfTime(time: string): number {
  if (time === '24:00') return DAY_MINUTES;
  const match = clockTime.exec(time);
  if (!match) throw new RangeError(`Not a time: ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * A range as minutes after the midnight that starts its day. An end at or before the start runs past
 * midnight, so it is pushed into the next day; '24:00' ends at that midnight.
 */
export function rangeMinutes(range: TimeRange): { start: number; end: number } {
  const start = minutesOfTime(range.start);
  const end = minutesOfTime(range.end);
  return { start, end: end > start ? end : end + DAY_MINUTES };
}

export function runsPastMidnight(range: TimeRange): boolean {
  return rangeMinutes(range).end > DAY_MINUTES;
}

// ---- Schemas (messages a front-desk person can act on) ----

const startTimeSchema = z
  .string({ error: 'Enter a start time' })
  .regex(clockTime, { error: (issue) => (issue.input === '24:00' ? '24:00 can only end a range; start at 00:00 instead' : 'Enter a time as HH:mm, for example 09:00') });
const endTimeSchema = z
  .string({ error: 'Enter an end time' })
  .refine((value) => value === '24:00' || clockTime.test(value), 'Enter a time as HH:mm, for example 18:00 (24:00 for midnight)');

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

/** Staff type numbers as they read them ("+44 7700 900123"); stored as E.164 ("+447700900123"). */
export function normalizePhone(input: string): string {
  return input.replace(/[\s().-]/g, '');
}

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

export const isoInstantSchema = z.iso.datetime({ offset: true, error: 'Enter an instant as ISO 8601, for example 2026-11-25T14:30:00Z' });

export const presenceSchema = z.strictObject({
  online: z.boolean(),
  offlineUntil: isoInstantSchema.nullable(),
  changedAt: isoInstantSchema,
  changedBy: z.string().max(MAX_PC_NAME_LENGTH).nullable(),
});

// ---- parseSettings ----

export type FieldError = { path: string; message: string };
export type ParseResult = { ok: true; value: ChatSettings } | { ok: false; errors: FieldError[] };

/** Validates and normalises settings from anywhere (UI draft, HTTP body, stored file). */
export function parseSettings(input: unknown): ParseResult {
  const parsed = chatSettingsSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })) };
  }
  const value = parsed.data as ChatSettings;
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

export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
