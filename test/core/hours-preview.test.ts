import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../core/schedule-model.ts';
import { evaluateAvailability } from '../../core/availability.ts';
import { hoursPreview } from '../../core/hours-preview.ts';
import type { ChatSettings } from '../../core/schemas/schedule.ts';

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
    expect(special.closure).toEqual({ label: null, allDay: false, closedFrom: null });
    expect(special.segments.map(({ start, end }) => [start, end])).toEqual([['2026-04-01T09:00:00.000Z', '2026-04-01T11:00:00.000Z']]);
  });
});

describe('an all-day closure the night before runs into', () => {
  // Thursday 20:00–02:00 and Christmas (Friday 25 Dec) closed all day: the night belongs to Thursday.
  const base = defaultSettings('Europe/London');
  const settings: ChatSettings = {
    ...base,
    week: { ...base.week, thursday: { open: true, ranges: [{ start: '20:00', end: '02:00' }] } },
    closures: [{ date: '2026-12-25', ranges: [], label: 'Christmas Day' }],
  };
  const online = { online: true, offlineUntil: null, changedAt: '2026-12-01T00:00:00Z', changedBy: null };

  it('shows the morning open and says when the closure starts, as chat answers', () => {
    const christmas = hoursPreview(settings, new Date('2026-12-24T12:00:00Z'), 2)[1]!;
    expect(christmas.closure).toEqual({ label: 'Christmas Day', allDay: true, closedFrom: '2026-12-25T02:00:00.000Z' });
    expect(christmas.segments.map(({ start, end }) => [start, end])).toEqual([['2026-12-25T00:00:00.000Z', '2026-12-25T02:00:00.000Z']]);
    expect(evaluateAvailability(settings, online, new Date('2026-12-25T01:00:00Z'))).toMatchObject({ accepting: true, closesAt: '2026-12-25T02:00:00.000Z' });
    expect(evaluateAvailability(settings, online, new Date('2026-12-25T02:00:00Z')).reason).toBe('closure');
  });

  it('says closed all day when nothing runs into it', () => {
    const boxingDay = { ...settings, closures: [{ date: '2026-12-26', ranges: [] }] };
    expect(hoursPreview(boxingDay, new Date('2026-12-26T12:00:00Z'), 1)[0]!.closure).toEqual({ label: null, allDay: true, closedFrom: null });
  });
});
