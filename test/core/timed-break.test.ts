// The exact end of a timed break: at `offlineUntil` itself the switch counts as online again. One
// comparison decides it, and the server's cache and every timer follow nextAvailabilityChange from
// there, so an off-by-one would serve "offline" from the break's end until the next boundary.
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../core/schedule-model.ts';
import { evaluateAvailability, isSwitchedOff, nextAvailabilityChange, openIntervals } from '../../core/availability.ts';
import type { Presence } from '../../core/schemas/schedule.ts';
import { allWeek, settings } from './availability-fixtures.ts';

// Wednesday 2026-11-25, London on GMT: hours 09:00–18:00 every day.
const london = defaultSettings('Europe/London');
const breakUntil = (offlineUntil: string): Presence => ({ online: false, offlineUntil, changedAt: '2026-11-25T12:00:00Z', changedBy: 'Front desk 2' });
const shifted = (iso: string, ms: number): Date => new Date(Date.parse(iso) + ms);
const MINUTE = 60_000;

describe('a timed break ending inside the hours', () => {
  const end = '2026-11-25T12:30:00.000Z';
  const presence = breakUntil(end);
  const answer = (at: Date) => evaluateAvailability(london, presence, at);
  const next = (at: Date) => nextAvailabilityChange(london, presence, at).toISOString();

  it('is offline up to the last millisecond before its end, and says it reopens at the end', () => {
    expect(answer(shifted(end, -MINUTE))).toMatchObject({ accepting: false, reason: 'offline', opensAt: end, closesAt: null });
    expect(answer(shifted(end, -1))).toMatchObject({ accepting: false, reason: 'offline', opensAt: end });
    expect(isSwitchedOff(presence, shifted(end, -1))).toBe(true);
    expect(next(shifted(end, -MINUTE))).toBe(end);
    expect(next(shifted(end, -1))).toBe(end);
  });

  it('accepts at the instant the break ends, and changes next when the hours close', () => {
    expect(answer(new Date(end))).toMatchObject({ accepting: true, reason: 'open', widget: 'chat', opensAt: null, closesAt: '2026-11-25T18:00:00.000Z' });
    expect(isSwitchedOff(presence, new Date(end))).toBe(false);
    expect(next(new Date(end))).toBe('2026-11-25T18:00:00.000Z');
  });

  it('accepts a minute after the end', () => {
    expect(answer(shifted(end, MINUTE))).toMatchObject({ accepting: true, reason: 'open' });
    expect(isSwitchedOff(presence, shifted(end, MINUTE))).toBe(false);
    expect(next(shifted(end, MINUTE))).toBe('2026-11-25T18:00:00.000Z');
  });

  it('ends to the millisecond when the end is not on a whole minute', () => {
    const odd = breakUntil('2026-11-25T12:30:30.500Z');
    expect(evaluateAvailability(london, odd, new Date('2026-11-25T12:30:30.499Z')).accepting).toBe(false);
    expect(evaluateAvailability(london, odd, new Date('2026-11-25T12:30:30.500Z')).accepting).toBe(true);
    expect(nextAvailabilityChange(london, odd, new Date('2026-11-25T12:30:00Z')).toISOString()).toBe('2026-11-25T12:30:30.500Z');
  });
});

describe('a timed break ending outside the hours', () => {
  const end = '2026-11-25T19:00:00.000Z';
  const presence = breakUntil(end);
  const answer = (at: Date) => evaluateAvailability(london, presence, at);
  const next = (at: Date) => nextAvailabilityChange(london, presence, at).toISOString();

  it('says offline until its end, then outside hours from the end on', () => {
    expect(answer(shifted(end, -MINUTE))).toMatchObject({ accepting: false, reason: 'offline', widget: 'banner', opensAt: '2026-11-26T09:00:00.000Z' });
    expect(next(shifted(end, -MINUTE))).toBe(end);
    expect(answer(new Date(end))).toMatchObject({ accepting: false, reason: 'outside-hours', widget: 'banner', opensAt: '2026-11-26T09:00:00.000Z' });
    expect(next(new Date(end))).toBe('2026-11-26T00:00:00.000Z');
    expect(answer(shifted(end, MINUTE))).toMatchObject({ reason: 'outside-hours' });
    expect(next(shifted(end, MINUTE))).toBe('2026-11-26T00:00:00.000Z');
  });
});

describe('a timed break ending at a millisecond that minutes cannot hold', () => {
  // 2014239599992 ms / 60,000 * 60,000 comes back as 2014239599991.9998: worked in minutes, the end came out 1 ms early.
  const end = '2033-10-29T22:59:59.992Z';
  const always = settings('UTC', allWeek([{ start: '00:00', end: '24:00' }]));

  it('says it reopens at its end exactly, and changes then, never at the instant asked about', () => {
    expect(evaluateAvailability(always, breakUntil(end), new Date('2033-10-29T22:00:00Z')).opensAt).toBe(end);
    expect(nextAvailabilityChange(always, breakUntil(end), shifted(end, -1)).toISOString()).toBe(end);
  });

  it('clips open intervals at the instant given', () => {
    expect(openIntervals(always, new Date(end), shifted(end, 1))).toEqual([{ start: end, end: '2033-10-29T22:59:59.993Z' }]);
  });
});
