// The Electron-backed services the composition root wires to the controller: the updater (only in an
// installed app with a feed), desktop notifications and the login item, each built from Electron's
// objects here so main/index.ts stays a list of connections.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { app, Notification } from 'electron';
import { LoginItemSync, STARTED_AT_LOGIN_FLAG } from './login-item.ts';
import { DesktopNotifier, platformShowsNotificationActions } from './notifications/notifier.ts';
import type { NotifierOptions } from './notifications/notifier.ts';

export function createNotifier(handlers: Pick<NotifierOptions, 'onClick' | 'onAction'>): DesktopNotifier {
  return new DesktopNotifier({
    isSupported: () => Notification.isSupported(),
    showsActions: platformShowsNotificationActions(process.platform),
    create: (options) => new Notification(options),
    ...handlers,
  });
}

export function createLoginItemSync(): LoginItemSync {
  return new LoginItemSync({
    platform: process.platform,
    setLoginItemSettings: (settings) => app.setLoginItemSettings(settings),
    autostartDir: join(process.env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'autostart'),
    // An AppImage runs from a temporary mount; $APPIMAGE is the file the user keeps.
    executable: process.env.APPIMAGE || process.execPath,
  });
}

/** Started by the OS at login: stay in the tray instead of opening the window. */
export function startedAtLogin(): boolean {
  if (process.argv.includes(STARTED_AT_LOGIN_FLAG)) return true;
  return process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin === true;
}
