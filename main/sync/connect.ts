// Connecting checks address, clinic and token with real requests before anything is stored, and says
// which field is wrong.
import { z } from 'zod';
import { connectInputSchema } from '../../core/schemas/app-api.ts';
import type { AppError, ConnectInput } from '../../core/schemas/app-api.ts';
import type { SettingsResponse } from '../../core/schemas/http-api.ts';
import type { Presence } from '../../core/schemas/schedule.ts';
import { appMessages, connectError } from '../controller/app-messages.ts';
import type { Clock, ClockSkew } from '../controller/clock.ts';
import { ServerClient } from './server-client.ts';

type VerifiedConnection = { serverUrl: string; clinicId: string; clinic: { id: string; name: string }; settings: SettingsResponse; presence: Presence };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A server address as the connection form, fleet configuration and environment give it, stored as scheme,
 * host and any path prefix without a trailing slash, so every comparison compares like with like. Plain
 * http would send the clinic's token readable on the network: only for a server on this PC (`npm start`, tests).
 */
export const serverAddressSchema = connectInputSchema.shape.serverUrl.transform((address, context) => {
  const url = new URL(address);
  const local = LOOPBACK_HOSTS.has(url.hostname) || url.hostname.startsWith('127.');
  const problem = url.username || url.password || url.search || url.hash ? appMessages.justTheAddress : url.protocol === 'http:' && !local ? appMessages.httpsRequired : null;
  if (problem === null) return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  context.addIssue({ code: 'custom', message: problem });
  return z.NEVER;
});

/** The connect call's input with its server address normalised, or the field error to show. */
export function normalizeConnectInput(input: ConnectInput): { ok: true; value: ConnectInput } | { ok: false; error: AppError } {
  const address = serverAddressSchema.safeParse(input.serverUrl);
  if (address.success) return { ok: true, value: { ...input, serverUrl: address.data } };
  const message = address.error.issues[0]?.message ?? appMessages.justTheAddress;
  return { ok: false, error: { code: 'invalid-input', message, fields: [{ path: 'serverUrl', message }] } };
}

/** `input.serverUrl` is normalised already (normalizeConnectInput): it is stored as given. */
export async function connectToClinic(
  input: ConnectInput,
  { clock, skew, timeoutMs }: { clock: Clock; skew: ClockSkew; timeoutMs?: number | undefined },
): Promise<{ ok: true; value: VerifiedConnection } | { ok: false; error: AppError }> {
  const { serverUrl, clinicId } = input;
  const client = new ServerClient({ ...input, clock, skew, timeoutMs });
  const clinic = await client.clinic();
  if (!clinic.ok) return { ok: false, error: connectError(clinic.failure, serverUrl) };
  const [settings, presence] = await Promise.all([client.settings(), client.presence()]);
  if (!settings.ok) return { ok: false, error: connectError(settings.failure, serverUrl) };
  if (!presence.ok) return { ok: false, error: connectError(presence.failure, serverUrl) };
  return { ok: true, value: { serverUrl, clinicId, clinic: clinic.value, settings: settings.value, presence: presence.value } };
}
