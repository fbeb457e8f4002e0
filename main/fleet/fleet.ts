// What a clinic's IT administrator pre-sets for every PC (fleet.json, and command-line flags, which win)
// and how this PC applies it. Problems are reported, never thrown: a bad file never stops the app.
import { readFileSync } from 'node:fs';
import { dirname, resolve, win32 } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { connectInputSchema, preferenceInputSchema } from '../../core/schemas/app-api.ts';
import type { ConnectInput, ManagedInfo, ManagedSetting } from '../../core/schemas/app-api.ts';
import { managedMessages } from '../controller/app-messages.ts';
import { Refusal } from '../controller/settings-editor.ts';
import type { AppStore } from '../store/store.ts';
import { defaultPcName } from '../store/store-schema.ts';
import { serverAddressSchema } from '../sync/connect.ts';
import { updateFeedSchema } from '../updates/updates.ts';

/** Each value that can be pre-set, judged (and normalised) as the window judges it. */
const valueSchemas = {
  serverUrl: serverAddressSchema,
  clinicId: connectInputSchema.shape.clinicId,
  token: connectInputSchema.shape.token,
  pcName: preferenceInputSchema.options[0].shape.value,
  updateFeed: updateFeedSchema,
  autoUpdate: z.boolean({ error: 'Use true or false' }),
};
type FleetKey = keyof typeof valueSchemas;
type FleetValues = { [K in FleetKey]: z.output<(typeof valueSchemas)[K]> };
const fleetKeys = Object.keys(valueSchemas) as FleetKey[];
const isFleetKey = (name: string): name is FleetKey => Object.hasOwn(valueSchemas, name);

/** `path` names the value (`serverUrl`, `locked.1`, `--pc-name`) in `source` (the file, or the command line). */
type FleetProblem = { source: string; path: string; message: string };

/** `locked`: values staff cannot change on this PC. `file`: the machine-wide file looked at, and what was found. */
export type Fleet = {
  values: Partial<FleetValues>;
  from: Partial<Record<FleetKey, 'flag' | 'file'>>;
  locked: FleetKey[];
  problems: FleetProblem[];
  file: { path: string; state: 'missing' | 'read' | 'unreadable' | 'invalid' };
};

/** A PC nobody manages (the preview host, tests). */
export const noFleet: Fleet = { values: {}, from: {}, locked: [], problems: [], file: { path: '', state: 'missing' } };

/** What one source says before the two are merged. */
type FleetLayer = { values: Partial<FleetValues>; locked: FleetKey[]; problems: FleetProblem[] };

const commandLine = 'command line';
const maxFileBytes = 64 * 1024;
const emptyLayer = (): FleetLayer => ({ values: {}, locked: [], problems: [] });

/** Reads fleet.json's keys from `json`; `at` names a key as its source spells it, `base` anchors a relative token file. */
function readLayer(json: Record<string, unknown>, source: string, at: (key: string) => string, base: string): FleetLayer {
  const layer = emptyLayer();
  const problem = (key: string, message: string) => void layer.problems.push({ source, path: at(key), message });
  const known = [...fleetKeys, 'tokenFile', 'locked'];
  const squash = (name: string) => name.toLowerCase().replace(/[^a-z]/g, '');
  for (const [key, raw] of Object.entries(json)) {
    if (isFleetKey(key)) {
      // Each value is checked on its own, so one bad value spoils no other.
      const parsed = valueSchemas[key].safeParse(raw);
      if (parsed.success) (layer.values as Record<FleetKey, unknown>)[key] = parsed.data;
      else for (const issue of parsed.error.issues) problem(key, issue.message);
    } else if (key === 'locked') {
      if (!Array.isArray(raw)) problem(key, 'List the values to lock, like ["serverUrl", "clinicId"]');
      // Flag spellings (`server-url`) are accepted in lock lists as well as value names (`serverUrl`).
      for (const [index, name] of (Array.isArray(raw) ? raw : []).entries()) {
        const locked = typeof name === 'string' ? name.trim().replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()) : '';
        if (!isFleetKey(locked)) problem(`locked.${index}`, `${JSON.stringify(name)} cannot be locked (lockable: ${fleetKeys.join(', ')})`);
        else if (!layer.locked.includes(locked)) layer.locked.push(locked);
      }
    } else if (key === 'tokenFile') {
      if ('token' in json) problem(key, `Give either ${at('token')} or ${at('tokenFile')}, not both`);
      else if (typeof raw !== 'string' || raw.trim() === '') problem(key, 'Give the path of the token file');
      else {
        const file = resolve(base, raw.trim());
        const read = readText(file);
        const token = valueSchemas.token.safeParse(read.ok ? read.text.trim() : null);
        if (token.success) layer.values.token = token.data;
        else problem(key, `${file}: ${!read.ok ? read.message : read.text.trim() === '' ? 'The token file is empty' : token.error.issues[0]?.message}`);
      }
    } else {
      const suggestion = known.find((candidate) => squash(candidate) === squash(key));
      problem(key, suggestion ? `Unknown setting "${key}": did you mean "${suggestion}"?` : `Unknown setting "${key}" (known: ${known.join(', ')})`);
    }
  }
  return layer;
}

