// How pre-set values meet what staff set in the app. A locked value always wins and cannot be changed
// in the window. An unlocked pre-set value is a default: it fills in what this PC has not set, and a
// staff member's own choice then sticks (were it re-applied at every start, "unlocked" would mean
// "editable, but reverted tomorrow"). Among pre-set values a flag beats the file (fleet-config.ts).
import type { ConnectInput } from '../../core/schemas/app-api.ts';
import type { FieldError } from '../../core/schemas/schedule.ts';
import { managedMessages } from '../controller/app-messages.ts';
import type { FleetConfig, FleetKey, FleetValues } from './fleet-schema.ts';

/** The pre-settable values staff can also set themselves in the app. */
export type StaffKey = Extract<FleetKey, 'serverUrl' | 'clinicId' | 'token' | 'pcName'>;

export type ResolvedValue = {
  value: string | null;
  from: 'flag' | 'file' | 'staff' | 'none';
  locked: boolean;
};

/** The value this PC uses for `key`, given the fleet configuration and staff's own (null = unset). */
export function resolveStaffValue(fleet: FleetConfig, key: StaffKey, staffValue: string | null): ResolvedValue {
  const preset: FleetValues[StaffKey] | undefined = fleet.values[key];
  const locked = fleet.locked.includes(key);
  const source = fleet.sources[key];
  const presetFrom = source?.kind === 'flag' ? 'flag' : 'file';
  if (preset !== undefined && (locked || staffValue === null)) return { value: preset, from: presetFrom, locked };
  // A locked value whose pre-set is broken (reported in fleet.errors) keeps what the PC already has.
  if (staffValue !== null) return { value: staffValue, from: 'staff', locked };
  return { value: null, from: 'none', locked };
}

/** The connection the app holds now; `token` is null when it cannot be read back (e.g. no keychain). */
export type StoredConnectionValues = { serverUrl: string; clinicId: string; token: string | null } | null;

export type ConnectionPlan =
  /** Nothing to do: the stored connection is what the configuration asks for. */
  | { kind: 'keep' }
  /** Connect (or reconnect) with these values: a fresh PC, or a locked value the administrator changed. */
  | { kind: 'connect'; input: ConnectInput }
  /** Not enough to connect: the window asks staff, with these values filled in (locked ones read-only). */
  | { kind: 'ask'; prefill: Partial<ConnectInput>; locked: StaffKey[] };

const connectionKeys = ['serverUrl', 'clinicId', 'token'] as const satisfies readonly StaffKey[];

/** What the composition root should do about the connection at start. */
export function planConnection(fleet: FleetConfig, stored: StoredConnectionValues): ConnectionPlan {
  const resolved = Object.fromEntries(
    connectionKeys.map((key) => [key, resolveStaffValue(fleet, key, stored ? stored[key] : null)]),
  ) as Record<(typeof connectionKeys)[number], ResolvedValue>;
  const { serverUrl, clinicId, token } = resolved;

  if (stored !== null && serverUrl.from === 'staff' && clinicId.from === 'staff' && (token.from === 'staff' || token.value === null)) {
    return { kind: 'keep' }; // includes an unreadable token: the controller already tells staff about that
  }
  if (serverUrl.value !== null && clinicId.value !== null && token.value !== null) {
    const input = { serverUrl: serverUrl.value, clinicId: clinicId.value, token: token.value };
    const same = stored !== null && stored.serverUrl === input.serverUrl && stored.clinicId === input.clinicId && stored.token === input.token;
    return same ? { kind: 'keep' } : { kind: 'connect', input };
  }
  const prefill: Partial<ConnectInput> = {};
  for (const key of connectionKeys) {
    const value = resolved[key].value;
    if (value !== null) prefill[key] = value;
  }
  return { kind: 'ask', prefill, locked: connectionKeys.filter((key) => resolved[key].locked) };
}

export const lockedMessage = managedMessages.field;

/**
 * Field errors for an attempt to change locked values (a `connect` call or the PC-name preference),
 * in the AppApi's `{ path, message }` form; empty when the change touches nothing locked.
 */
export function lockedFieldErrors(fleet: FleetConfig, change: Partial<Record<StaffKey, string>>, current: Partial<Record<StaffKey, string | null>>): FieldError[] {
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(change) as [StaffKey, string | undefined][]) {
    if (value === undefined || !fleet.locked.includes(key)) continue;
    const allowed = resolveStaffValue(fleet, key, current[key] ?? null).value;
    if (value !== allowed) errors.push({ path: key, message: lockedMessage });
  }
  return errors;
}
