// The Electron main process's entry and composition root: builds the store, the controller and the
// adapters, and connects them. Nothing else constructs singletons.
import { hostname } from 'node:os';
import { join } from 'node:path';
import { BrowserWindow, app, ipcMain, powerMonitor, protocol, screen, session, shell } from 'electron';
import { AppController } from './controller/app-controller.ts';
import { runOperation } from './controller/app-operations.ts';
import type { DesktopCommand } from './controller/app-operations.ts';
import { systemClock } from './controller/clock.ts';
import { applyFleet, fleetLogLine, loadFleet, startupConnection } from './fleet/fleet.ts';
import { electronNotifier } from './notifications/notifications.electron.ts';
import { NotificationPlanner } from './notifications/notification-planner.ts';
import { safeStorageBox } from './store/store.electron.ts';
import { openAppStore } from './store/store.ts';
import type { AppStore } from './store/store.ts';
import { TrayService } from './tray/tray-service.ts';
import { electronLoginItem, electronTrayFactory, startedAtLogin } from './tray/tray.electron.ts';
import { electronUpdates } from './updates/updates.electron.ts';
import { APP_PAGE, APP_SCHEME, appProtocolResponse, appSchemePrivileges } from './window/app-protocol.ts';
import { appUrlMatcher, publishState, registerAppApi } from './window/ipc-gateway.ts';
import { StaffWindow } from './window/staff-window.ts';
import { denyAllPermissions, hardenWebContents } from './window/web-security.ts';
import { staffWindowOptions } from './window/window-options.ts';

function startDesktopApp(): void {
  // A second launch only brings the first one's window forward.
  if (!app.requestSingleInstanceLock()) return app.quit();
  protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
  app.setAppUserModelId('com.clinicchatdesk.app'); // Windows shows notifications only for a known app id

  let store: AppStore | null = null;
  const isAppUrl = appUrlMatcher(APP_PAGE);
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, {
      isAppUrl,
      // The only links we build point at the clinic's own server (its demo page, for instance).
      externalOrigins: () => {
        const serverUrl = store?.getConnection()?.serverUrl;
        return serverUrl ? [new URL(serverUrl).origin] : [];
      },
      openExternal: (url) => void shell.openExternal(url), // eng-disable OPEN_EXTERNAL_JS_CHECK called only for https links to the clinic server that hardenWebContents let through
    }),
  );
  // With no listener, Electron quits when the last window goes; this app lives on in the tray.
  app.on('window-all-closed', () => undefined);
  app
    .whenReady()
    .then(() => (store = run()))
    .catch((error: unknown) => {
      console.error('Clinic Chat Desk could not start:', error);
      app.exit(1);
    });
}

/** Builds and wires everything; returns the store, whose connection says which links may open outside. */
function run(): AppStore {
  const here = import.meta.dirname;
  denyAllPermissions(session.defaultSession);
  protocol.handle(APP_SCHEME, (request) => appProtocolResponse(join(here, '../renderer'), request));

  const fleet = loadFleet({ argv: process.argv, env: process.env, platform: process.platform, cwd: process.cwd() });
  console.log(fleetLogLine(fleet));
  const store = openAppStore({ directory: app.getPath('userData'), ...safeStorageBox() });
  applyFleet(fleet, store, hostname());
  const controller = new AppController({ store, locale: app.getLocale(), fleet });
  const logError = (operation: string, error: unknown) => console.error(`AppApi ${operation} failed:`, error);

  const staffWindow = new StaffWindow({
    // Electronegativity cannot see into staffWindowOptions(); test/main/window-options.test.ts pins its settings.
    create: (bounds) => new BrowserWindow(staffWindowOptions(join(here, '../preload/index.cjs'), bounds)), // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK all set in staffWindowOptions
    pageUrl: APP_PAGE,
    store,
    workAreas: () => screen.getAllDisplays().map((display) => display.workArea),
    clock: systemClock,
  });
  registerAppApi({ ipcMain, handlers: controller.handlers, senders: { isAppUrl: appUrlMatcher(APP_PAGE), isOurWindow: (sender) => staffWindow.isOurWebContents(sender) }, onHandlerError: logError });

  // What the tray and the notifications ask for; AppApi operations go through the same checks as over IPC.
  const perform = (command: DesktopCommand): void => {
    if (command.do === 'openWindow') staffWindow.show(command.screen);
    else if (command.do === 'restartToUpdate') updater?.restartToUpdate();
    else if (command.do === 'quit') app.quit();
    else void runOperation(controller.handlers, command.do, command.args, logError);
  };
  const tray = new TrayService({ factory: electronTrayFactory(), platform: process.platform, onCommand: perform });
  const updater = electronUpdates(fleet, { onReady: (version) => tray.setUpdateReady(version), beforeRestart: () => staffWindow.allowClose() });
  const planner = new NotificationPlanner({ clock: systemClock, notifier: electronNotifier(perform) });
  const loginItem = electronLoginItem();
  controller.onReminderDue(planner.reminderDue);
  controller.subscribe((state) => {
    tray.render(state);
    publishState(staffWindow.window?.webContents ?? null, state);
    planner.observe(state);
    loginItem.apply(state.preferences.launchAtLogin);
  });
  // Started once every listener is in place: a reminder that falls due at start must not go unheard.
  controller.start();
  updater?.start();

  powerMonitor.on('resume', () => controller.resume());
  app.on('second-instance', () => staffWindow.show());
  app.on('activate', () => staffWindow.show());
  app.on('before-quit', () => {
    staffWindow.allowClose();
    updater?.stop();
    planner.stop();
    controller.stop();
    tray.destroy();
  });

  const connection = store.getConnection();
  const connect = startupConnection(fleet, connection && { ...connection, token: store.readToken() }, process.env, app.isPackaged);
  if (connect) {
    void runOperation(controller.handlers, 'connect', [connect], logError).then((result) => {
      if (!result.ok) console.error(`Could not connect at start: ${result.error.message}`);
    });
  }
  if (!startedAtLogin()) staffWindow.show();
  return store;
}

startDesktopApp();
