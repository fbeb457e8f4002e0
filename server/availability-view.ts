// A clinic's public availability answer, computed once until the next instant it can change (an
// opening, a closing, the end of a break, local midnight), then served as the same JSON.
import { createHash } from 'node:crypto';
import { evaluateAvailability, nextAvailabilityChange } from '../core/availability.ts';
import type { AvailabilityResponse } from '../core/schemas/http-api.ts';
import type { CachedClinic } from './clinic-state-cache.ts';
import { streamFrame } from './events/event-streams.ts';
import type { StreamFrame } from './events/event-streams.ts';

export type AvailabilityMemo = {
  response: AvailabilityResponse;
  /** The answer serialised once, for every request and stream until the next change. */
  json: string;
  etag: string;
  computedAt: number;
  /** The next instant at which the answer may differ with nothing changed: recompute from then on. */
  nextChange: number;
};

/** Browsers and proxies may reuse an answer this long at most: the switch can flip at any moment. */
const MAX_AVAILABILITY_AGE_SECONDS = 10;

export function availabilityOf(entry: CachedClinic, now: Date): AvailabilityMemo {
  const at = now.getTime();
  const memo = entry.availability;
  // `at < computedAt` only happens when an injected clock goes back; recompute rather than trust.
  if (memo && at >= memo.computedAt && at < memo.nextChange) return memo;
  const { settings, presence, name } = entry.state;
  const response: AvailabilityResponse = {
    ...evaluateAvailability(settings, presence, now),
    clinic: { name, timezone: settings.timezone },
    contact: { sms: settings.channels.sms, whatsapp: settings.channels.whatsapp },
  };
  const json = JSON.stringify(response);
  const nextChange = nextAvailabilityChange(settings, presence, now).getTime();
  entry.availability = { response, json, etag: `"${createHash('sha1').update(json).digest('base64url')}"`, computedAt: at, nextChange };
  return entry.availability;
}

/** The answer as an `availability` event, from the JSON already serialised for the public endpoint. */
export function availabilityFrame(memo: AvailabilityMemo): StreamFrame {
  return streamFrame(null, 'availability', memo.json);
}

/** A max-age that never outlives the next opening or closing. */
export function availabilityCacheControl(memo: AvailabilityMemo, now: Date): string {
  const seconds = Math.floor((memo.nextChange - now.getTime()) / 1000);
  return `public, max-age=${Math.max(0, Math.min(MAX_AVAILABILITY_AGE_SECONDS, seconds))}`;
}
