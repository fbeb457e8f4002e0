import { describe, expect, it } from 'vitest';
import { weekdays } from '../../core/schedule-model.ts';
import { allWeek, evaluate, offline, settings } from './availability-fixtures.ts';

// 2026-11-25 is a Wednesday. London is on GMT (UTC+0) in November and BST (UTC+1) in July.
describe('evaluateAvailability: hours', () => {
  const london = settings('Europe/London');

  it('accepts from the start (inclusive) to the end (exclusive)', () => {
    expect(evaluate(london, '2026-11-25T08:59:59Z')).toMatchObject({ accepting: false, reason: 'outside-hours', widget: 'banner', opensAt: '2026-11-25T09:00:00.000Z' });
    expect(evaluate(london, '2026-11-25T09:00:00Z')).toMatchObject({ accepting: true, reason: 'open', widget: 'chat', closesAt: '2026-11-25T18:00:00.000Z', opensAt: null });
    expect(evaluate(london, '2026-11-25T17:59:59Z').accepting).toBe(true);
    expect(evaluate(london, '2026-11-25T18:00:00Z')).toMatchObject({ accepting: false, reason: 'outside-hours', opensAt: '2026-11-26T09:00:00.000Z' });
  });

  it('follows DST: 09:00 is 09:00 on the clinic’s clocks in winter and in summer', () => {
    expect(evaluate(london, '2026-07-01T08:00:00Z')).toMatchObject({ accepting: true, closesAt: '2026-07-01T17:00:00.000Z' });
    expect(evaluate(london, '2026-07-01T07:59:00Z')).toMatchObject({ accepting: false, opensAt: '2026-07-01T08:00:00.000Z' });
    const newYork = settings('America/New_York');
    expect(evaluate(newYork, '2026-01-15T14:00:00Z').opensAt).toBe(null);
    expect(evaluate(newYork, '2026-01-15T13:59:00Z').opensAt).toBe('2026-01-15T14:00:00.000Z');
    expect(evaluate(newYork, '2026-07-15T12:59:00Z').opensAt).toBe('2026-07-15T13:00:00.000Z');
    // Saturday before the spring change: the next opening is after it, still at 09:00 local.
    expect(evaluate(newYork, '2026-03-07T23:30:00Z').opensAt).toBe('2026-03-08T13:00:00.000Z');
  });

  it('ends at midnight with 24:00', () => {
    const late = settings('Europe/London', { wednesday: [{ start: '18:00', end: '24:00' }] });
    expect(evaluate(late, '2026-11-25T23:59:00Z')).toMatchObject({ accepting: true, closesAt: '2026-11-26T00:00:00.000Z' });
  });

  it('keeps a range past midnight with the day it starts on (Friday 20:00–02:00 opens Saturday 01:30 with Saturday unticked)', () => {
    const nights = settings('Europe/London', { friday: [{ start: '20:00', end: '02:00' }], saturday: false });
    expect(evaluate(nights, '2026-11-28T01:30:00Z')).toMatchObject({ accepting: true, reason: 'open', closesAt: '2026-11-28T02:00:00.000Z' });
    // After it ends, Saturday is a day off.
    expect(evaluate(nights, '2026-11-28T02:00:00Z')).toMatchObject({ accepting: false, reason: 'day-off', widget: 'disabled', opensAt: '2026-11-29T09:00:00.000Z' });
  });

  it('treats contiguous ranges as one: a 24/7 clinic never closes at midnight', () => {
    const always = settings('Europe/London', allWeek([{ start: '00:00', end: '24:00' }]));
    expect(evaluate(always, '2026-11-25T23:59:59Z')).toMatchObject({ accepting: true, closesAt: null });
    expect(evaluate(always, '2026-03-29T00:59:00Z')).toMatchObject({ accepting: true, closesAt: null });
    const split = settings('Europe/London', { wednesday: [{ start: '09:00', end: '12:00' }, { start: '12:00', end: '18:00' }] });
    expect(evaluate(split, '2026-11-25T11:00:00Z').closesAt).toBe('2026-11-25T18:00:00.000Z');
    const overnight = settings('Europe/London', { wednesday: [{ start: '09:00', end: '24:00' }], thursday: [{ start: '00:00', end: '17:00' }] });
    expect(evaluate(overnight, '2026-11-25T20:00:00Z').closesAt).toBe('2026-11-26T17:00:00.000Z');
  });

  it('closes for a minute with 00:00–23:59, unlike 00:00–24:00 (a bug peers have)', () => {
    const almost = settings('Europe/London', allWeek([{ start: '00:00', end: '23:59' }]));
    expect(evaluate(almost, '2026-11-25T12:00:00Z').closesAt).toBe('2026-11-25T23:59:00.000Z');
    expect(evaluate(almost, '2026-11-25T23:59:30Z')).toMatchObject({ accepting: false, opensAt: '2026-11-26T00:00:00.000Z' });
  });

  it('supports split shifts (a lunch closure)', () => {
    const lunch = settings('Europe/London', { wednesday: [{ start: '08:00', end: '12:30' }, { start: '13:30', end: '19:00' }] });
    expect(evaluate(lunch, '2026-11-25T12:45:00Z')).toMatchObject({ accepting: false, reason: 'outside-hours', opensAt: '2026-11-25T13:30:00.000Z' });
    expect(evaluate(lunch, '2026-11-25T10:00:00Z').closesAt).toBe('2026-11-25T12:30:00.000Z');
  });

  it('opens a range that starts in the DST gap at the first instant after the gap', () => {
    // 2026-03-29: London clocks go from 01:00 GMT to 02:00 BST; 01:30 does not exist.
    const gap = settings('Europe/London', { sunday: [{ start: '01:30', end: '05:00' }] });
    expect(evaluate(gap, '2026-03-29T00:59:00Z').opensAt).toBe('2026-03-29T01:00:00.000Z');
    expect(evaluate(gap, '2026-03-29T01:00:00Z')).toMatchObject({ accepting: true, closesAt: '2026-03-29T04:00:00.000Z' });
  });

  it('opens a range that starts in the repeated hour at its first occurrence', () => {
    // 2026-10-25: London clocks go back from 02:00 BST to 01:00 GMT; 01:30 happens twice.
    const repeated = settings('Europe/London', { sunday: [{ start: '01:30', end: '03:00' }] });
    expect(evaluate(repeated, '2026-10-25T00:00:00Z').opensAt).toBe('2026-10-25T00:30:00.000Z');
    expect(evaluate(repeated, '2026-10-25T01:45:00Z')).toMatchObject({ accepting: true, closesAt: '2026-10-25T03:00:00.000Z' });
  });

  it('handles +05:45 (Kathmandu) and a 30-minute DST shift (Lord Howe)', () => {
    const kathmandu = settings('Asia/Kathmandu');
    expect(evaluate(kathmandu, '2026-11-25T03:15:00Z')).toMatchObject({ accepting: true, closesAt: '2026-11-25T12:15:00.000Z' });
    expect(evaluate(kathmandu, '2026-11-25T03:14:00Z').opensAt).toBe('2026-11-25T03:15:00.000Z');
    // Lord Howe: UTC+10:30 in winter, +11 in summer (from the first Sunday of October, 02:00 -> 02:30).
    const lordHowe = settings('Australia/Lord_Howe');
    expect(evaluate(lordHowe, '2026-07-01T22:29:00Z').opensAt).toBe('2026-07-01T22:30:00.000Z');
    expect(evaluate(lordHowe, '2026-11-25T21:59:00Z').opensAt).toBe('2026-11-25T22:00:00.000Z');
    const gap = settings('Australia/Lord_Howe', { sunday: [{ start: '02:10', end: '04:00' }] });
    // 2026-10-04 02:00 local (15:30Z on the 3rd) jumps to 02:30.
    expect(evaluate(gap, '2026-10-03T15:00:00Z').opensAt).toBe('2026-10-03T15:30:00.000Z');
  });
});

