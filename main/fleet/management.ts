// Values the clinic's IT administrator locked on this PC (fleet configuration, main/fleet/), as
// the controller enforces them: the state tells the window which fields to show read-only, and a call
// that would change a locked value is refused with a 'locked' error before anything is written or sent.
import type { FieldError } from '../../core/schemas/schedule.ts';
import type { ManagedInfo, ManagedSetting } from '../../core/schemas/app-api.ts';
import { managedMessages } from '../controller/app-messages.ts';
import { Refusal } from '../controller/settings-editor.ts';

export type ManagedChange = Partial<Record<ManagedSetting, string>>;

export type ManagementPolicy = {
  readonly locked: readonly ManagedSetting[];
  /** Pre-set connection values (never the token), for the connection form to start from. */
  readonly prefill?: NonNullable<ManagedInfo['prefill']>;
  /** `{ path, message }` for each locked value the change would alter; empty when it is allowed. */
  refuse(change: ManagedChange): FieldError[];
};

/** A PC nobody manages (the preview host, a PC without fleet configuration). */
export const unmanaged: ManagementPolicy = { locked: [], refuse: () => [] };

const connectionSettings: readonly ManagedSetting[] = ['serverUrl', 'clinicId', 'token'];

export function managedInfo(policy: ManagementPolicy): ManagedInfo {
  const info: ManagedInfo = { locked: [...policy.locked], note: policy.locked.length > 0 ? managedMessages.note : null };
  return policy.prefill && Object.keys(policy.prefill).length > 0 ? { ...info, prefill: { ...policy.prefill } } : info;
}

/** The refusal for a change that touches a locked value, or null when the change is allowed. */
export function lockedChange(policy: ManagementPolicy, change: ManagedChange): Refusal | null {
  const fields = policy.refuse(change);
  const first = fields[0];
  return first ? new Refusal('locked', managedMessages.cannotChange(first.path), fields) : null;
}

/** Disconnecting forgets the server, clinic and token, so it is refused when any of them is locked. */
export function lockedDisconnect(policy: ManagementPolicy): Refusal | null {
  const locked = connectionSettings.filter((setting) => policy.locked.includes(setting));
  if (locked.length === 0) return null;
  return new Refusal('locked', managedMessages.cannotDisconnect, locked.map((path) => ({ path, message: managedMessages.field })));
}
