// The draft has one owner, this window. Main owns what is committed (the server's copy and a save on its
// way); these rules decide what the draft does when that changes, keeping unchanged parts by reference.
import { sameJson } from '../../../core/same-json.ts';
import { weekdays } from '../../../core/schedule-model.ts';
import type { AppState } from '../../../core/schemas/app-api.ts';
import type { ChatSettings, DayHours, Weekday } from '../../../core/schemas/schedule.ts';

export type DraftSlice = {
  /** The settings as edited here; null until the clinic's settings are known. */
  draft: ChatSettings | null;
  /** The server version the draft builds on, sent with Save so another PC's save is never overwritten silently. */
  baseVersion: number;
  /** The draft differs from what this PC has committed. */
  unsaved: boolean;
};

export const noDraft: DraftSlice = { draft: null, baseVersion: 0, unsaved: false };

/** What this PC has committed: its save on the way to the server, else the server's copy. */
export const committedSettings = (app: AppState | null): ChatSettings | null => app?.sync.pendingSettings ?? app?.server?.settings ?? null;

export function draftSlice(draft: ChatSettings | null, baseVersion: number, app: AppState | null): DraftSlice {
  const committed = committedSettings(app);
  return { draft, baseVersion, unsaved: draft !== null && committed !== null && !sameJson(draft, committed) };
}

/**
 * The draft once main's state moved from `before` to `after`. Without edits it follows the committed
 * settings; with edits it keeps them and its base, so saving them over another PC's save is a conflict
 * staff decide, never a silent overwrite. When our own save lands under later edits, they build on it.
 */
export function draftAfter(slice: DraftSlice, before: AppState | null, after: AppState): DraftSlice {
  const { server } = after;
  if (server === null) return noDraft;
  const committed = committedSettings(after)!;
  if (slice.draft === null) return draftSlice(committed, server.version, after);
  if (after.sync.conflict === null && !slice.unsaved) return draftSlice(shareUnchanged(slice.draft, committed), server.version, after);
  const ownSaveLanded = before?.server != null && server.version !== before.server.version && sameJson(server.settings, committedSettings(before));
  return draftSlice(slice.draft, ownSaveLanded ? server.version : slice.baseVersion, after);
}

/**
 * `incoming`, but reusing `current`'s objects wherever they are equal: the days, closures and channels
 * that did not change keep their identity, so only the rows that changed re-render.
 */
export function shareUnchanged(current: ChatSettings, incoming: ChatSettings): ChatSettings {
  if (sameJson(current, incoming)) return current;
  const week = Object.fromEntries(weekdays.map((day) => [day, sameJson(current.week[day], incoming.week[day]) ? current.week[day] : incoming.week[day]]));
  return {
    ...incoming,
    week: week as Record<Weekday, DayHours>,
    closures: sameJson(current.closures, incoming.closures) ? current.closures : incoming.closures,
    channels: sameJson(current.channels, incoming.channels) ? current.channels : incoming.channels,
    emergency: sameJson(current.emergency, incoming.emergency) ? current.emergency : incoming.emergency,
  };
}
