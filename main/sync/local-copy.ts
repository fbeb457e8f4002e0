// The local copy of the clinic's settings and switch, from sources that arrive in any order: settings only
// move forward by version, the switch only by the server's `changedAt`.
import type { Presence } from '../../core/schemas/schedule.ts';
import type { SettingsResponse } from '../../core/schemas/http-api.ts';
import { sameJson } from '../../core/same-json.ts';
import type { AppStore } from '../store/store.ts';

/** Applies settings from the server; false when they are not newer than the local copy. */
export function applyServerSettings(store: AppStore, incoming: SettingsResponse, now: Date): boolean {
  const current = store.getServerCopy();
  if (current === null || incoming.version < current.version) return false;
  if (incoming.version === current.version && sameJson(incoming.settings, current.settings)) return false;
  store.setServerCopy({ ...current, settings: incoming.settings, version: incoming.version, receivedAt: now.toISOString() });
  return true;
}

/**
 * The server's whole state, read after a (re)connect. It also rebuilds a local copy that was lost
 * (e.g. dropped from a settings file that no longer matched the schedule model).
 */
export function adoptServerState(store: AppStore, settings: SettingsResponse, presence: Presence, now: Date): void {
  if (store.getServerCopy() === null) {
    store.setServerCopy({ settings: settings.settings, version: settings.version, presence, receivedAt: now.toISOString() });
    return;
  }
  applyServerSettings(store, settings, now);
  applyServerPresence(store, presence, now);
}

/** Applies the switch from the server; an answer older than what we already know is ignored. */
export function applyServerPresence(store: AppStore, incoming: Presence, now: Date): boolean {
  const current = store.getServerCopy();
  if (current === null) return false;
  if (Date.parse(incoming.changedAt) < Date.parse(current.presence.changedAt)) return false;
  if (sameJson(incoming, current.presence)) return false;
  store.setServerCopy({ ...current, presence: incoming, receivedAt: now.toISOString() });
  return true;
}
