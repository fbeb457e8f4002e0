// Offsets of an IANA zone as a table of transitions, built once per zone and UTC year with luxon.
// evaluateAvailability converts a handful of wall-clock times per call; asking Intl for each offset
// would cost more than the whole rule, so the zone's transitions are looked up instead.
import { IANAZone } from 'luxon';

export const MINUTE_MS = 60_000;
export const DAY_MINUTES = 1_440;

type YearTable = { startOffset: number; transitions: { at: number; offset: number }[] };

/** Sampling step when scanning a year for transitions: no zone changes its offset twice within a day. */
const SCAN_STEP_MINUTES = 24 * 60;
const MAX_CACHED_YEARS = 4_096;

const tables = new Map<string, YearTable>();
const zones = new Map<string, IANAZone>();

export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

function ianaZone(name: string): IANAZone {
  let zone = zones.get(name);
  if (!zone) {
    if (!IANAZone.isValidZone(name)) throw new RangeError(`Unknown time zone: ${name}`);
    zone = IANAZone.create(name);
    zones.set(name, zone);
  }
  return zone;
}

function yearTable(name: string, year: number): YearTable {
  const key = `${name}|${year}`;
  const cached = tables.get(key);
  if (cached) return cached;
  const zone = ianaZone(name);
  const offsetAt = (minute: number): number => zone.offset(minute * MINUTE_MS);
  const from = Date.UTC(year, 0, 1) / MINUTE_MS;
  const to = Date.UTC(year + 1, 0, 1) / MINUTE_MS;
  const table: YearTable = { startOffset: offsetAt(from), transitions: [] };
  let previousMinute = from;
  let previousOffset = table.startOffset;
  for (let minute = Math.min(from + SCAN_STEP_MINUTES, to); ; minute = Math.min(minute + SCAN_STEP_MINUTES, to)) {
    const offset = offsetAt(minute);
    if (offset !== previousOffset) {
      // The first minute with the new offset lies in (previousMinute, minute]: bisect to it.
      let low = previousMinute;
      let high = minute;
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (offsetAt(middle) === previousOffset) low = middle;
        else high = middle;
      }
      table.transitions.push({ at: high, offset });
      previousOffset = offset;
    }
    previousMinute = minute;
    if (minute >= to) break;
  }
  if (tables.size >= MAX_CACHED_YEARS) tables.clear();
  tables.set(key, table);
  return table;
}

/** Offset in minutes (local = UTC + offset) of a zone at an epoch minute. */
export function offsetAt(zone: string, epochMinute: number): number {
  const table = yearTable(zone, new Date(epochMinute * MINUTE_MS).getUTCFullYear());
  let offset = table.startOffset;
  for (const transition of table.transitions) {
    if (transition.at > epochMinute) break;
    offset = transition.offset;
  }
  return offset;
}

/** Offset changes (epoch minute, offsets before and after) with from < at <= to. */
export function transitionsBetween(zone: string, fromMinute: number, toMinute: number): { at: number; before: number; after: number }[] {
  const changes: { at: number; before: number; after: number }[] = [];
  const firstYear = new Date(fromMinute * MINUTE_MS).getUTCFullYear();
  const lastYear = new Date(toMinute * MINUTE_MS).getUTCFullYear();
  for (let year = firstYear; year <= lastYear; year++) {
    const table = yearTable(zone, year);
    let before = table.startOffset;
    for (const transition of table.transitions) {
      if (transition.at > fromMinute && transition.at <= toMinute) changes.push({ at: transition.at, before, after: transition.offset });
      before = transition.offset;
    }
  }
  return changes;
}

/** Wall-clock minutes since 1970-01-01 00:00 local ("local epoch minute") of an epoch minute. */
export function localMinuteAt(zone: string, epochMinute: number): number {
  return epochMinute + offsetAt(zone, epochMinute);
}

/**
 * The instant (epoch minute) a wall-clock time is reached: the first instant whose local time is at
 * or after it. A time that occurs twice (clocks go back) maps to its first occurrence; a time that
 * does not exist (clocks go forward) maps to the first instant after the gap.
 */
export function instantOfLocal(zone: string, localMinute: number): number {
  // Offsets lie within ±18 h, so these two instants bracket every reading of the wall time; at most
  // one transition lies between them in practice.
  const before = offsetAt(zone, localMinute - 1_500);
  const after = offsetAt(zone, localMinute + 1_500);
  let best = Number.POSITIVE_INFINITY;
  for (const offset of before === after ? [before] : [before, after]) {
    const candidate = localMinute - offset;
    if (offsetAt(zone, candidate) === offset) best = Math.min(best, candidate);
  }
  if (best !== Number.POSITIVE_INFINITY) return best;
  // In a gap: the transition is the first instant whose local time passes the wall time.
  let low = localMinute - Math.max(before, after);
  let high = localMinute - Math.min(before, after);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (localMinuteAt(zone, middle) >= localMinute) high = middle;
    else low = middle;
  }
  return high;
}

/**
 * The first instant (epoch minute) after `epochMinute` whose local date differs from the date there.
 * Usually the next midnight on the clinic's clocks, but a change of offset can move the clocks across
 * midnight: where they went back from 00:01 to 23:01 the first 00:00 lies behind the repeated 23:30,
 * and the date changes again only at the second 00:00.
 */
export function nextDateChange(zone: string, epochMinute: number): number {
  const day = localDay(localMinuteAt(zone, epochMinute));
  let from = epochMinute;
  for (;;) {
    const midnight = (day + 1) * DAY_MINUTES - offsetAt(zone, from); // if the offset holds until then
    const change = transitionsBetween(zone, from, midnight)[0];
    if (change === undefined) return midnight;
    if (localDay(change.at + change.after) !== day) return change.at;
    from = change.at;
  }
}

/** Days since 1970-01-01 of a local epoch minute, and its weekday (0 = Monday … 6 = Sunday). */
export function localDay(localMinute: number): number {
  return Math.floor(localMinute / DAY_MINUTES);
}

export function weekdayIndexOfDay(day: number): number {
  // 1970-01-01 was a Thursday (index 3).
  return (((day + 3) % 7) + 7) % 7;
}

/** 'YYYY-MM-DD' ↔ days since 1970-01-01, with no time zone involved (calendar arithmetic only). */
export function isoDateOfDay(day: number): string {
  return new Date(day * DAY_MINUTES * MINUTE_MS).toISOString().slice(0, 10);
}

export function dayOfIsoDate(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / (DAY_MINUTES * MINUTE_MS);
}
