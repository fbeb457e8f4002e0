import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../core/schedule-model.ts';
import { durationText } from '../../core/wording.ts';
import { parseSettings } from '../../core/schemas/schedule.ts';
import { changeText, presenceChange, settingsChanges } from '../../core/settings-diff.ts';
import type { WordingOptions } from '../../core/wording.ts';
import type { ChatSettings, Presence } from '../../core/schemas/schedule.ts';
import { changedByHeaderSchema, changedByHeaderValue, historyQuerySchema, historyResponseSchema } from '../../core/schemas/history.ts';

const base = defaultSettings('Europe/London');
const at = '2026-11-25T14:00:00.000Z';
// A reader in London with a British PC (24-hour clock), unless a test says otherwise.
const british: WordingOptions = { timezone: 'Europe/London', now: new Date(at), locale: 'en-GB' };
const texts = (before: ChatSettings, after: ChatSettings, options = british) => settingsChanges(before, after).map((change) => changeText(change, at, options));
const withDay = (settings: ChatSettings, day: keyof ChatSettings['week'], open: boolean, ranges: { start: string; end: string }[]): ChatSettings => ({
  ...settings,
  week: { ...settings.week, [day]: { open, ranges } },
});

describe('settingsChanges: the week', () => {
  it('finds nothing between equal settings', () => {
    expect(settingsChanges(base, defaultSettings('Europe/London'))).toEqual([]);
  });

  it('says a day was unticked, or ticked with its hours', () => {
    const sundayOff = withDay(base, 'sunday', false, [{ start: '09:00', end: '18:00' }]);
    expect(settingsChanges(base, sundayOff)).toEqual([
      { field: 'week', day: 'sunday', change: 'unticked', before: [{ start: '09:00', end: '18:00' }], after: [] },
    ]);
    expect(texts(base, sundayOff)).toEqual(['Sunday unticked']);
    const sundayShort = withDay(sundayOff, 'sunday', true, [{ start: '10:00', end: '14:00' }]);
    expect(texts(sundayOff, sundayShort)).toEqual(['Sunday ticked, 10:00–14:00']);
  });

  it('shows changed hours as before → after, times as stored', () => {
    const saturday = withDay(base, 'saturday', true, [{ start: '09:00', end: '13:00' }]);
    expect(texts(saturday, withDay(saturday, 'saturday', true, [{ start: '09:00', end: '12:00' }]))).toEqual(['Saturday 09:00–13:00 → 09:00–12:00']);
    const split = withDay(base, 'monday', true, [
      { start: '13:30', end: '19:00' },
      { start: '08:00', end: '12:30' },
    ]);
    expect(texts(base, split)).toEqual(['Monday 09:00–18:00 → 08:00–12:30, 13:30–19:00']);
    expect(texts(base, withDay(base, 'friday', true, [{ start: '22:00', end: '24:00' }]))).toEqual(['Friday 09:00–18:00 → 22:00–24:00']);
  });

  it('says times as the reader’s locale does: a 12-hour clock for an American PC, 24-hour for a German one', () => {
    const saturday = withDay(base, 'saturday', true, [{ start: '09:00', end: '13:00' }]);
    const american = { ...british, locale: 'en-US' };
    expect(texts(saturday, withDay(saturday, 'saturday', true, [{ start: '09:30', end: '24:00' }]), american)).toEqual(['Saturday 9:00 AM–1:00 PM → 9:30 AM–12:00 AM']);
    expect(texts(base, { ...base, closures: [{ date: '2026-12-24', ranges: [{ start: '09:00', end: '13:00' }] }] }, american)).toEqual([
      'Closure added: Thu, Dec 24, 2026 — open 9:00 AM–1:00 PM only',
    ]);
    expect(texts(saturday, withDay(saturday, 'saturday', true, [{ start: '09:30', end: '24:00' }]), { ...british, locale: 'de-DE' })).toEqual(['Saturday 09:00–13:00 → 09:30–24:00']);
    // The same PC, with the 24-hour clock forced on.
    expect(texts(saturday, withDay(saturday, 'saturday', true, [{ start: '09:30', end: '13:00' }]), { ...american, hour12: false })).toEqual(['Saturday 09:00–13:00 → 09:30–13:00']);
  });

  it('ignores the order ranges were typed in and the hidden hours of an unticked day', () => {
    const twoRanges = withDay(base, 'monday', true, [
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ]);
    const reordered = withDay(base, 'monday', true, [
      { start: '13:00', end: '17:00' },
      { start: '08:00', end: '12:00' },
    ]);
    expect(settingsChanges(twoRanges, reordered)).toEqual([]);
    const off = withDay(base, 'sunday', false, [{ start: '09:00', end: '18:00' }]);
    expect(settingsChanges(off, withDay(base, 'sunday', false, []))).toEqual([]);
  });

  it('lists several days in week order, then the rest', () => {
    let after = withDay(base, 'sunday', false, []);
    after = withDay(after, 'monday', true, [{ start: '08:00', end: '18:00' }]);
    after = { ...after, timezone: 'Europe/Dublin', channels: { sms: '+447700900123', whatsapp: null } };
    expect(settingsChanges(base, after).map((change) => change.field)).toEqual(['week', 'week', 'channels', 'timezone']);
    expect(texts(base, after)).toEqual(['Monday 09:00–18:00 → 08:00–18:00', 'Sunday unticked', 'SMS number set: +447700900123', 'Time zone Europe/London → Europe/Dublin']);
  });
});

