// A PC whose connection the clinic's IT administrator locked (fleet.json): against the real server, the
// window is told which values are locked, and disconnecting or switching clinic is refused before
// anything is forgotten or sent, while unlocked preferences stay the staff's to change.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadFleet, startupConnection } from '../../main/fleet/fleet.ts';
import type { Fleet } from '../../main/fleet/fleet.ts';
import { connectPc, openPc, startClinicServer } from './support/controller-harness.ts';
import type { ClinicServer, TestPc } from './support/controller-harness.ts';

let server: ClinicServer;
let fleetDir: string;
const pcs: TestPc[] = [];
beforeAll(async () => {
  server = await startClinicServer();
  fleetDir = mkdtempSync(join(tmpdir(), 'chatdesk-fleet-'));
});
afterAll(async () => {
  await server.dispose();
  rmSync(fleetDir, { recursive: true, force: true });
});
afterEach(() => {
  for (const pc of pcs.splice(0)) pc.dispose();
});

/** A fleet.json that pre-sets and locks this server (as written in it), clinic and token. */
function lockedFleet(serverUrl = server.url): Fleet {
  const path = join(fleetDir, 'fleet.json');
  writeFileSync(path, JSON.stringify({ serverUrl, clinicId: server.clinic.clinicId, token: server.clinic.token, locked: ['serverUrl', 'clinicId', 'token'] }));
  const fleet = loadFleet({ argv: [], env: { CHATDESK_FLEET_CONFIG: path }, platform: 'linux', cwd: fleetDir });
  expect(fleet.problems).toEqual([]);
  return fleet;
}

/** A PC set up from that fleet.json. */
function managedPc(fleet = lockedFleet()): TestPc {
  const pc = openPc({ pcName: 'Reception', fleet });
  pcs.push(pc);
  return pc;
}

describe('a PC whose connection is locked by the IT administrator', () => {
  it('says which values are locked and by whom, and connects with the pre-set values', async () => {
    const pc = managedPc();
    expect(pc.controller.state.managed).toEqual({
      locked: ['serverUrl', 'clinicId', 'token'],
      note: 'Set by your clinic’s IT administrator',
      prefill: { serverUrl: server.url, clinicId: server.clinic.clinicId },
    });
    const state = await connectPc(pc, server);
    expect(state.connection?.clinicId).toBe(server.clinic.clinicId);
  });

  it('refuses to disconnect, and keeps the connection', async () => {
    const pc = managedPc();
    await connectPc(pc, server);
    const result = await pc.api.disconnect();
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'locked',
        message: 'This PC’s connection is set by your clinic’s IT administrator and cannot be disconnected here.',
        fields: ['serverUrl', 'clinicId', 'token'].map((path) => ({ path, message: 'Set by your clinic’s IT administrator; it cannot be changed here.' })),
      },
    });
    expect(pc.controller.state.connection?.clinicId).toBe(server.clinic.clinicId);
  });

  it('refuses to switch to another clinic on the same server, naming the locked field', async () => {
    const other = await server.addClinic('Hillside Vets');
    const pc = managedPc();
    await connectPc(pc, server);
    const result = await pc.api.connect({ serverUrl: server.url, clinicId: other.clinicId, token: other.token });
    expect(result).toMatchObject({ ok: false, error: { code: 'locked', message: 'The clinic ID is set by your clinic’s IT administrator and cannot be changed here.' } });
    expect(!result.ok && result.error.fields?.map((field) => field.path)).toEqual(['clinicId', 'token']);
    expect(pc.controller.state.connection?.clinicId).toBe(server.clinic.clinicId);
  });

  it('takes the locked address with or without a trailing slash as the one it stores, and keeps that connection at the next start', async () => {
    const fleet = lockedFleet(`${server.url}/`);
    const pc = managedPc(fleet);
    for (const typed of [server.url, `${server.url}/`]) {
      const result = await pc.api.connect({ serverUrl: typed, clinicId: server.clinic.clinicId, token: server.clinic.token });
      expect(result).toMatchObject({ ok: true, state: { connection: { serverUrl: server.url } } });
    }
    expect(startupConnection(fleet, { serverUrl: server.url, clinicId: server.clinic.clinicId, token: server.clinic.token }, {}, true)).toBeNull();
  });

  it('leaves unlocked values to staff', async () => {
    const pc = managedPc();
    expect(await pc.api.setPreference({ key: 'pcName', value: 'Front desk 3' })).toMatchObject({ ok: true, state: { preferences: { pcName: 'Front desk 3' } } });
  });
});

describe('a PC nobody manages', () => {
  it('has nothing locked and can disconnect', async () => {
    const pc = openPc({ pcName: 'Reception' });
    pcs.push(pc);
    await connectPc(pc, server);
    expect(pc.controller.state.managed).toEqual({ locked: [], note: null });
    expect(await pc.api.disconnect()).toMatchObject({ ok: true, state: { connection: null } });
  });
});
