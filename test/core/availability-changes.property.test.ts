// Properties of what is derived from the hours, checked against the minute-by-minute reference:
// nextAvailabilityChange (the server's cache and every timer wait for it), openIntervals (the forgotten-
// offline reminder counts with it) and hoursPreview (the two-week preview draws it).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAvailability, nextAvailabilityChange, openIntervals } from '../../core/availability.ts';
import { hoursPreview } from '../../core/hours-preview.ts';
import { weekdays } from '../../core/schedule-model.ts';
import type { Presence } from '../../core/schemas/schedule.ts';
import { clockChangesIn, scenario, zones } from './availability.arbitraries.ts';
import { settings as clinicSettings } from './availability-fixtures.ts';
import { DAY, MINUTE, isoDateOf, referenceHours, weekdayOf } from './availability.reference.ts';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 100);
const online = (at: Date): Presence => ({ online: true, offlineUntil: null, changedAt: at.toISOString(), changedBy: null });
const minuteOf = (ms: number): number => Math.floor(ms / MINUTE);

describe('nextAvailabilityChange', () => {
  it('is after `at`, nothing changes before it, and at it something the rule depends on does', () => {
    const fractions = fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(scenario, fractions, ({ settings, presence, at }, samples) => {
        const atMs = at.getTime();
        const next = nextAvailabilityChange(settings, presence, at).getTime();
        expect(next).toBeGreaterThan(atMs); // also rules out Invalid Date (NaN)
        const answer = (ms: number) => evaluateAvailability(settings, presence, new Date(ms));
        const now = answer(atMs);
        for (const ms of [atMs + 1, next - MINUTE, next - 1, ...samples.map((f) => atMs + Math.floor(f * (next - atMs)))]) {
          if (ms >= atMs && ms < next) expect(answer(ms), new Date(ms).toISOString()).toEqual(now);
        }

        // What the answer depends on, read by the reference: opening hours, the local date, the break's end.
        const first = minuteOf(atMs) - 2 * DAY;
        const hours = referenceHours(settings, first, minuteOf(next) - first + 2);
        const dayAt = (ms: number): number => Math.floor(hours.local(ms) / DAY);
        for (let minute = minuteOf(atMs) + 1; minute * MINUTE < next; minute++) {
          expect(hours.openAt(minute), 'opening or closing before it').toBe(hours.openAt(minuteOf(atMs)));
          expect(dayAt(minute * MINUTE), 'change of date before it').toBe(dayAt(atMs));
        }
        const breakEnd = presence.offlineUntil === null ? null : Date.parse(presence.offlineUntil);
        if (breakEnd !== null && breakEnd > atMs) expect(breakEnd, 'end of the break before it').toBeGreaterThanOrEqual(next);

        // Never earlier than needed: the answer changes at `next`, or one of its inputs does (a change of
        // date that keeps the reason, a closing while the switch is off, a break ending on a closure day).
        if (JSON.stringify(answer(next)) === JSON.stringify(now)) {
          const dateChanges = dayAt(next) !== dayAt(next - 1);
          const hoursChange = hours.openAt(minuteOf(next)) !== hours.openAt(minuteOf(next - 1));
          expect(dateChanges || hoursChange || next === breakEnd, `nothing changes at ${new Date(next).toISOString()}`).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});

describe('nextAvailabilityChange around every clock change', () => {
  // Too rare to be drawn: clocks going back across midnight at another time than 00:00 (St John's to
  // 2011) put an instant on the old date after the new date's first 00:00. With no hours at all the
  // change of date is the only thing that can change, so the answer must be exactly when it changes.
  it('is the next change of the local date when no day has hours, in every zone, in past and future years', () => {
    for (const timezone of zones) {
      const neverOpen = clinicSettings(timezone, Object.fromEntries(weekdays.map((day) => [day, false])));
      for (const year of [1994, 2010, 2011, 2018, 2026, 2038]) {
        for (const change of clockChangesIn(timezone, year)) {
          const hours = referenceHours(neverOpen, change - 2 * 60, 3 * DAY);
          const dayAt = (minute: number): number => Math.floor(hours.local(minute * MINUTE) / DAY);
          for (const minutes of [-61, -1, 0, 1, 30, 59, 61, 119]) {
            const at = change + minutes;
            let expected = at + 1;
            while (dayAt(expected) === dayAt(at)) expected++;
            const when = new Date(at * MINUTE + 1);
            expect(nextAvailabilityChange(neverOpen, online(when), when).getTime(), `${timezone} ${when.toISOString()}`).toBe(expected * MINUTE);
          }
        }
      }
    }
  });
});

/** How long after `at` the intervals are asked for: mostly hours, sometimes a day or two, in whole minutes or not. */
const span = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 6 * 60 }).map((minutes) => minutes * MINUTE) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 * DAY * MINUTE }) },
);

