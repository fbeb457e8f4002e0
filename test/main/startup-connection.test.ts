// What the desktop app connects to at start, and which changes the administrator's locks refuse:
// a real fleet.json in a temporary directory, read by the distribution engineer's loader.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppController } from '../../main/controller/app-controller.ts';
import { loadFleet, startupConnection } from '../../main/fleet/fleet.ts';
import type { Fleet } from '../../main/fleet/fleet.ts';
import { noSecretBox } from '../../main/store/secret-box.ts';
import { openAppStore } from '../../main/store/store.ts';
import { testClock } from './support/running-clock.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'chatdesk-fleet-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function fleet(file: object | null, argv: string[] = []): Fleet {
  const path = join(dir, 'fleet.json');
  if (file) writeFileSync(path, JSON.stringify(file));
  return loadFleet({ argv, env: { CHATDESK_FLEET_CONFIG: path }, platform: 'linux', cwd: dir });
}

const preset = { serverUrl: 'https://chat.riverside-vets.example', clinicId: 'clinic-1', token: 'fleet-token' };
const devEnv = { CHATDESK_SERVER_URL: 'http://127.0.0.1:8787', CHATDESK_CLINIC_ID: 'demo', CHATDESK_TOKEN: 'demo-token' };

describe('connection at start', () => {
  it('connects a fresh PC with what the administrator pre-set', () => {
    expect(startupConnection(fleet(preset), null, {}, true)).toEqual(preset);
  });

  it('keeps a PC that is already connected as configured', () => {
    expect(startupConnection(fleet(preset), { ...preset }, {}, true)).toBeNull();
  });

  it('uses the development environment (npm start) only outside an installed app', () => {
    expect(startupConnection(fleet(null), null, devEnv, false)).toEqual({ serverUrl: 'http://127.0.0.1:8787', clinicId: 'demo', token: 'demo-token' });
    expect(startupConnection(fleet(null), null, devEnv, true)).toBeNull();
    expect(startupConnection(fleet(null), { serverUrl: 'http://127.0.0.1:8787', clinicId: 'demo', token: 'demo-token' }, devEnv, false)).toBeNull();
    expect(startupConnection(fleet(null), null, { CHATDESK_SERVER_URL: 'http://127.0.0.1:8787' }, false)).toBeNull();
    expect(startupConnection(fleet(null), { serverUrl: 'http://127.0.0.1:8787', clinicId: 'demo', token: 'demo-token' }, { ...devEnv, CHATDESK_SERVER_URL: 'http://127.0.0.1:8787/' }, false)).toBeNull();
  });
});

/** A controller on a fresh store, under the fleet configuration `config`, as the desktop app builds it. */
function managedController(config: Fleet) {
  const store = openAppStore({ directory: dir, secretBox: noSecretBox, hostname: 'PC', now: testClock.now });
  const controller = new AppController({ store, fleet: config, clock: testClock });
  controller.start();
  return { controller };
}

describe('locked values', () => {
  it('refuse a connect to another server, and a new PC name, before any request is made', async () => {
    const config = fleet({ ...preset, pcName: 'Front desk 1', locked: ['serverUrl', 'pcName', 'autoUpdate'] });
    const { controller } = managedController(config);
    try {
      // Only the values staff could change in the window are listed for it.
      expect(controller.state.managed).toEqual({
        locked: ['serverUrl', 'pcName'],
        note: 'Set by your clinic’s IT administrator',
        prefill: { serverUrl: 'https://chat.riverside-vets.example', clinicId: 'clinic-1' },
      });
      const connect = await controller.handlers.connect({ serverUrl: 'https://elsewhere.example', clinicId: 'clinic-1', token: 't' });
      expect(connect).toEqual({
        ok: false,
        error: {
          code: 'locked',
          message: 'The server address is set by your clinic’s IT administrator and cannot be changed here.',
          fields: [{ path: 'serverUrl', message: 'Set by your clinic’s IT administrator; it cannot be changed here.' }],
        },
      });
      const rename = await controller.handlers.setPreference({ key: 'pcName', value: 'Somebody else' });
      expect(rename).toMatchObject({ ok: false, error: { code: 'locked', fields: [{ path: 'pcName' }] } });
      expect(controller.state.preferences.pcName).toBe('PC');
    } finally {
      controller.stop();
    }
  });
});

describe('a connection the administrator only partly pre-set', () => {
  it('tells the window the pre-set address and clinic to start the form from, never the token', async () => {
    // A common set-up: IT locks the server and clinic for every PC and gives each PC its own token.
    const config = fleet({ serverUrl: preset.serverUrl, clinicId: preset.clinicId, locked: ['serverUrl', 'clinicId'] });
    expect(startupConnection(config, null, {}, true)).toBeNull(); // nothing to connect with yet: the window asks
    const { controller } = managedController(config);
    try {
      expect(controller.state.managed).toEqual({
        locked: ['serverUrl', 'clinicId'],
        note: 'Set by your clinic’s IT administrator',
        prefill: { serverUrl: preset.serverUrl, clinicId: preset.clinicId },
      });
      expect(JSON.stringify(controller.state)).not.toContain('fleet-token');
    } finally {
      controller.stop();
    }
  });
});

