// Fleet configuration: what an administrator pre-sets for every PC without touching each one, from a
// machine-wide JSON file and command-line flags (flags win). Every problem becomes a `{ source, path,
// message }` entry for the window to show; nothing here throws, so a bad file never stops the app,
// and a bad value is reported rather than silently dropped. Plain Node: no Electron import.
import { readFileSync } from 'node:fs';
import { dirname, resolve, win32 } from 'node:path';
import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { fleetKeys, fleetValueSchemas, isFleetKey, suggestKey, tokenFileSchema } from './fleet-schema.ts';
import type { FleetConfig, FleetError, FleetKey, FleetValues } from './fleet-schema.ts';


/** What one source (the file, or the flags) says, before the two are merged. */
export type FleetLayer = { values: Partial<FleetValues>; tokenFile?: string; locked: FleetKey[]; errors: FleetError[] };

export const commandLine = 'command line';
const maxFileBytes = 64 * 1024;

/** The machine-wide file for this OS; `CHATDESK_FLEET_CONFIG` points elsewhere (tests, unusual setups). */
export function fleetConfigPath(platform: NodeJS.Platform, env: Record<string, string | undefined>, cwd: string): string {
  const override = env.CHATDESK_FLEET_CONFIG?.trim();
  if (override) return resolve(cwd, override);
  if (platform === 'win32') return win32.join(env.ProgramData || 'C:\\ProgramData', 'Clinic Chat Desk', 'fleet.json');
  if (platform === 'darwin') return '/Library/Application Support/Clinic Chat Desk/fleet.json';
  return '/etc/clinic-chat-desk/fleet.json';
}

function issuesToErrors(source: string, path: string, issues: readonly z.core.$ZodIssue[]): FleetError[] {
  return issues.map((issue) => ({ source, path: [path, ...issue.path.map(String)].join('.'), message: issue.message }));
}

/** Parses the text of fleet.json; each value is checked on its own, so one bad value spoils no other. */
export function parseFleetFile(text: string, path: string): FleetLayer {
  const layer: FleetLayer = { values: {}, locked: [], errors: [] };
  const fail = (at: string, message: string) => layer.errors.push({ source: path, path: at, message });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    fail('', `Not valid JSON: ${(error as Error).message}`);
    return layer;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    fail('', 'Must be a JSON object, like {"serverUrl": "https://chat.example.org", "locked": ["serverUrl"]}');
    return layer;
  }
  for (const [key, raw] of Object.entries(json)) {
    if (isFleetKey(key)) {
      const result = fleetValueSchemas[key].safeParse(raw);
      if (result.success) setValue(layer.values, key, result.data);
      else layer.errors.push(...issuesToErrors(path, key, result.error.issues));
    } else if (key === 'tokenFile') {
      const result = tokenFileSchema.safeParse(raw);
      if (result.success) layer.tokenFile = resolve(dirname(path), result.data);
      else layer.errors.push(...issuesToErrors(path, key, result.error.issues));
    } else if (key === 'locked') {
      parseLocked(raw, (at, message) => fail(at, message), layer.locked);
    } else {
      const suggestion = suggestKey(key);
      fail(key, suggestion ? `Unknown setting "${key}": did you mean "${suggestion}"?` : `Unknown setting "${key}" (known: ${[...fleetKeys, 'tokenFile', 'locked'].join(', ')})`);
    }
  }
  if ('token' in json && 'tokenFile' in json) fail('token', 'Give either token or tokenFile, not both');
  return layer;
}

function setValue<K extends FleetKey>(values: Partial<FleetValues>, key: K, value: FleetValues[K]): void {
  values[key] = value;
}

/** Flag spellings (`server-url`) are accepted in lock lists as well as value names (`serverUrl`). */
function lockName(name: string): FleetKey | null {
  const camel = name.trim().replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
  return isFleetKey(camel) ? camel : null;
}