export function parseFleetFile(text: string, path: string): FleetLayer {
  const invalid = (message: string): FleetLayer => ({ ...emptyLayer(), problems: [{ source: path, path: '', message }] });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return invalid(`Not valid JSON: ${(error as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return invalid('Must be a JSON object, like {"serverUrl": "https://chat.example.org", "locked": ["serverUrl"]}');
  return readLayer(json as Record<string, unknown>, path, (key) => key, dirname(path));
}

const flagNames = { serverUrl: 'server-url', clinicId: 'clinic-id', token: 'token', pcName: 'pc-name', updateFeed: 'update-feed', tokenFile: 'token-file' } as const;
const flagOptions = {
  ...Object.fromEntries(Object.values(flagNames).map((flag) => [flag, { type: 'string' as const }])),
  lock: { type: 'string', multiple: true },
  'auto-update': { type: 'boolean' },
} as const;

/** Our flags, as fleet.json would say them, from a command line that also carries Chromium's and Electron's switches (left alone). */
export function parseFleetFlags(argv: readonly string[], cwd = process.cwd()): FleetLayer {
  const { values } = parseArgs({ args: [...argv], options: flagOptions, strict: false, allowPositionals: true, allowNegative: true });
  const problems: FleetProblem[] = [];
  const problem = (flag: string, message: string) => void problems.push({ source: commandLine, path: `--${flag}`, message });
  // With strict parsing off, a flag given no value reads as `true`, or swallows the next flag: `--name=value` is the reliable spelling.
  const given = (value: unknown, flag: string, example = '…'): value is string => {
    if (value === undefined || (typeof value === 'string' && !value.startsWith('--'))) return value !== undefined;
    problem(flag, `--${flag} needs a value: write --${flag}=${example}`);
    return false;
  };
  const json: Record<string, unknown> = {};
  for (const [key, flag] of Object.entries(flagNames)) if (given(values[flag], flag)) json[key] = values[flag];
  const autoUpdate = values['auto-update'];
  const onOff = typeof autoUpdate !== 'string' ? autoUpdate : /^(true|on|yes|1)$/i.test(autoUpdate) ? true : /^(false|off|no|0)$/i.test(autoUpdate) ? false : null;
  if (typeof onOff === 'boolean') json.autoUpdate = onOff;
  else if (onOff !== undefined) problem('auto-update', 'Use --auto-update=on or --auto-update=off (or --no-auto-update)');
  const locks = (Array.isArray(values.lock) ? values.lock : []).filter((entry) => given(entry, 'lock', 'serverUrl,clinicId')) as string[];
  if (locks.length > 0) json.locked = locks.flatMap((entry) => entry.split(',')).filter((name) => name.trim() !== '');
  const at = (key: string) => (key.startsWith('locked') ? '--lock' : `--${flagNames[key as keyof typeof flagNames] ?? key}`);
  const layer = readLayer(json, commandLine, at, cwd);
  return { ...layer, problems: [...problems, ...layer.problems] };
}

/** Per value, a flag beats the file; locks add up. */
export function mergeFleet(file: FleetLayer, flags: FleetLayer, fileState: Fleet['file']): Fleet {
  const fleet: Fleet = { values: {}, from: {}, locked: [], problems: [...file.problems, ...flags.problems], file: fileState };
  for (const key of fleetKeys) {
    const [from, layer] = flags.values[key] !== undefined ? (['flag', flags] as const) : (['file', file] as const);
    if (layer.values[key] === undefined) continue;
    (fleet.values as Record<FleetKey, unknown>)[key] = layer.values[key];
    fleet.from[key] = from;
  }
  fleet.locked = fleetKeys.filter((key) => file.locked.includes(key) || flags.locked.includes(key));
  return fleet;
}

/** The machine-wide file for this OS; `CHATDESK_FLEET_CONFIG` points elsewhere (tests, unusual setups). */
export function fleetFilePath(platform: NodeJS.Platform, env: Record<string, string | undefined>, cwd: string): string {
  const override = env.CHATDESK_FLEET_CONFIG?.trim();
  if (override) return resolve(cwd, override);
  if (platform === 'win32') return win32.join(env.ProgramData || 'C:\\ProgramData', 'Clinic Chat Desk', 'fleet.json');
  if (platform === 'darwin') return '/Library/Application Support/Clinic Chat Desk/fleet.json';
  return '/etc/clinic-chat-desk/fleet.json';
}

/** The file's text, or why not. Notepad writes UTF-8 with a byte-order mark, or UTF-16 for "Unicode": both are read. */
function readText(path: string): { ok: true; text: string } | { ok: false; missing: boolean; message: string } {
  try {
    const bytes = readFileSync(path);
    if (bytes.length > maxFileBytes) return { ok: false, missing: false, message: `The file is larger than ${maxFileBytes / 1024} KiB` };
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: bytes.subarray(2).toString('utf16le') };
    return { ok: true, text: bytes.toString('utf8').replace(/^\uFEFF/, '') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    if (code === 'ENOENT') return { ok: false, missing: true, message: 'The file does not exist' };
    const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : code;
    return { ok: false, missing: false, message: `The file cannot be read (${reason})` };
  }
}

export function loadFleet(inputs: { argv: readonly string[]; env: Record<string, string | undefined>; platform: NodeJS.Platform; cwd: string }): Fleet {
  const path = fleetFilePath(inputs.platform, inputs.env, inputs.cwd);
  const read = readText(path);
  // A missing file is the usual case on a PC nobody pre-configured: nothing to report.
  const file = read.ok ? parseFleetFile(read.text, path) : { ...emptyLayer(), problems: read.missing ? [] : [{ source: path, path: '', message: read.message }] };
  const state = read.ok ? (file.problems.some((problem) => problem.path === '') ? 'invalid' : 'read') : read.missing ? 'missing' : 'unreadable';
  return mergeFleet(file, parseFleetFlags(inputs.argv, inputs.cwd), { path, state });
}

// ---- how this PC applies it ----

/** A locked pre-set always wins; an unlocked one only fills in what staff have not set. A locked value whose pre-set was refused keeps the PC's own. */
export function fleetValue(fleet: Fleet, key: ManagedSetting, own: string | null): string | null {
  const preset = fleet.values[key];
  return preset !== undefined && (fleet.locked.includes(key) || own === null) ? preset : own;
}

type Connection = { serverUrl: string; clinicId: string; token: string | null };
const sameConnection = (a: Connection | null, b: ConnectInput) => a !== null && a.serverUrl === b.serverUrl && a.clinicId === b.clinicId && a.token === b.token;
const developmentConnection = connectInputSchema.extend({ serverUrl: serverAddressSchema });

/** The connection to make at start, or null to keep this PC's: the administrator's, else in a development run (`npm start`) CHATDESK_SERVER_URL / _CLINIC_ID / _TOKEN. */
export function startupConnection(fleet: Fleet, stored: Connection | null, env: Record<string, string | undefined>, isPackaged: boolean): ConnectInput | null {
  const [serverUrl, clinicId, token] = (['serverUrl', 'clinicId', 'token'] as const).map((key) => fleetValue(fleet, key, stored?.[key] ?? null));
  if (serverUrl && clinicId && token && !sameConnection(stored, { serverUrl, clinicId, token })) return { serverUrl, clinicId, token };
  if (isPackaged) return null;
  const parsed = developmentConnection.safeParse({ serverUrl: env.CHATDESK_SERVER_URL, clinicId: env.CHATDESK_CLINIC_ID, token: env.CHATDESK_TOKEN });
  return parsed.success && !sameConnection(stored, parsed.data) ? parsed.data : null;
}

/** At start: problems become one notice in the window; a pre-set PC name fills in (or, locked, overrides) the host name. */
export function applyFleet(fleet: Fleet, store: Pick<AppStore, 'addNotice' | 'getPreferences' | 'setPreference'>, hostname: string): void {
  if (fleet.problems.length > 0) {
    const lines = fleet.problems.map(({ source, path, message }) => `• ${path === '' ? source : `${source}, ${path}`}: ${message}`);
    store.addNotice({ id: 'fleet-config', kind: 'fleet-config', message: managedMessages.fleetProblems(lines) });
  }
  const own = store.getPreferences().pcName;
  const pcName = fleetValue(fleet, 'pcName', own === defaultPcName(hostname) ? null : own);
  if (pcName !== null && pcName !== own) store.setPreference({ key: 'pcName', value: pcName });
}

/** For the log at start: what was pre-set, from where, and what is locked; the token never written out. */
export function fleetLogLine(fleet: Fleet): string {
  const parts = fleetKeys.flatMap((key) => {
    const value = fleet.values[key];
    if (value === undefined) return [];
    return [`${key}=${key === 'token' ? '(set)' : JSON.stringify(value)} [${fleet.from[key]}${fleet.locked.includes(key) ? ', locked' : ''}]`];
  });
  return `Fleet configuration (${fleet.file.path}: ${fleet.file.state}): ${parts.join(' ') || 'nothing pre-set'}; ${fleet.problems.length} problem(s)`;
}

const managedSettings: readonly ManagedSetting[] = ['serverUrl', 'clinicId', 'token', 'pcName'];

/** What the window shows read-only, and the pre-set address and clinic (never the token) for its connection form. */
export function managedInfo(fleet: Fleet): ManagedInfo {
  const locked = managedSettings.filter((key) => fleet.locked.includes(key));
  const { serverUrl, clinicId } = fleet.values;
  const prefill = { ...(serverUrl === undefined ? {} : { serverUrl }), ...(clinicId === undefined ? {} : { clinicId }) };
  return { locked, note: locked.length > 0 ? managedMessages.note : null, ...(Object.keys(prefill).length > 0 ? { prefill } : {}) };
}

/** The refusal of a change (a connect, a PC name) that would alter a locked value, or null. */
export function lockedChange(fleet: Fleet, change: Partial<Record<ManagedSetting, string>>, own: (key: ManagedSetting) => string | null): Refusal | null {
  const altered = managedSettings.filter((key) => change[key] !== undefined && fleet.locked.includes(key) && change[key] !== fleetValue(fleet, key, own(key)));
  const fields = altered.map((path) => ({ path, message: managedMessages.field }));
  return altered[0] ? new Refusal('locked', managedMessages.cannotChange(altered[0]), fields) : null;
}

/** Disconnecting forgets the server, clinic and token, so it is refused when any of them is locked. */
export function lockedDisconnect(fleet: Fleet): Refusal | null {
  const locked = managedSettings.filter((key) => key !== 'pcName' && fleet.locked.includes(key));
  return locked.length > 0 ? new Refusal('locked', managedMessages.cannotDisconnect, locked.map((path) => ({ path, message: managedMessages.field }))) : null;
}
