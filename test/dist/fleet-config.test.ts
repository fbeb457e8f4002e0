// Fleet configuration read from real files in a temporary folder (CHATDESK_FLEET_CONFIG points there)
// and real command lines: precedence, locking, and every way a file can be wrong.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyFleet, fleetFilePath, fleetLogLine, loadFleet, parseFleetFile, parseFleetFlags } from '../../main/fleet/fleet.ts';
import type { Fleet } from '../../main/fleet/fleet.ts';
import { noSecretBox } from '../../main/store/secret-box.ts';
import { openAppStore } from '../../main/store/store.ts';

let dir = '';
let fleetFile = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'chatdesk-fleet-'));
  fleetFile = join(dir, 'fleet.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function load(argv: string[] = [], file?: unknown): Fleet {
  if (file !== undefined) writeFileSync(fleetFile, typeof file === 'string' ? file : JSON.stringify(file));
  return loadFleet({ argv, env: { CHATDESK_FLEET_CONFIG: fleetFile }, platform: 'linux', cwd: dir });
}

const preset = { serverUrl: 'https://chat.northside-vets.example', clinicId: 'northside', pcName: 'Reception 1' };

describe('fleet.json location', () => {
  it('is machine-wide on each OS, and CHATDESK_FLEET_CONFIG overrides it', () => {
    expect(fleetFilePath('win32', { ProgramData: 'D:\\ProgramData' }, '/')).toBe('D:\\ProgramData\\Clinic Chat Desk\\fleet.json');
    expect(fleetFilePath('win32', {}, '/')).toBe('C:\\ProgramData\\Clinic Chat Desk\\fleet.json');
    expect(fleetFilePath('darwin', {}, '/')).toBe('/Library/Application Support/Clinic Chat Desk/fleet.json');
    expect(fleetFilePath('linux', {}, '/')).toBe('/etc/clinic-chat-desk/fleet.json');
    expect(fleetFilePath('linux', { CHATDESK_FLEET_CONFIG: 'conf/fleet.json' }, '/srv')).toBe('/srv/conf/fleet.json');
  });
});

describe('loadFleet', () => {
  it('reads values and locks from the file', () => {
    const config = load([], { ...preset, locked: ['serverUrl', 'clinicId'] });
    expect(config).toMatchObject({ values: preset, locked: ['serverUrl', 'clinicId'], problems: [], file: { path: fleetFile, state: 'read' } });
    expect(config.from.serverUrl).toBe('file');
  });

  it('lets a flag beat the file, value by value, and adds the flag’s locks to the file’s', () => {
    const config = load(['--server-url=https://chat.example.org', '--lock=pc-name', '--enable-logging'], { ...preset, locked: ['serverUrl'] });
    expect(config.values).toEqual({ ...preset, serverUrl: 'https://chat.example.org' });
    expect(config.from).toMatchObject({ serverUrl: 'flag', clinicId: 'file' });
    expect(config.locked).toEqual(['serverUrl', 'pcName']);
    expect(config.problems).toEqual([]);
  });

  it('treats a missing file as nothing pre-set, without an error', () => {
    const config = load(['--clinic-id=c1']);
    expect(config).toMatchObject({ values: { clinicId: 'c1' }, locked: [], problems: [], file: { state: 'missing' } });
  });

  it('reports an unreadable file and still applies the flags', () => {
    mkdirSync(fleetFile); // a folder where the file should be: reading it fails (as root, permissions would not)
    const config = load(['--pc-name=Front desk']);
    expect(config.file.state).toBe('unreadable');
    expect(config.problems).toEqual([{ source: fleetFile, path: '', message: 'The file cannot be read (it is a folder)' }]);
    expect(config.values).toEqual({ pcName: 'Front desk' });
  });

  it('reports invalid JSON with where it went wrong', () => {
    const config = load([], '{ "serverUrl": "https://a.example", }');
    expect(config.file.state).toBe('invalid');
    expect(config.values).toEqual({});
    expect(config.problems).toHaveLength(1);
    expect(config.problems[0]).toMatchObject({ source: fleetFile, path: '' });
    expect(config.problems[0]?.message).toMatch(/^Not valid JSON: .*position/);
  });

  it('reads files saved by Notepad, with a byte-order mark or as UTF-16', () => {
    writeFileSync(fleetFile, `\uFEFF${JSON.stringify(preset)}`);
    expect(loadFleet({ argv: [], env: { CHATDESK_FLEET_CONFIG: fleetFile }, platform: 'win32', cwd: dir }).values).toEqual(preset);
    writeFileSync(fleetFile, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(preset), 'utf16le')]));
    expect(load().values).toEqual(preset);
  });

  it('refuses a file that is far too large to be a fleet configuration', () => {
    const config = load([], JSON.stringify({ pcName: 'x'.repeat(70 * 1024) }));
    expect(config.file.state).toBe('unreadable');
    expect(config.problems[0]?.message).toMatch(/larger than 64 KiB/);
  });

  it('reads the token from a token file beside fleet.json, and a --token-file from the working directory', () => {
    writeFileSync(join(dir, 'token.txt'), '  secret-token-1\r\n');
    expect(load([], { ...preset, tokenFile: 'token.txt' })).toMatchObject({ values: { token: 'secret-token-1' }, problems: [] });
    writeFileSync(join(dir, 'other.txt'), 'secret-token-2\n');
    const fromFlag = load(['--token-file=other.txt'], { ...preset, tokenFile: 'token.txt' });
    expect(fromFlag.values.token).toBe('secret-token-2');
    expect(fromFlag.from.token).toBe('flag');
  });

  it('reports a token file that is missing or empty, naming the file', () => {
    const missing = load([], { tokenFile: 'nope.txt' });
    expect(missing.problems).toEqual([{ source: fleetFile, path: 'tokenFile', message: `${join(dir, 'nope.txt')}: The file does not exist` }]);
    writeFileSync(join(dir, 'empty.txt'), '\n');
    expect(load(['--token-file=empty.txt'], {}).problems).toEqual([{ source: 'command line', path: '--token-file', message: `${join(dir, 'empty.txt')}: The token file is empty` }]);
  });
});

