// evaluateAvailability checked against the minute-by-minute reference for random schedules, instants and
// zones, drawn where implementations go wrong (availability.arbitraries.ts), and where hours start or end
// in a DST gap.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAvailability } from '../../core/availability.ts';
import { weekdays } from '../../core/schedule-model.ts';
import type { ChatSettings, Presence } from '../../core/schemas/schedule.ts';
import { hhmm, scenario } from './availability.arbitraries.ts';
import { referenceAvailability } from './availability.reference.ts';

/** The reference walks from 2 days before `at` to 9 days after: an opening further away is "beyond". */
const WINDOW = { before: 2, after: 9 };
const RUNS = Number(process.env.PROPERTY_RUNS ?? 100);

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
            if (got !== null) expect(got, key).toBeGreaterThan(expected.walkedTo);
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

