// The two public endpoints the widget calls. Every outcome is a value: the host page must never see
// a rejected promise or an exception from us, whatever the network or the server does.
import type { Availability } from '../../../core/availability.ts';
import type { AvailabilityResponse, ChatClosedBody, ErrorBody, MessageRequest } from '../../../core/schemas/http-api.ts';
import { apiPaths } from '../../../core/http-paths.ts';

const REQUEST_TIMEOUT_MS = 10_000;

export type AvailabilityResult = { ok: true; availability: AvailabilityResponse } | { ok: false; status: number | null };

export type SendResult =
  | { kind: 'sent' }
  | { kind: 'closed'; availability: Availability }
  | { kind: 'rejected'; message: string | null }
  | { kind: 'rate-limited' }
  | { kind: 'failed' };

export type ApiClient = {
  availability(): Promise<AvailabilityResult>;
  send(message: MessageRequest): Promise<SendResult>;
};

export function createApiClient(apiOrigin: string, clinicId: string): ApiClient {
  const url = (path: string): string => new URL(path, apiOrigin).toString();
  return {
    async availability() {
      const response = await request(url(apiPaths.availability(clinicId)), { method: 'GET' });
      if (response === null) return { ok: false, status: null };
      const body = response.ok ? await readJson(response) : null;
      return isAvailabilityResponse(body) ? { ok: true, availability: { ...body, emergency: body.emergency ?? null } } : { ok: false, status: response.status };
    },
    async send(message) {
      const response = await request(url(apiPaths.messages(clinicId)), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(message),
      });
      if (response === null) return { kind: 'failed' };
      if (response.status === 202) return { kind: 'sent' };
      const body = await readJson(response);
      if (response.status === 409 && isChatClosed(body)) return { kind: 'closed', availability: { ...body.availability, emergency: body.availability.emergency ?? null } };
      if (response.status === 429) return { kind: 'rate-limited' };
      if (response.status === 400 || response.status === 413) return { kind: 'rejected', message: errorMessage(body) };
      return { kind: 'failed' };
    },
  };
}

async function request(url: string, init: RequestInit): Promise<Response | null> {
  try {
    // Cookies are never sent: the API is public and must not learn anything about the visitor.
    return await fetch(url, { ...init, mode: 'cors', credentials: 'omit', headers: { accept: 'application/json', ...init.headers }, signal: timeoutSignal() });
  } catch {
    return null; // offline, refused, timed out, blocked by an extension: all "try again later"
  }
}

function timeoutSignal(): AbortSignal | undefined {
  return typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(REQUEST_TIMEOUT_MS) : undefined;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isInstantOrNull = (value: unknown): boolean => value === null || (typeof value === 'string' && !Number.isNaN(Date.parse(value)));

/**
 * A shape check, not a schema (zod would triple the bundle): enough that rendering cannot throw on a
 * proxy's error page or an older server. An older server may not send `emergency` at all.
 */
function isAvailability(value: unknown): value is Availability {
  return (
    isObject(value) &&
    typeof value.accepting === 'boolean' &&
    (value.widget === 'chat' || value.widget === 'banner' || value.widget === 'disabled') &&
    typeof value.reason === 'string' &&
    isInstantOrNull(value.opensAt) &&
    isInstantOrNull(value.closesAt) &&
    isObject(value.channels) &&
    (value.emergency === null || value.emergency === undefined || (isObject(value.emergency) && typeof value.emergency.phone === 'string' && typeof value.emergency.label === 'string'))
  );
}

function isAvailabilityResponse(value: unknown): value is AvailabilityResponse {
  if (!isAvailability(value)) return false;
  const { clinic, contact } = value as Availability & Record<string, unknown>;
  return isObject(clinic) && typeof clinic.name === 'string' && isTimeZone(clinic.timezone) && isObject(contact);
}

/** The wording formats times in this zone; an unknown one would throw while rendering. */
function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function isChatClosed(value: unknown): value is ChatClosedBody {
  return isObject(value) && isObject(value.error) && value.error.code === 'chat_closed' && isAvailability(value.availability);
}

/** The most specific sentence the server gave: a field's message ("Write a message") over the summary. */
function errorMessage(value: unknown): string | null {
  if (!isObject(value) || !isObject(value.error)) return null;
  const { message, details } = (value as ErrorBody).error;
  const detail: unknown = Array.isArray(details) && isObject(details[0]) ? details[0].message : null;
  if (typeof detail === 'string' && detail !== '') return detail;
  return typeof message === 'string' && message !== '' ? message : null;
}
