import { describe, expect, it } from 'vitest';
import { defaultSettings, weekdays } from '../../core/schedule-model.ts';
import { parseSettings } from '../../core/schemas/schedule.ts';
import { sameJson } from '../../core/same-json.ts';
import type { ChatSettings } from '../../core/schemas/schedule.ts';
import { addRange, copyDayToAll, mergeClosures, nextRangeAfter, removeRange, resetWeek, setChannel, setDayOpen, setEmergencyField, setRangeTime } from '../../renderer/src/draft/draft-edits.ts';
import { shareUnchanged } from '../../renderer/src/draft/draft-state.ts';

const base = (): ChatSettings => defaultSettings('Europe/London');

describe('draft edits', () => {
  it('changes only the edited day and keeps every other part by reference', () => {
    const before = base();
    const after = setRangeTime(before, 'monday', 0, 'end', '17:00');
    expect(after.week.monday.ranges).toEqual([{ start: '09:00', end: '17:00' }]);
    expect(before.week.monday.ranges[0]!.end).toBe('18:00'); // never mutated in place
    for (const day of weekdays.filter((d) => d !== 'monday')) expect(after.week[day]).toBe(before.week[day]);
    expect(after.closures).toBe(before.closures);
    expect(after.channels).toBe(before.channels);
  });

  it('splits a day with "Add hours" after the last range, so the day stays valid', () => {
    const split = addRange(setRangeTime(base(), 'monday', 0, 'end', '13:00'), 'monday');
    expect(split.week.monday.ranges).toEqual([
      { start: '09:00', end: '13:00' },
      { start: '14:00', end: '15:00' },
    ]);
    expect(parseSettings(split).ok).toBe(true);
    expect(removeRange(split, 'monday', 0).week.monday.ranges).toEqual([{ start: '14:00', end: '15:00' }]);
  });

  it('proposes empty times near midnight or after a range that runs past it, for the staff member to type', () => {
    expect(nextRangeAfter([{ start: '09:00', end: '23:00' }])).toEqual({ start: '', end: '' });
    expect(nextRangeAfter([{ start: '22:00', end: '02:00' }])).toEqual({ start: '', end: '' });
    expect(nextRangeAfter([])).toEqual({ start: '09:00', end: '18:00' });
  });

  it('gives a re-ticked empty day the default hours', () => {
    const emptied = { ...base(), week: { ...base().week, sunday: { open: false, ranges: [] } } };
    expect(setDayOpen(emptied, 'sunday', true).week.sunday).toEqual({ open: true, ranges: [{ start: '09:00', end: '18:00' }] });
    expect(setDayOpen(base(), 'sunday', false).week.sunday).toEqual({ open: false, ranges: [{ start: '09:00', end: '18:00' }] });
  });

  it('copies Monday to all days', () => {
    const monday = addRange(setRangeTime(base(), 'monday', 0, 'end', '12:00'), 'monday');
    const copied = copyDayToAll(setDayOpen(monday, 'sunday', false), 'monday');
    for (const day of weekdays) expect(copied.week[day]).toEqual(monday.week.monday);
  });

  it('resets the week to the article defaults and keeps zone, closures, channels and emergency contact', () => {
    const edited: ChatSettings = {
      ...setDayOpen(setRangeTime(base(), 'friday', 0, 'start', '07:00'), 'sunday', false),
      timezone: 'America/New_York',
      closures: [{ date: '2026-12-25', ranges: [] }],
      channels: { sms: '+447700900123', whatsapp: null },
      emergency: { phone: '+447700900999', label: 'Riverside 24h Vets' },
    };
    const reset = resetWeek(edited);
    expect(reset.week).toEqual(defaultSettings('America/New_York').week);
    expect(reset.timezone).toBe('America/New_York');
    expect(reset.closures).toBe(edited.closures);
    expect(reset.channels).toBe(edited.channels);
    expect(reset.emergency).toBe(edited.emergency);
  });

  it('keeps a channel number as typed and clears it when emptied', () => {
    expect(setChannel(base(), 'sms', '+44 7700 900123').channels.sms).toBe('+44 7700 900123');
    expect(setChannel(setChannel(base(), 'sms', '+44'), 'sms', '  ').channels.sms).toBeNull();
  });

  it('imports closures once per date, sorted by date', () => {
    const withOne = { ...base(), closures: [{ date: '2026-12-25', ranges: [], label: 'Mine' }] };
    const { settings, added } = mergeClosures(withOne, [
      { date: '2026-12-26', ranges: [], label: 'Boxing Day' },
      { date: '2026-12-25', ranges: [], label: 'Christmas Day' },
      { date: '2026-12-24', ranges: [], label: 'Eve' },
    ]);
    expect(added).toBe(2);
    expect(settings.closures.map((c) => `${c.date} ${c.label}`)).toEqual(['2026-12-24 Eve', '2026-12-25 Mine', '2026-12-26 Boxing Day']);
  });
});

describe('adopting the committed settings', () => {
  it('reuses unchanged days by reference and takes changed ones', () => {
    const current = base();
    const incoming = JSON.parse(JSON.stringify(setRangeTime(current, 'tuesday', 0, 'start', '08:00'))) as ChatSettings;
    const adopted = shareUnchanged(current, incoming);
    expect(adopted.week.tuesday.ranges[0]!.start).toBe('08:00');
    expect(adopted.week.monday).toBe(current.week.monday);
    expect(adopted.channels).toBe(current.channels);
    expect(shareUnchanged(current, JSON.parse(JSON.stringify(current)) as ChatSettings)).toBe(current);
  });

  it('keeps the emergency line as one pair: half filled asks for the rest, both empty means none', () => {
    const half = setEmergencyField(base(), 'label', 'Out-of-hours emergencies: Riverside 24h Vets');
    expect(half.emergency).toEqual({ label: 'Out-of-hours emergencies: Riverside 24h Vets', phone: '' });
    const problems = parseSettings(half);
    expect(problems.ok ? [] : problems.errors.map((error) => error.path)).toEqual(['emergency.phone']);
    const whole = setEmergencyField(half, 'phone', '+44 20 7946 0000');
    expect(parseSettings(whole)).toMatchObject({ ok: true, value: { emergency: { phone: '+442079460000' } } });
    expect(whole.week).toBe(half.week);
    expect(setEmergencyField(setEmergencyField(whole, 'label', ''), 'phone', ' ').emergency).toBeNull();
  });

  it('shares an unchanged emergency line when adopting main’s copy', () => {
    const current = setEmergencyField(setEmergencyField(base(), 'label', 'Emergencies'), 'phone', '+442079460000');
    const incoming = JSON.parse(JSON.stringify(setChannel(current, 'sms', '+447700900123'))) as ChatSettings;
    expect(shareUnchanged(current, incoming).emergency).toBe(current.emergency);
  });

  it('compares JSON values ignoring key order (core’s sameJson, which shareUnchanged uses)', () => {
    expect(sameJson({ a: 1, b: [{ c: 2, d: null }] }, { b: [{ d: null, c: 2 }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  });

  it('keeps the current copy when main’s copy is the same settings with its keys in another order', () => {
    const current = base();
    const { timezone, week, closures, channels, emergency } = JSON.parse(JSON.stringify(current)) as ChatSettings;
    const reordered = { emergency, channels, closures, week, timezone } as ChatSettings;
    expect(shareUnchanged(current, reordered)).toBe(current);
  });
});
