// The preview host's settings from the environment (`npm run preview`, `npm start`'s fallback), checked
// before anything starts, with a message a person can act on.
import { resolve } from 'node:path';
import { connectInputSchema } from '../../core/schemas/app-api.ts';
import type { ConnectInput } from '../../core/schemas/app-api.ts';
import { DEFAULT_PREVIEW_PORT } from './preview-host.ts';

type PreviewEnvironment = { port: number; dataDir: string; connect: ConnectInput | null };

const DEFAULT_APP_DATA = '.data/app';

export function previewEnvironment(env: Record<string, string | undefined>, cwd: string): { ok: true; value: PreviewEnvironment } | { ok: false; message: string } {
  const portText = env.CHATDESK_PREVIEW_PORT?.trim() || String(DEFAULT_PREVIEW_PORT);
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : Number.NaN;
  if (!(port >= 0 && port <= 65_535)) return { ok: false, message: `CHATDESK_PREVIEW_PORT must be a port number (0 picks a free one), not "${portText}".` };

  const given = { serverUrl: env.CHATDESK_SERVER_URL?.trim(), clinicId: env.CHATDESK_CLINIC_ID?.trim(), token: env.CHATDESK_TOKEN?.trim() };
  const present = Object.values(given).filter(Boolean).length;
  let connect: ConnectInput | null = null;
  if (present === 3) {
    const parsed = connectInputSchema.safeParse(given);
    if (!parsed.success) return { ok: false, message: `CHATDESK_SERVER_URL / _CLINIC_ID / _TOKEN: ${parsed.error.issues.map((issue) => issue.message).join('; ')}.` };
    connect = parsed.data;
  } else if (present > 0) {
    return { ok: false, message: 'To connect at start, set all three of CHATDESK_SERVER_URL, CHATDESK_CLINIC_ID and CHATDESK_TOKEN (or none).' };
  }
  return { ok: true, value: { port, dataDir: resolve(cwd, env.CHATDESK_APP_DATA?.trim() || DEFAULT_APP_DATA), connect } };
}
