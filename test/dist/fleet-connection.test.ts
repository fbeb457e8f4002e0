// How pre-set values meet staff's own settings: locked values win, unlocked ones are defaults, and the
// composition root learns whether to keep, make or ask for the connection.
import { describe, expect, it } from 'vitest';
import { lockedFieldErrors, lockedMessage, planConnection, resolveStaffValue } from '../../main/fleet/fleet-connection.ts';
import { fleetFrom as fleet } from './fleet-fixture.ts';

const server = 'https://chat.northside-vets.example';
const stored = { serverUrl: 'https://old.example', clinicId: 'northside', token: 'staff-token' };

describe('resolveStaffValue', () => {
  it('uses a locked pre-set value over staff’s own', () => {
    expect(resolveStaffValue(fleet({ serverUrl: server, locked: ['serverUrl'] }), 'serverUrl', 'https://mine.example')).toEqual({ value: server, from: 'file', locked: true });
  });

  it('lets staff’s own value win over an unlocked pre-set, which only fills in what is unset', () => {
    const config = fleet({ pcName: 'Reception' });
    expect(resolveStaffValue(config, 'pcName', 'Reception left')).toEqual({ value: 'Reception left', from: 'staff', locked: false });
    expect(resolveStaffValue(config, 'pcName', null)).toEqual({ value: 'Reception', from: 'file', locked: false });
  });

  it('names a flag as the source when the flag beat the file', () => {
    expect(resolveStaffValue(fleet({ pcName: 'Reception' }, ['--pc-name=Desk 3', '--lock=pcName']), 'pcName', 'x')).toEqual({ value: 'Desk 3', from: 'flag', locked: true });
  });

  it('keeps the PC’s own value when a locked pre-set was rejected as invalid, still locked', () => {
    const config = fleet({ serverUrl: 'not a url', locked: ['serverUrl'] });
    expect(config.errors).toHaveLength(1);
    expect(resolveStaffValue(config, 'serverUrl', stored.serverUrl)).toEqual({ value: stored.serverUrl, from: 'staff', locked: true });
    expect(resolveStaffValue(config, 'serverUrl', null)).toEqual({ value: null, from: 'none', locked: true });
  });
});

describe('planConnection', () => {
  it('connects a fresh PC from pre-set values', () => {
    expect(planConnection(fleet({ serverUrl: server, clinicId: 'northside', token: 'fleet-token' }), null)).toEqual({
      kind: 'connect',
      input: { serverUrl: server, clinicId: 'northside', token: 'fleet-token' },
    });
  });

  it('keeps a connection staff made, when nothing locked disagrees with it', () => {
    expect(planConnection(fleet({ serverUrl: server, clinicId: 'other', token: 'fleet-token' }), stored)).toEqual({ kind: 'keep' });
    expect(planConnection(fleet({ serverUrl: stored.serverUrl, locked: ['serverUrl'] }), stored)).toEqual({ kind: 'keep' });
  });

  it('keeps a connection whose stored address differs from the locked one only by a trailing slash', () => {
    expect(planConnection(fleet({ serverUrl: `${stored.serverUrl}/`, locked: ['serverUrl'] }), stored)).toEqual({ kind: 'keep' });
    expect(planConnection(fleet({ serverUrl: `${server}//`, clinicId: 'northside', token: 'fleet-token', locked: ['serverUrl'] }), { serverUrl: server, clinicId: 'northside', token: 'fleet-token' })).toEqual({ kind: 'keep' });
  });

  it('reconnects with staff’s clinic and token when the administrator moves a locked server', () => {
    expect(planConnection(fleet({ serverUrl: server, locked: ['serverUrl'] }), stored)).toEqual({
      kind: 'connect',
      input: { ...stored, serverUrl: server },
    });
  });

  it('asks staff for what is missing, with pre-set values filled in and locked ones marked', () => {
    expect(planConnection(fleet({ serverUrl: server, clinicId: 'northside', locked: ['serverUrl', 'clinicId'] }), null)).toEqual({
      kind: 'ask',
      prefill: { serverUrl: server, clinicId: 'northside' },
      locked: ['serverUrl', 'clinicId'],
    });
    expect(planConnection(fleet({}), null)).toEqual({ kind: 'ask', prefill: {}, locked: [] });
  });

  it('repairs a connection whose token cannot be read back using a pre-set token, and otherwise leaves it', () => {
    const unreadable = { ...stored, token: null };
    expect(planConnection(fleet({ token: 'fleet-token' }), unreadable)).toEqual({ kind: 'connect', input: { ...stored, token: 'fleet-token' } });
    expect(planConnection(fleet({}), unreadable)).toEqual({ kind: 'keep' });
  });
});

describe('lockedFieldErrors', () => {
  const config = fleet({ serverUrl: server, clinicId: 'northside', locked: ['serverUrl'] });

  it('rejects a change to a locked value, beside the field', () => {
    expect(lockedFieldErrors(config, { serverUrl: 'https://elsewhere.example', clinicId: 'x', token: 't' }, { serverUrl: null })).toEqual([
      { path: 'serverUrl', message: lockedMessage },
    ]);
  });

  it('lets through the locked value itself and anything unlocked', () => {
    expect(lockedFieldErrors(config, { serverUrl: server, clinicId: 'another', token: 't' }, { serverUrl: null })).toEqual([]);
    expect(lockedFieldErrors(config, { pcName: 'Desk' }, {})).toEqual([]);
  });
});