describe('settingsChanges: closures', () => {
  const christmas = { date: '2026-12-25', ranges: [], label: 'Christmas Day' };
  const eve = { date: '2026-12-24', ranges: [{ start: '09:00', end: '13:00' }], label: 'Christmas Eve' };

  it('names added and removed closures by label and date, in date order', () => {
    const added = { ...base, closures: [christmas, eve] };
    expect(texts(base, added)).toEqual([
      'Closure added: Christmas Eve, Thu, 24 Dec 2026 — open 09:00–13:00 only',
      'Closure added: Christmas Day, Fri, 25 Dec 2026 — closed all day',
    ]);
    expect(settingsChanges(base, added)[1]).toMatchObject({ field: 'closures', change: 'added', date: '2026-12-25', label: 'Christmas Day', before: null, after: christmas });
    expect(texts(added, { ...base, closures: [eve] })).toEqual(['Closure removed: Christmas Day, Fri, 25 Dec 2026']);
    expect(texts(base, { ...base, closures: [{ date: '2027-01-01', ranges: [] }] })).toEqual(['Closure added: Fri, 1 Jan 2027 — closed all day']);
  });

  it('says a closure opens its morning when the night before runs into it (Thursday 20:00–02:00)', () => {
    // The night range belongs to Thursday, so chat accepts at 01:00 on Christmas morning.
    const thursdayNights = withDay(base, 'thursday', true, [{ start: '20:00', end: '02:00' }]);
    expect(texts(thursdayNights, { ...thursdayNights, closures: [christmas] })).toEqual(['Closure added: Christmas Day, Fri, 25 Dec 2026 — closed from 02:00']);
    const special = { date: '2026-12-25', ranges: [{ start: '10:00', end: '12:00' }] };
    expect(texts(thursdayNights, { ...thursdayNights, closures: [special] })).toEqual(['Closure added: Fri, 25 Dec 2026 — open until 02:00, 10:00–12:00 only']);
    expect(texts({ ...thursdayNights, closures: [special] }, { ...thursdayNights, closures: [{ ...special, ranges: [] }] })).toEqual([
      'Closure changed: Fri, 25 Dec 2026 — open until 02:00, 10:00–12:00 only → closed from 02:00',
    ]);
    // A closure on the Thursday itself takes the night away: Friday is then closed all day.
    const both = { ...thursdayNights, closures: [{ date: '2026-12-24', ranges: [] }, christmas] };
    expect(texts(thursdayNights, both)).toEqual(['Closure added: Thu, 24 Dec 2026 — closed all day', 'Closure added: Christmas Day, Fri, 25 Dec 2026 — closed all day']);
  });

  it('says what changed in a closure: its hours, its label, or both', () => {
    const before = { ...base, closures: [eve] };
    expect(texts(before, { ...base, closures: [{ ...eve, ranges: [] }] })).toEqual(['Closure changed: Thu, 24 Dec 2026 — open 09:00–13:00 only → closed all day']);
    expect(texts(before, { ...base, closures: [{ ...eve, label: 'Xmas Eve', ranges: [{ start: '09:00', end: '12:00' }] }] })).toEqual([
      'Closure changed: Thu, 24 Dec 2026 — label “Christmas Eve” → “Xmas Eve”; open 09:00–13:00 only → open 09:00–12:00 only',
    ]);
    expect(texts({ ...base, closures: [christmas] }, { ...base, closures: [{ date: christmas.date, ranges: [] }] })).toEqual([
      'Closure changed: Fri, 25 Dec 2026 — label “Christmas Day” → none',
    ]);
  });
});

