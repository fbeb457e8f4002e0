import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings, evaluateAvailability, hoursPreview, openIntervals } from '../../core/index.ts';
import type { ChatSettings, Presence } from '../../core/index.ts';

const online: Presence = { online: true, offlineUntil: null, changedAt: '2026-01-01T00:00:00Z', changedBy: null };

describe('two-week preview', () => {
  const base = defaultSettings('Europe/London');
  const settings: ChatSettings = {
    ...base,
    week: { ...base.week, saturday: { open: true, ranges: [{ start: '20:00', end: '02:00' }] }, sunday: { open: false, ranges: [] } },
    closures: [{ date: '2026-03-30', ranges: [], label: 'Staff training' }, { date: '2026-04-01', ranges: [{ start: '10:00', end: '12:00' }] }],
  };
  const days = hoursPreview(settings, new Date('2026-03-26T12:00:00Z'));

  it('covers 14 days of the clinic’s calendar from today', () => {
    expect(days).toHaveLength(14);
    expect(days[0]).toMatchObject({ date: '2026-03-26', weekday: 'thursday' });
    expect(days[13]).toMatchObject({ date: '2026-04-08', weekday: 'wednesday' });
  });

  it('marks the day the clocks go forward and measures it as a 23-hour day', () => {
    const sunday = days.find((day) => day.date === '2026-03-29')!;
    expect(sunday.clockChange).toMatchObject({ at: '2026-03-29T01:00:00.000Z', forward: true });
    expect(sunday.dayOff).toBe(true);
    // Saturday 20:00–02:00 runs into Sunday: 00:00–02:00 local is the first 1 h of real time (01:00 jumps to 02:00).
    expect(sunday.segments).toEqual([{ start: '2026-03-29T00:00:00.000Z', end: '2026-03-29T01:00:00.000Z', from: 0, to: 1 / 23 }]);
  });

  it('marks closures, all day or with special hours', () => {
    expect(days.find((day) => day.date === '2026-03-30')).toMatchObject({ closure: { label: 'Staff training', allDay: true }, segments: [] });
    const special = days.find((day) => day.date === '2026-04-01')!;
    expect(special.closure).toEqual({ label: null, allDay: false });
    expect(special.segments.map(({ start, end }) => [start, end])).toEqual([['2026-04-01T09:00:00.000Z', '2026-04-01T11:00:00.000Z']]);
  });
});

describe('openIntervals agrees with evaluateAvailability', () => {
  it('an instant is inside an interval exactly when chat accepts (switch online)', () => {
    const zones = ['Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu'];
    const time = fc.integer({ min: 0, max: 95 }).map((q) => `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`);
    const scenario = fc.record({
      zone: fc.constantFrom(...zones),
      start: time,
      end: time,
      openDays: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
      from: fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2026-12-01T00:00:00Z'), noInvalidDate: true }),
      probes: fc.array(fc.integer({ min: 0, max: 14 * 1440 - 1 }), { minLength: 20, maxLength: 20 }),
    });
    fc.assert(
      fc.property(scenario, ({ zone, start, end, openDays, from, probes }) => {
        const base = defaultSettings(zone);
        const week = Object.fromEntries(Object.keys(base.week).map((day, i) => [day, { open: openDays[i]!, ranges: [{ start, end }] }])) as ChatSettings['week'];
        const settings = { ...base, week };
        const to = new Date(from.getTime() + 14 * 86_400_000);
        const intervals = openIntervals(settings, from, to).map(({ start: s, end: e }) => [Date.parse(s), Date.parse(e)] as const);
        for (let i = 1; i < intervals.length; i++) expect(intervals[i]![0]).toBeGreaterThan(intervals[i - 1]![1]); // sorted, merged
        for (const probe of probes) {
          const at = new Date(from.getTime() + probe * 60_000);
          const inside = intervals.some(([s, e]) => s <= at.getTime() && at.getTime() < e);
          expect(inside).toBe(evaluateAvailability(settings, online, at).accepting);
        }
      }),
      { numRuns: 150 },
    );
  });
});
