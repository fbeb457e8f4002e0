// Real servers for tests: an ephemeral port on 127.0.0.1, a real SQLite file in a temporary
// directory (or a real PostgreSQL database), and small helpers to call the API as staff or as the widget.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiPaths } from '../../../core/http-paths.ts';
import { versionTag } from '../../../core/schemas/http-api.ts';
import type { CreateClinicResponse, SettingsResponse } from '../../../core/schemas/http-api.ts';
import type { ChatSettings } from '../../../core/schemas/schedule.ts';
import { createChatServer } from '../../../server/server.ts';
import type { RunningServer, ServerConfig } from '../../../server/server.ts';
import { testClock } from '../../main/support/running-clock.ts';
import { createTestDatabase, postgresUrl } from './postgres.ts';

export type Backend = 'sqlite' | 'postgres';
export const ADMIN_TOKEN = 'test-admin-token';

/** SQLite always; PostgreSQL too unless left out with TEST_DATABASE_URL=none (see vitest.config.ts). */
export const backends: Backend[] = postgresUrl ? ['sqlite', 'postgres'] : ['sqlite'];

export function temporaryDirectory(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'chatdesk-server-test-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Where a test's servers keep their data; several servers may share it (instances of one deployment). */
export type TestStorage = { dataDir: string; databaseUrl: string | undefined; dispose(): Promise<void> };

export async function createTestStorage(backend: Backend): Promise<TestStorage> {
  const directory = temporaryDirectory();
  if (backend === 'sqlite') return { dataDir: directory.path, databaseUrl: undefined, dispose: async () => directory.remove() };
  const database = await createTestDatabase();
  return {
    dataDir: directory.path,
    databaseUrl: database.url,
    dispose: async () => {
      await database.drop();
      directory.remove();
    },
  };
}

/** A server on the test file's clock (see running-clock.ts) unless `config.now` sets another: never the machine's. */
export async function startServer(storage: TestStorage, config: Partial<ServerConfig> = {}): Promise<RunningServer> {
  return createChatServer({
    dataDir: storage.dataDir,
    ...(storage.databaseUrl ? { databaseUrl: storage.databaseUrl } : {}),
    adminToken: ADMIN_TOKEN,
    logLevel: 'silent',
    now: testClock.now,
    ...config,
  });
}

/** `staff`: the headers a PC of the clinic sends (its name goes with settings saves, for the history). */
export type TestClinic = CreateClinicResponse & { staff: Record<string, string> };

export async function createClinicThroughApi(server: { url: string }, name = 'Riverside Vets', timezone = 'Europe/London'): Promise<TestClinic> {
  const response = await fetch(`${server.url}/v1/admin/clinics`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name, timezone }),
  });
  if (response.status !== 201) throw new Error(`creating a clinic answered ${response.status}: ${await response.text()}`);
  const created = (await response.json()) as CreateClinicResponse;
  return { ...created, staff: { authorization: `Bearer ${created.token}`, 'x-changed-by': 'Test PC' } };
}

/**
 * A server that can be stopped and started again on the same port with the same data: an outage or a
 * restart, as the desktop app and the widget see it. Used by the controller, UI and widget tests.
 */
export class RestartableServer {
  readonly storage: TestStorage;
  readonly #config: Partial<ServerConfig>;
  #server: RunningServer | null = null;
  #port = 0;

  constructor(storage: TestStorage, config: Partial<ServerConfig> = {}) {
    this.storage = storage;
    this.#config = config;
  }

  static async start(config: Partial<ServerConfig> = {}): Promise<RestartableServer> {
    const server = new RestartableServer(await createTestStorage('sqlite'), config);
    await server.start();
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  get running(): boolean {
    return this.#server !== null;
  }

  async start(): Promise<void> {
    this.#server ??= await startServer(this.storage, { ...this.#config, port: this.#port });
    this.#port = this.#server.port;
  }

  async stop(): Promise<void> {
    await this.#server?.close();
    this.#server = null;
  }

  async dispose(): Promise<void> {
    await this.stop();
    await this.storage.dispose();
  }
}

/** A staff API call as a PC makes it: the parsed answer, or an error saying what the server answered. */
export async function staffRequest(baseUrl: string, method: string, path: string, token: string | null, body?: unknown, headers: Record<string, string> = {}): Promise<unknown> {
  const response = await call(baseUrl + path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    ...(body === undefined ? {} : { json: body }),
  });
  if (response.status < 200 || response.status > 299) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Changes a clinic's settings as another PC would: read the current version, then save with If-Match. */
export async function editSettingsThroughApi(baseUrl: string, clinic: { clinicId: string; token: string }, change: (settings: ChatSettings) => ChatSettings): Promise<SettingsResponse> {
  const current = (await staffRequest(baseUrl, 'GET', apiPaths.settings(clinic.clinicId), clinic.token)) as SettingsResponse;
  const headers = { 'if-match': versionTag(current.version), 'x-changed-by': 'Test PC' };
  return (await staffRequest(baseUrl, 'PUT', apiPaths.settings(clinic.clinicId), clinic.token, change(current.settings), headers)) as SettingsResponse;
}

export type JsonResponse<T = unknown> = { status: number; headers: Headers; body: T };

/** One request with a JSON body (when given), answering status, headers and the parsed body. */
export async function call<T = unknown>(url: string, init: { method?: string; headers?: Record<string, string>; json?: unknown; body?: string } = {}): Promise<JsonResponse<T>> {
  const headers = { ...(init.json === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers };
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers,
    ...(init.json === undefined ? (init.body === undefined ? {} : { body: init.body }) : { body: JSON.stringify(init.json) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text === '' ? null : JSON.parse(text)) as T };
}

/** Polls until `check` passes or the deadline ends; returns the last value. For a noisy 2-core machine. */
export async function eventually<T>(read: () => Promise<T> | T, check: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value) || performance.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export type ErrorResponse = { error: { code: string; message: string; details?: { path: string; message: string }[] } };
