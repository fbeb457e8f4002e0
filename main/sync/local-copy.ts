// The local copy of the clinic's settings and switch, from sources that arrive in any order: settings only
// move forward by version, the switch only by the server's `changedAt`.
import type { Presence } from '../../core/schemas/schedule.ts';
import type { SettingsResponse } from '../../core/schemas/http-api.ts';
import { sameJson } from '../../core/same-json.ts';
import type { SettingsSaveOperation } from './outbox.ts';
import type { AppStore } from '../store/store.ts';

/** Applies settings from the server; false when they are not newer than the local copy. */
export function applyServerSettings(store: AppStore, incoming: SettingsResponse, now: Date): boolean {
  const current = store.getServerCopy();
  if (current === null || incoming.version < current.version) return false;
  if (incoming.version === current.version && sameJson(incoming.settings, current.settings)) return false;
  const draft = store.getDraft();
  // A draft nobody has touched follows the server; one with edits keeps its base (and may conflict).
  if (draft && sameJson(draft.value, current.settings)) store.clearDraft();
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

/**
 * Our save went through. The draft is done if it is what was saved; if staff kept editing on top of
 * it, the draft now builds on the version the server just assigned.
 */
export function settingsSaved(store: AppStore, op: SettingsSaveOperation, saved: SettingsResponse, now: Date): void {
  applyServerSettings(store, saved, now);
  const draft = store.getDraft();
  if (draft === null) return;
  if (sameJson(draft.value, op.settings)) store.clearDraft();
  else if (draft.baseVersion === op.baseVersion) store.setDraft(draft.value, saved.version);
}
