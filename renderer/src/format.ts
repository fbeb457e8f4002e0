// Dates and times as this PC's locale writes them (12- or 24-hour clock), through core's wording
// helpers, so the window and the tray say "18:00" or "6:00 PM" the same way.
import { clockTime } from '../../core/wording.ts';
import { runsPastMidnight } from '../../core/schedule-model.ts';
import type { DayHours, TimeRange } from '../../core/schemas/schedule.ts';
import type { WordingOptions } from '../../core/wording.ts';

export function uiLocale(): string {
  return navigator.language || 'en-GB';
}

export function wordingOptions(timezone: string, now: Date): WordingOptions {
  return { timezone, now, locale: uiLocale() };
}

const wallTimePattern = /^(\d{2}):(\d{2})$/;

/** A wall-clock "HH:mm" in the locale's style; anything unparsable is shown as typed. */
export function wallTime(time: string): string {
  const match = wallTimePattern.exec(time);
  if (!match) return time;
  // A wall time has no zone: format an instant at that time in UTC, on UTC's clock.
  const instant = new Date(Date.UTC(2000, 0, 1, Number(match[1]), Number(match[2])));
  return clockTime(instant, wordingOptions('UTC', instant));
}

/** Whether the range ends after midnight; false while its times are still being typed. */
export function endsNextDay(range: TimeRange): boolean {
  try {
    return runsPastMidnight(range);
  } catch {
    return false;
  }
}

function rangeText(range: TimeRange): string {
  return `${wallTime(range.start)}–${wallTime(range.end)}${endsNextDay(range) ? ' (ends next day)' : ''}`;
}

export function dayHoursText(hours: DayHours): string {
  if (!hours.open) return 'Closed all day';
  if (hours.ranges.length === 0) return 'No hours set';
  return hours.ranges.map(rangeText).join(', ');
}

/**
 * "Fri 25 Dec 2026" for a calendar date "2026-12-25" (no zone: a date is the same everywhere); "Fri 25
 * Dec" without the year where the context gives it (the two-week preview).
 */
export function dateText(isoDate: string, options: { withYear: boolean } = { withYear: true }): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  const year = options.withYear ? ({ year: 'numeric' } as const) : {};
  return new Intl.DateTimeFormat(uiLocale(), { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', ...year }).format(date);
}

/** Today's date "YYYY-MM-DD" on the clinic's calendar; UTC's while the zone field holds a half-typed zone. */
export function todayIn(timezone: string, now: Date): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/** The calendar date `days` after an ISO date. */
export function addDays(isoDate: string, days: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
