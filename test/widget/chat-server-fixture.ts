// The real chat server for the widget's browser tests: a fresh SQLite directory, an admin token, an
// injected clock, and a staff client that changes settings and presence through the staff API, the
// way the desktop app does.
import type { ChatSettings } from '../../core/schemas/schedule.ts';
import { apiPaths } from '../../core/http-paths.ts';
import type { PresenceUpdate } from '../../core/schemas/http-api.ts';
import { RestartableServer, createClinicThroughApi, createTestStorage, editSettingsThroughApi, staffRequest } from '../server/helpers/test-server.ts';
import type { TestStorage } from '../server/helpers/test-server.ts';

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
  readonly #server: RestartableServer;

  constructor(clock: TestClock, storage: TestStorage) {
    this.clock = clock;
    // A high rate limit: one test posts several messages from the same address.
    this.#server = new RestartableServer(storage, { rateLimitPerMinute: 10_000, now: clock.now });
  }

  /** A started server whose clock reads `instant` until the test moves it. */
  static async startAt(instant: Date): Promise<ChatServerFixture> {
    const fixture = new ChatServerFixture(new TestClock(instant), await createTestStorage('sqlite'));
    await fixture.start();
    return fixture;
  }

  get url(): string {
    return this.#server.url;
  }

  /** Starts the server; after stop(), starts it again on the same port with the same data. */
  start(): Promise<void> {
    return this.#server.start();
  }

  stop(): Promise<void> {
    return this.#server.stop();
  }

  dispose(): Promise<void> {
    return this.#server.dispose();
  }

  demoUrl(clinicId: string): string {
    return this.url + apiPaths.demo(clinicId);
  }

  async createClinic(name: string, timezone = 'Europe/London'): Promise<StaffClient> {
    const clinic = await createClinicThroughApi(this.#server, name, timezone);
    return {
      clinicId: clinic.clinicId,
      editSettings: async (change) => {
        await editSettingsThroughApi(this.url, clinic, change);
      },
      setPresence: async (update) => {
        await staffRequest(this.url, 'PUT', apiPaths.presence(clinic.clinicId), clinic.token, update);
      },
    };
  }
}
