// Random clinics, instants and switches for the availability properties, weighted towards what breaks
// implementations: `at` inside last night's part of a range that runs past midnight, a closure the day
// after such a night, a timed break ending at or a moment from `at`, and instants on or next to range
// boundaries, clock changes and midnight — in zones whose clocks do odd things, in years past and ahead.
import fc from 'fast-check';
import { parseSettings } from '../../core/schemas/schedule.ts';
import { weekdays } from '../../core/schedule-model.ts';
import type { ChatSettings, DayHours, Presence, TimeRange } from '../../core/schemas/schedule.ts';
import { DAY, MINUTE, isoDateOf, localMinutesOf, rangesOn } from './availability.reference.ts';

export type Scenario = { settings: ChatSettings; presence: Presence; at: Date };

/**
 * Ordinary DST, DST at midnight (Santiago), 30-minute DST (Lord Howe), +05:45, +12:45 with DST, none;
 * a whole day skipped (Apia 2011, Kiritimati 1994), changes at 00:01 (St John's until 2011), Ramadan
 * changes (Casablanca), and Dublin's "negative DST" (winter time is the DST in the zone data).
 */
export const zones = [
  'Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/Santiago', 'Pacific/Chatham', 'UTC',
  'Pacific/Apia', 'Pacific/Kiritimati', 'America/St_Johns', 'Africa/Casablanca', 'Europe/Dublin',
];

/** Mostly years ahead, some past ones, and the years of the strangest changes. */
const years = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 2026, max: 2045 }) },
  { weight: 2, arbitrary: fc.integer({ min: 1990, max: 2025 }) },
  { weight: 1, arbitrary: fc.constantFrom(1994, 2010, 2011, 2018) },
);

const changesCache = new Map<string, number[]>();

/**
 * Epoch minutes at which a zone's offset changes in a UTC year, found with Intl (a weekly scan, then
 * bisection). Only where instants are aimed: a change it missed would be drawn less, never judged wrongly.
 */
export function clockChangesIn(zone: string, year: number): number[] {
  const key = `${zone}|${year}`;
  let changes = changesCache.get(key);
  if (changes) return changes;
  const local = localMinutesOf(zone);
  const offset = (minute: number): number => local(minute * MINUTE) - minute;
  changes = [];
  const to = Date.UTC(year + 1, 0, 1) / MINUTE;
  for (let week = Date.UTC(year, 0, 1) / MINUTE; week < to; week += 7 * DAY) {
    let low = week;
    let high = Math.min(week + 7 * DAY, to);
    if (offset(low) === offset(high)) continue;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (offset(middle) === offset(low)) low = middle;
      else high = middle;
    }
    changes.push(high);
  }
  changesCache.set(key, changes);
  return changes;
}

/** An instant (epoch minute) that reads `wall` on the zone's clocks, its first reading if repeated; next to the gap if skipped. */
function instantOfWall(local: (epochMs: number) => number, wall: number): number {
  const candidates = [wall - 1_500, wall + 1_500].map((probe) => wall - (local(probe * MINUTE) - probe));
  const exact = candidates.filter((minute) => local(minute * MINUTE) === wall);
  return Math.min(...(exact.length > 0 ? exact : candidates));
}

export const hhmm = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const minutesOf = (time: string): number => (time === '24:00' ? DAY : Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)));
const runsPastMidnight = (range: TimeRange): boolean => range.end !== '24:00' && minutesOf(range.end) <= minutesOf(range.start);

/** Minutes of the day, biased to the small hours (where the clocks change) and to quarter hours. */
const minuteOfDay = fc.oneof(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 0, max: 4 * 60 }), fc.integer({ min: 0, max: 95 }).map((quarter) => quarter * 15));

/** One to three non-overlapping ranges; the last often runs past midnight, or ends at 24:00. */
export const dayRanges: fc.Arbitrary<TimeRange[]> = fc
  .tuple(
    fc.uniqueArray(minuteOfDay, { minLength: 2, maxLength: 6 }),
    fc.oneof({ weight: 2, arbitrary: fc.constant('plain') }, { weight: 3, arbitrary: fc.constant('past-midnight') }, { weight: 1, arbitrary: fc.constant('to-midnight') }),
    minuteOfDay,
  )
  .map(([points, ending, wrapEnd]) => {
    const sorted = [...points].sort((a, b) => a - b);
    const ranges: TimeRange[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) ranges.push({ start: hhmm(sorted[i]!), end: hhmm(sorted[i + 1]!) });
    const last = ranges.at(-1);
    if (last && ending === 'to-midnight') last.end = '24:00';
    // An end at or before the start runs into the next day; it must not reach this day's first range again.
    if (last && ending === 'past-midnight') last.end = hhmm(wrapEnd % (minutesOf(ranges[0]!.start) + 1));
    return ranges;
  });

const dayHours: fc.Arbitrary<DayHours> = fc
  .record({ open: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }), ranges: dayRanges })
  .map((day) => (day.open && day.ranges.length === 0 ? { open: false, ranges: [] } : day));

/** A shift from an aimed-at instant: mostly none, a millisecond or a minute, sometimes up to 90 minutes. */
const nudge = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(0, -1, 1, -MINUTE, MINUTE, 30_000) }, { weight: 1, arbitrary: fc.integer({ min: -90 * MINUTE, max: 90 * MINUTE }) });

