// The window's other side in component tests: the real AppController with a Conf store in a temporary
// directory, behind the same validated AppApi the preload and the preview host give, connected to a real
// server on an ephemeral port. Server, controller and window share one clock per test (Wednesday
// 25 November 2026, 10:00 in London, plus the time the test has run), never the machine's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { appApiOperations } from '../../../core/schemas/app-api.ts';
import type { AppApi, AppState } from '../../../core/schemas/app-api.ts';
import type { ChatSettings } from '../../../core/schemas/schedule.ts';
import { headers, versionTag } from '../../../core/schemas/http-api.ts';
import type { SettingsResponse } from '../../../core/schemas/http-api.ts';
import { apiPaths } from '../../../core/http-paths.ts';
import { AppController } from '../../../main/controller/app-controller.ts';
import { validatedAppApi } from '../../../main/controller/app-operations.ts';
import { applyFleet } from '../../../main/fleet/fleet.ts';
import type { Fleet } from '../../../main/fleet/fleet.ts';
import type { SecretBox } from '../../../main/store/secret-box.ts';
import { openAppStore } from '../../../main/store/store.ts';
import type { AppStore } from '../../../main/store/store.ts';
import { testBackoff, waitFor } from '../../main/support/controller-harness.ts';
import { RunningClock, TEST_START } from '../../main/support/running-clock.ts';
import { RestartableServer, createClinicThroughApi, staffRequest } from '../../server/helpers/test-server.ts';
import type { TestClinic } from '../../server/helpers/test-server.ts';

export { TEST_START } from '../../main/support/running-clock.ts';

/** A secret store that can encrypt (reversibly), as on a PC with a keyring: no plain-text token notice. */
export const keyringBox: SecretBox = {
  isEncryptionAvailable: () => true,
  encrypt: (text) => Buffer.from(text).toString('base64'),
  decrypt: (text) => Buffer.from(text, 'base64').toString(),
};

export type DeskOptions = {
  /** The clinic's settings, saved on the server (as another PC would) before this PC connects. */
  settings?: ChatSettings;
  /** False: a PC that has never been connected (the first-run form). */
  connected?: boolean;
  /** What the IT administrator locked, given the server and clinic (fleet configuration). */
  /** The IT administrator's configuration for this PC, applied at start as main does. */
  fleet?: (server: { url: string; clinic: TestClinic }) => Fleet;
  secretBox?: SecretBox;
  start?: Date;
};

export type Desk = {
  /** The validated AppApi, recording each call; a test may replace an operation to break the bridge (the Electron seam). */
  api: AppApi;
  calls: { operation: string; args: unknown[] }[];
  controller: AppController;
  store: AppStore;
  clock: RunningClock;
  serverUrl: string;
  clinic: TestClinic;
  /** The clinic's settings as the server holds them. */
  settings(): Promise<SettingsResponse>;
  /** Another PC ("Reception") saves settings through the staff API. */
  saveFromAnotherPc(change: (settings: ChatSettings) => ChatSettings): Promise<SettingsResponse>;
  /** An outage: the server stops, and starts again on the same port with the same data. */
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
  /** Resolves once main's state passes `accept` (a change from the server has arrived). */
  until(accept: (state: AppState) => boolean): Promise<AppState>;
};

const disposers: (() => void | Promise<void>)[] = [];

/** Runs after the test, before what was opened earlier is closed. */
export function disposeAfterTest(dispose: () => void | Promise<void>): void {
  disposers.push(dispose);
}

afterEach(async () => {
  cleanup();
  for (const dispose of disposers.splice(0).reverse()) await dispose();
});

export async function openDesk(options: DeskOptions = {}): Promise<Desk> {
  const clock = new RunningClock(options.start ?? TEST_START);
  const server = await RestartableServer.start({ now: clock.now });
  const dir = mkdtempSync(join(tmpdir(), 'chatdesk-window-'));
  const store = openAppStore({ directory: dir, secretBox: options.secretBox ?? keyringBox, hostname: 'Front desk 1', now: clock.now });
  disposeAfterTest(async () => {
    await server.dispose();
    rmSync(dir, { recursive: true, force: true });
  });
  const clinic = await createClinicThroughApi(server);
  const saveAs = async (changedBy: string, change: (settings: ChatSettings) => ChatSettings) => {
    const current = (await staffRequest(server.url, 'GET', apiPaths.settings(clinic.clinicId), clinic.token)) as SettingsResponse;
    const sent = { [headers.ifMatch]: versionTag(current.version), [headers.changedBy]: changedBy };
    return (await staffRequest(server.url, 'PUT', apiPaths.settings(clinic.clinicId), clinic.token, change(current.settings), sent)) as SettingsResponse;
  };
  if (options.settings) await saveAs('Set-up', () => options.settings!);
  const fleet = options.fleet?.({ url: server.url, clinic });
  if (fleet) applyFleet(fleet, store, 'Front desk 1');
  const controller = new AppController({ store, clock, backoff: testBackoff, ...(fleet ? { fleet } : {}) });
  disposeAfterTest(() => controller.stop());
  controller.start();
  const validated = validatedAppApi(controller.handlers, controller.subscribe, (operation, error) => {
    throw new Error(`${operation} failed inside the controller`, { cause: error });
  });
  const calls: Desk['calls'] = [];
  const api = { ...validated };
  for (const operation of appApiOperations) {
    Object.assign(api, { [operation]: (...args: unknown[]) => (calls.push({ operation, args }), (validated[operation] as (...a: unknown[]) => unknown)(...args)) });
  }
  const until = (accept: (state: AppState) => boolean) => waitFor(() => controller.state, accept);
  if (options.connected !== false) {
    const connected = await api.connect({ serverUrl: server.url, clinicId: clinic.clinicId, token: clinic.token });
    if (!connected.ok) throw new Error(`connect failed: ${connected.error.message}`);
    await until((state) => state.sync.state === 'synced');
  }
  return {
    api,
    calls,
    controller,
    store,
    clock,
    serverUrl: server.url,
    clinic,
    settings: async () => (await staffRequest(server.url, 'GET', apiPaths.settings(clinic.clinicId), clinic.token)) as SettingsResponse,
    saveFromAnotherPc: (change) => saveAs('Reception', change),
    stopServer: () => server.stop(),
    startServer: () => server.start(),
    until,
  };
}
