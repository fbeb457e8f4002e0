// evaluateAvailability: whether web chat accepts messages at an instant, and what the widget shows.
// Works on wall-clock minutes in the clinic's zone and turns only the few boundaries it needs into
// instants, so DST is handled in one place (zone-clock.ts) and one call costs microseconds.
import { rangeMinutes, weekdays } from './schedule-model.ts';
import type { Availability } from './schemas/http-api.ts';
import type { ChatSettings, Presence } from './schemas/schedule.ts';
import { DAY_MINUTES, MINUTE_MS, dayOfIsoDate, instantOfLocal, localDay, localMinuteAt, nextDateChange, transitionsBetween, weekdayIndexOfDay } from './zone-clock.ts';

export type { Availability };
type AvailabilityReason = Availability['reason'];

/** How far ahead openings and closings are looked for; a closing later than a year is reported as none. */
const HORIZON_DAYS = 366;
const YEAR_MINUTES = 365 * DAY_MINUTES;

type Span = { start: number; end: number };
type CompiledSchedule = {
  zone: string;
  /** Ranges of each weekday (0 = Monday) in minutes, sorted, empty for an unticked day. */
  week: Span[][];
  weekOpen: boolean[];
  closures: Map<number, Span[]>;
  /** Last day with special hours, for schedules with no weekly hours at all. */
  lastClosureDayWithHours: number;
};

const compiledCache = new WeakMap<ChatSettings, CompiledSchedule>();

function compile(settings: ChatSettings): CompiledSchedule {
  const cached = compiledCache.get(settings);
  if (cached) return cached;
  const spans = (ranges: ChatSettings['closures'][number]['ranges']): Span[] => ranges.map(rangeMinutes).sort((a, b) => a.start - b.start);
  const closures = new Map<number, Span[]>();
  let lastClosureDayWithHours = Number.NEGATIVE_INFINITY;
  for (const closure of settings.closures) {
    const day = dayOfIsoDate(closure.date);
    closures.set(day, spans(closure.ranges));
    if (closure.ranges.length > 0) lastClosureDayWithHours = Math.max(lastClosureDayWithHours, day);
  }
  const compiled: CompiledSchedule = {
    zone: settings.timezone,
    week: weekdays.map((day) => (settings.week[day].open ? spans(settings.week[day].ranges) : [])),
    weekOpen: weekdays.map((day) => settings.week[day].open),
    closures,
    lastClosureDayWithHours,
  };
  compiledCache.set(settings, compiled);
  return compiled;
}

function spansOfDay(schedule: CompiledSchedule, day: number): Span[] {
  return schedule.closures.get(day) ?? schedule.week[weekdayIndexOfDay(day)]!;
}

/**
 * Open intervals in epoch minutes, in order, for the ranges that start on days `fromDay`…`toDay`.
 * Touching or overlapping ranges are merged (a 24/7 clinic is one interval), also across a DST gap.
 */
function* mergedIntervals(schedule: CompiledSchedule, fromDay: number, toDay: number): Generator<Span> {
  const weeklyHours = schedule.week.some((ranges) => ranges.length > 0);
  const lastDay = weeklyHours ? toDay : Math.min(toDay, schedule.lastClosureDayWithHours);
  let current: Span | null = null;
  for (let day = fromDay; day <= lastDay; day++) {
    for (const span of spansOfDay(schedule, day)) {
      const start = instantOfLocal(schedule.zone, day * DAY_MINUTES + span.start);
      const end = instantOfLocal(schedule.zone, day * DAY_MINUTES + span.end);
      if (end <= start) continue; // a range entirely inside a DST gap never happens
      if (current && start <= current.end) {
        current.end = Math.max(current.end, end);
      } else {
        if (current) yield current;
        current = { start, end };
      }
    }
  }
  if (current) yield current;
}

/** The first open interval that ends after `atMinute` (epoch minutes, may be fractional). */
function intervalAround(schedule: CompiledSchedule, atMinute: number): Span | null {
  // A range lasts at most 24 h, so none that starts before yesterday reaches today.
  const day = localDay(localMinuteAt(schedule.zone, Math.floor(atMinute)));
  for (const interval of mergedIntervals(schedule, day - 1, day + HORIZON_DAYS)) {
    if (interval.end > atMinute) return interval;
  }
  return null;
}

const iso = (epochMinute: number): string => new Date(epochMinute * MINUTE_MS).toISOString();

/** Whether the hours are open at an instant, whatever the switch says. */
export function isWithinHours(settings: ChatSettings, at: Date): boolean {
  const atMinute = at.getTime() / MINUTE_MS;
  const interval = intervalAround(compile(settings), atMinute);
  return interval !== null && interval.start <= atMinute;
}

/** Offline by the switch at this instant: a timed break that has passed counts as online. */
export function isSwitchedOff(presence: Presence, at: Date): boolean {
  return !presence.online && (presence.offlineUntil === null || Date.parse(presence.offlineUntil) > at.getTime());
}

