// Electron as the built main and preload bundles use it, for running them under plain Node: only the
// calls they make, typed against Electron's own declarations. It records what the app did and answers
// the test (composition-root.test.ts) over the child-process channel; electron-hook.ts puts it in place.
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import type { App, BrowserWindowConstructorOptions, ContextBridge, Display, IpcMain, IpcMainInvokeEvent, IpcRenderer, IpcRendererEvent, MenuItemConstructorOptions, NotificationConstructorOptions, Protocol, SafeStorage, Screen, Session, Shell } from 'electron';

// Every timer the app sets, with where it was set, until it fires or is cleared: quitting must clear them all.
const pendingTimers = new Map<unknown, string>();
const real = { setTimeout, clearTimeout, setInterval, clearInterval };
const track = (timer: unknown) => pendingTimers.set(timer, new Error('timer set').stack ?? '');
globalThis.setTimeout = ((callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
  const timer = real.setTimeout((...passed: unknown[]) => {
    pendingTimers.delete(timer);
    callback(...passed);
  }, ms, ...args);
  track(timer);
  return timer;
}) as typeof setTimeout;
globalThis.setInterval = ((callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
  const timer = real.setInterval(callback, ms, ...args);
  track(timer);
  return timer;
}) as typeof setInterval;
for (const clear of ['clearTimeout', 'clearInterval'] as const) {
  globalThis[clear] = (timer?: Parameters<typeof clearTimeout>[0]) => {
    pendingTimers.delete(timer);
    real[clear](timer);
  };
}

// Electron's own addition to `process`: where app.asar and its resources sit.
Object.assign(process, { resourcesPath: process.cwd() });

type Listener = (...args: unknown[]) => unknown;
const handlers = new Map<string, Listener>();
const protocolHandlers = new Map<string, (request: Request) => Response | Promise<Response>>();
const windows: BrowserWindow[] = [];
const trayMenus: MenuItemConstructorOptions[][] = [];
const exposed: Record<string, Record<string, (...args: unknown[]) => unknown>> = {};
const pages: { url: string; status: number }[] = [];
const renderer = new EventEmitter();

class AppDouble extends EventEmitter implements Pick<App, 'whenReady' | 'requestSingleInstanceLock' | 'setAppUserModelId' | 'getPath' | 'getLocale' | 'getAppPath' | 'getVersion' | 'isPackaged' | 'quit' | 'exit'> {
  readonly isPackaged = false;
  whenReady = () => new Promise<void>((resolve) => setImmediate(resolve));
  requestSingleInstanceLock = () => true;
  setAppUserModelId = () => undefined;
  getPath = () => process.env.ELECTRON_DOUBLE_USER_DATA ?? '';
  getLocale = () => 'en-GB';
  getAppPath = () => process.cwd();
  getVersion = () => '0.0.0-double';
  exit = (code = 0) => process.exit(code);
  /** As Electron: before-quit, then every window is asked to close, then will-quit and quit. */
  quit = () => {
    this.emit('before-quit', { preventDefault: () => undefined });
    for (const window of windows.filter((candidate) => !candidate.isDestroyed())) window.close();
    this.emit('will-quit', { preventDefault: () => undefined });
    this.emit('quit');
  };
}
export const app = new AppDouble();

class WebContentsDouble extends EventEmitter {
  readonly id: number;
  readonly window: BrowserWindow;
  constructor(id: number, window: BrowserWindow) {
    super();
    this.id = id;
    this.window = window;
  }
  send(channel: string, ...args: unknown[]): void {
    renderer.emit(channel, { sender: null } as unknown as IpcRendererEvent, ...structuredClone(args));
  }
  isDestroyed = () => this.window.isDestroyed();
  setWindowOpenHandler = () => undefined;
}

export class BrowserWindow extends EventEmitter {
  readonly webContents: WebContentsDouble;
  readonly options: BrowserWindowConstructorOptions;
  #destroyed = false;
  url = '';

  constructor(options: BrowserWindowConstructorOptions = {}) {
    super();
    this.options = options;
    this.webContents = new WebContentsDouble(windows.length + 1, this);
    windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }

  /** Fetches the page through the app's protocol handler, runs the preload, then is ready to show. */
  async loadURL(url: string): Promise<void> {
    this.url = url;
    const response = await protocolHandlers.get(new URL(url).protocol.slice(0, -1))?.(new Request(url));
    pages.push({ url, status: response?.status ?? 404 });
    if (this.options.webPreferences?.preload) createRequire(import.meta.url)(this.options.webPreferences.preload);
    this.emit('ready-to-show');
  }

  close(): void {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.destroy();
  }

  destroy(): void {
    this.#destroyed = true;
    this.emit('closed');
  }

  isDestroyed = () => this.#destroyed;
  show = () => undefined;
  hide = () => undefined;
  focus = () => undefined;
  restore = () => undefined;
  maximize = () => undefined;
  isMinimized = () => false;
  isMaximized = () => false;
  getNormalBounds = () => ({ x: 0, y: 0, width: 960, height: 720 });
}

