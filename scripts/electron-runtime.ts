// What `npm start` and `npm run preview` need before the app can run: the built app (one electron-vite
// build of main, preload and renderer), Electron's runtime and a display, or else the preview host.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { connectInputSchema } from '../core/schemas/app-api.ts';
import type { ConnectInput } from '../core/schemas/app-api.ts';
import { DEFAULT_PREVIEW_PORT, startPreviewHost } from '../main/preview/preview-host.ts';
import type { PreviewHost } from '../main/preview/preview-host.ts';

type RuntimeCheck = { ok: true; executable: string } | { ok: false; reason: string };

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..');

/** Builds main, preload and renderer into `projectDir`/out; exits when the build fails. */
export function buildApp(projectDir = root, logLevel: 'warn' | 'error' = 'error'): void {
  const result = spawnSync(process.execPath, [join(projectDir, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', logLevel], { cwd: projectDir, stdio: 'inherit' });
  if (result.status === 0) return;
  console.error('The app build (electron-vite build) failed.');
  process.exit(result.status ?? 1);
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

export type PreviewEnvironment = { port: number; dataDir: string; connect: ConnectInput | null };

/** The preview host's settings (CHATDESK_PREVIEW_PORT, _APP_DATA, _SERVER_URL, _CLINIC_ID, _TOKEN), checked before anything starts. */
export function previewEnvironment(env: Record<string, string | undefined>, cwd: string): { ok: true; value: PreviewEnvironment } | { ok: false; message: string } {
  const portText = env.CHATDESK_PREVIEW_PORT?.trim() || String(DEFAULT_PREVIEW_PORT);
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : Number.NaN;
  if (!(port >= 0 && port <= 65_535)) return { ok: false, message: `CHATDESK_PREVIEW_PORT must be a port number (0 picks a free one), not "${portText}".` };
  const given = { serverUrl: env.CHATDESK_SERVER_URL?.trim(), clinicId: env.CHATDESK_CLINIC_ID?.trim(), token: env.CHATDESK_TOKEN?.trim() };
  const present = Object.values(given).filter(Boolean).length;
  if (present > 0 && present < 3) return { ok: false, message: 'To connect at start, set all three of CHATDESK_SERVER_URL, CHATDESK_CLINIC_ID and CHATDESK_TOKEN (or none).' };
  const parsed = connectInputSchema.safeParse(given);
  if (present === 3 && !parsed.success) return { ok: false, message: `CHATDESK_SERVER_URL / _CLINIC_ID / _TOKEN: ${parsed.error.issues.map((issue) => issue.message).join('; ')}.` };
  return { ok: true, value: { port, dataDir: resolve(cwd, env.CHATDESK_APP_DATA?.trim() || '.data/app'), connect: present === 3 ? (parsed.data ?? null) : null } };
}

/** Starts the preview host and prints its link, or says why not (after `cleanUp`) and exits. */
export async function openPreview({ port, dataDir, connect }: PreviewEnvironment, cleanUp: () => Promise<void> = async () => undefined): Promise<PreviewHost> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  let host: PreviewHost;
  try {
    host = await startPreviewHost({ port, dataDir, ...(connect ? { connect } : {}) });
  } catch (error) {
    await cleanUp();
    const busy = error instanceof Error && 'code' in error && error.code === 'EADDRINUSE';
    console.error(busy ? `Port ${port} is in use: set CHATDESK_PREVIEW_PORT to another port (0 picks a free one).` : String(error));
    process.exit(1);
  }
  if (host.connected && !host.connected.ok) console.error(`Could not connect to the clinic: ${host.connected.error.message}`);
  console.log(`Staff console: ${host.url}`);
  return host;
}
