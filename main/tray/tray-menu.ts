// The tray as pure functions of the app state: the icon, the tooltip and the menu. Menu items are shaped
// like Electron's MenuItemConstructorOptions, with stable ids, and carry the command they run as data.
import { offlineReminderActions } from '../../core/offline-reminder.ts';
import { timedBreakMinutes } from '../../core/timed-breaks.ts';
import type { AppState } from '../../core/schemas/app-api.ts';
import { trayMessages as say } from '../controller/app-messages.ts';
import type { DesktopCommand } from '../controller/app-operations.ts';

export type TrayIconKind = 'accepting' | 'offline' | 'closed' | 'attention';

/** The state the icon stands for; anything that stops the switch reaching the server wins. */
export function trayIconKind(state: AppState): TrayIconKind {
  const { sync, status } = state;
  if (state.connection === null || status.tone === 'not-connected' || sync.state === 'error' || sync.state === 'offline') return 'attention';
  if (sync.state === 'not-connected' || (sync.state === 'connecting' && state.server === null)) return 'attention';
  return status.tone === 'accepting' ? 'accepting' : status.tone === 'offline-by-switch' ? 'offline' : 'closed';
}

/**
 * Under the resources directory (build/tray/). macOS tints monochrome "Template" images for light and
 * dark menu bars; Electron picks `name@2x.png` beside `name.png` on high-DPI screens by itself.
 */
export function trayIconFile(kind: TrayIconKind, platform: NodeJS.Platform): string {
  if (platform === 'darwin') return `tray/${kind}Template.png`;
  return platform === 'win32' ? `tray/${kind}.ico` : `tray/${kind}.png`;
}

/** The status sentence (or, while it is active, the forgotten-offline reminder), and whether changes are reaching the server. */
export function trayTooltip(state: AppState): string {
  if (state.connection === null) return say.tooltip(say.notConnected);
  const waiting = say.waiting(state.sync.pending);
  const syncNote = state.sync.state === 'offline' ? say.offline(waiting) : state.sync.state === 'error' ? say.failing(waiting) : '';
  return say.tooltip(`${reminderMessage(state) ?? state.status.sentence}${syncNote}`);
}

const reminderMessage = (state: AppState): string | null => (state.reminder?.active && state.reminder.message) || null;

export type TrayMenuItem = {
  id?: string;
  label?: string;
  type?: 'normal' | 'separator' | 'checkbox';
  checked?: boolean;
  enabled?: boolean;
  command?: DesktopCommand;
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

const separator: TrayMenuItem = { type: 'separator' };

/** `updateReady`: the version of a downloaded update waiting to be installed. */
export function trayMenuTemplate(state: AppState, updateReady: string | null = null): TrayMenuItem[] {
  const online = state.presence?.online ?? false;
  // Without a connection there is no clinic to switch; the window is where staff connect.
  const canSwitch = state.connection !== null && state.presence !== null;
  const reminder = reminderMessage(state);
  const { launchAtLogin } = state.preferences;
  return [
    { id: trayMenuIds.status, label: state.status.sentence, enabled: false },
    // The forgotten-offline reminder, with its snooze; its "Go online" is the switch just below.
    ...(reminder === null
      ? []
      : [
          { id: trayMenuIds.reminder, label: reminder, enabled: false },
          { id: trayMenuIds.snoozeReminder, label: offlineReminderActions.snooze, command: { do: 'snoozeReminder', args: [] } } satisfies TrayMenuItem,
        ]),
    separator,
    { id: trayMenuIds.chatOnline, label: say.chatOnline, type: 'checkbox', checked: online, enabled: canSwitch, command: { do: 'setOnline', args: [{ online: !online }] } },
    ...timedBreakMinutes.map(
      (minutes): TrayMenuItem => ({
        id: trayMenuIds.offlineFor(minutes),
        label: say.offlineFor(minutes),
        enabled: canSwitch,
        command: { do: 'setOnline', args: [{ online: false, offlineForMinutes: minutes }] },
      }),
    ),
    separator,
    { id: trayMenuIds.openBusinessHours, label: say.openBusinessHours, command: { do: 'openWindow', screen: '#/settings/hours' } },
    { id: trayMenuIds.launchAtLogin, label: say.launchAtLogin, type: 'checkbox', checked: launchAtLogin, command: { do: 'setPreference', args: [{ key: 'launchAtLogin', value: !launchAtLogin }] } },
    separator,
    ...(updateReady === null ? [] : [{ id: trayMenuIds.restartToUpdate, label: say.restartToUpdate(updateReady), command: { do: 'restartToUpdate' } } satisfies TrayMenuItem]),
    { id: trayMenuIds.quit, label: say.quit, command: { do: 'quit' } },
  ];
}
