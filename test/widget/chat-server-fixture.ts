// The real chat server for the widget's browser tests: a fresh SQLite directory, an admin token, an
// injected clock, and a staff client that changes settings and presence through the staff API, the
// way the desktop app does.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChatSettings } from '../../core/schedule.ts';
import { apiPaths, versionTag } from '../../core/http-contract.ts';
import type { CreateClinicResponse, PresenceUpdate, SettingsResponse } from '../../core/http-contract.ts';
import { createChatServer } from '../../server/server.ts';
import type { RunningServer } from '../../server/server.ts';

/** The server's clock, moved by the test in step with the page's (page.clock). */
export class TestClock {
  #now: number;
  constructor(start: Date) {
    this.#now = start.getTime();
  }
  now = (): Date => new Date(this.#now);
  advance(ms: number): void {
    this.#now += ms;
  }
}

export type StaffClient = {
  clinicId: string;
  editSettings(change: (settings: ChatSettings) => ChatSettings): Promise<void>;
  setPresence(update: PresenceUpdate): Promise<void>;
};

export class ChatServerFixture {
  readonly clock: TestClock;
  readonly #adminToken = randomUUID();
  #dataDir = '';
  #server: RunningServer | null = null;
  #port = 0;

  constructor(clock: TestClock) {
    this.clock = clock;
  }

  /** A started server whose clock reads `instant` until the test moves it. */
  static async startAt(instant: Date): Promise<ChatServerFixture> {
    const fixture = new ChatServerFixture(new TestClock(instant));
    await fixture.start();
    return fixture;
  }

  get url(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  /** Starts the server; after stop(), starts it again on the same port with the same data. */
  async start(): Promise<void> {
    this.#dataDir ||= await mkdtemp(join(tmpdir(), 'widget-e2e-'));
    // A high rate limit: one test posts several messages from the same address.
    this.#server = await createChatServer({ port: this.#port, dataDir: this.#dataDir, adminToken: this.#adminToken, rateLimitPerMinute: 10_000, now: this.clock.now });
    this.#port = this.#server.port;
  }

  async stop(): Promise<void> {
    await this.#server?.close();
    this.#server = null;
  }

  async dispose(): Promise<void> {
    await this.stop();
    if (this.#dataDir) await rm(this.#dataDir, { recursive: true, force: true });
  }

  demoUrl(clinicId: string): string {
    return this.url + apiPaths.demo(clinicId);
  }

  async createClinic(name: string, timezone = 'Europe/London'): Promise<StaffClient> {
    const created = (await this.#call('POST', apiPaths.adminClinics, this.#adminToken, { name, timezone }, 201)) as CreateClinicResponse;
    const { clinicId, token } = created;
    return {
      clinicId,
      editSettings: async (change) => {
        const current = (await this.#call('GET', apiPaths.settings(clinicId), token, undefined, 200)) as SettingsResponse;
        await this.#call('PUT', apiPaths.settings(clinicId), token, change(current.settings), 200, { 'if-match': versionTag(current.version) });
      },
      setPresence: async (update) => {
        await this.#call('PUT', apiPaths.presence(clinicId), token, update, 200);
      },
    };
  }

  async #call(method: string, path: string, token: string, body: unknown, expectedStatus: number, extraHeaders: Record<string, string> = {}): Promise<unknown> {
    const response = await fetch(this.url + path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...extraHeaders },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== expectedStatus) throw new Error(`${method} ${path}: expected ${expectedStatus}, got ${response.status} ${text}`);
    return JSON.parse(text) as unknown;
  }
}