describe('settingsChanges: channels, emergency contact, time zone', () => {
  it('says a number was set, changed or removed', () => {
    const sms = { ...base, channels: { sms: '+447700900123', whatsapp: '+447700900999' } };
    expect(texts(base, sms)).toEqual(['SMS number set: +447700900123', 'WhatsApp number set: +447700900999']);
    expect(texts(sms, { ...base, channels: { sms: '+447700900124', whatsapp: null } })).toEqual([
      'SMS number +447700900123 → +447700900124',
      'WhatsApp number removed (was +447700900999)',
    ]);
  });

  it('says the emergency contact was set, changed or removed', () => {
    const riverside = { phone: '+441632960111', label: 'Out-of-hours emergencies: Riverside 24h Vets' };
    const withContact = { ...base, emergency: riverside };
    expect(texts(base, withContact)).toEqual(['Emergency contact set: Out-of-hours emergencies: Riverside 24h Vets, +441632960111']);
    expect(settingsChanges(base, withContact)[0]).toMatchObject({ field: 'emergency', before: null, after: riverside });
    expect(texts(withContact, { ...base, emergency: { ...riverside, phone: '+441632960222' } })).toEqual([
      'Emergency contact Out-of-hours emergencies: Riverside 24h Vets, +441632960111 → Out-of-hours emergencies: Riverside 24h Vets, +441632960222',
    ]);
    expect(texts(withContact, base)).toEqual(['Emergency contact removed (was Out-of-hours emergencies: Riverside 24h Vets, +441632960111)']);
    expect(texts(withContact, { ...base, emergency: { ...riverside } })).toEqual([]);
  });

  it('works on settings as parseSettings normalises them (typed numbers, trimmed labels)', () => {
    const typed = parseSettings({ ...base, channels: { sms: '+44 7700 900123', whatsapp: '' }, closures: [{ date: '2026-12-25', ranges: [], label: '  Christmas Day ' }] });
    if (!typed.ok) throw new Error(JSON.stringify(typed.errors));
    expect(texts(base, typed.value)).toEqual(['Closure added: Christmas Day, Fri, 25 Dec 2026 — closed all day', 'SMS number set: +447700900123']);
  });
});

