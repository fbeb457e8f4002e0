// Which clinic to connect to at start, before staff touch anything: the IT administrator's fleet
// configuration (main/fleet/) first; in a development run (`npm start`), the CHATDESK_SERVER_URL
// / _CLINIC_ID / _TOKEN environment. Plain decisions, tested without Electron.
import { connectInputSchema } from '../../core/schemas/app-api.ts';
import type { ConnectInput } from '../../core/schemas/app-api.ts';
import type { FieldError } from '../../core/schemas/schedule.ts';
import { serverAddressSchema } from '../sync/connect.ts';
import { lockedFieldErrors, planConnection } from './fleet-connection.ts';
import type { StaffKey } from './fleet-connection.ts';
import type { FleetConfig } from './fleet-schema.ts';
import type { ManagedChange, ManagementPolicy } from './management.ts';

/** The development environment's connection, its address normalised as the app stores it. */
const developmentConnectionSchema = connectInputSchema.extend({ serverUrl: serverAddressSchema });

export type StoredConnection = { serverUrl: string; clinicId: string; token: string | null } | null;

/** The connection to make at start, or null to keep what the PC has. */
export function startupConnection(fleet: FleetConfig, stored: StoredConnection, env: Record<string, string | undefined>, isPackaged: boolean): ConnectInput | null {
  const plan = planConnection(fleet, stored);
  if (plan.kind === 'connect') return plan.input;
  if (isPackaged) return null;
  const parsed = developmentConnectionSchema.safeParse({ serverUrl: env.CHATDESK_SERVER_URL, clinicId: env.CHATDESK_CLINIC_ID, token: env.CHATDESK_TOKEN });
  if (!parsed.success) return null;
  const same = stored !== null && stored.clinicId === parsed.data.clinicId && stored.token === parsed.data.token && stored.serverUrl === parsed.data.serverUrl;
  return same ? null : parsed.data;
}

/** The controller's management policy: values the administrator locked cannot be changed in the window. */
export function fleetPolicy(fleet: FleetConfig, current: () => { serverUrl?: string | null; clinicId?: string | null; token?: string | null; pcName?: string | null }): ManagementPolicy {
  const staffKeys: readonly StaffKey[] = ['serverUrl', 'clinicId', 'token', 'pcName'];
  const { serverUrl, clinicId } = fleet.values;
  return {
    locked: staffKeys.filter((key) => fleet.locked.includes(key)),
    prefill: { ...(serverUrl === undefined ? {} : { serverUrl }), ...(clinicId === undefined ? {} : { clinicId }) },
    // The controller normalises a typed address before asking, as the fleet schema did the pre-set one.
    refuse: (change: ManagedChange): FieldError[] => lockedFieldErrors(fleet, change, current()),
  };
}
