// `npm run preview`: builds the staff UI, then runs the preview host — the desktop app's controller in
// plain Node, with the UI in a browser on 127.0.0.1. Prints one line, `Staff console: <url>`.
// Environment: CHATDESK_PREVIEW_PORT (default 5600), CHATDESK_APP_DATA (default .data/app),
// CHATDESK_SERVER_URL + CHATDESK_CLINIC_ID + CHATDESK_TOKEN to connect at start.
import { buildApp, openPreview, previewEnvironment } from './electron-runtime.ts';

const environment = previewEnvironment(process.env, process.cwd());
if (!environment.ok) {
  console.error(environment.message);
  process.exit(2);
}
buildApp();
const host = await openPreview(environment.value);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void host.close().then(() => process.exit(0)));
}
