// How pre-set values meet staff's own settings: locked values win, unlocked ones are defaults, and the
// app learns at start whether to connect, and which changes the locks refuse.
import { describe, expect, it } from 'vitest';
import { fleetValue, lockedChange, startupConnection } from '../../main/fleet/fleet.ts';
import { fleetFrom as fleet } from './fleet-fixture.ts';

const server = 'https://chat.northside-vets.example';
const stored = { serverUrl: 'https://old.example', clinicId: 'northside', token: 'staff-token' };
const installed = (config: ReturnType<typeof fleet>, connection: typeof stored | { serverUrl: string; clinicId: string; token: null } | null) => startupConnection(config, connection, {}, true);

describe('fleetValue', () => {
  it('uses a locked pre-set value over staff’s own', () => {
    expect(fleetValue(fleet({ serverUrl: server, locked: ['serverUrl'] }), 'serverUrl', 'https://mine.example')).toBe(server);
  });

  it('lets staff’s own value win over an unlocked pre-set, which only fills in what is unset', () => {
    const config = fleet({ pcName: 'Reception' });
    expect(fleetValue(config, 'pcName', 'Reception left')).toBe('Reception left');
    expect(fleetValue(config, 'pcName', null)).toBe('Reception');
  });

  it('takes the flag’s value when a flag beat the file, and says where it came from', () => {
    const config = fleet({ pcName: 'Reception' }, ['--pc-name=Desk 3', '--lock=pcName']);
    expect(fleetValue(config, 'pcName', 'x')).toBe('Desk 3');
    expect(config.from.pcName).toBe('flag');
  });

  it('keeps the PC’s own value when a locked pre-set was rejected as invalid, still locked', () => {
    const config = fleet({ serverUrl: 'not a url', locked: ['serverUrl'] });
    expect(config.problems).toHaveLength(1);
    expect(config.locked).toEqual(['serverUrl']);
    expect(fleetValue(config, 'serverUrl', stored.serverUrl)).toBe(stored.serverUrl);
    expect(fleetValue(config, 'serverUrl', null)).toBeNull();
  });
});

describe('startupConnection in an installed app', () => {
  it('connects a fresh PC from pre-set values', () => {
    expect(installed(fleet({ serverUrl: server, clinicId: 'northside', token: 'fleet-token' }), null)).toEqual({ serverUrl: server, clinicId: 'northside', token: 'fleet-token' });
  });

  it('keeps a connection staff made, when nothing locked disagrees with it', () => {
    expect(installed(fleet({ serverUrl: server, clinicId: 'other', token: 'fleet-token' }), stored)).toBeNull();
    expect(installed(fleet({ serverUrl: stored.serverUrl, locked: ['serverUrl'] }), stored)).toBeNull();
  });

  it('keeps a connection whose stored address differs from the locked one only by a trailing slash', () => {
    expect(installed(fleet({ serverUrl: `${stored.serverUrl}/`, locked: ['serverUrl'] }), stored)).toBeNull();
    expect(installed(fleet({ serverUrl: `${server}//`, clinicId: 'northside', token: 'fleet-token', locked: ['serverUrl'] }), { serverUrl: server, clinicId: 'northside', token: 'fleet-token' })).toBeNull();
  });

  it('reconnects with staff’s clinic and token when the administrator moves a locked server', () => {
    expect(installed(fleet({ serverUrl: server, locked: ['serverUrl'] }), stored)).toEqual({ ...stored, serverUrl: server });
  });

  it('leaves it to staff when something is missing', () => {
    expect(installed(fleet({ serverUrl: server, clinicId: 'northside', locked: ['serverUrl', 'clinicId'] }), null)).toBeNull();
    expect(installed(fleet({}), null)).toBeNull();
  });

  it('repairs a connection whose token cannot be read back using a pre-set token, and otherwise leaves it', () => {
    const unreadable = { ...stored, token: null };
    expect(installed(fleet({ token: 'fleet-token' }), unreadable)).toEqual({ ...stored, token: 'fleet-token' });
    expect(installed(fleet({}), unreadable)).toBeNull();
  });
});

describe('lockedChange', () => {
  const config = fleet({ serverUrl: server, clinicId: 'northside', locked: ['serverUrl'] });
  const own = () => null;

  it('refuses a change to a locked value, naming it beside the field', () => {
    expect(lockedChange(config, { serverUrl: 'https://elsewhere.example', clinicId: 'x', token: 't' }, own)?.error).toEqual({
      code: 'locked',
      message: 'The server address is set by your clinic’s IT administrator and cannot be changed here.',
      fields: [{ path: 'serverUrl', message: 'Set by your clinic’s IT administrator; it cannot be changed here.' }],
    });
  });

  it('lets through the locked value itself and anything unlocked', () => {
    expect(lockedChange(config, { serverUrl: server, clinicId: 'another', token: 't' }, own)).toBeNull();
    expect(lockedChange(config, { pcName: 'Desk' }, own)).toBeNull();
  });
});
