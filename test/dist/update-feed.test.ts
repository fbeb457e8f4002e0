// Where a PC looks for updates: fleet configuration first, then the environment, then the feed built
// into the package; never a placeholder, never plain HTTP, never in a development run.
import { describe, expect, it } from 'vitest';
import { builtInFeedUrl, chooseUpdateFeed, placeholderUpdateFeed } from '../../main/updates/update-feed.ts';
import { fleetFrom as fleet } from './fleet-fixture.ts';

const builtIn = (url: string) => `provider: generic\nurl: ${url}\nupdaterCacheDirName: clinic-chat-desk-updater\n`;
const packaged = { env: {}, isPackaged: true, builtInConfig: builtIn('https://releases.example.com/chatdesk/') };

describe('chooseUpdateFeed', () => {
  it('prefers a flag, then fleet.json, then CHATDESK_UPDATE_FEED, then the built-in feed', () => {
    const file = { updateFeed: 'https://it.example.net/feed/' };
    const env = { CHATDESK_UPDATE_FEED: 'https://env.example.net/feed/' };
    expect(chooseUpdateFeed({ ...packaged, env, fleet: fleet(file, ['--update-feed=https://flag.example.net/feed/']) })).toEqual({
      enabled: true,
      url: 'https://flag.example.net/feed/',
      source: 'flag',
    });
    expect(chooseUpdateFeed({ ...packaged, env, fleet: fleet(file) })).toEqual({ enabled: true, url: 'https://it.example.net/feed/', source: 'file' });
    expect(chooseUpdateFeed({ ...packaged, env, fleet: fleet() })).toEqual({ enabled: true, url: 'https://env.example.net/feed/', source: 'environment' });
    expect(chooseUpdateFeed({ ...packaged, fleet: fleet() })).toEqual({ enabled: true, url: 'https://releases.example.com/chatdesk/', source: 'build' });
  });

  it('is off when the administrator turns automatic updates off, or in a development run', () => {
    expect(chooseUpdateFeed({ ...packaged, fleet: fleet({ autoUpdate: false, updateFeed: 'https://it.example.net/feed/' }) })).toMatchObject({ enabled: false, reason: expect.stringContaining('autoUpdate: false') });
    expect(chooseUpdateFeed({ ...packaged, fleet: fleet({}, ['--no-auto-update']) }).enabled).toBe(false);
    expect(chooseUpdateFeed({ ...packaged, isPackaged: false, fleet: fleet() })).toMatchObject({ enabled: false, reason: expect.stringContaining('packaged') });
  });

  it('ignores the placeholder built into a package made without a feed', () => {
    expect(chooseUpdateFeed({ ...packaged, builtInConfig: builtIn(placeholderUpdateFeed), fleet: fleet() })).toMatchObject({ enabled: false, reason: expect.stringContaining('fleet.json') });
    expect(chooseUpdateFeed({ ...packaged, builtInConfig: null, fleet: fleet() }).enabled).toBe(false);
  });

  it('says so when CHATDESK_UPDATE_FEED is not a usable https address', () => {
    expect(chooseUpdateFeed({ ...packaged, env: { CHATDESK_UPDATE_FEED: 'http://insecure.example/feed/' }, fleet: fleet() })).toEqual({
      enabled: false,
      reason: 'CHATDESK_UPDATE_FEED is not a usable https:// address.',
    });
  });
});

describe('builtInFeedUrl', () => {
  it('reads the url electron-builder wrote into app-update.yml, quoted or not', () => {
    expect(builtInFeedUrl(builtIn('https://a.example/feed/'))).toBe('https://a.example/feed/');
    expect(builtInFeedUrl("provider: generic\nurl: 'https://b.example/feed/'\n")).toBe('https://b.example/feed/');
    expect(builtInFeedUrl('provider: generic\n')).toBeNull();
  });
});
