// Controllers ("PCs") and a real clinic server for the controller tests: the server runs on an
// ephemeral port with a real SQLite file, and can be stopped and started again on the same port and
// data directory, as a server restart or an outage looks to the app. Server and PCs share the test
// file's clock (running-clock.ts) unless a test gives a PC another.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { AppApi, AppState } from '../../../core/schemas/app-api.ts';
import type { Presence } from '../../../core/schemas/schedule.ts';
import { apiPaths } from '../../../core/http-paths.ts';
import type { SettingsResponse } from '../../../core/schemas/http-api.ts';
import { AppController } from '../../../main/controller/app-controller.ts';
import type { AppControllerOptions } from '../../../main/controller/app-controller.ts';
import { validatedAppApi } from '../../../main/controller/app-operations.ts';
import { noSecretBox } from '../../../main/store/secret-box.ts';
import { openAppStore } from '../../../main/store/store.ts';
import { RestartableServer, createClinicThroughApi, staffRequest } from '../../server/helpers/test-server.ts';
import type { TestClinic } from '../../server/helpers/test-server.ts';
import { testClock } from './running-clock.ts';

/** Retries fast so tests do not wait on production backoff (1 s base, 60 s cap). */
export const testBackoff = { baseMs: 20, capMs: 300 };

export type ClinicServer = {
  url: string;
  clinic: TestClinic;
  running(): boolean;
  /** Another clinic on the same server. */
  addClinic(name: string): Promise<TestClinic>;
  stop(): Promise<void>;
  start(): Promise<void>;
  settings(): Promise<SettingsResponse>;
  presence(): Promise<Presence>;
  dispose(): Promise<void>;
};

export async function startClinicServer(): Promise<ClinicServer> {
  const server = await RestartableServer.start();
  const clinic = await createClinicThroughApi(server);
  const get = (path: string) => staffRequest(server.url, 'GET', path, clinic.token);
  return {
    url: server.url,
    clinic,
    running: () => server.running,
    addClinic: (name) => createClinicThroughApi(server, name),
    stop: () => server.stop(),
    start: () => server.start(),
    settings: async () => (await get(apiPaths.settings(clinic.clinicId))) as SettingsResponse,
    presence: async () => ((await get(apiPaths.presence(clinic.clinicId))) as { presence: Presence }).presence,
    dispose: () => server.dispose(),
  };
}

/** For each test: a fresh data directory and an address where nothing listens; the controllers it tracks stopped after it. */
export function offlinePcPerTest(): { readonly dir: string; readonly deadAddress: string; track(controller: AppController): AppController } {
  let dir = '';
  let deadAddress = '';
  const controllers: AppController[] = [];
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chatdesk-pc-'));
    deadAddress = await unreachableAddress();
  });
  afterEach(() => {
    for (const controller of controllers.splice(0)) controller.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir;
    },
    get deadAddress() {
      return deadAddress;
    },
    track: (controller) => {
      controllers.push(controller);
      return controller;
    },
  };
}

/** One clinic server for a test file, and the PCs its tests open, disposed after each test. */
export function clinicServerForFile(): { readonly server: ClinicServer; openPc(options?: Parameters<typeof openPc>[0]): TestPc; track(pc: TestPc): TestPc } {
  let server: ClinicServer | null = null;
  const pcs: TestPc[] = [];
  beforeAll(async () => {
    server = await startClinicServer();
  });
  afterAll(() => server?.dispose());
  afterEach(() => {
    for (const pc of pcs.splice(0)) pc.dispose();
  });
  return {
    get server() {
      if (server === null) throw new Error('the clinic server starts in beforeAll');
      return server;
    },
    openPc: (options) => {
      const pc = openPc(options);
      pcs.push(pc);
      return pc;
    },
    track: (pc) => {
      pcs.push(pc);
      return pc;
    },
  };
}

export type TestPc = {
  dir: string;
  controller: AppController;
  /** The AppApi as the renderer gets it: every argument checked by the contract's schemas. */
  api: AppApi;
  /** Opens the same data directory again with a new controller, as after an app restart. */
  restart(): TestPc;
  dispose(): void;
};

export function openPc(options: { pcName?: string; dir?: string } & Partial<Omit<AppControllerOptions, 'store'>> = {}): TestPc {
  const { pcName, dir = mkdtempSync(join(tmpdir(), 'chatdesk-pc-')), clock = testClock, ...controllerOptions } = options;
  const store = openAppStore({ directory: dir, secretBox: noSecretBox, hostname: pcName ?? 'TEST-PC', now: () => clock.now() });
  if (pcName) store.setPreference({ key: 'pcName', value: pcName });
  const controller = new AppController({ store, clock, backoff: testBackoff, ...controllerOptions });
  controller.start();
  return {
    dir,
    controller,
    api: validatedAppApi(controller.handlers, controller.subscribe, (operation, error) => {
      throw new Error(`${operation} failed inside the controller`, { cause: error });
    }),
    restart() {
      controller.stop();
      return openPc({ ...options, dir });
    },
    dispose() {
      controller.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function connectPc(pc: TestPc, server: ClinicServer): Promise<AppState> {
  const result = await pc.api.connect({ serverUrl: server.url, clinicId: server.clinic.clinicId, token: server.clinic.token });
  if (!result.ok) throw new Error(`connect failed: ${result.error.message}`);
  return result.state;
}

/** Polls `read` until `accept` holds, failing with the last value seen after `timeoutMs`. */
export async function waitFor<T>(read: () => T | Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  let last: T = await read();
  while (!accept(last)) {
    if (performance.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(last)?.slice(0, 600)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
    last = await read();
  }
  return last;
}

/** Resolves once the controller's stream is open and everything waiting has been sent. */
export function settled(pc: TestPc, timeoutMs?: number): Promise<AppState> {
  return waitFor(() => pc.controller.state, (state) => state.sync.state === 'synced', timeoutMs);
}

/** An address on this PC where nothing listens (a port just freed): the app must work from its local copy. */
export async function unreachableAddress(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
  await new Promise((resolve) => probe.close(resolve));
  return address;
}
