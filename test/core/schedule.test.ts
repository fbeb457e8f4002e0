import { describe, expect, it } from 'vitest';
import { chatSettingsSchema, fieldErrorsFromIssues, parseSettings, presenceSchema } from '../../core/schemas/schedule.ts';
import { defaultPresence, defaultSettings, rangeMinutes, runsPastMidnight, weekdays } from '../../core/schedule-model.ts';
import type { ChatSettings } from '../../core/schemas/schedule.ts';

const base = defaultSettings('Europe/London');
const withMonday = (ranges: { start: string; end: string }[], open = true): unknown => ({ ...base, week: { ...base.week, monday: { open, ranges } } });
const errorsOf = (input: unknown) => {
  const result = parseSettings(input);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
};

describe('defaultSettings (the help article’s default state)', () => {
  it('ticks all seven days, 09:00–18:00, with no closures, channels or emergency contact', () => {
    const settings = defaultSettings('America/New_York');
    expect(settings.timezone).toBe('America/New_York');
    expect(Object.keys(settings.week)).toEqual([...weekdays]);
    for (const day of weekdays) expect(settings.week[day]).toEqual({ open: true, ranges: [{ start: '09:00', end: '18:00' }] });
    expect(settings.closures).toEqual([]);
    expect(settings.channels).toEqual({ sms: null, whatsapp: null });
    expect(settings.emergency).toBeNull();
    expect(parseSettings(settings)).toEqual({ ok: true, value: settings });
  });

  it('starts online', () => {
    const now = new Date('2026-11-25T10:00:00Z');
    expect(defaultPresence(now, 'Reception')).toEqual({ online: true, offlineUntil: null, changedAt: now.toISOString(), changedBy: 'Reception' });
  });
});

describe('parseSettings', () => {
  it('rejects times that are not HH:mm, with the field path and a message a person can act on', () => {
    expect(errorsOf(withMonday([{ start: '25:00', end: '9am' }]))).toEqual([
      { path: 'week.monday.ranges.0.start', message: 'Enter a time as HH:mm, for example 09:00' },
      { path: 'week.monday.ranges.0.end', message: 'Enter a time as HH:mm, for example 18:00 (24:00 for midnight)' },
    ]);
    for (const bad of ['9:00', '09:60', '24:01', '', '0900', ' 09:00']) {
      expect(errorsOf(withMonday([{ start: bad, end: '18:00' }]))[0]?.path).toBe('week.monday.ranges.0.start');
    }
  });

  it('accepts 24:00 only as an end', () => {
    expect(parseSettings(withMonday([{ start: '00:00', end: '24:00' }])).ok).toBe(true);
    expect(errorsOf(withMonday([{ start: '24:00', end: '02:00' }]))).toEqual([
      { path: 'week.monday.ranges.0.start', message: '24:00 can only end a range; start at 00:00 instead' },
    ]);
  });

  it('rejects overlapping ranges of one day, pointing at the later one', () => {
    expect(errorsOf(withMonday([{ start: '09:00', end: '13:00' }, { start: '12:30', end: '18:00' }]))).toEqual([
      { path: 'week.monday.ranges.1.start', message: 'Overlaps 09:00–13:00; the hours of one day must not overlap' },
    ]);
    // A range past midnight overlaps a later one that starts before it ends.
    expect(errorsOf(withMonday([{ start: '20:00', end: '02:00' }, { start: '22:00', end: '23:00' }]))[0]?.path).toBe('week.monday.ranges.1.start');
  });

  it('accepts split shifts, contiguous ranges and a range past midnight', () => {
    expect(parseSettings(withMonday([{ start: '08:00', end: '12:00' }, { start: '12:00', end: '13:00' }, { start: '14:00', end: '02:00' }])).ok).toBe(true);
  });

  it('asks for hours on a ticked day, and keeps an unticked day’s hours for when it is ticked again', () => {
    expect(errorsOf(withMonday([]))).toEqual([{ path: 'week.monday.ranges', message: 'Add opening hours for Monday, or untick it' }]);
    expect(parseSettings(withMonday([], false)).ok).toBe(true);
    expect(parseSettings(withMonday([{ start: '09:00', end: '12:00' }], false)).ok).toBe(true);
  });

  it('rejects unknown time zones', () => {
    expect(errorsOf({ ...base, timezone: 'Europe/Atlantis' })).toEqual([
      { path: 'timezone', message: 'Choose a time zone from the list, for example Europe/London' },
    ]);
    expect(parseSettings({ ...base, timezone: 'Asia/Kathmandu' }).ok).toBe(true);
    expect(parseSettings({ ...base, timezone: 'Australia/Lord_Howe' }).ok).toBe(true);
  });

  it('rejects malformed and impossible closure dates, and the same date twice', () => {
    const closures = [
      { date: '2026-02-30', ranges: [] },
      { date: '25/12/2026', ranges: [] },
      { date: '2026-12-25', ranges: [], label: 'Christmas Day' },
      { date: '2026-12-25', ranges: [{ start: '10:00', end: '12:00' }] },
    ];
    expect(errorsOf({ ...base, closures })).toEqual([
      { path: 'closures.0.date', message: 'Enter a real date as YYYY-MM-DD' },
      { path: 'closures.1.date', message: 'Enter a real date as YYYY-MM-DD' },
    ]);
    expect(errorsOf({ ...base, closures: closures.slice(2) })).toEqual([
      { path: 'closures.1.date', message: '2026-12-25 is already in the list; edit that closure instead' },
    ]);
  });

  it('checks closure ranges like weekly ranges', () => {
    const closures = [{ date: '2026-12-24', ranges: [{ start: '09:00', end: '13:00' }, { start: '12:00', end: '14:00' }] }];
    expect(errorsOf({ ...base, closures })[0]?.path).toBe('closures.0.ranges.1.start');
  });

  it('stores phone numbers as E.164, accepting them as people type them, and rejects the rest', () => {
    const result = parseSettings({ ...base, channels: { sms: '+44 7700 900123', whatsapp: '' } });
    expect(result.ok && result.value.channels).toEqual({ sms: '+447700900123', whatsapp: null });
    for (const bad of ['07700 900123', '+0 123 4567', '+44 77OO 900123', '+1234']) {
      expect(errorsOf({ ...base, channels: { sms: null, whatsapp: bad } })).toEqual([
        { path: 'channels.whatsapp', message: 'Enter the number in international format, for example +44 7700 900123' },
      ]);
    }
  });

  it('validates the emergency contact like the other numbers, and defaults it for older settings', () => {
    const emergency = { phone: '+44 20 7946 0000', label: 'Out-of-hours emergencies: Riverside 24h Vets' };
    const result = parseSettings({ ...base, emergency });
    expect(result.ok && result.value.emergency).toEqual({ phone: '+442079460000', label: emergency.label });
    expect(errorsOf({ ...base, emergency: { phone: '999', label: ' ' } }).map((error) => error.path)).toEqual(['emergency.phone', 'emergency.label']);
    const { emergency: _omitted, ...older } = base;
    const upgraded = parseSettings(older);
    expect(upgraded.ok && upgraded.value.emergency).toBeNull();
  });

  it('rejects unknown fields and wrong types instead of storing them', () => {
    expect(errorsOf({ ...base, colour: 'blue' })[0]?.message).toMatch(/colour/);
    expect(errorsOf({ ...base, week: { ...base.week, monday: { open: 'yes', ranges: [] } } })[0]?.path).toBe('week.monday.open');
    expect(errorsOf(null)[0]?.path).toBe('');
    expect(errorsOf({ ...base, week: { ...base.week, funday: base.week.monday } })[0]?.message).toMatch(/funday/);
  });
});

