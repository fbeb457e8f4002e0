// The zod-free part of the HTTP contract: URL paths and the limits of a pet owner's message. Kept
// apart from schemas/http-api.ts so the website widget can bundle it without zod.

export const MAX_MESSAGE_LENGTH = 2_000;
export const MAX_OWNER_NAME_LENGTH = 80;

export const apiPaths = {
  health: '/healthz',
  adminClinics: '/v1/admin/clinics',
  clinic: (id: string) => `/v1/clinics/${encodeURIComponent(id)}`,
  settings: (id: string) => `/v1/clinics/${encodeURIComponent(id)}/settings`,
  presence: (id: string) => `/v1/clinics/${encodeURIComponent(id)}/presence`,
  events: (id: string) => `/v1/clinics/${encodeURIComponent(id)}/events`,
  availability: (id: string) => `/v1/clinics/${encodeURIComponent(id)}/availability`,
  messages: (id: string) => `/v1/clinics/${encodeURIComponent(id)}/messages`,
  history: (id: string) => `/v1/clinics/${encodeURIComponent(id)}/history`,
  widget: '/widget.js',
  demo: (id: string) => `/demo/${encodeURIComponent(id)}`,
} as const;
