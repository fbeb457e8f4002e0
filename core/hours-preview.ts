// The two-week preview under the Business Hours grid (issue 7): for each day on the clinic's calendar,
// when web chat will accept messages with the settings as edited, which days are closures, and any
// change of the clocks. Computed from openIntervals, so it can never disagree with evaluateAvailability.
import { clockChanges, openIntervals } from './availability.ts';
import type { ClockChange } from './availability.ts';
import type { ChatSettings, Weekday } from './schemas/schedule.ts';
import { weekdays } from './schedule-model.ts';
import { DAY_MINUTES, MINUTE_MS, instantOfLocal, isoDateOfDay, localDay, localMinuteAt, weekdayIndexOfDay } from './zone-clock.ts';

export type PreviewSegment = {
  start: string;
  end: string;
  /** Position within the day as fractions of its real length (23 or 25 hours on DST days). */
  from: number;
  to: number;
};

export type PreviewDay = {
  date: string;
  weekday: Weekday;
  /**
   * The closure on this date, if any: `allDay` when it has no hours, else special hours apply. An
   * all-day closure still opens its morning when a range of the day before runs past midnight into
   * it: `closedFrom` is then when that range ends (ISO), else null.
   */
  closure: { label: string | null; allDay: boolean; closedFrom: string | null } | null;
  /** The weekday is unticked (and no closure gives it hours). */
  dayOff: boolean;
  segments: PreviewSegment[];
  clockChange: ClockChange | null;
};

export function hoursPreview(settings: ChatSettings, from: Date, days = 14): PreviewDay[] {
  const zone = settings.timezone;
  const firstDay = localDay(localMinuteAt(zone, Math.floor(from.getTime() / MINUTE_MS)));
  const closures = new Map(settings.closures.map((closure) => [closure.date, closure]));
  const result: PreviewDay[] = [];
  for (let day = firstDay; day < firstDay + days; day++) {
    const start = instantOfLocal(zone, day * DAY_MINUTES);
    const end = instantOfLocal(zone, (day + 1) * DAY_MINUTES);
    const length = end - start;
    const dayStart = new Date(start * MINUTE_MS);
    const dayEnd = new Date(end * MINUTE_MS);
    const date = isoDateOfDay(day);
    const weekday = weekdays[weekdayIndexOfDay(day)]!;
    const closure = closures.get(date);
    const segments = openIntervals(settings, dayStart, dayEnd).map((interval) => ({
      ...interval,
      from: (Date.parse(interval.start) / MINUTE_MS - start) / length,
      to: (Date.parse(interval.end) / MINUTE_MS - start) / length,
    }));
    const allDay = closure !== undefined && closure.ranges.length === 0;
    result.push({
      date,
      weekday,
      // An all-day closure's only open hours are the night before's, so they end when it closes.
      closure: closure ? { label: closure.label ?? null, allDay, closedFrom: allDay ? (segments.at(-1)?.end ?? null) : null } : null,
      dayOff: !closure && !settings.week[weekday].open,
      segments,
      clockChange: clockChanges(zone, dayStart, dayEnd)[0] ?? null,
    });
  }
  return result;
}