describe('evaluateAvailability: unticked days and closures', () => {
  it('disables the widget on an unticked day, and says when chat opens next', () => {
    const noSunday = settings('Europe/London', { sunday: false });
    expect(evaluate(noSunday, '2026-11-29T12:00:00Z')).toMatchObject({ accepting: false, reason: 'day-off', widget: 'disabled', opensAt: '2026-11-30T09:00:00.000Z' });
  });

  it('closes all day on a closure date, even inside the weekly hours', () => {
    const christmas = settings('Europe/London', {}, { closures: [{ date: '2026-12-25', ranges: [], label: 'Christmas Day' }] });
    expect(evaluate(christmas, '2026-12-25T12:00:00Z')).toMatchObject({ accepting: false, reason: 'closure', widget: 'disabled', opensAt: '2026-12-26T09:00:00.000Z' });
  });

  it('uses a closure’s special hours instead of the weekly ones, also on an unticked day', () => {
    const eve = settings('Europe/London', { sunday: false }, {
      closures: [
        { date: '2026-12-24', ranges: [{ start: '09:00', end: '13:00' }] },
        { date: '2026-11-29', ranges: [{ start: '10:00', end: '12:00' }] },
      ],
    });
    expect(evaluate(eve, '2026-12-24T14:00:00Z')).toMatchObject({ accepting: false, reason: 'outside-hours', widget: 'banner' });
    expect(evaluate(eve, '2026-12-24T12:00:00Z').closesAt).toBe('2026-12-24T13:00:00.000Z');
    expect(evaluate(eve, '2026-11-29T11:00:00Z')).toMatchObject({ accepting: true, closesAt: '2026-11-29T12:00:00.000Z' });
    expect(evaluate(eve, '2026-11-29T08:00:00Z')).toMatchObject({ reason: 'outside-hours', opensAt: '2026-11-29T10:00:00.000Z' });
  });

  it('does not cut short a range that started the day before a closure', () => {
    const nights = settings('Europe/London', { thursday: [{ start: '20:00', end: '03:00' }] }, { closures: [{ date: '2026-11-27', ranges: [] }] });
    expect(evaluate(nights, '2026-11-27T02:00:00Z')).toMatchObject({ accepting: true, closesAt: '2026-11-27T03:00:00.000Z' });
    expect(evaluate(nights, '2026-11-27T03:00:00Z').reason).toBe('closure');
  });

  it('orders the reasons outside hours: closure > day-off > offline > outside-hours', () => {
    const s = settings('Europe/London', { sunday: false }, { closures: [{ date: '2026-11-29', ranges: [] }, { date: '2026-12-06', ranges: [{ start: '10:00', end: '11:00' }] }] });
    expect(evaluate(s, '2026-11-29T12:00:00Z', offline()).reason).toBe('closure');
    expect(evaluate(s, '2026-12-13T12:00:00Z', offline()).reason).toBe('day-off');
    expect(evaluate(s, '2026-12-06T12:00:00Z', offline()).reason).toBe('offline');
    expect(evaluate(s, '2026-12-06T12:00:00Z').reason).toBe('outside-hours');
    expect(evaluate(s, '2026-11-25T20:00:00Z', offline()).reason).toBe('offline');
  });

  it('finds no opening when no day is ticked and no closure has hours', () => {
    const never = settings('Europe/London', Object.fromEntries(weekdays.map((day) => [day, false])));
    expect(evaluate(never, '2026-11-25T12:00:00Z')).toMatchObject({ accepting: false, reason: 'day-off', opensAt: null });
  });

  it('looks past a long run of closures for the next opening', () => {
    const closures = Array.from({ length: 40 }, (_, i) => ({ date: new Date(Date.UTC(2026, 10, 25 + i)).toISOString().slice(0, 10), ranges: [] }));
    expect(evaluate(settings('Europe/London', {}, { closures }), '2026-11-25T12:00:00Z').opensAt).toBe('2027-01-04T09:00:00.000Z');
  });
});

