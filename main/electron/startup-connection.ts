// Which clinic to connect to at start, before staff touch anything: the IT administrator's fleet
// configuration (main/app/fleet-*.ts) first; in a development run (`npm start`), the CHATDESK_SERVER_URL
// / _CLINIC_ID / _TOKEN environment. Plain decisions, tested without Electron.
import { connectInputSchema } from '../../core/app-contract.ts';
import type { ConnectInput, FieldError } from '../../core/app-contract.ts';
import { normalizeServerUrl } from '../app/connect.ts';
import { lockedFieldErrors, planConnection } from '../app/fleet-connection.ts';
import type { StaffKey } from '../app/fleet-connection.ts';
import type { FleetConfig } from '../app/fleet-schema.ts';
import type { ManagedChange, ManagementPolicy } from '../app/management.ts';

export type StoredConnection = { serverUrl: string; clinicId: string; token: string | null } | null;

/** The connection to make at start, or null to keep what the PC has. */
export function startupConnection(fleet: FleetConfig, stored: StoredConnection, env: Record<string, string | undefined>, isPackaged: boolean): ConnectInput | null {
  const plan = planConnection(fleet, stored);
  if (plan.kind === 'connect') return plan.input;
  if (isPackaged) return null;
  const parsed = connectInputSchema.safeParse({ serverUrl: env.CHATDESK_SERVER_URL, clinicId: env.CHATDESK_CLINIC_ID, token: env.CHATDESK_TOKEN });
  if (!parsed.success) return null;
  const same = stored !== null && stored.clinicId === parsed.data.clinicId && stored.token === parsed.data.token && stored.serverUrl === parsed.data.serverUrl.replace(/\/+$/, '');
  return same ? null : parsed.data;
}

/** The controller's management policy: values the administrator locked cannot be changed in the window. */
export function fleetPolicy(fleet: FleetConfig, current: () => { serverUrl?: string | null; clinicId?: string | null; token?: string | null; pcName?: string | null }): ManagementPolicy {
  const staffKeys: readonly StaffKey[] = ['serverUrl', 'clinicId', 'token', 'pcName'];
  const { serverUrl, clinicId } = fleet.values;
  return {
    locked: staffKeys.filter((key) => fleet.locked.includes(key)),
    prefill: { ...(serverUrl === undefined ? {} : { serverUrl }), ...(clinicId === undefined ? {} : { clinicId }) },
    refuse: (change: ManagedChange): FieldError[] => {
      // "https://chat.example.org/" is the address the administrator set as "https://chat.example.org".
      const preset = fleet.values.serverUrl;
      const sameAddress = preset !== undefined && change.serverUrl !== undefined && comparableUrl(change.serverUrl) === comparableUrl(preset);
      return lockedFieldErrors(fleet, sameAddress ? { ...change, serverUrl: preset } : change, current());
    },
  };
}

function comparableUrl(url: string): string {
  const normalized = normalizeServerUrl(url);
  return normalized.ok ? normalized.value : url;
}
