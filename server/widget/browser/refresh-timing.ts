// When the widget asks the server again. Every minute, and at the next opening or closing if that is
// sooner, so "Chat is back at 14:00" turns into a chat launcher at 14:00 without a reload.

export const RECHECK_INTERVAL_MS = 60_000;
/** After an opening or closing: how long to wait for it, so the server's clock has surely passed it. */
const BOUNDARY_SLACK_MS = 500;
/** Spread the checks of many websites that share an opening time (09:00 sharp) over a few seconds. */
const BOUNDARY_SPREAD_MS = 2_500;
/** When the page's clock says a boundary has passed but the server does not yet (a skewed clock). */
const PASSED_BOUNDARY_DELAY_MS = 15_000;
const RETRY_BASE_MS = 15_000;
const RETRY_MAX_MS = 5 * 60_000;

type Boundaries = { accepting: boolean; opensAt: string | null; closesAt: string | null };

/** Milliseconds until the next check after a successful one. `random` is in [0, 1). */
export function nextCheckDelay(availability: Boundaries, nowMs: number, random: number): number {
  const boundary = availability.accepting ? availability.closesAt : availability.opensAt;
  const at = boundary === null ? Number.NaN : Date.parse(boundary);
  if (Number.isNaN(at)) return RECHECK_INTERVAL_MS;
  const until = at - nowMs;
  if (until <= 0) return PASSED_BOUNDARY_DELAY_MS;
  return Math.min(RECHECK_INTERVAL_MS, until + BOUNDARY_SLACK_MS + Math.floor(random * BOUNDARY_SPREAD_MS));
}

/** Milliseconds before retrying after `failures` failed checks in a row (1, 2, …): 15 s doubling to 5 min. */
export function retryDelay(failures: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, failures - 1));
}
