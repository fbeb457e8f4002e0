// The two public endpoints the widget calls. Every outcome is a value: the host page must never see
// a rejected promise or an exception from us, whatever the network or the server does.
import type { Availability, AvailabilityResponse, MessageRequest } from '../../../core/schemas/http-api.ts';
import { apiPaths } from '../../../core/http-paths.ts';

export type AvailabilityResult = { ok: true; availability: AvailabilityResponse } | { ok: false; status: number | null };

export type SendResult =
  | { kind: 'sent' }
  | { kind: 'closed'; availability: Availability }
  | { kind: 'rejected'; message: string | null }
  | { kind: 'rate-limited' }
  | { kind: 'failed' };

export function createApiClient(apiOrigin: string, clinicId: string) {
  const url = (path: string): string => new URL(path, apiOrigin).toString();
  return {
    async availability(): Promise<AvailabilityResult> {
      const response = await request(url(apiPaths.availability(clinicId)), { method: 'GET' });
      if (response === null) return { ok: false, status: null };
      const body = response.ok ? await readJson(response) : null;
      return isAvailabilityResponse(body) ? { ok: true, availability: body } : { ok: false, status: response.status };
    },
    async send(message: MessageRequest): Promise<SendResult> {
      const response = await request(url(apiPaths.messages(clinicId)), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message) });
      if (response === null) return { kind: 'failed' };
      if (response.status === 202) return { kind: 'sent' };
      const body = await readJson(response);
      if (response.status === 409 && isObject(body) && isAvailability(body.availability)) return { kind: 'closed', availability: body.availability };
      if (response.status === 429) return { kind: 'rate-limited' };
      if (response.status === 400 || response.status === 413) return { kind: 'rejected', message: errorMessage(body) };
      return { kind: 'failed' };
    },
  };
}

async function request(url: string, init: RequestInit): Promise<Response | null> {
  try {
    // Cookies are never sent: the API is public and must not learn anything about the visitor.
    const signal = typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(10_000) : undefined;
    return await fetch(url, { ...init, mode: 'cors', credentials: 'omit', headers: { accept: 'application/json', ...init.headers }, signal });
  } catch {
    return null; // offline, refused, timed out, blocked by an extension: all "try again later"
  }
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
 * A shape check of what rendering reads, not the schema (zod would triple the bundle): enough that a
 * proxy's error page cannot make rendering throw.
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
    (value.emergency === null || (isObject(value.emergency) && typeof value.emergency.phone === 'string' && typeof value.emergency.label === 'string'))
  );
}

function isAvailabilityResponse(value: unknown): value is AvailabilityResponse {
  if (!isObject(value) || !isObject(value.contact) || !isObject(value.clinic) || typeof value.clinic.name !== 'string') return false;
  // The wording formats times in this zone; an unknown one would throw while rendering.
  try {
    new Intl.DateTimeFormat('en', { timeZone: String(value.clinic.timezone) });
    return isAvailability(value);
  } catch {
    return false;
  }
}

/** The most specific sentence the server gave: a field's message ("Write a message") over the summary. */
function errorMessage(value: unknown): string | null {
  const error = isObject(value) && isObject(value.error) ? value.error : null;
  const detail: unknown = Array.isArray(error?.details) && isObject(error.details[0]) ? error.details[0].message : null;
  if (typeof detail === 'string' && detail !== '') return detail;
  return typeof error?.message === 'string' && error.message !== '' ? error.message : null;
}
