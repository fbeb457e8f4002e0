// The tray menu as a pure function of the app state (no Electron import, so it is unit-tested under
// Node). It returns plain objects shaped like Electron's MenuItemConstructorOptions with stable ids;
// the adapter passes them to Menu.buildFromTemplate and rebuilds the menu whenever the state changes.
import { offlineReminderActions } from '../../core/offline-reminder.ts';
import { timedBreakMinutes } from '../../core/timed-breaks.ts';
import { durationText } from '../../core/wording.ts';
import type { AppState } from '../../core/schemas/app-api.ts';

/** The subset of MenuItemConstructorOptions the tray uses (assignable to Electron's type). */
export type TrayMenuItem = {
  id?: string;
  label?: string;
  type?: 'normal' | 'separator' | 'checkbox';
  checked?: boolean;
  enabled?: boolean;
  click?: () => void;
};

export type TrayActions = {
  setOnline(online: boolean): void;
  /** Installs a downloaded update now (main/updates/updater.ts); offered only when one is ready. */
  restartToUpdate(): void;
  /** A timed break by its length; main sets the end on its server-corrected clock. */
  goOfflineFor(minutes: number): void;
  openBusinessHours(): void;
  setLaunchAtLogin(enabled: boolean): void;
  /** "Remind me in 15 minutes", offered while the forgotten-offline reminder is active. */
  snoozeReminder(): void;
  quit(): void;
};

export const trayMenuIds = {
  status: 'status',
  reminder: 'reminder',
  snoozeReminder: 'snooze-reminder',
  chatOnline: 'chat-online',
  offlineFor: (minutes: number) => `offline-for-${minutes}`,
  openBusinessHours: 'open-business-hours',
  launchAtLogin: 'launch-at-login',
  restartToUpdate: 'restart-to-update',
  quit: 'quit',
} as const;

export const trayLabels = {
  chatOnline: 'Chat online',
  openBusinessHours: 'Open Business Hours…',
  launchAtLogin: 'Launch at login',
  quit: 'Quit',
  offlineFor: (minutes: number) => `Go offline for ${durationText(minutes)}`,
  restartToUpdate: (version: string) => `Restart to update (version ${version})`,
  snoozeReminder: offlineReminderActions.snooze,
} as const;

/** What the tray shows beside the app state: an update waiting to be installed. */
export type TrayExtras = { updateReady?: string | null };

export function trayMenuTemplate(state: AppState, actions: TrayActions, extras: TrayExtras = {}): TrayMenuItem[] {
  const online = state.presence?.online ?? false;
  // Without a connection there is no clinic to switch; the window is where staff connect.
  const canSwitch = state.connection !== null && state.presence !== null;
  // The forgotten-offline reminder: said under the status, with its snooze ("Chat online" is "Go online").
  const reminder = state.reminder?.active && state.reminder.message ? state.reminder.message : null;

  return [
    // Main words every status, "not connected" included (app-state.ts), for the window and the tray alike.
    { id: trayMenuIds.status, label: state.status.sentence, enabled: false },
    ...(reminder
      ? [
          { id: trayMenuIds.reminder, label: reminder, enabled: false },
          { id: trayMenuIds.snoozeReminder, label: trayLabels.snoozeReminder, click: () => actions.snoozeReminder() },
        ]
      : []),
    { type: 'separator' },
    {
      id: trayMenuIds.chatOnline,
      label: trayLabels.chatOnline,
      type: 'checkbox',
      checked: online,
      enabled: canSwitch,
      click: () => actions.setOnline(!online),
    },
    ...timedBreakMinutes.map(
      (minutes): TrayMenuItem => ({
        id: trayMenuIds.offlineFor(minutes),
        label: trayLabels.offlineFor(minutes),
        enabled: canSwitch,
        click: () => actions.goOfflineFor(minutes),
      }),
    ),
    { type: 'separator' },
    { id: trayMenuIds.openBusinessHours, label: trayLabels.openBusinessHours, click: () => actions.openBusinessHours() },
    {
      id: trayMenuIds.launchAtLogin,
      label: trayLabels.launchAtLogin,
      type: 'checkbox',
      checked: state.preferences.launchAtLogin,
      click: () => actions.setLaunchAtLogin(!state.preferences.launchAtLogin),
    },
    { type: 'separator' },
    ...(extras.updateReady
      ? [{ id: trayMenuIds.restartToUpdate, label: trayLabels.restartToUpdate(extras.updateReady), click: () => actions.restartToUpdate() }]
      : []),
    { id: trayMenuIds.quit, label: trayLabels.quit, click: () => actions.quit() },
  ];
}
