import { describe, expect, it } from 'vitest';
import { clockTime, closedAllDayText, goingOfflineWarning, ownerBanner, relativeTime, staffStatusSentence } from '../../core/wording.ts';
import { defaultSettings } from '../../core/schedule-model.ts';
import { evaluateAvailability, clockChanges } from '../../core/availability.ts';
import type { ChatSettings, Presence } from '../../core/schemas/schedule.ts';

const zone = 'Europe/London';
const london = defaultSettings(zone);
const online: Presence = { online: true, offlineUntil: null, changedAt: '2026-11-25T08:00:00Z', changedBy: null };
const offline = (offlineUntil: string | null): Presence => ({ online: false, offlineUntil, changedAt: '2026-11-25T12:03:00Z', changedBy: 'Front desk 2' });

function sentence(when: string, presence: Presence = online, settings: ChatSettings = london, extra: { locale?: string; hour12?: boolean; closureLabel?: string } = {}) {
  const now = new Date(when);
  return staffStatusSentence(evaluateAvailability(settings, presence, now), { timezone: settings.timezone, now, presence, ...extra });
}

describe('staff status sentences', () => {
  it('says when chat closes while accepting', () => {
    expect(sentence('2026-11-25T10:00:00Z')).toBe('Accepting chats · closes at 18:00');
    const always = { ...london, week: Object.fromEntries(Object.keys(london.week).map((day) => [day, { open: true, ranges: [{ start: '00:00', end: '24:00' }] }])) } as ChatSettings;
    expect(sentence('2026-11-25T10:00:00Z', online, always)).toBe('Accepting chats · open around the clock');
  });

  it('says when chat opens outside hours: today, tomorrow, a weekday, or a date', () => {
    expect(sentence('2026-11-25T07:00:00Z')).toBe('Outside business hours · opens at 09:00');
    expect(sentence('2026-11-25T19:00:00Z')).toBe('Outside business hours · opens tomorrow at 09:00');
    const weekendOff = { ...london, week: { ...london.week, thursday: { open: false, ranges: [] }, friday: { open: false, ranges: [] } } };
    expect(sentence('2026-11-25T19:00:00Z', online, weekendOff)).toBe('Outside business hours · opens Saturday at 09:00');
    const closedToMonth = { ...london, closures: ['2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02'].map((date) => ({ date, ranges: [] })) };
    expect(sentence('2026-11-25T19:00:00Z', online, closedToMonth)).toBe('Outside business hours · opens on Thu 3 Dec at 09:00');
  });

  it('says who switched off and since when, or when a timed break ends', () => {
    expect(sentence('2026-11-25T12:10:00Z', offline(null))).toBe("Not accepting chats · you're offline since 12:03 (Front desk 2)");
    expect(sentence('2026-11-25T12:10:00Z', offline('2026-11-25T14:30:00Z'))).toBe('Offline · back at 14:30');
    expect(sentence('2026-11-26T10:00:00Z', offline(null))).toBe("Not accepting chats · you're offline since yesterday at 12:03 (Front desk 2)");
  });

  it('says the widget is disabled on a day off or a closure', () => {
    const noWednesday = { ...london, week: { ...london.week, wednesday: { open: false, ranges: [] } } };
    expect(sentence('2026-11-25T12:00:00Z', online, noWednesday)).toBe('Closed today — the chat widget is disabled on your website');
    const closed = { ...london, closures: [{ date: '2026-11-25', ranges: [], label: 'Staff training' }] };
    expect(sentence('2026-11-25T12:00:00Z', online, closed, { closureLabel: 'Staff training' })).toBe('Closed today (Staff training) — the chat widget is disabled on your website');
    expect(sentence('2026-11-25T12:00:00Z', offline(null), noWednesday)).toBe('Closed today — the chat widget is disabled on your website · the switch is Offline');
  });

  it('uses the locale’s 12- or 24-hour habit, or the one asked for', () => {
    expect(sentence('2026-11-25T10:00:00Z', online, london, { locale: 'en-US' })).toBe('Accepting chats · closes at 6:00 PM');
    expect(sentence('2026-11-25T10:00:00Z', online, london, { locale: 'en-GB', hour12: true })).toBe('Accepting chats · closes at 6:00 pm');
    expect(clockTime('2026-11-25T09:05:00Z', { timezone: zone, now: new Date('2026-11-25T09:05:00Z'), locale: 'en-US', hour12: false })).toBe('09:05');
  });

  it('says times on the clinic’s clocks, whatever the PC’s zone', () => {
    const kathmandu = defaultSettings('Asia/Kathmandu');
    expect(sentence('2026-11-25T10:00:00Z', online, kathmandu)).toBe('Accepting chats · closes at 18:00');
    expect(relativeTime('2026-11-25T18:30:00Z', { timezone: 'Asia/Kathmandu', now: new Date('2026-11-25T17:00:00Z') })).toBe('tomorrow at 00:15');
  });
});