export const ipcMain: Pick<IpcMain, 'handle' | 'removeHandler' | 'on'> = {
  handle: (channel, listener) => {
    if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    handlers.set(channel, listener as Listener);
  },
  removeHandler: (channel) => void handlers.delete(channel),
  on: () => ipcMain as IpcMain,
};

/** The page's side: invoke reaches main's handler as from the live window's top frame, cloned both ways. */
export const ipcRenderer: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'> = {
  invoke: async (channel, ...args) => {
    const window = windows.findLast((candidate) => !candidate.isDestroyed());
    const handler = handlers.get(channel);
    if (!window || !handler) throw new Error(`No handler registered for '${channel}'`);
    const event = { sender: window.webContents, senderFrame: { url: window.url, parent: null } } as unknown as IpcMainInvokeEvent;
    return structuredClone(await handler(event, ...structuredClone(args)));
  },
  on: (channel, listener) => renderer.on(channel, listener) as unknown as IpcRenderer,
  removeListener: (channel, listener) => renderer.removeListener(channel, listener) as unknown as IpcRenderer,
};

export const contextBridge: Pick<ContextBridge, 'exposeInMainWorld'> = {
  exposeInMainWorld: (key, api) => void (exposed[key] = api),
};

export const protocol: Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'> = {
  registerSchemesAsPrivileged: () => undefined,
  handle: (scheme, handler) => void protocolHandlers.set(scheme, handler),
};

export const session = { defaultSession: { setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined } satisfies Partial<Session> };
export const screen: Pick<Screen, 'getAllDisplays'> = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } } as Display] };
export const shell: Pick<Shell, 'openExternal'> = { openExternal: async () => undefined };
export const powerMonitor = new EventEmitter();

/** Encrypts by reversing: enough for the store to keep the token in its encrypted form. */
export const safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptString' | 'decryptString'> = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (text) => Buffer.from([...text].reverse().join('')),
  decryptString: (cipher) => [...cipher.toString()].reverse().join(''),
};

export class Notification extends EventEmitter {
  static isSupported = () => true;
  readonly options: NotificationConstructorOptions;
  constructor(options: NotificationConstructorOptions) {
    super();
    this.options = options;
  }
  show = () => undefined;
  close = () => undefined;
}

export const Menu = { buildFromTemplate: (template: MenuItemConstructorOptions[]) => ({ template }) };
export const nativeImage = { createFromPath: (path: string) => ({ path }) };

export class Tray extends EventEmitter {
  setImage = () => undefined;
  setToolTip = () => undefined;
  setContextMenu = (menu: { template: MenuItemConstructorOptions[] } | null) => void (menu && trayMenus.push(menu.template));
  destroy = () => undefined;
}

export default { app, BrowserWindow, ipcMain, ipcRenderer, contextBridge, protocol, session, screen, shell, powerMonitor, safeStorage, Notification, Menu, nativeImage, Tray };

// ---- the test's side of the channel ----

export type DoubleRequest =
  | { do: 'inspect' }
  | { do: 'click'; id: string }
  | { do: 'invoke'; method: string; args: unknown[] }
  | { do: 'quit' };

export type Inspection = {
  channels: string[];
  menu: { id?: string | undefined; label?: string | undefined; enabled?: boolean | undefined; checked?: boolean | undefined }[];
  exposed: Record<string, string[]>;
  pages: { url: string; status: number }[];
};

async function answer(request: DoubleRequest): Promise<unknown> {
  const menu = trayMenus.at(-1) ?? [];
  switch (request.do) {
    case 'inspect':
      return {
        channels: [...handlers.keys()],
        menu: menu.map(({ id, label, enabled, checked }) => ({ id, label, enabled, checked })),
        exposed: Object.fromEntries(Object.entries(exposed).map(([key, api]) => [key, Object.keys(api)])),
        pages,
      } satisfies Inspection;
    case 'click': {
      const item = menu.find((candidate) => candidate.id === request.id);
      if (!item?.click) throw new Error(`no menu item ${request.id} to click`);
      (item.click as () => void)();
      return null;
    }
    case 'invoke': {
      const method = exposed.chatdesk?.[request.method];
      if (!method) throw new Error(`window.chatdesk has no ${request.method}`);
      return method(...request.args);
    }
    case 'quit': {
      app.quit();
      await new Promise((resolve) => real.setTimeout(resolve, 100));
      const mainBundle = process.argv[1] ?? '';
      return { timers: [...pendingTimers.values()].filter((stack) => stack.includes(mainBundle)) };
    }
  }
}

process.on('message', (message: { id: number; request: DoubleRequest }) => {
  answer(message.request).then(
    (result) => process.send?.({ id: message.id, result }),
    (error: unknown) => process.send?.({ id: message.id, error: String(error) }),
  );
});
