// The update service at the adapter seam: electron-updater's autoUpdater replaced by a double that
// emits the same events, and a scheduler the test drives by hand.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { UpdateService, defaultCheckEveryMs, updateErrorMessage } from '../../main/updates/updater.ts';
import type { AutoUpdaterLike, UpdateScheduler, UpdateState } from '../../main/updates/updater.ts';

/** Stands in for electron-updater's autoUpdater; `onCheck` plays what the feed would answer. */
class AutoUpdaterDouble extends EventEmitter implements AutoUpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  allowDowngrade = true;
  logger: AutoUpdaterLike['logger'] = console;
  feeds: unknown[] = [];
  checks = 0;
  installs: Array<[boolean | undefined, boolean | undefined]> = [];
  onCheck: (updater: AutoUpdaterDouble) => Promise<unknown> = async () => null;

  setFeedURL(options: { provider: 'generic'; url: string }): void {
    this.feeds.push(options);
  }
  checkForUpdates(): Promise<unknown> {
    this.checks += 1;
    return this.onCheck(this);
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

/** A scheduler whose timers run only when the test says so. */
function manualScheduler() {
  const timers: Array<{ kind: 'after' | 'every'; ms: number; run: () => void; cancelled: boolean }> = [];
  const scheduler: UpdateScheduler = {
    after: (ms, run) => add('after', ms, run),
    every: (ms, run) => add('every', ms, run),
  };
  function add(kind: 'after' | 'every', ms: number, run: () => void) {
    const timer = { kind, ms, run, cancelled: false };
    timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  }
  const active = () => timers.filter((timer) => !timer.cancelled);
  return { scheduler, timers, active };
}

const feedUrl = 'https://updates.example.org/chatdesk/';

function setup() {
  const updater = new AutoUpdaterDouble();
  const clock = manualScheduler();
  const restarts: string[] = [];
  const warnings: string[] = [];
  const service = new UpdateService({
    autoUpdater: updater,
    feedUrl,
    scheduler: clock.scheduler,
    firstCheckAfterMs: 1000,
    beforeRestart: () => restarts.push('marked as intended quit'),
    logger: { info: () => undefined, warn: (message: unknown) => warnings.push(String(message)), error: () => undefined },
  });
  const seen: UpdateState[] = [];
  service.subscribe((state) => seen.push(state));
  return { updater, clock, service, seen, restarts, warnings };
}

/** The feed has 1.2.0: electron-updater announces it, downloads it, and says it is ready. */
async function feedWithNewVersion(updater: AutoUpdaterDouble): Promise<unknown> {
  updater.emit('checking-for-update');
  updater.emit('update-available', { version: '1.2.0' });
  updater.emit('download-progress', { percent: 41.7 });
  updater.emit('update-downloaded', { version: '1.2.0', downloadedFile: '/tmp/setup.exe' });
  return { isUpdateAvailable: true };
}

describe('UpdateService', () => {
  it('configures background download, install on quit and the generic feed', () => {
    const { updater } = setup();
    expect(updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true, allowDowngrade: false });
    expect(updater.feeds).toEqual([{ provider: 'generic', url: feedUrl }]);
  });

  it('checks shortly after start and then every few hours, and stops when asked', async () => {
    const { updater, clock, service } = setup();
    service.start();
    expect(clock.active().map(({ kind, ms }) => [kind, ms])).toEqual([
      ['after', 1000],
      ['every', defaultCheckEveryMs],
    ]);
    expect(defaultCheckEveryMs).toBeGreaterThanOrEqual(60 * 60 * 1000);
    for (const timer of clock.active()) {
      timer.run();
      await vi.waitFor(() => expect(service.state).toEqual({ kind: 'idle' }));
    }
    expect(updater.checks).toBe(2);
    service.stop();
    expect(clock.active()).toEqual([]);
  });

  it('goes checking → downloading → ready with the version, and never installs by itself', async () => {
    const { updater, service, seen } = setup();
    updater.onCheck = feedWithNewVersion;
    await service.checkNow();
    expect(seen).toEqual([
      { kind: 'checking' },
      { kind: 'downloading', version: '1.2.0', percent: null },
      { kind: 'downloading', version: '1.2.0', percent: 42 },
      { kind: 'ready', version: '1.2.0' },
    ]);
    expect(updater.installs).toEqual([]);
  });

  it('installs only when staff choose "Restart to update", silently and reopening the app', async () => {
    const { updater, service, restarts, clock } = setup();
    service.start();
    expect(service.restartToUpdate()).toBe(false); // nothing downloaded yet
    expect(updater.installs).toEqual([]);

    updater.onCheck = feedWithNewVersion;
    await service.checkNow();
    expect(service.restartToUpdate()).toBe(true);
    expect(restarts).toEqual(['marked as intended quit']);
    expect(updater.installs).toEqual([[true, true]]);
    expect(clock.active()).toEqual([]); // no check races the restart
  });

  it('returns to idle when the feed has nothing newer, or electron-updater skips without an event', async () => {
    const { updater, service } = setup();
    updater.onCheck = async (u) => {
      u.emit('checking-for-update');
      u.emit('update-not-available', { version: '1.0.0' });
      return null;
    };
    expect(await service.checkNow()).toEqual({ kind: 'idle' });
    updater.onCheck = async () => null; // e.g. a development run: "skip checkForUpdates"
    expect(await service.checkNow()).toEqual({ kind: 'idle' });
  });

  it('reports a failed check as a plain sentence, logs the detail, and tries again next time', async () => {
    const { updater, service, warnings } = setup();
    updater.onCheck = async (u) => {
      const error = new Error('HttpError: 404 https://updates.example.org/chatdesk/latest.yml');
      u.emit('error', error);
      throw error;
    };
    expect(await service.checkNow()).toEqual({ kind: 'error', message: updateErrorMessage });
    expect(warnings[0]).toContain('404');

    updater.onCheck = feedWithNewVersion;
    expect(await service.checkNow()).toEqual({ kind: 'ready', version: '1.2.0' });
  });

  it('does not start a second check while one runs or an update waits, and keeps a ready update on a later error', async () => {
    const { updater, service } = setup();
    let finish: () => void = () => undefined;
    updater.onCheck = (u) => {
      u.emit('checking-for-update');
      return new Promise((resolve) => {
        finish = () => resolve(null);
      });
    };
    const first = service.checkNow();
    expect(await service.checkNow()).toEqual({ kind: 'checking' });
    expect(updater.checks).toBe(1);
    finish();
    await first;

    updater.onCheck = feedWithNewVersion;
    await service.checkNow();
    expect(await service.checkNow()).toEqual({ kind: 'ready', version: '1.2.0' });
    expect(updater.checks).toBe(2);
    updater.emit('error', new Error('network down'));
    expect(service.state).toEqual({ kind: 'ready', version: '1.2.0' });
  });

  it('stops telling a listener once it unsubscribes', async () => {
    const { updater, service } = setup();
    const late: UpdateState[] = [];
    const unsubscribe = service.subscribe((state) => late.push(state));
    unsubscribe();
    updater.onCheck = feedWithNewVersion;
    await service.checkNow();
    expect(late).toEqual([]);
  });
});
