// Automatic updates: which feed this PC follows, and a service that checks and downloads in the background.
// It installs on quit or when staff choose "Restart to update", never by itself: a front desk mid-shift keeps its switch.
import { z } from 'zod';
import type { Logger } from 'electron-updater';
import { OneShotTimer, systemClock } from '../controller/clock.ts';
import type { Clock } from '../controller/clock.ts';
import type { Fleet } from '../fleet/fleet.ts';

// ---- the feed ----

// Update feeds carry the code PCs will run: plain HTTP would let anyone on the network path swap it.
export const updateFeedSchema = z.url({ protocol: /^https$/, error: 'The update feed must be an https:// address' }).max(2048);

/** Built into a package made without CHATDESK_UPDATE_FEED (scripts/dist.ts): `.invalid` never resolves (RFC 2606), and counts as no feed. */
export const placeholderUpdateFeed = 'https://updates.invalid/clinic-chat-desk/';

type UpdateFeed = { enabled: true; url: string; source: 'flag' | 'file' | 'environment' | 'build' } | { enabled: false; reason: string };

/** The `url:` electron-builder writes into resources/app-update.yml (a flat YAML map we produce ourselves). */
export function builtInFeedUrl(appUpdateYml: string): string | null {
  return /^url:\s*(['"]?)(.+?)\1\s*$/m.exec(appUpdateYml)?.[2] ?? null;
}

function usableFeed(url: string | null | undefined): string | null {
  const parsed = updateFeedSchema.safeParse(url?.trim());
  return parsed.success && !new URL(parsed.data).hostname.endsWith('.invalid') ? parsed.data : null;
}

/** Fleet flag > fleet.json > CHATDESK_UPDATE_FEED > the feed built into the package; never in a development run. */
export function chooseUpdateFeed(fleet: Fleet, env: Record<string, string | undefined>, isPackaged: boolean, builtInConfig: () => string | null): UpdateFeed {
  if (fleet.values.autoUpdate === false) return { enabled: false, reason: 'Automatic updates are turned off by the administrator (autoUpdate: false).' };
  // electron-updater only works in an installed app; a development run would just log a skip.
  if (!isPackaged) return { enabled: false, reason: 'Not an installed app: updates are checked only in packaged builds.' };
  if (fleet.values.updateFeed !== undefined) return { enabled: true, url: fleet.values.updateFeed, source: fleet.from.updateFeed ?? 'file' };
  if (env.CHATDESK_UPDATE_FEED?.trim()) {
    const url = usableFeed(env.CHATDESK_UPDATE_FEED);
    return url === null ? { enabled: false, reason: 'CHATDESK_UPDATE_FEED is not a usable https:// address.' } : { enabled: true, url, source: 'environment' };
  }
  const config = builtInConfig();
  const url = usableFeed(config === null ? null : builtInFeedUrl(config));
  return url === null ? { enabled: false, reason: 'No update feed is configured (set updateFeed in fleet.json).' } : { enabled: true, url, source: 'build' };
}

// ---- the log ----

type LogSink = Pick<Console, 'info' | 'warn' | 'error'>;

const URL_PATTERN = /\b(https?:\/\/)(?:[^\s/@]*@)?([^\s?#]*)(?:\?[^\s#]*)?(?:#\S*)?/gi;

/** A feed URL may carry credentials or a signed query (`https://user:secret@host/…?sig=…`): cut to scheme, host and path. */
export function redactUrls(text: string): string {
  return text.replace(URL_PATTERN, '$1$2');
}

/** electron-updater's Logger over the console (the app has no log file of its own), redacted and prefixed. */
export function updateLogger(sink: LogSink = console): Logger {
  const line = (message: unknown) => `[update] ${redactUrls(message instanceof Error ? message.message : String(message))}`;
  return { info: (message?: unknown) => sink.info(line(message)), warn: (message?: unknown) => sink.warn(line(message)), error: (message?: unknown) => sink.error(line(message)) };
}

// ---- the service ----

/** What the service uses of electron-updater's autoUpdater (updates.electron.ts hands over the real one): the seam tests replace with a double. */
export type AutoUpdaterLike = {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  logger: Logger | null;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'checking-for-update', listener: () => void): unknown;
  on(event: 'update-available' | 'update-not-available' | 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error, message?: string) => void): unknown;
};

export type UpdateState = { kind: 'idle' | 'checking' } | { kind: 'downloading' | 'ready'; version: string };

export type UpdaterOptions = {
  autoUpdater: AutoUpdaterLike;
  /** A generic feed: a folder URL holding latest.yml and the installers. */
  feedUrl: string;
  /** A downloaded update waits to be installed: offer "Restart to update". */
  onReady(version: string): void;
  /** Runs just before the app quits to install (the staff window hides on close unless told the quit is meant). */
  beforeRestart(): void;
  clock?: Clock;
  logger?: Logger;
};

const FIRST_CHECK_AFTER_MS = 30_000;
export const CHECK_EVERY_MS = 4 * 60 * 60 * 1000;

export class UpdateService {
  readonly #options: UpdaterOptions;
  readonly #timer: OneShotTimer;
  readonly #logger: Logger;
  #state: UpdateState = { kind: 'idle' };

  constructor(options: UpdaterOptions) {
    this.#options = options;
    this.#timer = new OneShotTimer(options.clock ?? systemClock);
    // A failed check must reach a log: IT asking why a PC does not update needs the reason.
    this.#logger = options.logger ?? updateLogger();
    const { autoUpdater } = options;
    autoUpdater.autoDownload = true; // in the background, right after a check finds something
    autoUpdater.autoInstallOnAppQuit = true; // the quiet moment to install is when staff quit anyway
    autoUpdater.allowDowngrade = false;
    autoUpdater.logger = this.#logger;
    autoUpdater.setFeedURL({ provider: 'generic', url: options.feedUrl });
    autoUpdater.on('checking-for-update', () => this.#set({ kind: 'checking' }));
    autoUpdater.on('update-not-available', () => this.#set({ kind: 'idle' }));
    autoUpdater.on('update-available', (info) => this.#set({ kind: 'downloading', version: info.version }));
    autoUpdater.on('update-downloaded', (info) => this.#set({ kind: 'ready', version: info.version }));
    autoUpdater.on('error', (error) => this.#fail(error));
  }

  get state(): UpdateState {
    return this.#state;
  }

  /** The first check once the app has settled, then one every few hours. */
  start(firstCheckAfterMs = FIRST_CHECK_AFTER_MS, everyMs = CHECK_EVERY_MS): void {
    this.#timer.arm(() => {
      this.start(everyMs, everyMs);
      void this.checkNow();
    }, firstCheckAfterMs);
  }

  stop(): void {
    this.#timer.cancel();
  }

  /** Checks once, unless a check or download is under way or an update is already waiting. */
  async checkNow(): Promise<UpdateState> {
    if (this.#state.kind !== 'idle') return this.#state;
    this.#set({ kind: 'checking' });
    try {
      await this.#options.autoUpdater.checkForUpdates();
    } catch (error) {
      this.#fail(error);
    }
    // electron-updater skips silently (no event) when the app is not packaged, or finds nothing new.
    if (this.state.kind === 'checking') this.#set({ kind: 'idle' });
    return this.#state;
  }

  /** Installs the downloaded update now (staff chose it); false when none is ready. */
  restartToUpdate(): boolean {
    if (this.#state.kind !== 'ready') return false;
    this.stop();
    this.#options.beforeRestart();
    // Silent: the NSIS installer shows no pages; force-run: the app comes back after installing.
    this.#options.autoUpdater.quitAndInstall(true, true);
    return true;
  }

  /** Logged for IT, then tried again at the next check; a later hiccup does not take away a downloaded update. */
  #fail(error: unknown): void {
    if (this.#state.kind === 'ready') return;
    this.#logger.warn(`Update check failed: ${error instanceof Error ? error.message : String(error)}`);
    this.#set({ kind: 'idle' });
  }

  #set(state: UpdateState): void {
    const wasReady = this.#state.kind === 'ready';
    this.#state = state;
    if (state.kind === 'ready' && !wasReady) this.#options.onReady(state.version);
  }
}
