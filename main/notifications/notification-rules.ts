// When the desktop app notifies: the status changed without anyone at this PC doing it (hours began or
// ended, another PC switched, a timed break ended), sync has failed for over a minute, or chat was forgotten offline.
import { clockTime } from '../../core/wording.ts';
import { offlineReminderActions } from '../../core/offline-reminder.ts';
import type { Presence } from '../../core/schemas/schedule.ts';
import type { AppState } from '../../core/schemas/app-api.ts';
import { notificationMessages as say } from '../controller/app-messages.ts';
import type { DesktopCommand } from '../controller/app-operations.ts';
import type { ReminderDue } from '../controller/offline-reminder-watch.ts';

export type StaffNotification = {
  /** Stable per kind, so a newer notification of the same kind replaces an older one on screen. */
  id: 'presence' | 'hours' | 'sync' | 'reminder';
  title: string;
  body: string;
  /** Buttons, where the system shows them (notifier.ts). */
  actions?: readonly { label: string; command: DesktopCommand }[];
};

export const SYNC_FAILURE_GRACE_MS = 60_000;

const switchChanged = (a: Presence, b: Presence): boolean => a.online !== b.online || a.offlineUntil !== b.offlineUntil;

/** What to tell staff about the change from `previous` to `next`, if anything. */
export function statusChangeNotifications(previous: AppState, next: AppState): StaffNotification[] {
  if (!next.preferences.notifications) return [];
  // Connecting, disconnecting or a first load is not a change staff need telling about.
  if (previous.connection?.clinicId !== next.connection?.clinicId || previous.server === null || next.server === null) return [];
  const before = previous.presence;
  const after = next.presence;
  if (before === null || after === null) return [];
  const body = next.status.sentence;

  if (switchChanged(before, after)) {
    if (!after.online || before.offlineUntil === null || after.changedAt !== before.offlineUntil) {
      if (after.changedBy === next.preferences.pcName) return []; // staff at this PC did it
      return [{ id: 'presence', title: switchTitle(after, next), body }];
    }
    return [{ id: 'presence', title: say.breakOver, body }];
  }
  const from = previous.status.tone;
  const to = next.status.tone;
  if (from === 'outside-hours' && to === 'accepting') return [{ id: 'hours', title: say.hoursBegin, body }];
  if (from === 'accepting' && to === 'outside-hours') return [{ id: 'hours', title: say.hoursEnd, body }];
  return [];
}

function switchTitle(presence: Presence, state: AppState): string {
  const who = presence.changedBy ?? say.anotherPc;
  if (presence.online) return say.switchedOnline(who);
  if (presence.offlineUntil === null || state.server === null) return say.switchedOffline(who);
  const until = clockTime(presence.offlineUntil, { timezone: state.server.settings.timezone, now: new Date(presence.changedAt) });
  return say.switchedOfflineUntil(who, until);
}

/** Sync has failed continuously since `failingSince`, first seen at `firstSeenAt` (this PC's clock). */
export function syncFailureNotification(state: AppState, firstSeenAt: Date, now: Date): StaffNotification | null {
  if (!state.preferences.notifications || state.connection === null || !state.sync.failingSince) return null;
  if (now.getTime() - firstSeenAt.getTime() < SYNC_FAILURE_GRACE_MS) return null;
  return { id: 'sync', title: say.syncFailing, body: state.sync.lastError?.message ?? say.syncFailingBody };
}

/** The forgotten-offline reminder, with its two answers as buttons. */
export function reminderNotification(state: Pick<AppState, 'preferences' | 'connection'>, due: ReminderDue): StaffNotification | null {
  if (!state.preferences.notifications || state.connection === null) return null;
  return {
    id: 'reminder',
    title: due.message,
    body: say.reminderBody,
    actions: [
      { label: offlineReminderActions.goOnline, command: { do: 'setOnline', args: [{ online: true }] } },
      { label: offlineReminderActions.snooze, command: { do: 'snoozeReminder', args: [] } },
    ],
  };
}
