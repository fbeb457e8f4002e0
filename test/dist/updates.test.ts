// Automatic updates: which feed a PC follows, and the update service at the adapter seam, where
// electron-updater's autoUpdater is replaced by a double that emits the same events, on a clock the
// test moves by hand.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { CHECK_EVERY_MS, UpdateService, builtInFeedUrl, chooseUpdateFeed, placeholderUpdateFeed, redactUrls, updateLogger } from '../../main/updates/updates.ts';
import type { AutoUpdaterLike, UpdateState } from '../../main/updates/updates.ts';
import { ManualClock } from '../main/support/manual-clock.ts';
import { fleetFrom as fleet } from './fleet-fixture.ts';

const builtIn = (url: string) => `provider: generic\nurl: ${url}\nupdaterCacheDirName: clinic-chat-desk-updater\n`;
const packaged = (config = fleet(), env: Record<string, string> = {}, yml: string | null = builtIn('https://releases.example.com/chatdesk/')) =>
  chooseUpdateFeed(config, env, true, () => yml);

describe('chooseUpdateFeed', () => {
  it('prefers a flag, then fleet.json, then CHATDESK_UPDATE_FEED, then the built-in feed', () => {
    const file = { updateFeed: 'https://it.example.net/feed/' };
    const env = { CHATDESK_UPDATE_FEED: 'https://env.example.net/feed/' };
    expect(packaged(fleet(file, ['--update-feed=https://flag.example.net/feed/']), env)).toEqual({ enabled: true, url: 'https://flag.example.net/feed/', source: 'flag' });
    expect(packaged(fleet(file), env)).toEqual({ enabled: true, url: 'https://it.example.net/feed/', source: 'file' });
    expect(packaged(fleet(), env)).toEqual({ enabled: true, url: 'https://env.example.net/feed/', source: 'environment' });
    expect(packaged()).toEqual({ enabled: true, url: 'https://releases.example.com/chatdesk/', source: 'build' });
  });

  it('is off when the administrator turns automatic updates off, or in a development run (without reading the package)', () => {
    expect(packaged(fleet({ autoUpdate: false, updateFeed: 'https://it.example.net/feed/' }))).toMatchObject({ enabled: false, reason: expect.stringContaining('autoUpdate: false') });
    expect(packaged(fleet({}, ['--no-auto-update'])).enabled).toBe(false);
    const development = chooseUpdateFeed(fleet(), {}, false, () => expect.fail('a development run has no app-update.yml'));
    expect(development).toMatchObject({ enabled: false, reason: expect.stringContaining('packaged') });
  });

  it('ignores the placeholder built into a package made without a feed', () => {
    expect(packaged(fleet(), {}, builtIn(placeholderUpdateFeed))).toMatchObject({ enabled: false, reason: expect.stringContaining('fleet.json') });
    expect(packaged(fleet(), {}, null).enabled).toBe(false);
  });

  it('says so when CHATDESK_UPDATE_FEED is not a usable https address', () => {
    expect(packaged(fleet(), { CHATDESK_UPDATE_FEED: 'http://insecure.example/feed/' })).toEqual({ enabled: false, reason: 'CHATDESK_UPDATE_FEED is not a usable https:// address.' });
  });

  it('reads the url electron-builder wrote into app-update.yml, quoted or not', () => {
    expect(builtInFeedUrl(builtIn('https://a.example/feed/'))).toBe('https://a.example/feed/');
    expect(builtInFeedUrl("provider: generic\nurl: 'https://b.example/feed/'\n")).toBe('https://b.example/feed/');
    expect(builtInFeedUrl('provider: generic\n')).toBeNull();
  });
});

/** Stands in for electron-updater's autoUpdater; `onCheck` plays what the feed would answer. */
class AutoUpdaterDouble extends EventEmitter implements AutoUpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  allowDowngrade = true;
  logger: AutoUpdaterLike['logger'] = null;
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

const feedUrl = 'https://updates.example.org/chatdesk/';