describe('parseFleetFile', () => {
  it('keeps the good values when one is bad, and says which one and why', () => {
    const layer = parseFleetFile(JSON.stringify({ serverUrl: 'ftp://files.example', clinicId: 'c1', pcName: '', updateFeed: 'http://updates.example', autoUpdate: 'no' }), fleetFile);
    expect(layer.values).toEqual({ clinicId: 'c1' });
    expect(layer.problems).toEqual([
      { source: fleetFile, path: 'serverUrl', message: 'Enter the server address, starting with https://' },
      { source: fleetFile, path: 'pcName', message: 'Enter a name for this PC' },
      { source: fleetFile, path: 'updateFeed', message: 'The update feed must be an https:// address' },
      { source: fleetFile, path: 'autoUpdate', message: 'Use true or false' },
    ]);
  });

  it('stores the server address as the app stores a typed one, and refuses plain http to another machine', () => {
    expect(parseFleetFile(JSON.stringify({ serverUrl: 'https://chat.example.org/' }), fleetFile).values).toEqual({ serverUrl: 'https://chat.example.org' });
    expect(parseFleetFile(JSON.stringify({ serverUrl: 'https://chat.example.org/desk//' }), fleetFile).values).toEqual({ serverUrl: 'https://chat.example.org/desk' });
    const plain = parseFleetFile(JSON.stringify({ serverUrl: 'http://chat.example.org' }), fleetFile);
    expect(plain.values).toEqual({});
    expect(plain.problems).toEqual([{ source: fleetFile, path: 'serverUrl', message: expect.stringMatching(/https/) }]);
  });

  it('reports unknown keys, suggesting the intended one', () => {
    const layer = parseFleetFile(JSON.stringify({ serverURL: 'https://a.example', colour: 'blue' }), fleetFile);
    expect(layer.values).toEqual({});
    expect(layer.problems.map((problem) => [problem.path, problem.message])).toEqual([
      ['serverURL', 'Unknown setting "serverURL": did you mean "serverUrl"?'],
      ['colour', expect.stringMatching(/^Unknown setting "colour" \(known: serverUrl, clinicId, token, pcName, updateFeed, autoUpdate, tokenFile, locked\)$/)],
    ]);
  });

  it('reports locks that name nothing lockable, and a lock list that is not a list', () => {
    expect(parseFleetFile(JSON.stringify({ locked: ['serverUrl', 'everything', 7] }), fleetFile)).toMatchObject({
      locked: ['serverUrl'],
      problems: [
        { path: 'locked.1', message: expect.stringContaining('"everything" cannot be locked') },
        { path: 'locked.2', message: expect.stringContaining('7 cannot be locked') },
      ],
    });
    expect(parseFleetFile(JSON.stringify({ locked: 'serverUrl' }), fleetFile).problems).toEqual([
      { source: fleetFile, path: 'locked', message: 'List the values to lock, like ["serverUrl", "clinicId"]' },
    ]);
  });

  it('asks for an object, and for token or tokenFile but not both', () => {
    expect(parseFleetFile('["serverUrl"]', fleetFile).problems[0]?.message).toMatch(/^Must be a JSON object/);
    expect(parseFleetFile(JSON.stringify({ token: 't', tokenFile: '/x' }), fleetFile)).toEqual({
      values: { token: 't' },
      locked: [],
      problems: [{ source: fleetFile, path: 'tokenFile', message: 'Give either token or tokenFile, not both' }],
    });
  });
});