describe('openIntervals', () => {
  it('holds exactly the minutes evaluateAvailability accepts with the switch on, sorted and merged', () => {
    fc.assert(
      fc.property(scenario, span, ({ settings, at }, length) => {
        const from = at.getTime();
        const to = from + length;
        const intervals = openIntervals(settings, at, new Date(to)).map(({ start, end }) => [Date.parse(start), Date.parse(end)] as const);
        intervals.forEach(([start, end], i) => {
          expect(start).toBeGreaterThanOrEqual(i === 0 ? from : intervals[i - 1]![1] + 1); // sorted, and touching ones merged
          expect(end).toBeGreaterThan(start);
          expect(end).toBeLessThanOrEqual(to);
        });
        const hours = referenceHours(settings, minuteOf(from) - 2 * DAY, minuteOf(to) - minuteOf(from) + 2 * DAY + 1);
        const inside = (ms: number) => intervals.some(([start, end]) => start <= ms && ms < end);
        for (let ms = from; ms < to; ms = (minuteOf(ms) + 1) * MINUTE) {
          const when = new Date(ms).toISOString();
          expect(inside(ms), when).toBe(evaluateAvailability(settings, online(at), new Date(ms)).accepting);
          expect(inside(ms), when).toBe(hours.openAt(minuteOf(ms)));
        }
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  }, 120_000);
});

describe('hoursPreview', () => {
  it('shows each day of the clinic’s calendar from today with the hours the reference finds open', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 3 }), ({ settings, at }, days) => {
        const preview = hoursPreview(settings, at, days);
        const first = minuteOf(at.getTime()) - 2 * DAY;
        const hours = referenceHours(settings, first, (days + 3) * DAY);
        const offset = (minute: number): number => hours.local(minute * MINUTE) - minute;
        const today = Math.floor(hours.local(at.getTime()) / DAY);
        expect(preview).toHaveLength(days);
        preview.forEach((shown, i) => {
          const day = today + i;
          const closure = settings.closures.find((candidate) => candidate.date === isoDateOf(day));
          expect(shown).toMatchObject({ date: isoDateOf(day), weekday: weekdayOf(day), dayOff: !closure && !settings.week[weekdayOf(day)].open });
          // The day runs from when its 00:00 is reached to when the next day's is (23, 24 or 25 hours, or none: Apia, 30 Dec 2011).
          const start = hours.reached(day * DAY);
          const end = hours.reached((day + 1) * DAY);
          // An all-day closure is open only while the night before runs into it, and closed from then on.
          const allDay = closure?.ranges.length === 0;
          const closedFrom = allDay && start < end && hours.openAt(start) ? new Date(hours.firstMinuteFrom(start, false)).toISOString() : null;
          expect(shown.closure).toEqual(closure ? { label: closure.label ?? null, allDay, closedFrom } : null);
          const segments = shown.segments.map((segment) => ({ ...segment, start: Date.parse(segment.start) / MINUTE, end: Date.parse(segment.end) / MINUTE }));
          for (const segment of segments) {
            expect(segment.start).toBeGreaterThanOrEqual(start);
            expect(segment.end).toBeLessThanOrEqual(end);
            expect(segment.from).toBeCloseTo((segment.start - start) / (end - start), 9);
            expect(segment.to).toBeCloseTo((segment.end - start) / (end - start), 9);
          }
          for (let minute = start; minute < end; minute++) {
            expect(segments.some((segment) => segment.start <= minute && minute < segment.end), `${isoDateOf(day)} at ${new Date(minute * MINUTE).toISOString()}`).toBe(hours.openAt(minute));
          }
          if (shown.clockChange === null) expect(offset(end)).toBe(offset(start));
          else {
            const change = Date.parse(shown.clockChange.at) / MINUTE;
            expect(change).toBeGreaterThan(start);
            expect(change).toBeLessThanOrEqual(end);
            expect([shown.clockChange.offsetBefore, shown.clockChange.offsetAfter]).toEqual([offset(change - 1), offset(change)]);
          }
        });
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  }, 120_000);
});