function parseLocked(raw: unknown, fail: (at: string, message: string) => void, into: FleetKey[]): void {
  if (!Array.isArray(raw)) {
    fail('locked', 'List the values to lock, like ["serverUrl", "clinicId"]');
    return;
  }
  raw.forEach((entry, index) => {
    const key = typeof entry === 'string' ? lockName(entry) : null;
    if (key === null) fail(`locked.${index}`, `${JSON.stringify(entry)} cannot be locked (lockable: ${fleetKeys.join(', ')})`);
    else if (!into.includes(key)) into.push(key);
  });
}

const valueFlags = { 'server-url': 'serverUrl', 'clinic-id': 'clinicId', token: 'token', 'pc-name': 'pcName', 'update-feed': 'updateFeed' } as const;

/**
 * Reads our flags from a command line that also carries Chromium's and Electron's own switches (those
 * are left alone). `--name=value` is the reliable spelling; `--name value` works too.
 */
export function parseFleetFlags(argv: readonly string[]): FleetLayer {
  const layer: FleetLayer = { values: {}, locked: [], errors: [] };
  const fail = (flag: string, message: string) => layer.errors.push({ source: commandLine, path: `--${flag}`, message });
  const { values } = parseArgs({
    args: [...argv],
    strict: false,
    allowPositionals: true,
    allowNegative: true,
    options: {
      ...Object.fromEntries(Object.keys(valueFlags).map((flag) => [flag, { type: 'string' as const }])),
      'token-file': { type: 'string' },
      lock: { type: 'string', multiple: true },
      'auto-update': { type: 'boolean' },
    },
  });
  // With strict parsing off, a flag given no value reads as `true`, or swallows the next flag.
  const text = (flag: string): string | null => {
    const value = values[flag];
    if (value === undefined) return null;
    if (typeof value !== 'string' || value.startsWith('--')) {
      fail(flag, `--${flag} needs a value: write --${flag}=…`);
      return null;
    }
    return value;
  };

  for (const [flag, key] of Object.entries(valueFlags)) {
    const value = text(flag);
    if (value === null) continue;
    const result = fleetValueSchemas[key].safeParse(value);
    if (result.success) setValue(layer.values, key, result.data);
    else layer.errors.push(...result.error.issues.map((issue) => ({ source: commandLine, path: `--${flag}`, message: issue.message })));
  }
  const tokenFile = text('token-file');
  if (tokenFile !== null) {
    if (layer.values.token !== undefined) fail('token-file', 'Give either --token or --token-file, not both');
    else layer.tokenFile = tokenFile;
  }
  const autoUpdate = values['auto-update'];
  if (typeof autoUpdate === 'boolean') layer.values.autoUpdate = autoUpdate;
  else if (autoUpdate !== undefined) {
    if (/^(true|on|yes|1)$/i.test(autoUpdate)) layer.values.autoUpdate = true;
    else if (/^(false|off|no|0)$/i.test(autoUpdate)) layer.values.autoUpdate = false;
    else fail('auto-update', 'Use --auto-update=on or --auto-update=off (or --no-auto-update)');
  }
  const locks = values.lock;
  if (Array.isArray(locks)) {
    if (locks.some((entry) => typeof entry !== 'string' || entry.startsWith('--'))) fail('lock', '--lock needs a value: write --lock=serverUrl,clinicId');
    const names = locks.flatMap((entry) => (typeof entry === 'string' && !entry.startsWith('--') ? entry.split(',') : [])).filter((name) => name.trim() !== '');
    parseLocked(names, (_at, message) => fail('lock', message), layer.locked);
  }
  return layer;
}

/** How the loader reads a file; tests and the app both use the real file system through this. */
export type ReadBytes = (path: string) => Buffer;

/** Notepad writes UTF-8 with a byte-order mark, or UTF-16 when "Unicode" is chosen: accept both. */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

type ReadOutcome = { ok: true; text: string } | { ok: false; missing: boolean; message: string };

