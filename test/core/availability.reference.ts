// A slow, obviously-correct reference for core's availability rules: it walks the clock minute by
// minute and takes each minute's wall-clock time from Intl (not luxon, not core's zone table), then
// applies the rules literally. A wall-clock time W is "reached" at the first minute whose local time is
// at or after W — so a time in a DST gap is reached right after the gap, and a repeated time at its
// first occurrence.
import { weekdays } from '../../core/schedule-model.ts';
import type { ChatSettings, Presence, TimeRange } from '../../core/schemas/schedule.ts';

export const MINUTE = 60_000;
export const DAY = 1_440;

export type ReferenceAnswer = {
  accepting: boolean;
  reason: string;
  widget: string;
  /** Epoch ms, null for "none", or 'beyond' when it lies past the walked window. */
  opensAt: number | null | 'beyond';
  closesAt: number | null | 'beyond';
  /** The last minute walked (epoch ms): 'beyond' means "nothing up to and including this minute". */
  walkedTo: number;
};

const READ_EVERY = 15;
const DATE_TIME = /^(\d+)\/(\d+)\/(\d+), (\d+):(\d+)$/;

/** Local wall-clock minutes since 1970-01-01 00:00 local ("local epoch minutes") of an epoch ms, by Intl. */
export function localMinutesOf(zone: string): (epochMs: number) => number {
  const format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
  return (epochMs: number): number => {
    const [, month, day, year, hour, minute] = DATE_TIME.exec(format.format(epochMs))!.map(Number);
    return Date.UTC(year!, month! - 1, day!, hour!, minute!) / MINUTE;
  };
}

const minutesOf = (time: string): number => (time === '24:00' ? DAY : Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)));
export const isoDateOf = (day: number): string => new Date(day * DAY * MINUTE).toISOString().slice(0, 10);
export const weekdayOf = (day: number) => weekdays[(((day + 3) % 7) + 7) % 7]!;

/** The ranges in force on a local day (days since 1970-01-01): the closure's, else the ticked weekday's. */
export function rangesOn(settings: ChatSettings, day: number): TimeRange[] {
  const closure = settings.closures.find((candidate) => candidate.date === isoDateOf(day));
  if (closure) return closure.ranges;
  const hours = settings.week[weekdayOf(day)];
  return hours.open ? hours.ranges : [];
}

/**
 * The hours over the minutes first … first + count - 1 (epoch minutes). Ranges are taken from two days
 * before the walk, so the walk should start a day or two before the first minute that is asked about.
 */
export function referenceHours(settings: ChatSettings, first: number, count: number) {
  const read = localMinutesOf(settings.timezone);
  // Intl is read every 15 minutes: where two readings are 15 minutes apart the clocks ran evenly in
  // between (no zone changes its offset twice within 15 minutes); elsewhere every minute is read.
  const readings: number[] = [read(first * MINUTE)];
  for (let i = 0; i + 1 < count; i += READ_EVERY) {
    const next = Math.min(i + READ_EVERY, count - 1);
    readings[next] = read((first + next) * MINUTE);
    const even = readings[next]! - readings[i]! === next - i;
    for (let k = i + 1; k < next; k++) readings[k] = even ? readings[i]! + (k - i) : read((first + k) * MINUTE);
  }
  const runningMax: number[] = [];
  for (let i = 0; i < count; i++) runningMax.push(Math.max(readings[i]!, i > 0 ? runningMax[i - 1]! : Number.NEGATIVE_INFINITY));
  /** The local time of an epoch ms: Intl reads whole minutes, so a walked minute's reading serves. */
  const local = (epochMs: number): number => readings[Math.floor(epochMs / MINUTE) - first] ?? read(epochMs);
  /** First walked minute whose local time is at or after `wall` (local epoch minutes), or Infinity. */
  const reached = (wall: number): number => {
    let low = 0;
    let high = count;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (runningMax[middle]! >= wall) high = middle;
      else low = middle + 1;
    }
    return low < count ? first + low : Number.POSITIVE_INFINITY;
  };
  const intervals: [number, number][] = [];
  const firstDay = Math.floor(local(first * MINUTE) / DAY) - 2;
  const lastDay = Math.floor(local((first + count) * MINUTE) / DAY) + 1;
  for (let day = firstDay; day <= lastDay; day++) {
    for (const range of rangesOn(settings, day)) {
      const start = minutesOf(range.start);
      const end = minutesOf(range.end);
      intervals.push([reached(day * DAY + start), reached(day * DAY + (end > start ? end : end + DAY))]);
    }
  }
  const lastMinute = first + count - 1;
  const openAt = (minute: number): boolean => intervals.some(([start, end]) => start <= minute && minute < end);
  /** The first walked minute from `from` on that is open (or closed), as epoch ms; 'beyond' if none. */
  const firstMinuteFrom = (from: number, wantOpen: boolean): number | 'beyond' => {
    for (let minute = from; minute <= lastMinute; minute++) if (openAt(minute) === wantOpen) return minute * MINUTE;
    return 'beyond';
  };
  return { local, reached, openAt, firstMinuteFrom, lastMinute };
}

export function referenceAvailability(settings: ChatSettings, presence: Presence, at: Date, windowDays: { before: number; after: number }): ReferenceAnswer {
  const atMs = at.getTime();
  const atMinute = Math.floor(atMs / MINUTE);
  const hours = referenceHours(settings, atMinute - windowDays.before * DAY, (windowDays.before + windowDays.after) * DAY);
  const { openAt, firstMinuteFrom } = hours;
  const walkedTo = hours.lastMinute * MINUTE;
  const switchedOff = !presence.online && (presence.offlineUntil === null || Date.parse(presence.offlineUntil) > atMs);

  if (openAt(atMinute) && !switchedOff) {
    return { accepting: true, reason: 'open', widget: 'chat', opensAt: null, closesAt: firstMinuteFrom(atMinute + 1, false), walkedTo };
  }
  let reason: string;
  if (openAt(atMinute)) reason = 'offline';
  else {
    const today = Math.floor(hours.local(atMs) / DAY);
    const closure = settings.closures.find((candidate) => candidate.date === isoDateOf(today));
    if (closure !== undefined && closure.ranges.length === 0) reason = 'closure';
    else if (closure === undefined && !settings.week[weekdayOf(today)].open) reason = 'day-off';
    else reason = switchedOff ? 'offline' : 'outside-hours';
  }
  let opensAt: number | null | 'beyond';
  if (switchedOff && presence.offlineUntil === null) opensAt = null;
  else if (switchedOff) {
    const until = Date.parse(presence.offlineUntil!);
    const untilMinute = Math.floor(until / MINUTE);
    if (untilMinute > hours.lastMinute) opensAt = 'beyond';
    else opensAt = openAt(untilMinute) ? until : firstMinuteFrom(untilMinute + 1, true);
  } else opensAt = firstMinuteFrom(atMinute + 1, true);
  return { accepting: false, reason, widget: reason === 'closure' || reason === 'day-off' ? 'disabled' : 'banner', opensAt, closesAt: null, walkedTo };
}
