// The forgotten-offline reminder (issue 7): the switch went Offline for a break or an emergency and
// nobody switched it back. A pure function of state and time: the desktop app schedules one timer for
// `checkAt`, shows a notification when `notify` says so, and keeps the tray saying it while `active`.
import { isWithinHours, nextAvailabilityChange, openIntervals } from './availability.ts';
import type { ChatSettings, Presence } from './schemas/schedule.ts';
import { durationText } from './wording.ts';

export const DEFAULT_OFFLINE_REMINDER_MINUTES = 30;
export const REMINDER_SNOOZE_MINUTES = 15;

/** The two answers to a reminder, worded once for the notification, the tray and the window. */
export const offlineReminderActions = {
  goOnline: 'Go online',
  snooze: `Remind me in ${REMINDER_SNOOZE_MINUTES} minutes`,
} as const;

/** What this PC remembers about reminders it has shown. */
export type ReminderMemory = {
  /** "Remind me in 15 minutes": no reminder before this instant (ISO). */
  snoozedUntil: string | null;
  /** The offline episode (its presence.changedAt) a notification was already shown for. */
  notifiedFor: string | null;
};

export type OfflineReminderInput = ReminderMemory & {
  settings: ChatSettings;
  presence: Presence;
  now: Date;
  /** 0 turns the reminder off. */
  thresholdMinutes: number;
};

export type OfflineReminder = {
  /** The switch has been forgotten: the tray says so while this holds. */
  active: boolean;
  /** Show the notification now (once per episode, and again after a snooze ends). */
  notify: boolean;
  message: string | null;
  offlineMinutes: number;
  /** When the answer may next change (ISO), or null when nothing but a change of state can. */
  checkAt: string | null;
};

const MINUTE_MS = 60_000;

/** Minutes of opening hours that have passed with the switch off, since it was switched off. */
export function offlineMinutesDuringHours(settings: ChatSettings, presence: Presence, now: Date): number {
  const since = new Date(presence.changedAt);
  if (presence.online || since >= now) return 0;
  const open = openIntervals(settings, since, now);
  return open.reduce((sum, interval) => sum + Date.parse(interval.end) - Date.parse(interval.start), 0) / MINUTE_MS;
}

export function offlineReminderMessage(thresholdMinutes: number): string {
  return `Chat has been offline for ${durationText(thresholdMinutes)} during opening hours`;
}

/**
 * Active when the switch is Offline with no end set (a timed break is never "forgotten"), the hours are
 * open right now, at least `thresholdMinutes` of opening hours have passed since it went off, and staff
 * have not snoozed it. Never active outside opening hours.
 */
export function offlineReminder(input: OfflineReminderInput): OfflineReminder {
  const { settings, presence, now, thresholdMinutes } = input;
  const idle = (checkAt: number | null, offlineMinutes = 0): OfflineReminder => ({
    active: false,
    notify: false,
    message: null,
    offlineMinutes,
    checkAt: checkAt === null ? null : new Date(checkAt).toISOString(),
  });
  if (thresholdMinutes <= 0 || presence.online || presence.offlineUntil !== null) return idle(null);

  const offlineMinutes = offlineMinutesDuringHours(settings, presence, now);
  const inHours = isWithinHours(settings, now);
  const snoozedUntil = input.snoozedUntil === null ? null : Date.parse(input.snoozedUntil);
  const snoozed = snoozedUntil !== null && snoozedUntil > now.getTime();
  if (inHours && !snoozed && offlineMinutes >= thresholdMinutes) {
    const notify = input.notifiedFor !== presence.changedAt;
    return { active: true, notify, message: offlineReminderMessage(thresholdMinutes), offlineMinutes, checkAt: nextAvailabilityChange(settings, presence, now).toISOString() };
  }
  // Not yet: look again when the threshold can be reached, the snooze ends, or the hours change.
  const candidates = [nextAvailabilityChange(settings, presence, now).getTime()];
  if (inHours) candidates.push(now.getTime() + (thresholdMinutes - offlineMinutes) * MINUTE_MS);
  if (snoozed) candidates.push(snoozedUntil);
  return idle(Math.min(...candidates.filter((instant) => instant > now.getTime())), offlineMinutes);
}