function readText(read: ReadBytes, path: string): ReadOutcome {
  try {
    const bytes = read(path);
    if (bytes.length > maxFileBytes) return { ok: false, missing: false, message: `The file is larger than ${maxFileBytes / 1024} KiB` };
    return { ok: true, text: decodeText(bytes) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    if (code === 'ENOENT') return { ok: false, missing: true, message: 'The file does not exist' };
    const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : code;
    return { ok: false, missing: false, message: `The file cannot be read (${reason})` };
  }
}

export type FleetInputs = {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  cwd: string;
  read?: ReadBytes;
};

/** Reads the machine-wide file and the flags and merges them: flag > file, per value. */
export function loadFleetConfig(inputs: FleetInputs): FleetConfig {
  const read = inputs.read ?? ((path: string) => readFileSync(path));
  const path = fleetConfigPath(inputs.platform, inputs.env, inputs.cwd);
  const errors: FleetError[] = [];
  let fileLayer: FleetLayer = { values: {}, locked: [], errors: [] };
  let state: FleetConfig['file']['state'];

  const outcome = readText(read, path);
  if (outcome.ok) {
    fileLayer = parseFleetFile(outcome.text, path);
    state = fileLayer.errors.some((error) => error.path === '') ? 'invalid' : 'read';
  } else if (outcome.missing) {
    state = 'missing'; // the usual case on a PC nobody pre-configured: nothing to report
  } else {
    state = 'unreadable';
    errors.push({ source: path, path: '', message: outcome.message });
  }
  const flagLayer = parseFleetFlags(inputs.argv);
  const { values, sources, locked, errors: layerErrors } = mergeFleetLayers(fileLayer, flagLayer, path);
  errors.push(...layerErrors);

  // A token file is read only when no stronger source already gave the token.
  const tokenFile =
    flagLayer.values.token !== undefined
      ? null
      : flagLayer.tokenFile !== undefined
        ? { file: resolve(inputs.cwd, flagLayer.tokenFile), source: { kind: 'flag' } as const, errorSource: commandLine, at: '--token-file' }
        : fileLayer.tokenFile !== undefined && fileLayer.values.token === undefined
          ? { file: fileLayer.tokenFile, source: { kind: 'file', path } as const, errorSource: path, at: 'tokenFile' }
          : null;
  if (tokenFile !== null) {
    const token = readTokenFile(read, tokenFile.file);
    if (token.ok) {
      values.token = token.value;
      sources.token = tokenFile.source;
    } else {
      errors.push({ source: tokenFile.errorSource, path: tokenFile.at, message: `${tokenFile.file}: ${token.message}` });
    }
  }

  return { values, sources, locked, errors, file: { path, state } };
}

/** Merges what the file and the flags say: per value, a flag beats the file; locks add up. */
export function mergeFleetLayers(fileLayer: FleetLayer, flagLayer: FleetLayer, filePath: string): Omit<FleetConfig, 'file'> {
  const values: Partial<FleetValues> = {};
  const sources: FleetConfig['sources'] = {};
  for (const key of fleetKeys) {
    const fromFlag = flagLayer.values[key];
    const fromFile = fileLayer.values[key];
    if (fromFlag !== undefined) {
      setValue(values, key, fromFlag);
      sources[key] = { kind: 'flag' };
    } else if (fromFile !== undefined) {
      setValue(values, key, fromFile);
      sources[key] = { kind: 'file', path: filePath };
    }
  }
  const locked = fleetKeys.filter((key) => fileLayer.locked.includes(key) || flagLayer.locked.includes(key));
  return { values, sources, locked, errors: [...fileLayer.errors, ...flagLayer.errors] };
}

function readTokenFile(read: ReadBytes, file: string): { ok: true; value: string } | { ok: false; message: string } {
  const outcome = readText(read, file);
  if (!outcome.ok) return { ok: false, message: outcome.message };
  const result = fleetValueSchemas.token.safeParse(outcome.text.trim());
  if (!result.success) return { ok: false, message: outcome.text.trim() === '' ? 'The token file is empty' : (result.error.issues[0]?.message ?? 'Not a valid token') };
  return { ok: true, value: result.data };
}
