// Entry of the Electron main process and its composition root: builds the store, the controller and
// the thin Electron adapters, and connects them. Nothing else constructs singletons.
import { hostname } from 'node:os';
import { join } from 'node:path';
import { BrowserWindow, app, ipcMain, powerMonitor, protocol, screen, session, shell } from 'electron';
import type { AppState } from '../core/schemas/app-api.ts';
import { AppController } from './controller/app-controller.ts';
import { systemClock } from './controller/clock.ts';
import { applyFleet, fleetLogLine, loadFleet, startupConnection } from './fleet/fleet.ts';
import { NotificationPlanner } from './notifications/notification-planner.ts';
import { reminderNotification } from './notifications/notification-rules.ts';
import { openAppStore } from './store/store.ts';
import type { AppStore } from './store/store.ts';
import { APP_PAGE, APP_SCHEME, appProtocolResponse, appSchemePrivileges } from './window/app-protocol.ts';
import { createLoginItemSync, createNotifier, startedAtLogin } from './desktop-services.electron.ts';
import { electronUpdates } from './updates/updates.electron.ts';
import { electronTrayFactory } from './tray/tray.electron.ts';
import { appUrlMatcher, publishState, registerAppApi } from './window/ipc-gateway.ts';
import { safeStorageBox } from './store/store.electron.ts';
import { StaffWindow } from './window/staff-window.ts';
import { TrayService } from './tray/tray-service.ts';
import { denyAllPermissions, hardenWebContents } from './window/web-security.ts';
import { staffWindowOptions } from './window/window-options.ts';

const APP_USER_MODEL_ID = 'com.clinicchatdesk.app';
const BUSINESS_HOURS = '#/settings/hours';

function startDesktopApp(): void {
  // A second launch only brings the first one's window forward.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
  app.setAppUserModelId(APP_USER_MODEL_ID); // Windows shows notifications only for a known app id

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
    .then(() => {
      store = run();
    })
    .catch((error: unknown) => {
      console.error('Clinic Chat Desk could not start:', error);
      app.exit(1);
    });
}

/** Builds and wires everything; returns the store, whose connection says which links may open outside. */
function run(): AppStore {
  const here = import.meta.dirname;
  const preloadPath = join(here, '../preload/index.cjs');
  denyAllPermissions(session.defaultSession);
  protocol.handle(APP_SCHEME, (request) => appProtocolResponse(join(here, '../renderer'), request));

  const store = openAppStore({ directory: app.getPath('userData'), ...safeStorageBox() });
  const fleet = loadFleet({ argv: process.argv, env: process.env, platform: process.platform, cwd: process.cwd() });
  console.log(fleetLogLine(fleet));
  applyFleet(fleet, store, hostname());
  const controller = new AppController({ store, locale: app.getLocale(), fleet });
  const logError = (operation: string, error: unknown) => console.error(`AppApi ${operation} failed:`, error);

  const staffWindow = new StaffWindow({
    // Electronegativity cannot see into staffWindowOptions(); test/main/window-options.test.ts pins its settings.
    create: (bounds) => new BrowserWindow(staffWindowOptions(preloadPath, bounds)), // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK all set in staffWindowOptions
    pageUrl: APP_PAGE,
    bounds: {
      load: () => store.getWindowBounds(),
      save: (bounds) => {
        try {
          store.setWindowBounds(bounds);
        } catch (error) {
          console.error('Could not remember the window position:', error);
        }
      },
    },
    workAreas: () => screen.getAllDisplays().map((display) => display.workArea),
    clock: systemClock,
  });
  registerAppApi({ ipcMain, handlers: controller.handlers, senders: { isAppUrl: appUrlMatcher(APP_PAGE), isOurWindow: (sender) => staffWindow.isOurWebContents(sender) }, onHandlerError: logError });

  const call = (result: Promise<unknown>) => void result.catch((error: unknown) => logError('tray', error));
  const tray = new TrayService({
    factory: electronTrayFactory(app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'build')),
    platform: process.platform,
    actions: {
      setOnline: (online) => call(controller.handlers.setOnline({ online })),
      goOfflineFor: (minutes) => call(controller.handlers.setOnline({ online: false, offlineForMinutes: minutes })),
      openBusinessHours: () => staffWindow.show(BUSINESS_HOURS),
      setLaunchAtLogin: (enabled) => call(controller.handlers.setPreference({ key: 'launchAtLogin', value: enabled })),
      snoozeReminder: () => call(controller.handlers.snoozeReminder()),
      restartToUpdate: () => updater?.restartToUpdate(),
      quit: () => app.quit(),
      openWindow: () => staffWindow.show(),
    },
  });
  const updater = electronUpdates(fleet, { onReady: (version) => tray.setUpdateReady(version), beforeRestart: () => staffWindow.allowClose() });
  const notifier = createNotifier({
    onClick: () => staffWindow.show(),
    onAction: (_notification, action) => call(action === 'go-online' ? controller.handlers.setOnline({ online: true }) : controller.handlers.snoozeReminder()),
  });
  const planner = new NotificationPlanner({ clock: systemClock, show: notifier.show });
  controller.onReminderDue((due, state) => {
    const notification = reminderNotification(state, due);
    if (notification) notifier.show(notification);
  });
  const loginItem = createLoginItemSync();

  const render = (state: AppState): void => {
    tray.render(state);
    publishState(staffWindow.window?.webContents ?? null, state);
    planner.observe(state);
    if (!state.reminder?.active) notifier.close('reminder'); // answered here, in the window or on another PC
    loginItem.apply(state.preferences.launchAtLogin);
  };
  controller.subscribe(render);
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
    void controller.handlers.connect(connect).then((result) => {
      if (!result.ok) console.error(`Could not connect at start: ${result.error.message}`);
    });
  }
  if (!startedAtLogin()) staffWindow.show();
  return store;
}

startDesktopApp();