export function evaluateAvailability(settings: ChatSettings, presence: Presence, at: Date): Availability {
  const schedule = compile(settings);
  const atMinute = at.getTime() / MINUTE_MS;
  const interval = intervalAround(schedule, atMinute);
  const inHours = interval !== null && interval.start <= atMinute;
  const switchedOff = isSwitchedOff(presence, at);
  const channels = { sms: settings.channels.sms !== null, whatsapp: settings.channels.whatsapp !== null };
  const otherChannel = channels.sms || channels.whatsapp;

  if (inHours && !switchedOff) {
    const closesAt = interval.end - atMinute > YEAR_MINUTES ? null : iso(interval.end);
    return { accepting: true, reason: 'open', widget: 'chat', opensAt: null, closesAt, channels, reachable: true, emergency: null };
  }

  const reason = inHours ? 'offline' : reasonOutsideHours(schedule, atMinute, switchedOff);
  let opensAt: string | null;
  if (switchedOff) {
    opensAt = presence.offlineUntil === null ? null : firstOpenInstant(schedule, Date.parse(presence.offlineUntil));
  } else {
    opensAt = interval === null ? null : iso(interval.start);
  }
  return {
    accepting: false,
    reason,
    widget: reason === 'closure' || reason === 'day-off' ? 'disabled' : 'banner',
    opensAt,
    closesAt: null,
    channels,
    reachable: otherChannel,
    emergency: settings.emergency,
  };
}

/** Outside every range: closure > day-off > offline > outside-hours, judged on the local date. */
function reasonOutsideHours(schedule: CompiledSchedule, atMinute: number, switchedOff: boolean): AvailabilityReason {
  const day = localDay(localMinuteAt(schedule.zone, Math.floor(atMinute)));
  const closure = schedule.closures.get(day);
  if (closure !== undefined && closure.length === 0) return 'closure';
  if (closure === undefined && !schedule.weekOpen[weekdayIndexOfDay(day)]) return 'day-off';
  return switchedOff ? 'offline' : 'outside-hours';
}

/** The first instant at or after `epochMs` inside the hours, as ISO; null if none within the horizon. */
function firstOpenInstant(schedule: CompiledSchedule, epochMs: number): string | null {
  const interval = intervalAround(schedule, epochMs / MINUTE_MS);
  if (interval === null) return null;
  // Given instants are returned as milliseconds: (ms / 60_000) * 60_000 can come back a millisecond short.
  return interval.start * MINUTE_MS <= epochMs ? new Date(epochMs).toISOString() : iso(interval.start);
}

/**
 * The next instant at which evaluateAvailability may answer differently with nothing changed: an
 * opening or closing, the moment a closing more than a year away comes within the year (closesAt
 * turns from null to that instant), the end of a timed break, or the next change of the local date (the
 * reason and widget can change with it). Timers and caches use it; it is never later than the true change.
 */
export function nextAvailabilityChange(settings: ChatSettings, presence: Presence, at: Date): Date {
  const schedule = compile(settings);
  const atMinute = at.getTime() / MINUTE_MS;
  // Whole minutes, but a break's end to the millisecond: compared and returned in milliseconds.
  const minutes = [nextDateChange(schedule.zone, atMinute)];
  const interval = intervalAround(schedule, atMinute);
  if (interval && interval.start > atMinute) minutes.push(interval.start);
  else if (interval) minutes.push(interval.end, interval.end - YEAR_MINUTES);
  const candidates = minutes.map((minute) => minute * MINUTE_MS);
  if (isSwitchedOff(presence, at) && presence.offlineUntil !== null) candidates.push(Date.parse(presence.offlineUntil));
  return new Date(Math.min(...candidates.filter((instant) => instant > at.getTime())));
}

export type OpenInterval = { start: string; end: string };

/**
 * When the hours are open between two instants (presence not considered), clipped to [from, to).
 * Used by the two-week preview to draw the draft before it is saved.
 */
export function openIntervals(settings: ChatSettings, from: Date, to: Date): OpenInterval[] {
  const schedule = compile(settings);
  const fromMinute = from.getTime() / MINUTE_MS;
  const toMinute = to.getTime() / MINUTE_MS;
  const firstDay = localDay(localMinuteAt(schedule.zone, Math.floor(fromMinute))) - 1;
  const lastDay = localDay(localMinuteAt(schedule.zone, Math.ceil(toMinute))) + 1;
  const result: OpenInterval[] = [];
  for (const interval of mergedIntervals(schedule, firstDay, lastDay)) {
    if (interval.start >= toMinute) break;
    if (interval.end <= fromMinute) continue;
    const start = Math.max(interval.start * MINUTE_MS, from.getTime());
    const end = Math.min(interval.end * MINUTE_MS, to.getTime());
    result.push({ start: new Date(start).toISOString(), end: new Date(end).toISOString() });
  }
  return result;
}

export type ClockChange = { at: string; offsetBefore: number; offsetAfter: number; forward: boolean };

/** Daylight-saving (and other offset) changes in a zone between two instants, for the preview. */
export function clockChanges(timezone: string, from: Date, to: Date): ClockChange[] {
  return transitionsBetween(timezone, Math.floor(from.getTime() / MINUTE_MS), Math.ceil(to.getTime() / MINUTE_MS)).map((change) => ({
    at: iso(change.at),
    offsetBefore: change.before,
    offsetAfter: change.after,
    forward: change.after > change.before,
  }));
}
