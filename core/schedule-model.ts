// The schedule's defaults and time arithmetic, without zod, so the staff UI's first load and the
// website widget can use them; the types come from the schemas (core/schemas/schedule.ts).
import type { ChatSettings, DayHours, Presence, TimeRange, Weekday } from './schemas/schedule.ts';
import { DAY_MINUTES, dayOfIsoDate, isoDateOfDay, weekdayIndexOfDay } from './zone-clock.ts';

export const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
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

/** A wall-clock time 'HH:mm' from 00:00 to 23:59 (24:00 is handled where it is allowed). */
export const clockTimePattern = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of 'HH:mm'; '24:00' is 1440 (only meaningful as an end). */
export function minutesOfTime(time: string): number {
  if (time === '24:00') return DAY_MINUTES;
  const match = clockTimePattern.exec(time);
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

/**
 * The end ('HH:mm') of the range that runs past midnight into `date` from the day before. It belongs
 * to that day, so chat is open early on `date` whatever `date` itself says (even a closure); null if none.
 */
export function nightBeforeEnd(settings: Pick<ChatSettings, 'week' | 'closures'>, date: string): string | null {
  const dayBefore = dayOfIsoDate(date) - 1;
  const closure = settings.closures.find((candidate) => candidate.date === isoDateOfDay(dayBefore));
  const weekly = settings.week[weekdays[weekdayIndexOfDay(dayBefore)]!];
  const ranges = closure ? closure.ranges : weekly.open ? weekly.ranges : [];
  return ranges.find(runsPastMidnight)?.end ?? null;
}

/** Staff type numbers as they read them ("+44 7700 900123"); stored as E.164 ("+447700900123"). */
export function normalizePhone(input: string): string {
  return input.replace(/[\s().-]/g, '');
}

export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