describe('ranges', () => {
  it('measures a range in minutes after the midnight that starts its day', () => {
    expect(rangeMinutes({ start: '09:00', end: '18:00' })).toEqual({ start: 540, end: 1080 });
    expect(rangeMinutes({ start: '00:00', end: '24:00' })).toEqual({ start: 0, end: 1440 });
    expect(rangeMinutes({ start: '20:00', end: '02:00' })).toEqual({ start: 1200, end: 1560 });
    // An end equal to the start is a full 24 hours, not nothing.
    expect(rangeMinutes({ start: '09:00', end: '09:00' })).toEqual({ start: 540, end: 1980 });
    expect(runsPastMidnight({ start: '20:00', end: '02:00' })).toBe(true);
    expect(runsPastMidnight({ start: '09:00', end: '24:00' })).toBe(false);
  });

  it('settings are plain JSON: a round trip through JSON parses to the same value', () => {
    const settings: ChatSettings = { ...base, closures: [{ date: '2026-12-25', ranges: [], label: 'Christmas Day' }] };
    expect(parseSettings(JSON.parse(JSON.stringify(settings)))).toEqual({ ok: true, value: settings });
  });
});

describe('fieldErrorsFromIssues (the one zod → { path, message } conversion)', () => {
  it('joins nested paths with dots and keeps each schema’s own message', () => {
    const result = presenceSchema.safeParse({ online: false, offlineUntil: 'half past two', changedAt: '2026-11-25T14:00:00Z', changedBy: null });
    if (result.success) throw new Error('expected errors');
    expect(fieldErrorsFromIssues(result.error.issues)).toEqual([{ path: 'offlineUntil', message: 'Enter an instant as ISO 8601, for example 2026-11-25T14:30:00Z' }]);
    const nested = chatSettingsSchema.safeParse(withMonday([{ start: '9am', end: '18:00' }]));
    if (nested.success) throw new Error('expected errors');
    expect(fieldErrorsFromIssues(nested.error.issues)).toEqual([{ path: 'week.monday.ranges.0.start', message: 'Enter a time as HH:mm, for example 09:00' }]);
  });
});
