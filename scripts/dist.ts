// `npm run dist [-- electron-builder options]`: builds the installers for the OS this runs on (NSIS on
// Windows, dmg + zip on macOS, AppImage + deb on Linux) into dist/. It needs the Electron runtime,
// which electron-builder downloads, so it runs on a release machine, not on the development machines.
// Signing and notarisation credentials come from the environment (README, "For clinic IT").
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { placeholderUpdateFeed } from '../main/updates/updates.ts';
import { appIconSource, staleIcons } from './make-icons.ts';

const root = resolve(import.meta.dirname, '..');

function run(script: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const result = spawnSync(process.execPath, [join(root, 'node_modules', ...script.split('/')), ...args], { cwd: root, stdio: 'inherit', env });
  return result.status ?? 1;
}

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

if (run('electron-vite/bin/electron-vite.js', ['build']) !== 0) {
  console.error('dist: the app build (electron-vite build) failed.');
  process.exit(1);
}
// electron-builder picks the current OS by itself; --publish never: the feed is a folder IT serves.
const status = run('electron-builder/cli.js', ['--publish', 'never', ...process.argv.slice(2)], {
  ...process.env,
  CHATDESK_UPDATE_FEED: feed || placeholderUpdateFeed,
});
if (status !== 0) {
  console.error('dist: electron-builder failed. It downloads the Electron runtime, so it needs the internet (see README).');
}
process.exit(status);
