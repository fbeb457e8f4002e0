// The closest to launching the desktop app these machines allow: the built main bundle runs under Node
// with `electron` resolved to a double (support/electron-double.ts), against a real server, and its
// window runs the built preload. Nothing of main is replaced: store, controller, tray, IPC gateway.
import { spawnSync, fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appApiChannels } from '../../core/app-channels.ts';
import { appApiOperations } from '../../core/schemas/app-api.ts';
import type { AppResult } from '../../core/schemas/app-api.ts';
import type { Presence } from '../../core/schemas/schedule.ts';
import { apiPaths } from '../../core/http-paths.ts';
import { RestartableServer, createClinicThroughApi, staffRequest } from '../server/helpers/test-server.ts';
import type { TestClinic } from '../server/helpers/test-server.ts';
import type { DoubleRequest, Inspection } from './support/electron-double.ts';
import { waitFor } from './support/controller-harness.ts';

const root = join(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'chatdesk-composition-'));
let server: RestartableServer;
let clinic: TestClinic;
let app: ChildProcess;
const output: string[] = [];
let exited: Promise<number | null>;

let nextId = 0;
function ask<T>(request: DoubleRequest): Promise<T> {
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    const onMessage = (message: { id: number; result?: T; error?: string }) => {
      if (message.id !== id) return;
      app.off('message', onMessage);
      if (message.error) reject(new Error(`${message.error}\n${output.join('')}`));
      else resolve(message.result as T);
    };
    app.on('message', onMessage);
    app.send({ id, request });
  });
}
const inspect = () => ask<Inspection>({ do: 'inspect' });
const presence = async () => ((await staffRequest(server.url, 'GET', apiPaths.presence(clinic.clinicId), clinic.token)) as { presence: Presence }).presence;

beforeAll(async () => {
  const build = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--outDir', join(scratch, 'out'), '--logLevel', 'error'], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(build.status, build.stderr).toBe(0);
  server = await RestartableServer.start();
  clinic = await createClinicThroughApi(server);
  app = fork(join(scratch, 'out/main/index.js'), ['--pc-name=Front desk 1'], {
    cwd: root,
    execArgv: ['--import', join(import.meta.dirname, 'support/electron-hook.ts')],
    env: {
      ...process.env,
      ELECTRON_DOUBLE_USER_DATA: join(scratch, 'user-data'),
      XDG_CONFIG_HOME: join(scratch, 'config'),
      CHATDESK_FLEET_CONFIG: join(scratch, 'no-fleet.json'),
      CHATDESK_SERVER_URL: server.url,
      CHATDESK_CLINIC_ID: clinic.clinicId,
      CHATDESK_TOKEN: clinic.token,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  for (const stream of [app.stdout, app.stderr]) stream?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  exited = new Promise((resolve) => app.on('exit', (code) => resolve(code)));
}, 180_000);

afterAll(async () => {
  if (app.exitCode === null) app.kill();
  await server?.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the desktop app, built and started with Electron replaced by a double', () => {
  it('registers every AppApi channel, opens its page from the built renderer and builds the tray menu', async () => {
    const state = await waitFor(inspect, (seen) => seen.menu.length > 0 && seen.pages.length > 0);
    expect(state.channels.sort()).toEqual(Object.values(appApiChannels).sort());
    expect(state.pages).toEqual([{ url: 'chatdesk://app/index.html', status: 200 }]);
    expect(state.menu.map((item) => item.id).filter(Boolean)).toEqual(
      expect.arrayContaining(['status', 'chat-online', 'offline-for-15', 'open-business-hours', 'launch-at-login', 'quit']),
    );
  });

  it('runs the built preload, which exposes exactly the AppApi, answered by main through the IPC gateway', async () => {
    const { exposed } = await inspect();
    expect(Object.keys(exposed)).toEqual(['chatdesk']);
    expect(exposed.chatdesk?.sort()).toEqual([...appApiOperations, 'subscribe'].sort());
    const result = await ask<AppResult>({ do: 'invoke', method: 'getState', args: [] });
    expect(result).toMatchObject({ ok: true, state: { preferences: { pcName: 'Front desk 1' } } });
  });

  it('takes a click on the tray’s "Go offline for 15 minutes" through the controller to the server', async () => {
    const connected = await waitFor(inspect, (seen) => seen.menu.find((item) => item.id === 'chat-online')?.enabled === true);
    expect(connected.menu[0]?.label).not.toBe('Not connected to the clinic’s server');
    await ask({ do: 'click', id: 'offline-for-15' });
    const offline = await waitFor(presence, (seen) => !seen.online);
    expect(offline).toMatchObject({ online: false, changedBy: 'Front desk 1' });
    // The app ends the break on its server-corrected clock, which agrees with the server's to the Date header's second.
    expect(Math.round((Date.parse(offline.offlineUntil!) - Date.parse(offline.changedAt)) / 60_000)).toBe(15);
    await waitFor(inspect, (seen) => seen.menu.find((item) => item.id === 'chat-online')?.checked === false);
  });

  it('stops every timer it set when it quits, and the process then ends by itself', async () => {
    const { timers } = await ask<{ timers: string[] }>({ do: 'quit' });
    expect(timers).toEqual([]);
    app.disconnect();
    expect(await exited).toBe(0);
  });
});
