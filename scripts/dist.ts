// `npm run dist [-- electron-builder options]`: this OS's installers into dist/. electron-builder downloads the
// Electron runtime, so this runs on a release machine; signing credentials come from the environment (docs/it-deployment.md).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { placeholderUpdateFeed } from '../main/updates/updates.ts';
import { buildApp } from './electron-runtime.ts';
import { appIconSource, staleIcons } from './make-icons.ts';

const root = resolve(import.meta.dirname, '..');

const stale = staleIcons(readFileSync(join(root, appIconSource), 'utf8'), join(root, 'build'));
if (stale.length > 0) {
  console.error(`dist: the icons in build/ are not current:\n  ${stale.join('\n  ')}`);
  process.exit(1);
}

const feed = process.env.CHATDESK_UPDATE_FEED?.trim();
if (!feed) {
  console.warn(
    `dist: CHATDESK_UPDATE_FEED is not set, so this build has no update feed of its own (${placeholderUpdateFeed}).\n` +
      '      PCs will update only where fleet.json gives "updateFeed".',
  );
}

buildApp(root, 'warn');
// electron-builder picks the current OS by itself; --publish never: the feed is a folder IT serves.
const builder = spawnSync(process.execPath, [join(root, 'node_modules/electron-builder/cli.js'), '--publish', 'never', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CHATDESK_UPDATE_FEED: feed || placeholderUpdateFeed },
});
const status = builder.status ?? 1;
if (status !== 0) {
  console.error('dist: electron-builder failed. It downloads the Electron runtime, so it needs the internet (see docs/it-deployment.md).');
}
process.exit(status);
