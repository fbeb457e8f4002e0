// evaluateAvailability checked against the minute-by-minute reference for random schedules, instants and
// zones, with instants concentrated around DST changes (where peers' products go wrong).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAvailability, parseSettings, weekdays } from '../../core/index.ts';
import type { ChatSettings, DayHours, Presence, TimeRange } from '../../core/index.ts';
import { referenceAvailability } from './availability.reference.ts';

const WINDOW = { before: 2, after: 9 };
const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);

/** Zones with an ordinary DST, a 30-minute DST, a +05:45 offset, DST at midnight, and none. */
const zones = ['Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/Santiago', 'Pacific/Chatham', 'UTC'];

/** Local days when clocks changed in 2026 in those zones, ± a few days is where instants are drawn. */
const dstDates = ['2026-03-08', '2026-03-29', '2026-04-05', '2026-09-06', '2026-09-27', '2026-10-04', '2026-10-25', '2026-11-01'];

const hhmm = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Minutes of the day, biased to the small hours (where the clocks change) and to quarter hours. */
const minuteOfDay = fc.oneof(
  fc.integer({ min: 0, max: 1439 }),
  fc.integer({ min: 0, max: 4 * 60 }),
  fc.integer({ min: 0, max: 95 }).map((quarter) => quarter * 15),
);

/** Up to three non-overlapping ranges; the last may run past midnight or end at 24:00. */
const dayRanges: fc.Arbitrary<TimeRange[]> = fc
  .tuple(fc.uniqueArray(minuteOfDay, { minLength: 0, maxLength: 6 }), fc.constantFrom('plain', 'past-midnight', 'to-midnight'), minuteOfDay)
  .map(([points, ending, wrapEnd]) => {
    const sorted = [...points].sort((a, b) => a - b);
    const ranges: TimeRange[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) ranges.push({ start: hhmm(sorted[i]!), end: hhmm(sorted[i + 1]!) });
    const last = ranges.at(-1);
    if (last && ending === 'to-midnight') last.end = '24:00';
    if (last && ending === 'past-midnight') {
      // An end at or before the start runs into the next day; it must not reach this day's first range again.
      const firstStart = Number(ranges[0]!.start.slice(0, 2)) * 60 + Number(ranges[0]!.start.slice(3));
      const lastStart = Number(last.start.slice(0, 2)) * 60 + Number(last.start.slice(3));
      if (ranges.length === 1 || wrapEnd <= firstStart) last.end = hhmm(Math.min(wrapEnd, lastStart));
    }
    return ranges;
  });

const dayHours: fc.Arbitrary<DayHours> = fc.record({ open: fc.boolean(), ranges: dayRanges }).map((day) => (day.open && day.ranges.length === 0 ? { open: false, ranges: [] } : day));

const instantNearDst = fc
  .tuple(fc.constantFrom(...dstDates), fc.integer({ min: -36 * 60, max: 36 * 60 }), fc.integer({ min: 0, max: 59 }))
  .map(([date, minutes, seconds]) => new Date(Date.parse(`${date}T00:00:00Z`) + minutes * 60_000 + (seconds % 3 === 0 ? seconds * 1000 : 0)));
const anyInstant = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true });

const scenario = fc
  .record({
    timezone: fc.constantFrom(...zones),
    week: fc.tuple(dayHours, dayHours, dayHours, dayHours, dayHours, dayHours, dayHours),
    at: fc.oneof({ weight: 3, arbitrary: instantNearDst }, { weight: 1, arbitrary: anyInstant }),
    closureOffsets: fc.uniqueArray(fc.integer({ min: -2, max: 6 }), { maxLength: 3 }),
    closureRanges: fc.array(dayRanges, { minLength: 3, maxLength: 3 }),
    presence: fc.oneof(
      fc.constant<'online' | 'offline'>('online'),
      fc.constant<'online' | 'offline'>('offline'),
      fc.integer({ min: -2 * 1440, max: 2 * 1440 }),
    ),
    sms: fc.boolean(),
  })
  .map(({ timezone, week, at, closureOffsets, closureRanges, presence, sms }) => {
    const closures = closureOffsets.map((offset, i) => ({
      date: new Date(at.getTime() + offset * 86_400_000).toISOString().slice(0, 10),
      ranges: i === 0 ? [] : closureRanges[i]!,
    }));
    const settings: ChatSettings = {
      timezone,
      week: Object.fromEntries(weekdays.map((day, i) => [day, week[i]!])) as ChatSettings['week'],
      closures,
      channels: { sms: sms ? '+447700900123' : null, whatsapp: null },
      emergency: null,
    };
    const switchState: Presence =
      presence === 'online'
        ? { online: true, offlineUntil: null, changedAt: at.toISOString(), changedBy: null }
        : { online: false, offlineUntil: presence === 'offline' ? null : new Date(at.getTime() + presence * 60_000).toISOString(), changedAt: at.toISOString(), changedBy: 'PC' };
    return { settings, presence: switchState, at };
  })
  .filter(({ settings }) => parseSettings(settings).ok);

