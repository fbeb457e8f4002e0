// Connecting against the real server: every failure names the field to fix; success loads the clinic.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppResult } from '../../core/schemas/app-api.ts';
import { clinicServerForFile, waitFor } from './support/controller-harness.ts';
import { testClock } from './support/running-clock.ts';

const shared = clinicServerForFile();

const newPc = () => shared.openPc({ pcName: 'Front desk 1' });

function expectFailure(result: AppResult, code: string, field: string): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe(code);
  expect(result.error.fields?.map((error) => error.path)).toEqual([field]);
}

describe('connect', () => {
  it('loads the clinic, its settings and switch, and starts synced', async () => {
    const pc = newPc();
    const result = await pc.api.connect({ serverUrl: `${shared.server.url}/`, clinicId: shared.server.clinic.clinicId, token: shared.server.clinic.token });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.state.connection).toMatchObject({ serverUrl: shared.server.url, clinicId: shared.server.clinic.clinicId, clinicName: 'Riverside Vets' });
    expect(result.state.server).toMatchObject({ version: (await shared.server.settings()).version, presence: { online: true } });
    expect(result.state.status.tone).not.toBe('not-connected');
    expect(result.state.sync.state).toBe('synced');
  });

  it('says plainly when the token is kept unencrypted', async () => {
    const pc = newPc();
    const result = await pc.api.connect({ serverUrl: shared.server.url, clinicId: shared.server.clinic.clinicId, token: shared.server.clinic.token });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.state.connection?.tokenStorage).toBe('plain-text');
    expect(result.state.connection?.tokenStorageNote).toMatch(/stored unencrypted/);
    expect(result.state.notices.map((notice) => notice.kind)).toContain('token-plain-text');
  });

  it('points at the token when the server refuses it', async () => {
    const result = await newPc().api.connect({ serverUrl: shared.server.url, clinicId: shared.server.clinic.clinicId, token: 'not-the-token' });
    expectFailure(result, 'unauthorized', 'token');
  });

  it('points at the token when it belongs to another clinic', async () => {
    const hilltop = await shared.server.addClinic('Hilltop Vets');
    const result = await newPc().api.connect({ serverUrl: shared.server.url, clinicId: shared.server.clinic.clinicId, token: hilltop.token });
    expectFailure(result, 'unauthorized', 'token');
    if (!result.ok) expect(result.error.message).toMatch(/another clinic/);
  });

  it('points at the clinic id when the server does not know it', async () => {
    const result = await newPc().api.connect({ serverUrl: shared.server.url, clinicId: 'no-such-clinic', token: shared.server.clinic.token });
    expectFailure(result, 'unknown-clinic', 'clinicId');
  });

  it('points at the address when nothing answers there', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const result = await newPc().api.connect({ serverUrl: `http://127.0.0.1:${port}`, clinicId: 'c', token: 't' });
    expectFailure(result, 'unreachable', 'serverUrl');
    if (!result.ok) expect(result.error.message).toMatch(/connection refused/);
  });

  it('points at the address when something else answers there', async () => {
    const other = createServer((_request, response) => response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>It works!</h1>'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = other.address() as AddressInfo;
      const result = await newPc().api.connect({ serverUrl: `http://127.0.0.1:${port}`, clinicId: 'c', token: 't' });
      expectFailure(result, 'unreachable', 'serverUrl');
      if (!result.ok) expect(result.error.message).toMatch(/not as a Clinic Chat Desk server/);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('refuses plain http to another machine, where the token could be read on the way', async () => {
    const result = await newPc().api.connect({ serverUrl: 'http://chat.example-clinic.test', clinicId: 'c', token: 't' });
    expectFailure(result, 'invalid-input', 'serverUrl');
  });

  it('keeps the previous connection when a new attempt fails', async () => {
    const pc = newPc();
    await pc.api.connect({ serverUrl: shared.server.url, clinicId: shared.server.clinic.clinicId, token: shared.server.clinic.token });
    await pc.api.connect({ serverUrl: shared.server.url, clinicId: shared.server.clinic.clinicId, token: 'wrong' });
    expect(pc.controller.state.connection?.clinicId).toBe(shared.server.clinic.clinicId);
    expect(pc.controller.state.sync.state).toBe('synced');
  });

  it('forgets the clinic on disconnect', async () => {
    const pc = newPc();
    await pc.api.connect({ serverUrl: shared.server.url, clinicId: shared.server.clinic.clinicId, token: shared.server.clinic.token });
    const result = await pc.api.disconnect();
    expect(result).toMatchObject({ ok: true, state: { connection: null, server: null, presence: null, status: { tone: 'not-connected' } } });
    const reopened = pc.restart();
    shared.track(reopened);
    expect(reopened.controller.state.connection).toBeNull();
  });

  it('rebuilds a local copy that had to be dropped from the settings file, from the server', async () => {
    const pc = newPc();
    await pc.api.connect({ serverUrl: shared.server.url, clinicId: shared.server.clinic.clinicId, token: shared.server.clinic.token });
    pc.controller.stop();
    const file = join(pc.dir, 'config.json');
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...saved, serverCopy: { settings: { weekdays: 'all' }, version: 1, presence: {}, receivedAt: testClock.now().toISOString() } }));

    const reopened = pc.restart();
    shared.track(reopened);
    expect(reopened.controller.state.notices.map((notice) => notice.kind)).toContain('store-data-dropped');
    const state = await waitFor(() => reopened.controller.state, (current) => current.server !== null);
    expect(state.server?.version).toBe((await shared.server.settings()).version);
    expect(state.status.tone).not.toBe('not-connected');
  });
});
