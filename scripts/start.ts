// `npm start`: the chat server under ./.data with a demo clinic, then the desktop app connected to it, or where
// Electron cannot run the preview host instead. Environment: CHATDESK_PORT, CHATDESK_DATA_DIR, and the preview host's.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { apiPaths } from '../core/http-paths.ts';
import type { PreviewHost } from '../main/preview/preview-host.ts';
import { createChatServer } from '../server/server.ts';
import type { RunningServer } from '../server/server.ts';
import { ensureDemoClinic } from './demo-clinic.ts';
import { buildApp, ensureElectronRuntime, hasDisplay, openPreview, previewEnvironment } from './electron-runtime.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const dataDir = resolve(process.env.CHATDESK_DATA_DIR?.trim() || '.data');
const portText = process.env.CHATDESK_PORT?.trim() || '8787';
if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65_535) fail(`CHATDESK_PORT must be a port number, not "${portText}".`);
const preview = previewEnvironment({ ...process.env, CHATDESK_SERVER_URL: '', CHATDESK_CLINIC_ID: '', CHATDESK_TOKEN: '' }, process.cwd());
if (!preview.ok) fail(preview.message);

if (process.env.CHATDESK_SKIP_BUILD !== '1') buildApp();
mkdirSync(dataDir, { recursive: true, mode: 0o700 });
const demo = await ensureDemoClinic(dataDir);

let server: RunningServer;
try {
  server = await createChatServer({ host: '127.0.0.1', port: Number(portText), dataDir, logLevel: 'warn' });
} catch (error) {
  const busy = error instanceof Error && 'code' in error && error.code === 'EADDRINUSE';
  fail(busy ? `Port ${portText} is in use (another npm start?): stop it, or set CHATDESK_PORT.` : `The chat server did not start: ${String(error)}`);
}
const connect = { serverUrl: server.url, clinicId: demo.clinicId, token: demo.token };
console.log(`Chat server: ${server.url} (data in ${dataDir})`);
console.log(`Demo clinic website — what pet owners see: ${server.url}${apiPaths.demo(demo.clinicId)}`);

let desktop: ChildProcess | null = null;
let host: PreviewHost | null = null;
const runtime = hasDisplay() ? ensureElectronRuntime() : ({ ok: false, reason: 'no display is available' } as const);
if (runtime.ok) {
  // The desktop app connects to the demo clinic from these, as the preview host does.
  desktop = spawn(runtime.executable, ['.'], {
    stdio: 'inherit',
    env: { ...process.env, CHATDESK_SERVER_URL: connect.serverUrl, CHATDESK_CLINIC_ID: connect.clinicId, CHATDESK_TOKEN: connect.token },
  });
  desktop.on('exit', () => void shutdown(0));
  console.log('Desktop app started: Clinic Chat Desk is in the tray.');
} else {
  const why = runtime.reason === 'no display is available' ? runtime.reason : `the Electron runtime is not available (${runtime.reason})`;
  console.log(`Desktop app not started: ${why}; opening the staff console in the browser preview host instead.`);
  host = await openPreview({ ...preview.value, connect }, () => server.close());
}
console.log('Press Ctrl-C to stop.');

let stopping = false;
async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  desktop?.kill('SIGTERM');
  await host?.close();
  await server.close();
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1); // a second Ctrl-C means now
    void shutdown(0);
  });
}