function setup() {
  const updater = new AutoUpdaterDouble();
  const clock = new ManualClock('2026-11-25T09:00:00Z');
  const events: string[] = [];
  const lines: string[] = [];
  const sink = { info: (text: string) => lines.push(`info ${text}`), warn: (text: string) => lines.push(`warn ${text}`), error: (text: string) => lines.push(`error ${text}`) };
  const service = new UpdateService({
    autoUpdater: updater,
    feedUrl,
    clock,
    onReady: (version) => events.push(`ready ${version}`),
    beforeRestart: () => events.push('marked as intended quit'),
    logger: updateLogger(sink),
  });
  return { updater, clock, service, events, lines };
}

/** The feed has 1.2.0: electron-updater announces it, downloads it, and says it is ready. */
async function feedWithNewVersion(updater: AutoUpdaterDouble): Promise<unknown> {
  updater.emit('checking-for-update');
  updater.emit('update-available', { version: '1.2.0' });
  updater.emit('update-downloaded', { version: '1.2.0', downloadedFile: '/tmp/setup.exe' });
  return { isUpdateAvailable: true };
}

describe('UpdateService', () => {
  it('configures background download, install on quit and the generic feed', () => {
    const { updater } = setup();
    expect(updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true, allowDowngrade: false });
    expect(updater.feeds).toEqual([{ provider: 'generic', url: feedUrl }]);
  });

  it('checks shortly after start and then every few hours, and stops when asked', () => {
    const { updater, clock, service } = setup();
    service.start(1000);
    expect(clock.pending()).toEqual(['2026-11-25T09:00:01.000Z']);
    clock.advance(1000);
    expect(updater.checks).toBe(1);
    expect(CHECK_EVERY_MS).toBeGreaterThanOrEqual(60 * 60 * 1000);
    expect(clock.pending()).toEqual([new Date(Date.parse('2026-11-25T09:00:01.000Z') + CHECK_EVERY_MS).toISOString()]);
    service.stop();
    expect(clock.pending()).toEqual([]);
  });

  it('goes checking → downloading → ready with the version, tells the tray once, and never installs by itself', async () => {
    const { updater, service, events } = setup();
    const seen: UpdateState[] = [];
    updater.onCheck = async (u) => {
      u.emit('checking-for-update');
      seen.push(service.state);
      u.emit('update-available', { version: '1.2.0' });
      seen.push(service.state);
      u.emit('update-downloaded', { version: '1.2.0' });
      return null;
    };
    expect(await service.checkNow()).toEqual({ kind: 'ready', version: '1.2.0' });
    expect(seen).toEqual([{ kind: 'checking' }, { kind: 'downloading', version: '1.2.0' }]);
    expect(events).toEqual(['ready 1.2.0']);
    expect(updater.installs).toEqual([]);
  });

  it('installs only when staff choose "Restart to update", silently and reopening the app', async () => {
    const { updater, service, events, clock } = setup();
    service.start();
    expect(service.restartToUpdate()).toBe(false); // nothing downloaded yet
    updater.onCheck = feedWithNewVersion;
    await service.checkNow();
    expect(service.restartToUpdate()).toBe(true);
    expect(events).toEqual(['ready 1.2.0', 'marked as intended quit']);
    expect(updater.installs).toEqual([[true, true]]);
    expect(clock.pending()).toEqual([]); // no check races the restart
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

  it('logs a failed check without the credentials or signed query a feed URL may carry, and tries again next time', async () => {
    const { updater, service, lines } = setup();
    updater.onCheck = async () => {
      throw new Error('HttpError: 403 "Forbidden" https://it:hunter2@updates.example.org/chatdesk/latest.yml?sig=abc123');
    };
    expect(await service.checkNow()).toEqual({ kind: 'idle' });
    expect(lines).toEqual(['warn [update] Update check failed: HttpError: 403 "Forbidden" https://updates.example.org/chatdesk/latest.yml']);
    updater.logger?.info('Checking for update'); // electron-updater logs through the same logger
    expect(lines.at(-1)).toBe('info [update] Checking for update');

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

  it('cuts user info, query and fragment out of every URL in a line', () => {
    expect(redactUrls('GET https://it:hunter2@updates.example.org/a/latest.yml?sig=x#y failed; see http://proxy.local:3128/')).toBe(
      'GET https://updates.example.org/a/latest.yml failed; see http://proxy.local:3128/',
    );
  });
});