describe('presenceChange', () => {
  const online: Presence = { online: true, offlineUntil: null, changedAt: '2026-11-25T08:00:00.000Z', changedBy: null };
  const offline = (offlineUntil: string | null, changedAt = at): Presence => ({ online: false, offlineUntil, changedAt, changedBy: 'Front desk 2' });
  /** The words of the change made at `changedAt` (the server stamps it; the history entry's `at`). */
  const said = (before: Presence, after: Presence, options = british) => {
    const change = presenceChange(before, after);
    return change && changeText(change, after.changedAt, options);
  };

  it('records the switch after the change, and says it went offline or online', () => {
    expect(presenceChange(online, offline(null))).toEqual({ field: 'presence', online: false, offlineUntil: null });
    expect(said(online, offline(null))).toBe('went offline');
    expect(said(offline(null), { ...online, changedAt: at })).toBe('went online');
  });

  it('says how long a timed break lasts and when it ends, on the clinic’s clock', () => {
    // The PC computed the end a moment before the server stamped the change.
    expect(said(online, offline('2026-11-25T14:30:00.000Z', '2026-11-25T14:00:00.800Z'))).toBe('went offline for 30 minutes, back at 14:30');
    expect(said(online, offline('2026-11-25T15:30:00.000Z'), { ...british, timezone: 'Europe/Paris' })).toBe('went offline for 1 hour 30 minutes, back at 16:30');
    expect(said(online, offline('2026-11-26T01:00:00.000Z'))).toBe('went offline for 11 hours, back tomorrow at 01:00');
    expect(said(online, offline('2026-11-30T09:00:00.000Z'))).toBe('went offline, back Monday at 09:00');
    expect(said(online, offline('2026-11-25T14:30:00.000Z'), { ...british, locale: 'en-US' })).toBe('went offline for 30 minutes, back at 2:30 PM');
  });

  it('records nothing when the switch is as it was', () => {
    expect(presenceChange(online, { ...online, changedAt: at, changedBy: 'Reception' })).toBeNull();
    expect(presenceChange(offline(null), offline(null, '2026-11-25T15:00:00.000Z'))).toBeNull();
    // A new break while on a break is a change.
    expect(said(offline('2026-11-25T14:30:00.000Z'), offline('2026-11-25T15:00:00.000Z'))).toBe('went offline for 1 hour, back at 15:00');
  });

  it('words durations', () => {
    expect([1, 2, 60, 61, 120, 150].map(durationText)).toEqual(['1 minute', '2 minutes', '1 hour', '1 hour 1 minute', '2 hours', '2 hours 30 minutes']);
  });
});

describe('history contract', () => {
  it('reads the page query with its defaults and bounds', () => {
    expect(historyQuerySchema.parse({})).toEqual({ limit: 50 });
    expect(historyQuerySchema.parse({ before: '42', limit: '100' })).toEqual({ before: 42, limit: 100 });
    for (const bad of [{ limit: '0' }, { limit: '101' }, { limit: '1.5' }, { limit: ['1', '2'] }, { before: '0' }, { before: 'abc' }, { page: '2' }]) {
      expect(historyQuerySchema.safeParse(bad).success).toBe(false);
    }
  });

  it('carries any PC name through X-Changed-By, and refuses what no client sends', () => {
    for (const name of ['Front desk 2', 'Réception', '受付 PC', '100% desk']) expect(changedByHeaderSchema.parse(changedByHeaderValue(name))).toBe(name);
    // Control characters, which no name the app accepts holds, travel as spaces.
    expect(changedByHeaderSchema.parse(changedByHeaderValue('Front\tdesk'))).toBe('Front desk');
    expect(changedByHeaderSchema.parse('Front desk 2')).toBe('Front desk 2');
    for (const bad of [undefined, '', '  ', '%E0%A4%A', 'R\u00e9ception', '%0A', 'x'.repeat(65)]) expect(changedByHeaderSchema.safeParse(bad).success).toBe(false);
  });

  it('checks an answer with the schema the desktop app uses', () => {
    const entry = { id: 3, at: '2026-11-25T14:00:00.000Z', changedBy: 'Reception', kind: 'settings', version: 2, changes: settingsChanges(base, withDay(base, 'sunday', false, [])) };
    expect(historyResponseSchema.safeParse({ entries: [entry], nextBefore: null }).success).toBe(true);
    expect(historyResponseSchema.safeParse({ entries: [{ ...entry, kind: 'presence' }], nextBefore: null }).success).toBe(false);
  });
});
