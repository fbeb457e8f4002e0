// Connecting checks the server address, the clinic id and the token with real requests before
// anything is stored, and says which field is wrong: an address that does not answer (or answers as
// something else), a token the server refuses, a clinic it does not know.
import type { Presence } from '../../core/schemas/schedule.ts';
import { z } from 'zod';
import { connectInputSchema } from '../../core/schemas/app-api.ts';
import type { AppError, ConnectInput } from '../../core/schemas/app-api.ts';
import type { SettingsResponse } from '../../core/schemas/http-api.ts';
import { appMessages, connectError } from '../controller/app-messages.ts';
import type { Clock, ClockSkew } from '../controller/clock.ts';
import { ServerClient } from './server-client.ts';

type VerifiedConnection = {
  serverUrl: string;
  clinicId: string;
  clinic: { id: string; name: string };
  settings: SettingsResponse;
  presence: Presence;
};

type ConnectOutcome = { ok: true; value: VerifiedConnection } | { ok: false; error: AppError };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The address as we store it: scheme, host and any path prefix, without a trailing slash. Plain
 * http would send the clinic's token readable to anyone on the network, so it is allowed only for a
 * server on this PC (`npm start`, tests).
 */
function normalizeServerUrl(input: string): { ok: true; value: string } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { ok: false, message: appMessages.justTheAddress };
  }
  if (url.username || url.password || url.search || url.hash) return { ok: false, message: appMessages.justTheAddress };
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname) && !url.hostname.startsWith('127.')) {
    return { ok: false, message: appMessages.httpsRequired };
  }
  return { ok: true, value: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

/**
 * A server address as the connection form, fleet configuration and environment give it, checked and
 * normalised once, so every comparison with the stored address compares like with like.
 */
export const serverAddressSchema = connectInputSchema.shape.serverUrl.transform((url, context) => {
  const address = normalizeServerUrl(url);
  if (address.ok) return address.value;
  context.addIssue({ code: 'custom', message: address.message });
  return z.NEVER;
});

/** The connect call's input with its server address normalised, or the field error to show. */
export function normalizeConnectInput(input: ConnectInput): { ok: true; value: ConnectInput } | { ok: false; error: AppError } {
  const address = normalizeServerUrl(input.serverUrl);
  if (!address.ok) return { ok: false, error: { code: 'invalid-input', message: address.message, fields: [{ path: 'serverUrl', message: address.message }] } };
  return { ok: true, value: { ...input, serverUrl: address.value } };
}

/** `input.serverUrl` is normalised already (normalizeConnectInput): it is stored as given. */
export async function connectToClinic(
  input: ConnectInput,
  context: { clock: Clock; skew: ClockSkew; timeoutMs?: number | undefined },
): Promise<ConnectOutcome> {
  const { serverUrl } = input;
  const client = new ServerClient({
    serverUrl,
    clinicId: input.clinicId,
    token: input.token,
    clock: context.clock,
    skew: context.skew,
    ...(context.timeoutMs === undefined ? {} : { timeoutMs: context.timeoutMs }),
  });
  const clinic = await client.clinic();
  if (!clinic.ok) return { ok: false, error: connectError(clinic.failure, serverUrl) };
  const [settings, presence] = await Promise.all([client.settings(), client.presence()]);
  if (!settings.ok) return { ok: false, error: connectError(settings.failure, serverUrl) };
  if (!presence.ok) return { ok: false, error: connectError(presence.failure, serverUrl) };
  return { ok: true, value: { serverUrl, clinicId: input.clinicId, clinic: clinic.value, settings: settings.value, presence: presence.value } };
}