describe('evaluateAvailability: the Online/Offline switch', () => {
  const london = settings('Europe/London');

  it('stops accepting inside hours while offline, with no known reopening', () => {
    expect(evaluate(london, '2026-11-25T12:10:00Z', offline())).toMatchObject({ accepting: false, reason: 'offline', widget: 'banner', opensAt: null, closesAt: null });
  });

  it('reopens when a timed break ends inside the hours', () => {
    expect(evaluate(london, '2026-11-25T12:10:00Z', offline('2026-11-25T12:30:00Z'))).toMatchObject({ reason: 'offline', opensAt: '2026-11-25T12:30:00.000Z' });
  });

  it('reopens at the next opening when a timed break ends outside the hours', () => {
    expect(evaluate(london, '2026-11-25T17:50:00Z', offline('2026-11-25T18:30:00Z')).opensAt).toBe('2026-11-26T09:00:00.000Z');
  });

  it('counts a timed break that has passed as online', () => {
    expect(evaluate(london, '2026-11-25T12:31:00Z', offline('2026-11-25T12:30:00Z'))).toMatchObject({ accepting: true, reason: 'open' });
  });

  it('does not mention the switch outside hours on an open day, beyond saying it is off', () => {
    expect(evaluate(london, '2026-11-25T20:00:00Z', offline())).toMatchObject({ reason: 'offline', widget: 'banner', opensAt: null });
  });
});

describe('evaluateAvailability: other channels and the emergency contact', () => {
  it('keeps the clinic reachable by SMS or WhatsApp whatever web chat does', () => {
    const s = settings('Europe/London', {}, { channels: { sms: '+447700900123', whatsapp: null } });
    expect(evaluate(s, '2026-11-25T20:00:00Z')).toMatchObject({ accepting: false, reachable: true, channels: { sms: true, whatsapp: false } });
    expect(evaluate(settings('Europe/London'), '2026-11-25T20:00:00Z')).toMatchObject({ reachable: false, channels: { sms: false, whatsapp: false } });
    expect(evaluate(settings('Europe/London'), '2026-11-25T12:00:00Z').reachable).toBe(true);
  });

  it('gives the emergency contact whenever web chat is not accepting', () => {
    const emergency = { phone: '+442079460000', label: 'Out-of-hours emergencies: Riverside 24h Vets' };
    const s = settings('Europe/London', { sunday: false }, { emergency });
    expect(evaluate(s, '2026-11-25T20:00:00Z').emergency).toEqual(emergency);
    expect(evaluate(s, '2026-11-29T12:00:00Z').emergency).toEqual(emergency);
    expect(evaluate(s, '2026-11-25T12:00:00Z', offline()).emergency).toEqual(emergency);
    expect(evaluate(s, '2026-11-25T12:00:00Z').emergency).toBeNull();
  });
});
