// Automatic updates as a small service over electron-updater's autoUpdater, passed in by the
// composition root (importing electron-updater needs Electron). It checks at start and every few
// hours and downloads in the background; the new version is installed when the app quits, or
// when staff choose "Restart to update" in the tray. It never restarts the app by itself: a
// front desk mid-shift must not lose its chat switch to an update.
import type { AppUpdater, Logger } from 'electron-updater';
import { updateLogger } from './update-logger.ts';

export type UpdateState =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'downloading'; version: string; percent: number | null }
  | { kind: 'ready'; version: string }
  | { kind: 'error'; message: string };

/** What the service uses of electron-updater's autoUpdater: the seam tests replace with a double. */
export type AutoUpdaterLike = {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  logger: Logger | null;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  // The events listened to, with the fields read from them.
  on(event: 'checking-for-update', listener: () => void): unknown;
  on(event: 'update-available' | 'update-not-available' | 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
  on(event: 'error', listener: (error: Error, message?: string) => void): unknown;
};
// The real autoUpdater must fit the seam; this line stops compiling if electron-updater changes shape.
export const fitsRealAutoUpdater = (updater: AppUpdater): AutoUpdaterLike => updater;

/** Timers, injectable so tests drive the schedule instead of waiting for it. */
export type UpdateScheduler = {
  after(ms: number, run: () => void): () => void;
  every(ms: number, run: () => void): () => void;
};

export const realScheduler: UpdateScheduler = {
  // unref: a pending update check must never keep a quitting app alive.
  after: (ms, run) => {
    const timer = setTimeout(run, ms).unref();
    return () => clearTimeout(timer);
  },
  every: (ms, run) => {
    const timer = setInterval(run, ms).unref();
    return () => clearInterval(timer);
  },
};

export type UpdaterOptions = {
  autoUpdater: AutoUpdaterLike;
  /** The generic feed (a folder URL holding latest.yml and the installers); see update-feed.ts. */
  feedUrl: string;
  scheduler?: UpdateScheduler;
  /** Let the app settle before the first check. */
  firstCheckAfterMs?: number;
  checkEveryMs?: number;
  /** Runs just before the app quits to install, e.g. to mark the quit as intended (close hides to tray). */
  beforeRestart?: () => void;
  /** Where checks and failures are logged; the console (URLs redacted, update-logger.ts) by default. */
  logger?: Logger;
};

export const defaultFirstCheckAfterMs = 30_000;
export const defaultCheckEveryMs = 4 * 60 * 60 * 1000;

/** Shown to staff; the details (URLs, HTTP status) go to the log only. */
export const updateErrorMessage = 'Could not check for updates. The app will try again later.';

export class UpdateService {
  readonly #options: UpdaterOptions;
  readonly #listeners = new Set<(state: UpdateState) => void>();
  readonly #logger: Logger;
  #state: UpdateState = { kind: 'idle' };
  #cancelTimers: Array<() => void> = [];

  constructor(options: UpdaterOptions) {
    this.#options = options;
    // A failed check must reach a log: staff see only "could not check", IT needs the reason.
    this.#logger = options.logger ?? updateLogger();
    const { autoUpdater } = options;
    autoUpdater.autoDownload = true; // in the background, right after a check finds something
    autoUpdater.autoInstallOnAppQuit = true; // the quiet moment to install is when staff quit anyway
    autoUpdater.allowDowngrade = false;
    autoUpdater.logger = this.#logger;
    autoUpdater.setFeedURL({ provider: 'generic', url: options.feedUrl });

    autoUpdater.on('checking-for-update', () => this.#set({ kind: 'checking' }));
    autoUpdater.on('update-not-available', () => this.#set({ kind: 'idle' }));
    autoUpdater.on('update-available', (info) => this.#set({ kind: 'downloading', version: info.version, percent: null }));
    autoUpdater.on('download-progress', (progress) => {
      if (this.#state.kind === 'downloading') this.#set({ ...this.#state, percent: Math.round(progress.percent) });
    });
    autoUpdater.on('update-downloaded', (info) => this.#set({ kind: 'ready', version: info.version }));
    autoUpdater.on('error', (error) => this.#fail(error));
  }

  get state(): UpdateState {
    return this.#state;
  }

  /** Listens to state changes; returns the unsubscribe function. */
  subscribe(listener: (state: UpdateState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Schedules the first check and the periodic ones. */
  start(): void {
    const scheduler = this.#options.scheduler ?? realScheduler;
    this.stop();
    this.#cancelTimers = [
      scheduler.after(this.#options.firstCheckAfterMs ?? defaultFirstCheckAfterMs, () => void this.checkNow()),
      scheduler.every(this.#options.checkEveryMs ?? defaultCheckEveryMs, () => void this.checkNow()),
    ];
  }

  stop(): void {
    for (const cancel of this.#cancelTimers) cancel();
    this.#cancelTimers = [];
  }

  /** Checks once, unless a check or download is under way or an update is already waiting. */
  async checkNow(): Promise<UpdateState> {
    const { kind } = this.#state;
    if (kind === 'checking' || kind === 'downloading' || kind === 'ready') return this.#state;
    this.#set({ kind: 'checking' });
    try {
      await this.#options.autoUpdater.checkForUpdates();
    } catch (error) {
      this.#fail(error);
    }
    // electron-updater skips silently (no event) when the app is not packaged, or finds nothing new.
    if (this.#isChecking()) this.#set({ kind: 'idle' });
    return this.#state;
  }

  #isChecking(): boolean {
    return this.#state.kind === 'checking';
  }

  /** Installs the downloaded update now (staff chose it); false when no update is ready. */
  restartToUpdate(): boolean {
    if (this.#state.kind !== 'ready') return false;
    this.stop();
    this.#options.beforeRestart?.();
    // Silent: the NSIS installer shows no pages; force-run: the app comes back after installing.
    this.#options.autoUpdater.quitAndInstall(true, true);
    return true;
  }

  #fail(error: unknown): void {
    if (this.#state.kind === 'ready') return; // a later hiccup does not take away a downloaded update
    this.#logger.warn(`Update check failed: ${error instanceof Error ? error.message : String(error)}`);
    this.#set({ kind: 'error', message: updateErrorMessage });
  }

  #set(state: UpdateState): void {
    if (JSON.stringify(state) === JSON.stringify(this.#state)) return;
    this.#state = state;
    for (const listener of this.#listeners) listener(state);
  }
}
