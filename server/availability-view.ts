// The public availability answer of a clinic, computed once per clinic until the next instant at which
// it can change (an opening, a closing, the end of a timed break, local midnight), then served as-is.
import { createHash } from 'node:crypto';
import { evaluateAvailability, nextAvailabilityChange } from '../core/availability.ts';
import type { AvailabilityResponse } from '../core/schemas/http-api.ts';
import type { CachedClinic } from './clinic-state-cache.ts';
import { streamFrame } from './events/event-streams.ts';
import type { StreamFrame } from './events/event-streams.ts';
import type { ClinicState } from './storage/clinic-store.ts';

export type AvailabilityMemo = {
  response: AvailabilityResponse;
  /** The serialised answer, as bytes: sent as-is on every request until the next change. */
  body: Buffer;
  etag: string;
  computedAt: number;
  /** The next instant at which the answer may differ with nothing changed: recompute from then on. */
  nextChange: number;
};

/** Browsers and proxies may reuse an answer this long at most: the switch can flip at any moment. */
export const MAX_AVAILABILITY_AGE_SECONDS = 10;

export function availabilityResponse(state: ClinicState, now: Date): AvailabilityResponse {
  const { settings } = state;
  return {
    ...evaluateAvailability(settings, state.presence, now),
    clinic: { name: state.name, timezone: settings.timezone },
    contact: { sms: settings.channels.sms, whatsapp: settings.channels.whatsapp },
  };
}

export function availabilityOf(entry: CachedClinic, now: Date): AvailabilityMemo {
  const at = now.getTime();
  const memo = entry.availability;
  // `at < computedAt` only happens when an injected clock goes back; recompute rather than trust.
  if (memo && at >= memo.computedAt && at < memo.nextChange) return memo;
  const response = availabilityResponse(entry.state, now);
  const body = Buffer.from(JSON.stringify(response));
  const nextChange = nextAvailabilityChange(entry.state.settings, entry.state.presence, now).getTime();
  const fresh: AvailabilityMemo = {
    response,
    body,
    etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
    computedAt: at,
    nextChange,
  };
  entry.availability = fresh;
  return fresh;
}

/** The answer as an `availability` event, from the bytes already serialised for the public endpoint. */
export function availabilityFrame(memo: AvailabilityMemo): StreamFrame {
  return streamFrame(null, 'availability', memo.body.toString('utf8'));
}

/** A max-age that never outlives the next opening or closing. */
export function availabilityCacheControl(memo: AvailabilityMemo, now: Date): string {
  const seconds = Math.floor((memo.nextChange - now.getTime()) / 1000);
  return `public, max-age=${Math.max(0, Math.min(MAX_AVAILABILITY_AGE_SECONDS, seconds))}`;
}
