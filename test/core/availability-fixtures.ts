// Schedules and presences for the example tests of core/availability.ts, written as briefly as the
// tests read: settings('Europe/London', { sunday: false, friday: [{ start: '20:00', end: '02:00' }] }).
import { defaultPresence, defaultSettings, weekdays } from '../../core/schedule-model.ts';
import { evaluateAvailability } from '../../core/availability.ts';
import type { ChatSettings, DayHours, Presence, TimeRange, Weekday } from '../../core/schemas/schedule.ts';

export const online: Presence = defaultPresence(new Date('2026-01-01T00:00:00Z'));
export const offline = (offlineUntil: string | null = null): Presence => ({ online: false, offlineUntil, changedAt: '2026-11-25T12:03:00Z', changedBy: 'Front desk 2' });

/** The default settings with some days changed: ranges (ticked), false (unticked) or a whole DayHours. */
export function settings(zone: string, week: Partial<Record<Weekday, DayHours | TimeRange[] | false>> = {}, extra: Partial<ChatSettings> = {}): ChatSettings {
  const base = defaultSettings(zone);
  const days = Object.fromEntries(
    weekdays.map((day) => {
      const given = week[day];
      if (given === undefined) return [day, base.week[day]];
      if (given === false) return [day, { open: false, ranges: [] }];
      return [day, Array.isArray(given) ? { open: true, ranges: given } : given];
    }),
  ) as ChatSettings['week'];
  return { ...base, week: days, ...extra };
}
export const at = (iso: string) => new Date(iso);
export const evaluate = (s: ChatSettings, when: string, presence: Presence = online) => evaluateAvailability(s, presence, at(when));
export const allWeek = (ranges: TimeRange[]) => Object.fromEntries(weekdays.map((day) => [day, ranges])) as Record<Weekday, TimeRange[]>;
