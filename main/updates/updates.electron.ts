// electron-updater's autoUpdater for the update service, in an installed app that has a feed.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';
import electronUpdater from 'electron-updater';
import type { Fleet } from '../fleet/fleet.ts';
import { UpdateService, chooseUpdateFeed } from './updates.ts';
import type { UpdaterOptions } from './updates.ts';

/** The update service, or null when this PC does not update itself; the reason goes to the log, where IT looks. */
export function electronUpdates(fleet: Fleet, events: Pick<UpdaterOptions, 'onReady' | 'beforeRestart'>): UpdateService | null {
  const builtInConfig = () => {
    const file = join(process.resourcesPath, 'app-update.yml'); // written by electron-builder beside app.asar
    return existsSync(file) ? readFileSync(file, 'utf8') : null;
  };
  const feed = chooseUpdateFeed(fleet, process.env, app.isPackaged, builtInConfig);
  if (!feed.enabled) console.log(`[update] ${feed.reason}`);
  return feed.enabled ? new UpdateService({ autoUpdater: electronUpdater.autoUpdater, feedUrl: feed.url, ...events }) : null;
}
