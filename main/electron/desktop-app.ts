import { join } from 'node:path';
import { app, BrowserWindow, session } from 'electron';
import { staffWindowOptions } from './window-options.ts';

/** Starts the Electron side: one locked-down window showing the staff UI. */
export function startDesktopApp(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  let window: BrowserWindow | null = null;

  const showWindow = (): void => {
    if (window && !window.isDestroyed()) {
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
      return;
    }
    window = new BrowserWindow(staffWindowOptions(join(import.meta.dirname, '../preload/index.cjs')));
    window.once('ready-to-show', () => window?.show());
    void window.loadFile(join(import.meta.dirname, '../renderer/index.html'));
  };

  app.on('second-instance', showWindow);
  app.on('web-contents-created', (_event, contents) => {
    // The staff UI never navigates away or opens windows of its own.
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    showWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
