// Named selectors shared by several components; each returns a primitive or a stable reference.
import type { AppError, ManagedSetting } from '../../../core/schemas/app-api.ts';
import type { FieldError } from '../../../core/schemas/schedule.ts';
import type { UiState } from './ui-store.ts';

export const selectConnected = (s: UiState): boolean => s.app?.connection != null;

/** Saved and queued in main, on its way to the server (or waiting for the connection). */
export const selectSaveInFlight = (s: UiState): boolean => !s.unsaved && s.app?.sync.pendingSettings != null;

export const selectInConflict = (s: UiState): boolean => s.app?.sync.conflict != null;

export const selectCanSave = (s: UiState): boolean => s.unsaved && s.draftErrors.length === 0 && !selectInConflict(s);

/** The switch as main intends it: main has ended a passed break on its server-corrected clock, so this PC's own clock is not asked. */
export const selectSwitchedOff = (s: UiState): boolean => (s.app?.presence ? !s.app.presence.online : false);

export const selectClinicTimezone = (s: UiState): string | null => s.app?.server?.settings.timezone ?? s.draft?.timezone ?? null;

/** The draft's field errors under one path (a day, a closure), as path → message: with useUiShallow a row re-renders only for its own. */
export function errorsUnder(errors: readonly FieldError[], prefix: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const error of errors) {
    if ((error.path === prefix || error.path.startsWith(`${prefix}.`)) && !(error.path in found)) found[error.path] = error.message;
  }
  return found;
}

export const selectFailure = (operation: keyof UiState['failures']) => (s: UiState): AppError | null => s.failures[operation] ?? null;

/** Whether the clinic's IT administrator locked this value on this PC (fleet configuration). */
export const selectLocked = (setting: ManagedSetting) => (s: UiState): boolean => s.app?.managed.locked.includes(setting) ?? false;

const connectionSettings = ['serverUrl', 'clinicId', 'token'] as const;

/** The connection values locked on this PC: then it cannot be disconnected or pointed elsewhere here. */
export const selectConnectionLocked = (s: UiState): boolean => connectionSettings.some((setting) => selectLocked(setting)(s));

/** Every connection value is the administrator's: main connects by itself, staff have nothing to type. */
export const selectConnectionFullyManaged = (s: UiState): boolean => connectionSettings.every((setting) => selectLocked(setting)(s));

/** The address and clinic the administrator pre-set, for the connection form to start from. */
export const selectConnectionPrefill = (s: UiState): { serverUrl?: string; clinicId?: string } | undefined => s.app?.managed.prefill;

/** Who manages the locked values ("Set by your clinic's IT administrator"), worded by main. */
export const selectManagedNote = (s: UiState): string | null => s.app?.managed.note ?? null;
