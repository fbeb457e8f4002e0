// What an administrator can pre-set for every PC (fleet.json and command-line flags), one zod schema
// per value. The connection values reuse the AppApi's own schemas, so a pre-set server address is
// judged (and normalised) exactly like one typed into the window.
import { z } from 'zod';
import { connectInputSchema, preferenceInputSchema } from '../../core/schemas/app-api.ts';
import { serverAddressSchema } from '../sync/connect.ts';

/** The values fleet configuration can set. `token` may also come from a file (`tokenFile`). */
export type FleetValues = {
  serverUrl: string;
  clinicId: string;
  token: string;
  pcName: string;
  updateFeed: string;
  autoUpdate: boolean;
};
export type FleetKey = keyof FleetValues;

export const fleetKeys = ['serverUrl', 'clinicId', 'token', 'pcName', 'updateFeed', 'autoUpdate'] as const satisfies readonly FleetKey[];
type EveryKeyListed = [FleetKey] extends [(typeof fleetKeys)[number]] ? true : never;
const _everyKeyListed: EveryKeyListed = true;

/** Where a pre-set value came from: a flag on the command line, or the fleet file at this path. */
export type FleetSource = { kind: 'flag' } | { kind: 'file'; path: string };

/** A problem with the fleet configuration; `path` names the value (e.g. `serverUrl`, `locked.1`). */
export type FleetError = { source: string; path: string; message: string };

export type FleetConfig = {
  values: Partial<FleetValues>;
  sources: Partial<Record<FleetKey, FleetSource>>;
  /** Values staff cannot change in the app. */
  locked: FleetKey[];
  errors: FleetError[];
  /** The machine-wide file that was looked at, and what was found there. */
  file: { path: string; state: 'missing' | 'read' | 'unreadable' | 'invalid' };
};

/** The one pc-name rule, taken from the preference schema the window uses. */
const pcNameSchema = z.string().superRefine((value, context) => {
  const result = preferenceInputSchema.safeParse({ key: 'pcName', value });
  for (const issue of result.error?.issues ?? []) context.addIssue({ code: 'custom', message: issue.message });
});

// Update feeds carry the code PCs will run: plain HTTP would let anyone on the network path swap it.
const updateFeedSchema = z.url({ protocol: /^https$/, error: 'The update feed must be an https:// address' }).max(2048);

/**
 * Built into a package made without CHATDESK_UPDATE_FEED (scripts/dist.ts): `.invalid` never resolves
 * (RFC 2606), and update-feed.ts treats any such host as "no feed".
 */
export const placeholderUpdateFeed = 'https://updates.invalid/clinic-chat-desk/';

export const fleetValueSchemas: { [K in FleetKey]: z.ZodType<FleetValues[K]> } = {
  // Normalised like an address typed into the window, so "https://chat.example.org/" locked by the
  // administrator is the "https://chat.example.org" this PC stored, not a reason to reconnect.
  serverUrl: serverAddressSchema,
  clinicId: connectInputSchema.shape.clinicId,
  token: connectInputSchema.shape.token,
  pcName: pcNameSchema,
  updateFeed: updateFeedSchema,
  autoUpdate: z.boolean({ error: 'Use true or false' }),
};

/** A file path for the token: absolute, or relative to the fleet file (or the working directory). */
export const tokenFileSchema = z.string().trim().min(1, 'Give the path of the token file').max(4096);

export function isFleetKey(name: string): name is FleetKey {
  return (fleetKeys as readonly string[]).includes(name);
}

/** Names accepted in fleet.json besides the values themselves. */
export const fleetFileExtraKeys = ['tokenFile', 'locked'] as const;

/** "Did you mean…" for a key that differs from a known one only by case or punctuation. */
export function suggestKey(name: string): string | null {
  const squash = (text: string) => text.toLowerCase().replace(/[^a-z]/g, '');
  const known = [...fleetKeys, ...fleetFileExtraKeys];
  return known.find((key) => squash(key) === squash(name)) ?? null;
}
