import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type RuntimeCheck = { ok: true; executable: string } | { ok: false; reason: string };

const require = createRequire(import.meta.url);

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

  const install = spawnSync(process.execPath, [join(packageDir, 'install.js')], {
    encoding: 'utf8',
    timeout: 180_000,
  });
  const fetched = installedRuntime(packageDir);
  if (install.status === 0 && fetched) return { ok: true, executable: fetched };
  const detail = `${install.stderr ?? ''}${install.stdout ?? ''}`.trim().split('\n').pop() ?? 'no output';
  return { ok: false, reason: install.error ? install.error.message : detail };
}

/** Electron on Linux needs a display server; without one the window cannot open. */
export function hasDisplay(): boolean {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}
