// Failed update checks reach the log, without the credentials or signed query a feed URL may carry.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { redactUrls, updateLogger } from '../../main/updates/update-logger.ts';
import type { LogSink } from '../../main/updates/update-logger.ts';
import { UpdateService } from '../../main/updates/updater.ts';
import type { AutoUpdaterLike } from '../../main/updates/updater.ts';

function recordingSink(): LogSink & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (text: string) => lines.push(`info ${text}`), warn: (text: string) => lines.push(`warn ${text}`), error: (text: string) => lines.push(`error ${text}`) };
}

/** electron-updater's autoUpdater at the seam: every check fails the way an unreachable feed does. */
class FailingAutoUpdater extends EventEmitter implements AutoUpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  allowDowngrade = true;
  logger: AutoUpdaterLike['logger'] = null;
  setFeedURL(): void {}
  async checkForUpdates(): Promise<unknown> {
    throw new Error('HttpError: 403 "Forbidden" https://it:hunter2@updates.example.org/chatdesk/latest.yml?sig=abc123');
  }
  quitAndInstall(): void {}
}

describe('update logging', () => {
  it('cuts user info, query and fragment out of every URL in a line', () => {
    expect(redactUrls('GET https://it:hunter2@updates.example.org/a/latest.yml?sig=x#y failed; see http://proxy.local:3128/')).toBe(
      'GET https://updates.example.org/a/latest.yml failed; see http://proxy.local:3128/',
    );
  });

  it('logs a failed check as a warning, redacted, and hands the same logger to electron-updater', async () => {
    const sink = recordingSink();
    const autoUpdater = new FailingAutoUpdater();
    const service = new UpdateService({ autoUpdater, feedUrl: 'https://updates.example.org/chatdesk/', logger: updateLogger(sink) });
    expect((await service.checkNow()).kind).toBe('error');
    expect(sink.lines).toEqual(['warn [update] Update check failed: HttpError: 403 "Forbidden" https://updates.example.org/chatdesk/latest.yml']);
    autoUpdater.logger?.info('Checking for update');
    expect(sink.lines.at(-1)).toBe('info [update] Checking for update');
  });
});