describe('parseFleetFlags', () => {
  it('reads our flags in both spellings and leaves Chromium’s switches alone', () => {
    const layer = parseFleetFlags(['--disable-gpu', '--server-url', 'https://a.example', '--clinic-id=c9', '--pc-name=Desk 2', '--update-feed=https://u.example/feed/', '--no-auto-update', '--lock=serverUrl,clinic-id', 'positional']);
    expect(layer).toEqual({
      values: { serverUrl: 'https://a.example', clinicId: 'c9', pcName: 'Desk 2', updateFeed: 'https://u.example/feed/', autoUpdate: false },
      locked: ['serverUrl', 'clinicId'],
      problems: [],
    });
  });

  it('reports a flag without a value instead of swallowing the next flag', () => {
    expect(parseFleetFlags(['--server-url', '--clinic-id=c1']).problems).toEqual([
      { source: 'command line', path: '--server-url', message: '--server-url needs a value: write --server-url=…' },
    ]);
    expect(parseFleetFlags(['--pc-name']).problems[0]?.path).toBe('--pc-name');
    expect(parseFleetFlags(['--lock']).problems).toEqual([{ source: 'command line', path: '--lock', message: '--lock needs a value: write --lock=serverUrl,clinicId' }]);
  });

  it('reports bad values, bad locks, and a token given twice', () => {
    const layer = parseFleetFlags(['--server-url=javascript:alert(1)', '--lock=serverUrl,wallpaper', '--token=t1', '--token-file=/t2', '--auto-update=sometimes']);
    expect(layer.problems.map((problem) => problem.path).sort()).toEqual(['--auto-update', '--lock', '--server-url', '--token-file']);
    expect(layer.values).toEqual({ token: 't1' });
    expect(layer.locked).toEqual(['serverUrl']);
  });

  it('accepts on/off spellings for --auto-update', () => {
    expect(parseFleetFlags(['--auto-update=off']).values).toEqual({ autoUpdate: false });
    expect(parseFleetFlags(['--auto-update']).values).toEqual({ autoUpdate: true });
  });
});

describe('fleet configuration in words', () => {
  it('summarises for the log without ever writing the token', () => {
    writeFileSync(join(dir, 'token.txt'), 'very-secret-token');
    const config = load(['--pc-name=Desk 2'], { ...preset, tokenFile: 'token.txt', locked: ['serverUrl'] });
    const summary = fleetLogLine(config);
    expect(summary).not.toContain('very-secret-token');
    expect(summary).toContain(`serverUrl="${preset.serverUrl}" [file, locked]`);
    expect(summary).toContain('pcName="Desk 2" [flag]');
    expect(summary).toContain('token=(set) [file]');
  });

  it('lists each problem in a notice with where it is, for staff to pass on to IT', () => {
    const store = openAppStore({ directory: dir, secretBox: noSecretBox, hostname: 'PC' });
    applyFleet(load(['--server-url'], { pcName: '' }), store, 'PC');
    expect(store.notices).toEqual([
      {
        id: 'fleet-config',
        kind: 'fleet-config',
        message:
          'Some settings pre-set by your IT administrator could not be used; tell them:\n' +
          `• ${fleetFile}, pcName: Enter a name for this PC\n` +
          '• command line, --server-url: --server-url needs a value: write --server-url=…',
      },
    ]);
  });

  it('names this PC as pre-set unless staff renamed it, and always when the name is locked', () => {
    const store = openAppStore({ directory: dir, secretBox: noSecretBox, hostname: 'PC' });
    applyFleet(load([], { pcName: 'Reception 1' }), store, 'PC');
    expect(store.notices).toEqual([]);
    expect(store.getPreferences().pcName).toBe('Reception 1');
    store.setPreference({ key: 'pcName', value: 'Front desk' });
    applyFleet(load([], { pcName: 'Reception 1' }), store, 'PC');
    expect(store.getPreferences().pcName).toBe('Front desk');
    applyFleet(load([], { pcName: 'Reception 1', locked: ['pcName'] }), store, 'PC');
    expect(store.getPreferences().pcName).toBe('Reception 1');
  });
});
