// What `npm start` and `npm run preview` need before the app can run: the built app (one electron-vite
// build of main, preload and renderer) and, for the desktop app, Electron's runtime and a display.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

type RuntimeCheck = { ok: true; executable: string } | { ok: false; reason: string };

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..');

/** Builds main, preload and renderer into out/; exits with the build's status when it fails. */
export function buildApp(): void {
  const result = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Where the electron package keeps its runtime, and whether the binary is actually there. */
function installedRuntime(packageDir: string): string | null {
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : null;
}

/**
 * Finds the Electron runtime, fetching it with electron's own install.js when it is missing
 * (npm ci runs with electron's install script denied, so a fresh checkout never has it).
 */
export function ensureElectronRuntime(): RuntimeCheck {
  const packageDir = dirname(require.resolve('electron/package.json'));
  const present = installedRuntime(packageDir);
  if (present) return { ok: true, executable: present };

  const install = spawnSync(process.execPath, [join(packageDir, 'install.js')], { encoding: 'utf8', timeout: 180_000 });
  const fetched = installedRuntime(packageDir);
  if (install.status === 0 && fetched) return { ok: true, executable: fetched };
  return { ok: false, reason: install.error ? install.error.message : firstErrorLine(`${install.stderr ?? ''}\n${install.stdout ?? ''}`) };
}

/** The error itself from a Node error dump, not a line of its stack ("TypeError: fetch failed"). */
function firstErrorLine(output: string): string {
  const line = output.split('\n').map((text) => text.trim()).find((text) => text !== '' && !text.startsWith('at ') && !/^node:|^\^|^file:/.test(text));
  return line ?? 'no output';
}

/** Electron on Linux needs a display server; without one the window cannot open. */
export function hasDisplay(): boolean {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}
