// The staff window: hidden by the close button so the app lives on in the tray, destroyed after a while hidden
// to give back its memory, and recreated where it was. The BrowserWindow comes from a factory.
import type { Clock } from '../controller/clock.ts';
import { OneShotTimer } from '../controller/clock.ts';
import type { AppStore } from '../store/store.ts';
import type { WindowBounds } from '../store/store-schema.ts';

/** What the service uses of Electron's BrowserWindow. */
export type WindowLike = {
  readonly webContents: { readonly id: number; send(channel: string, ...args: unknown[]): void; isDestroyed(): boolean };
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'closed', listener: () => void): unknown;
  once(event: 'ready-to-show', listener: () => void): unknown;
  loadURL(url: string): Promise<void>;
  show(): void;
  hide(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isMaximized(): boolean;
  maximize(): void;
  isDestroyed(): boolean;
  destroy(): void;
  getNormalBounds(): { x: number; y: number; width: number; height: number };
};

export type Rectangle = { x: number; y: number; width: number; height: number };

type StaffWindowOptions = {
  /** Builds the window (hidden) at these bounds, or at the default size centred when null. */
  create(bounds: Rectangle | null): WindowLike;
  pageUrl: string;
  /** Where the window was, kept in the store. */
  store: Pick<AppStore, 'getWindowBounds' | 'setWindowBounds'>;
  /** The displays' work areas now, to avoid restoring a window onto a monitor that is gone. */
  workAreas(): Rectangle[];
  clock: Clock;
  /** How long a hidden window is kept before it is destroyed. */
  destroyAfterHiddenMs?: number;
};

export const DEFAULT_DESTROY_AFTER_HIDDEN_MS = 10 * 60_000;
const SAVE_BOUNDS_AFTER_MS = 500;

/** The saved bounds if enough of the window would land on a screen to grab it, else null (centred). */
export function restorableBounds(saved: WindowBounds | null, workAreas: Rectangle[]): Rectangle | null {
  if (saved?.x === undefined || saved.y === undefined) return null;
  const rect = { x: saved.x, y: saved.y, width: saved.width, height: saved.height };
  const visible = workAreas.some((area) => {
    const width = Math.min(rect.x + rect.width, area.x + area.width) - Math.max(rect.x, area.x);
    const height = Math.min(rect.y + rect.height, area.y + area.height) - Math.max(rect.y, area.y);
    return width >= 120 && height >= 60;
  });
  return visible ? rect : null;
}

export class StaffWindow {
  readonly #options: StaffWindowOptions;
  readonly #destroyTimer: OneShotTimer;
  readonly #saveTimer: OneShotTimer;
  #window: WindowLike | null = null;
  #quitting = false;

  constructor(options: StaffWindowOptions) {
    this.#options = options;
    this.#destroyTimer = new OneShotTimer(options.clock);
    this.#saveTimer = new OneShotTimer(options.clock);
  }

  /** The live window's webContents id, for the IPC gateway's sender check. */
  isOurWebContents(sender: unknown): boolean {
    const window = this.#live();
    return window !== null && typeof sender === 'object' && sender !== null && (sender as { id?: unknown }).id === window.webContents.id;
  }

  get window(): WindowLike | null {
    return this.#live();
  }

  /** Shows the window (creating it if needed), optionally at a screen of the UI such as `#/settings/hours`. */
  show(hash = ''): void {
    this.#destroyTimer.cancel();
    const existing = this.#live();
    if (existing) {
      if (hash) void existing.loadURL(this.#options.pageUrl + hash);
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
      return;
    }
    const saved = this.#options.store.getWindowBounds();
    const window = this.#options.create(restorableBounds(saved, this.#options.workAreas()));
    this.#window = window;
    if (saved?.maximized) window.maximize();
    window.once('ready-to-show', () => {
      window.show();
      window.focus();
    });
    window.on('close', (event) => {
      this.#saveBounds();
      if (this.#quitting) return;
      // Quit is in the tray menu; the close button only puts the window away.
      event.preventDefault();
      this.hide();
    });
    for (const change of ['resize', 'move', 'maximize', 'unmaximize'] as const) {
      window.on(change, () => this.#saveTimer.arm(() => this.#saveBounds(), SAVE_BOUNDS_AFTER_MS));
    }
    window.on('closed', () => {
      if (this.#window === window) this.#window = null;
    });
    void window.loadURL(this.#options.pageUrl + hash);
  }

  hide(): void {
    const window = this.#live();
    if (!window) return;
    window.hide();
    // A window nobody looks at still holds a renderer process; give it back after a while.
    this.#destroyTimer.arm(() => this.#destroy(), this.#options.destroyAfterHiddenMs ?? DEFAULT_DESTROY_AFTER_HIDDEN_MS);
  }

  /** From now on, closing closes (the app is quitting). */
  allowClose(): void {
    this.#quitting = true;
    this.#destroyTimer.cancel();
    this.#saveTimer.cancel();
  }

  #destroy(): void {
    const window = this.#live();
    this.#saveTimer.cancel();
    this.#window = null;
    window?.destroy();
  }

  #saveBounds(): void {
    const window = this.#live();
    if (!window) return;
    try {
      this.#options.store.setWindowBounds({ ...window.getNormalBounds(), maximized: window.isMaximized() });
    } catch (error) {
      console.error('Could not remember the window position:', error); // a full disk must not stop the window closing
    }
  }

  #live(): WindowLike | null {
    return this.#window && !this.#window.isDestroyed() ? this.#window : null;
  }
}
