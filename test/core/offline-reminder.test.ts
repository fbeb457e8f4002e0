import { describe, expect, it } from 'vitest';
import { defaultSettings, weekdays } from '../../core/schedule-model.ts';
import { offlineMinutesDuringHours, offlineReminder } from '../../core/offline-reminder.ts';
import type { OfflineReminderInput } from '../../core/offline-reminder.ts';
import type { Presence } from '../../core/schemas/schedule.ts';
import { settings } from './availability-fixtures.ts';

// Wednesday 2026-11-25, London on GMT: hours 09:00–18:00 every day by default.
const london = defaultSettings('Europe/London');
const offSince = (changedAt: string, offlineUntil: string | null = null): Presence => ({ online: false, offlineUntil, changedAt, changedBy: 'Front desk 2' });

function check(now: string, presence: Presence, memory: Partial<OfflineReminderInput> = {}) {
  return offlineReminder({ settings: london, presence, now: new Date(now), thresholdMinutes: 30, snoozedUntil: null, notifiedFor: null, ...memory });
}

describe('forgotten-offline reminder', () => {
  it('fires once the switch has been off for 30 minutes of opening hours', () => {
    const presence = offSince('2026-11-25T12:00:00Z');
    expect(check('2026-11-25T12:29:00Z', presence)).toMatchObject({ active: false, notify: false, checkAt: '2026-11-25T12:30:00.000Z' });
    expect(check('2026-11-25T12:30:00Z', presence)).toMatchObject({
      active: true,
      notify: true,
      message: 'Chat has been offline for 30 minutes during opening hours',
      offlineMinutes: 30,
    });
  });

  it('counts only opening hours: switched off before opening, it fires 30 minutes after opening', () => {
    const presence = offSince('2026-11-25T07:00:00Z');
    expect(offlineMinutesDuringHours(london, presence, new Date('2026-11-25T09:10:00Z'))).toBe(10);
    expect(check('2026-11-25T08:00:00Z', presence)).toMatchObject({ active: false, checkAt: '2026-11-25T09:00:00.000Z' });
    expect(check('2026-11-25T09:00:00Z', presence)).toMatchObject({ active: false, checkAt: '2026-11-25T09:30:00.000Z' });
    expect(check('2026-11-25T09:30:00Z', presence).active).toBe(true);
  });

  it('never fires outside opening hours, and fires again when they begin if still forgotten', () => {
    const presence = offSince('2026-11-25T15:00:00Z');
    expect(check('2026-11-25T19:00:00Z', presence)).toMatchObject({ active: false, notify: false, checkAt: '2026-11-26T00:00:00.000Z' });
    expect(check('2026-11-26T06:00:00Z', presence)).toMatchObject({ active: false, checkAt: '2026-11-26T09:00:00.000Z' });
    expect(check('2026-11-26T09:00:00Z', presence).active).toBe(true);
  });

  it('never fires during a timed break, however long', () => {
    expect(check('2026-11-25T16:00:00Z', offSince('2026-11-25T12:00:00Z', '2026-11-25T17:00:00Z'))).toMatchObject({ active: false, checkAt: null });
  });

  it('notifies once per offline episode, and again after a snooze ends', () => {
    const presence = offSince('2026-11-25T12:00:00Z');
    expect(check('2026-11-25T12:45:00Z', presence, { notifiedFor: presence.changedAt })).toMatchObject({ active: true, notify: false });
    // "Remind me in 15 minutes" at 12:45: quiet until 13:00, then notify again.
    const snoozed = { snoozedUntil: '2026-11-25T13:00:00Z', notifiedFor: null };
    expect(check('2026-11-25T12:50:00Z', presence, snoozed)).toMatchObject({ active: false, notify: false, checkAt: '2026-11-25T13:00:00.000Z' });
    expect(check('2026-11-25T13:00:00Z', presence, snoozed)).toMatchObject({ active: true, notify: true });
    // A new episode (switched on and off again) is reminded about afresh.
    expect(check('2026-11-25T14:00:00Z', offSince('2026-11-25T13:20:00Z'), { notifiedFor: presence.changedAt })).toMatchObject({ active: true, notify: true });
  });

  it('can be turned off, and says nothing while online', () => {
    expect(check('2026-11-25T17:00:00Z', offSince('2026-11-25T09:00:00Z'), { thresholdMinutes: 0 })).toMatchObject({ active: false, checkAt: null });
    expect(check('2026-11-25T17:00:00Z', { online: true, offlineUntil: null, changedAt: '2026-11-25T09:00:00Z', changedBy: null })).toMatchObject({ active: false, checkAt: null });
  });

  it('looks again at the change of date where the clocks went back across midnight (St John’s, 7 Nov 2010)', () => {
    const closedWeek = settings('America/St_Johns', Object.fromEntries(weekdays.map((day) => [day, false])));
    const input = { settings: closedWeek, presence: offSince('2010-11-06T12:00:00Z'), now: new Date('2010-11-07T03:00:00Z'), thresholdMinutes: 30, snoozedUntil: null, notifiedFor: null };
    expect(offlineReminder(input)).toMatchObject({ active: false, checkAt: '2010-11-07T03:30:00.000Z' });
  });

  it('words longer thresholds in hours', () => {
    expect(check('2026-11-25T14:00:00Z', offSince('2026-11-25T09:00:00Z'), { thresholdMinutes: 120 }).message).toBe('Chat has been offline for 2 hours during opening hours');
    expect(check('2026-11-25T14:00:00Z', offSince('2026-11-25T09:00:00Z'), { thresholdMinutes: 45 }).message).toBe('Chat has been offline for 45 minutes during opening hours');
    // Worded as Preferences words the same threshold ("after 1 hour 30 minutes"), not "90 minutes".
    expect(check('2026-11-25T14:00:00Z', offSince('2026-11-25T09:00:00Z'), { thresholdMinutes: 90 }).message).toBe('Chat has been offline for 1 hour 30 minutes during opening hours');
  });
});
