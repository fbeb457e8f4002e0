// Electron's Tray, Menu and nativeImage as the TrayService's factory, and the login item that starts the
// app in the tray. Icons live beside app.asar in an installed app (extraResources), under build/ otherwise.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Menu, Tray, app, nativeImage } from 'electron';
import type { NativeImage } from 'electron';
import { LoginItemSync, STARTED_AT_LOGIN_FLAG } from './login-item.ts';
import type { TrayFactory } from './tray-service.ts';

export function electronTrayFactory(): TrayFactory<NativeImage, Menu> {
  const resources = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'build');
  return {
    loadIcon: (file) => nativeImage.createFromPath(join(resources, file)),
    buildMenu: (template) => Menu.buildFromTemplate(template),
    createTray: (image) => new Tray(image),
  };
}

export function electronLoginItem(): LoginItemSync {
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
  return process.argv.includes(STARTED_AT_LOGIN_FLAG) || (process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin);
}