const windowEnd = (at: Date) => Math.floor(at.getTime() / 60_000) * 60_000 + (WINDOW.after * 1440 - WINDOW.before * 1440) * 60_000;

describe('evaluateAvailability agrees with the minute-by-minute reference', () => {
  it('for random schedules, instants and zones, across DST changes', () => {
    fc.assert(
      fc.property(scenario, ({ settings, presence, at }) => {
        const actual = evaluateAvailability(settings, presence, at);
        const expected = referenceAvailability(settings, presence, at, WINDOW);
        expect({ accepting: actual.accepting, reason: actual.reason, widget: actual.widget }).toEqual({
          accepting: expected.accepting,
          reason: expected.reason,
          widget: expected.widget,
        });
        expect(actual.reachable).toBe(actual.accepting || settings.channels.sms !== null);
        for (const key of ['opensAt', 'closesAt'] as const) {
          const want = expected[key];
          const got = actual[key] === null ? null : Date.parse(actual[key]);
          if (want === 'beyond') {
            // Past the walked window: the implementation must also say "later than that", or none.
            if (got !== null) expect(got).toBeGreaterThan(windowEnd(at));
          } else {
            expect(got, key).toBe(want);
          }
        }
      }),
      { numRuns: RUNS },
    );
  }, 300_000); // the reference reads ~16,000 wall-clock minutes per case: slow by design
});

/** Spring-forward days of 2026 and the local hour whose wall times do not exist that day. */
const gaps = [
  { timezone: 'Europe/London', date: '2026-03-29', from: 60 },
  { timezone: 'America/New_York', date: '2026-03-08', from: 120 },
  { timezone: 'Australia/Lord_Howe', date: '2026-10-04', from: 120 },
  { timezone: 'America/Santiago', date: '2026-09-06', from: 0 },
  { timezone: 'Pacific/Chatham', date: '2026-09-27', from: 165 },
];

describe('evaluateAvailability agrees with the reference where hours start or end in a DST gap', () => {
  it('for ranges that start, end or run through the missing hour', () => {
    const gapScenario = fc
      .record({
        gap: fc.constantFrom(...gaps),
        start: fc.integer({ min: -30, max: 90 }),
        length: fc.integer({ min: 1, max: 6 * 60 }),
        minutes: fc.integer({ min: -30 * 60, max: 30 * 60 }),
        presence: fc.constantFrom('online', 'offline-until'),
      })
      .map(({ gap, start, length, minutes, presence }) => {
        const startMinute = (gap.from + start + 1440) % 1440;
        const range = { start: hhmm(startMinute), end: hhmm((startMinute + length) % 1440) };
        const settings: ChatSettings = {
          timezone: gap.timezone,
          week: Object.fromEntries(weekdays.map((day) => [day, { open: true, ranges: [range] }])) as ChatSettings['week'],
          closures: [],
          channels: { sms: null, whatsapp: null },
          emergency: null,
        };
        const at = new Date(Date.parse(`${gap.date}T00:00:00Z`) + minutes * 60_000);
        const switchState: Presence =
          presence === 'online'
            ? { online: true, offlineUntil: null, changedAt: at.toISOString(), changedBy: null }
            : { online: false, offlineUntil: new Date(at.getTime() + 90 * 60_000).toISOString(), changedAt: at.toISOString(), changedBy: null };
        return { settings, presence: switchState, at };
      });
    fc.assert(
      fc.property(gapScenario, ({ settings, presence, at }) => {
        const actual = evaluateAvailability(settings, presence, at);
        const expected = referenceAvailability(settings, presence, at, { before: 2, after: 4 });
        expect(actual.accepting).toBe(expected.accepting);
        expect(actual.reason).toBe(expected.reason);
        expect(actual.opensAt === null ? null : Date.parse(actual.opensAt)).toBe(expected.opensAt);
        expect(actual.closesAt === null ? null : Date.parse(actual.closesAt)).toBe(expected.closesAt);
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  }, 300_000);
});

