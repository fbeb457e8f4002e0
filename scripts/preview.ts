// `npm run preview`: builds the staff UI and runs the preview host, printing `Staff console: <url>`.
// Environment: CHATDESK_PREVIEW_PORT, CHATDESK_APP_DATA, and CHATDESK_SERVER_URL + _CLINIC_ID + _TOKEN to connect.
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
