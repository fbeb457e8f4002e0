// A slow, obviously-correct reference for evaluateAvailability: it walks the clock minute by minute and
// reads each minute's wall-clock time from Intl (not luxon, not core's zone table), then applies the
// rules literally. A wall-clock time W is "reached" at the first minute whose local time is at or after
// W — so a time in a DST gap is reached right after the gap, and a repeated time at its first occurrence.
import { weekdays } from '../../core/index.ts';
import type { ChatSettings, Presence, TimeRange } from '../../core/index.ts';

const MINUTE = 60_000;
const DAY = 1_440;

export type ReferenceAnswer = {
  accepting: boolean;
  reason: string;
  widget: string;
  /** Epoch ms, null for "none", or 'beyond' when it lies past the walked window. */
  opensAt: number | null | 'beyond';
  closesAt: number | null | 'beyond';
};

function localMinutesOf(zone: string) {
  const format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
  return (epochMs: number): number => {
    const parts = Object.fromEntries(format.formatToParts(epochMs).map((p) => [p.type, p.value]));
    return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute)) / MINUTE;
  };
}

const minutesOf = (time: string): number => (time === '24:00' ? DAY : Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)));

export function referenceAvailability(settings: ChatSettings, presence: Presence, at: Date, windowDays: { before: number; after: number }): ReferenceAnswer {
  const local = localMinutesOf(settings.timezone);
  const atMs = at.getTime();
  const first = Math.floor(atMs / MINUTE) - windowDays.before * DAY;
  const count = (windowDays.before + windowDays.after) * DAY;
  const instants: number[] = [];
  const runningMax: number[] = [];
  for (let i = 0; i < count; i++) {
    const minute = first + i;
    instants.push(minute);
    runningMax.push(Math.max(local(minute * MINUTE), i > 0 ? runningMax[i - 1]! : Number.NEGATIVE_INFINITY));
  }
  /** First walked minute whose local time is at or after `wall` (local epoch minutes), or Infinity. */
  const reached = (wall: number): number => {
    let low = 0;
    let high = count;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (runningMax[middle]! >= wall) high = middle;
      else low = middle + 1;
    }
    return low < count ? instants[low]! : Number.POSITIVE_INFINITY;
  };

  const closureOn = new Map(settings.closures.map((closure) => [closure.date, closure.ranges]));
  const dateOf = (day: number) => new Date(day * DAY * MINUTE).toISOString().slice(0, 10);
  const weekdayOf = (day: number) => weekdays[(((day + 3) % 7) + 7) % 7]!;
  const rangesOn = (day: number): TimeRange[] => closureOn.get(dateOf(day)) ?? (settings.week[weekdayOf(day)].open ? settings.week[weekdayOf(day)].ranges : []);

  const intervals: [number, number][] = [];
  const firstDay = Math.floor(local(first * MINUTE) / DAY) - 2;
  const lastDay = Math.floor(local((first + count) * MINUTE) / DAY) + 1;
  for (let day = firstDay; day <= lastDay; day++) {
    for (const range of rangesOn(day)) {
      const start = minutesOf(range.start);
      const end = minutesOf(range.end);
      intervals.push([reached(day * DAY + start), reached(day * DAY + (end > start ? end : end + DAY))]);
    }
  }
  const openAt = (minute: number) => intervals.some(([start, end]) => start <= minute && minute < end);
  const switchedOff = !presence.online && (presence.offlineUntil === null || Date.parse(presence.offlineUntil) > atMs);
  const atMinute = Math.floor(atMs / MINUTE);
  const lastMinute = first + count - 1;
  const firstMinuteFrom = (from: number, wantOpen: boolean): number | 'beyond' => {
    for (let minute = from; minute <= lastMinute; minute++) if (openAt(minute) === wantOpen) return minute * MINUTE;
    return 'beyond';
  };

  if (openAt(atMinute) && !switchedOff) {
    return { accepting: true, reason: 'open', widget: 'chat', opensAt: null, closesAt: firstMinuteFrom(atMinute + 1, false) };
  }
  let reason: string;
  if (openAt(atMinute)) reason = 'offline';
  else {
    const today = Math.floor(local(atMs) / DAY);
    const closure = closureOn.get(dateOf(today));
    if (closure !== undefined && closure.length === 0) reason = 'closure';
    else if (closure === undefined && !settings.week[weekdayOf(today)].open) reason = 'day-off';
    else reason = switchedOff ? 'offline' : 'outside-hours';
  }
  let opensAt: number | null | 'beyond';
  if (switchedOff && presence.offlineUntil === null) opensAt = null;
  else if (switchedOff) {
    const until = Date.parse(presence.offlineUntil!);
    const untilMinute = Math.floor(until / MINUTE);
    opensAt = openAt(untilMinute) ? until : firstMinuteFrom(untilMinute + 1, true);
  } else opensAt = firstMinuteFrom(atMinute + 1, true);
  return { accepting: false, reason, widget: reason === 'closure' || reason === 'day-off' ? 'disabled' : 'banner', opensAt, closesAt: null };
}
