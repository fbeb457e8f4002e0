// `npm run preview`: builds the staff UI, then runs the preview host — the desktop app's controller in
// plain Node, with the UI in a browser on 127.0.0.1. Prints one line, `Staff console: <url>`.
// Environment: CHATDESK_PREVIEW_PORT (default 5600), CHATDESK_APP_DATA (default .data/app),
// CHATDESK_SERVER_URL + CHATDESK_CLINIC_ID + CHATDESK_TOKEN to connect at start.
import { mkdirSync } from 'node:fs';
import { previewEnvironment } from '../main/preview/preview-environment.ts';
import { startPreviewHost } from '../main/preview/preview-host.ts';
import { buildApp } from './electron-runtime.ts';

const environment = previewEnvironment(process.env, process.cwd());
if (!environment.ok) {
  console.error(environment.message);
  process.exit(2);
}
const { port, dataDir, connect } = environment.value;
buildApp();
mkdirSync(dataDir, { recursive: true, mode: 0o700 });

let host;
try {
  host = await startPreviewHost({ port, dataDir, ...(connect ? { connect } : {}) });
} catch (error) {
  const busy = error instanceof Error && 'code' in error && error.code === 'EADDRINUSE';
  console.error(busy ? `Port ${port} is in use: set CHATDESK_PREVIEW_PORT to another port (0 picks a free one).` : String(error));
  process.exit(1);
}
if (host.connected && !host.connected.ok) console.error(`Could not connect to the clinic: ${host.connected.error.message}`);
console.log(`Staff console: ${host.url}`);

const running = host;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void running.close().then(() => process.exit(0)));
}
