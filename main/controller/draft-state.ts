// The draft as the UI sees it: the stored edit, the field errors core's parseSettings finds in it, and
// whether it differs from the last server copy (Save is disabled when it doesn't, or when invalid).
import { parseSettings } from '../../core/schemas/schedule.ts';
import type { ChatSettings } from '../../core/schemas/schedule.ts';
import type { DraftState } from '../../core/schemas/app-api.ts';
import type { FieldError } from '../../core/schemas/schedule.ts';
import { sameJson } from '../../core/same-json.ts';
import type { StoredDraft } from '../store/store-schema.ts';

export function draftState(stored: StoredDraft | null, server: { settings: ChatSettings } | null): DraftState | null {
  if (stored === null) return null;
  const parsed = parseSettings(stored.value);
  const errors: FieldError[] = parsed.ok ? [] : parsed.errors.map((error) => ({ path: fieldPath(error.path), message: error.message }));
  return {
    value: stored.value,
    baseVersion: stored.baseVersion,
    errors,
    changed: server === null || !sameJson(stored.value, server.settings),
  };
}

/** Paths as the UI's dotted field keys ("days.monday.ranges.0.start"), whatever form core gives. */
function fieldPath(path: unknown): string {
  return Array.isArray(path) ? path.map(String).join('.') : String(path);
}
