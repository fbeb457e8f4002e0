// nextAvailabilityChange (what the server's cache and every timer wait for) and openIntervals, by example.
import { describe, expect, it } from 'vitest';
import { nextAvailabilityChange, openIntervals } from '../../core/availability.ts';
import { weekdays } from '../../core/schedule-model.ts';
import type { ChatSettings, Presence } from '../../core/schemas/schedule.ts';
import { allWeek, at, evaluate, offline, online, settings } from './availability-fixtures.ts';

describe('nextAvailabilityChange', () => {
  const london = settings('Europe/London');
  const next = (when: string, presence: Presence = online) => nextAvailabilityChange(london, presence, at(when)).toISOString();

  it('is the next opening or closing, or the next local midnight if that comes first', () => {
    expect(next('2026-11-25T10:00:00Z')).toBe('2026-11-25T18:00:00.000Z');
    expect(next('2026-11-25T19:00:00Z')).toBe('2026-11-26T00:00:00.000Z');
    expect(next('2026-11-26T00:00:00Z')).toBe('2026-11-26T09:00:00.000Z');
    expect(next('2026-07-01T20:00:00Z')).toBe('2026-07-01T23:00:00.000Z');
  });

  it('includes the end of a timed break', () => {
    expect(next('2026-11-25T12:00:00Z', offline('2026-11-25T12:15:00Z'))).toBe('2026-11-25T12:15:00.000Z');
  });

  it('includes the moment a closing more than a year away comes within the year (closesAt stops being null)', () => {
    // Open around the clock (10:00–10:00 every day) until a closure on 2027-06-02: the run of hours ends
    // at 2027-06-02 10:00, exactly a year after 2026-06-02 10:00.
    const untilClosure = settings('UTC', allWeek([{ start: '10:00', end: '10:00' }]), { closures: [{ date: '2027-06-02', ranges: [] }] });
    expect(evaluate(untilClosure, '2026-06-02T09:59:59Z').closesAt).toBeNull();
    expect(evaluate(untilClosure, '2026-06-02T10:00:00Z').closesAt).toBe('2027-06-02T10:00:00.000Z');
    expect(nextAvailabilityChange(untilClosure, online, at('2026-06-02T09:00:00Z')).toISOString()).toBe('2026-06-02T10:00:00.000Z');
  });
});

describe('nextAvailabilityChange where the clocks cross midnight', () => {
  const noSunday = (zone: string) => settings(zone, { sunday: false });
  const next = (s: ChatSettings, when: string) => nextAvailabilityChange(s, online, at(when)).toISOString();

  it('finds the second 00:00 when the clocks went back from 00:01 to 23:01 (St John’s, 7 Nov 2010)', () => {
    // 02:30Z read Sunday 00:00; at 02:31Z the clocks went back to Saturday 23:01; 03:30Z is Sunday 00:00 again.
    const stJohns = noSunday('America/St_Johns');
    expect(evaluate(stJohns, '2010-11-07T03:00:00Z').reason).toBe('outside-hours');
    expect(next(stJohns, '2010-11-07T03:00:00Z')).toBe('2010-11-07T03:30:00.000Z');
    expect(evaluate(stJohns, '2010-11-07T03:30:00Z').reason).toBe('day-off');
    const neverOpen = settings('America/St_Johns', Object.fromEntries(weekdays.map((day) => [day, false])));
    expect(next(neverOpen, '2010-11-07T03:00:00Z')).toBe('2010-11-07T03:30:00.000Z');
    // The first 00:00 lasts one minute: the date goes back to Saturday when the clocks do.
    expect(evaluate(stJohns, '2010-11-07T02:30:00Z').reason).toBe('day-off');
    expect(next(stJohns, '2010-11-07T02:30:00Z')).toBe('2010-11-07T02:31:00.000Z');
    expect(evaluate(stJohns, '2010-11-07T02:31:00Z').reason).toBe('outside-hours');
  });

  it('finds the second 00:00 when the clocks go back at midnight, and ignores a change that keeps the date', () => {
    // Santiago, 5 Apr 2026: Saturday 24:00 (-03) becomes Saturday 23:00 (-04) at 03:00Z.
    const santiago = noSunday('America/Santiago');
    expect(next(santiago, '2026-04-05T02:30:00Z')).toBe('2026-04-05T04:00:00.000Z');
    expect(evaluate(santiago, '2026-04-05T03:30:00Z').reason).toBe('outside-hours');
    expect(evaluate(santiago, '2026-04-05T04:00:00Z').reason).toBe('day-off');
    // London, 29 Mar 2026: 01:00 GMT becomes 02:00 BST on the same date, so the next change is the opening.
    expect(next(settings('Europe/London'), '2026-03-29T00:30:00Z')).toBe('2026-03-29T08:00:00.000Z');
  });
});

describe('openIntervals', () => {
  it('lists the open hours between two instants, clipped, across a DST change', () => {
    const s = settings('Europe/London', { saturday: false });
    expect(openIntervals(s, at('2026-03-27T12:00:00Z'), at('2026-03-30T00:00:00Z'))).toEqual([
      { start: '2026-03-27T12:00:00.000Z', end: '2026-03-27T18:00:00.000Z' },
      { start: '2026-03-29T08:00:00.000Z', end: '2026-03-29T17:00:00.000Z' },
    ]);
  });
});