describe('owner-facing wording', () => {
  it('tells owners when chat is back, and which other channels still work', () => {
    const now = new Date('2026-11-25T19:00:00Z');
    const withSms = { ...london, channels: { sms: '+447700900123', whatsapp: null } };
    expect(ownerBanner(evaluateAvailability(withSms, online, now), { timezone: zone, now })).toEqual({
      emergency: null,
      title: 'We’re outside our chat hours',
      detail: 'Chat is back tomorrow at 09:00',
      otherChannels: 'You can still text us.',
    });
    expect(ownerBanner(evaluateAvailability(london, offline(null), new Date('2026-11-25T12:10:00Z')), { timezone: zone, now })).toEqual({
      emergency: null,
      title: 'We’re offline right now',
      detail: null,
      otherChannels: null,
    });
  });

  it('puts the emergency line first, as a call action', () => {
    const now = new Date('2026-11-25T19:00:00Z');
    const emergency = { phone: '+442079460000', label: 'Out-of-hours emergencies: Riverside 24h Vets' };
    expect(ownerBanner(evaluateAvailability({ ...london, emergency }, online, now), { timezone: zone, now }).emergency).toEqual({ ...emergency, callText: 'Call +442079460000' });
  });

  it('asks before going offline only when web chat is the only channel', () => {
    expect(goingOfflineWarning({ sms: false, whatsapp: false })).toEqual({ needsConfirmation: true, message: 'Pet owners won’t be able to reach you until you go back online.' });
    expect(goingOfflineWarning({ sms: true, whatsapp: true })).toMatchObject({ needsConfirmation: false, message: expect.stringContaining('SMS and WhatsApp') });
  });
});

describe('closures', () => {
  it('says an all-day closure closed all day, or closed from when the night before ends', () => {
    expect(closedAllDayText(null)).toBe('closed all day');
    expect(closedAllDayText('02:00')).toBe('closed from 02:00');
    expect(closedAllDayText('2:00 AM')).toBe('closed from 2:00 AM');
  });
});

describe('clock changes', () => {
  it('finds the DST changes in a zone between two instants', () => {
    expect(clockChanges('Europe/London', new Date('2026-03-20T00:00:00Z'), new Date('2026-04-03T00:00:00Z'))).toEqual([
      { at: '2026-03-29T01:00:00.000Z', offsetBefore: 0, offsetAfter: 60, forward: true },
    ]);
    expect(clockChanges('Australia/Lord_Howe', new Date('2026-10-01T00:00:00Z'), new Date('2026-10-10T00:00:00Z'))).toEqual([
      { at: '2026-10-03T15:30:00.000Z', offsetBefore: 630, offsetAfter: 660, forward: true },
    ]);
    expect(clockChanges('Asia/Kathmandu', new Date('2026-01-01T00:00:00Z'), new Date('2026-12-31T00:00:00Z'))).toEqual([]);
  });
});