const aim = fc.record({
  kind: fc.oneof(
    { weight: 4, arbitrary: fc.constant('range-boundary' as const) },
    { weight: 4, arbitrary: fc.constant('previous-night' as const) },
    { weight: 2, arbitrary: fc.constant('midnight' as const) },
    { weight: 2, arbitrary: fc.constant('clock-change' as const) },
    { weight: 2, arbitrary: fc.constant('anywhere' as const) },
  ),
  pick: fc.nat(),
  nudge,
});

const presenceAim = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('online' as const), ms: fc.constant(0) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('offline' as const), ms: fc.constant(0) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('break-ends-near-at' as const), ms: fc.oneof(fc.constant(0), nudge) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('break-ends-at-boundary' as const), ms: fc.constantFrom(0, -MINUTE, MINUTE) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('break' as const), ms: fc.integer({ min: -2 * DAY, max: 2 * DAY }).map((minutes) => minutes * MINUTE) }) },
);

const draw = fc.record({
  timezone: fc.constantFrom(...zones),
  year: years,
  /** The clinic's day the instant is aimed at: the day of a clock change (by index), or any day of the year. */
  anchor: fc.oneof({ weight: 2, arbitrary: fc.nat({ max: 7 }).map((change) => ({ change, dayOfYear: 0 })) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 364 }).map((dayOfYear) => ({ change: null, dayOfYear })) }),
  week: fc.tuple(dayHours, dayHours, dayHours, dayHours, dayHours, dayHours, dayHours),
  /** Closures by day after the anchor day, mostly on it or the day after (after a night that runs past midnight). */
  closures: fc.uniqueArray(
    fc.record({ offset: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(0, 1) }, { weight: 1, arbitrary: fc.integer({ min: -2, max: 6 }) }), allDay: fc.boolean(), ranges: dayRanges }),
    { selector: (closure) => closure.offset, maxLength: 3 },
  ),
  aim,
  presence: presenceAim,
  sms: fc.boolean(),
});

/** Wall-clock instants (local epoch minutes) where something starts or ends on `day`, including last night's end. */
function boundaryWalls(settings: ChatSettings, day: number): number[] {
  const walls: number[] = [];
  for (const range of rangesOn(settings, day - 1)) if (runsPastMidnight(range) || range.end === '24:00') walls.push((day - 1) * DAY + minutesOf(range.end) + (range.end === '24:00' ? 0 : DAY));
  for (const range of rangesOn(settings, day)) walls.push(day * DAY + minutesOf(range.start), day * DAY + minutesOf(range.end) + (runsPastMidnight(range) ? DAY : 0));
  return walls;
}

export const scenario: fc.Arbitrary<Scenario> = draw
  .map(({ timezone, year, anchor, week, closures, aim, presence, sms }) => {
    const local = localMinutesOf(timezone);
    const changes = clockChangesIn(timezone, year);
    const change = anchor.change === null || changes.length === 0 ? null : changes[anchor.change % changes.length]!;
    const day = change === null ? Date.UTC(year, 0, 1) / (DAY * MINUTE) + anchor.dayOfYear : Math.floor(local((change - 1) * MINUTE) / DAY);
    const settings: ChatSettings = {
      timezone,
      week: Object.fromEntries(weekdays.map((weekday, i) => [weekday, week[i]!])) as ChatSettings['week'],
      closures: closures.map((closure) => ({ date: isoDateOf(day + closure.offset), ranges: closure.allDay ? [] : closure.ranges })),
      channels: { sms: sms ? '+447700900123' : null, whatsapp: null },
      emergency: null,
    };
    const boundaries = boundaryWalls(settings, day);
    const lastNight = rangesOn(settings, day - 1).filter((range) => runsPastMidnight(range) && minutesOf(range.end) > 0);
    let wall = day * DAY + (aim.pick % DAY);
    if (aim.kind === 'range-boundary' && boundaries.length > 0) wall = boundaries[aim.pick % boundaries.length]!;
    if (aim.kind === 'previous-night' && lastNight.length > 0) wall = day * DAY + (aim.pick % minutesOf(lastNight[aim.pick % lastNight.length]!.end));
    if (aim.kind === 'midnight' || (aim.kind === 'clock-change' && changes.length === 0)) wall = (day + (aim.pick % 2)) * DAY;
    const aimed = aim.kind === 'clock-change' && changes.length > 0 ? (change ?? changes[aim.pick % changes.length]!) : instantOfWall(local, wall);
    const at = new Date(aimed * MINUTE + aim.nudge);
    const boundary = boundaries.length > 0 ? instantOfWall(local, boundaries[aim.pick % boundaries.length]!) * MINUTE : at.getTime();
    const until = presence.kind === 'break-ends-at-boundary' ? boundary + presence.ms : at.getTime() + presence.ms;
    const switchState: Presence = presence.kind === 'online'
      ? { online: true, offlineUntil: null, changedAt: at.toISOString(), changedBy: null }
      : { online: false, offlineUntil: presence.kind === 'offline' ? null : new Date(until).toISOString(), changedAt: at.toISOString(), changedBy: 'PC' };
    return { settings, presence: switchState, at };
  })
  .filter(({ settings }) => parseSettings(settings).ok);
