// The preview host's wire protocol (main/preview serves it, renderer's web bridge speaks it): the
// AppApi over HTTP + Server-Sent Events on 127.0.0.1. Defined once here so neither side spells a path
// or header twice.
import type { AppApiOperation } from './schemas/app-api.ts';

export const previewPaths = {
  /** The staff console. The printed URL carries `?session=<secret>` once; the host answers with a cookie. */
  console: '/',
  /** POST, JSON body `{ "args": [...] }` (the operation's argument list), answers an AppResult. */
  operation: (operation: AppApiOperation) => `/api/${operation}`,
  /** GET, Server-Sent Events: `state` events whose data is an AppState snapshot. */
  events: '/api/events',
} as const;

export const previewSessionQuery = 'session';
export const previewSessionCookie = 'chatdesk_session';
export const previewStateEvent = 'state';

export type PreviewOperationRequest = { args: unknown[] };
