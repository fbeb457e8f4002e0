// What the staff UI's end-to-end tests run against: the real chat server (SQLite in a temporary
// directory, restartable on the same port, its clock movable) and real preview hosts — one per
// "PC", each with its own data directory — opened in real Chromium.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { DateTime } from 'luxon';
import type { ChatSettings } from '../../core/index.ts';
import { apiPaths } from '../../core/http-contract.ts';
import type { AvailabilityResponse, SettingsResponse } from '../../core/http-contract.ts';
import type { Clock } from '../../main/app/clock.ts';
import { startPreviewHost } from '../../main/preview/preview-host.ts';
import type { PreviewHost } from '../../main/preview/preview-host.ts';
import { RestartableServer, createClinicThroughApi, createTestStorage, editSettingsThroughApi, staffRequest } from '../server/helpers/test-server.ts';
import type { TestStorage } from '../server/helpers/test-server.ts';

const rendererIndex = join(import.meta.dirname, '../../out/renderer/index.html');
export const screenshotDir = join(import.meta.dirname, '../../docs/screenshots');

export function requireBuiltRenderer(): void {
  if (!existsSync(rendererIndex)) throw new Error('The renderer is not built: run `npx electron-vite build` first.');
}

/**
 * A clinic zone where it is around midday now, so the default 09:00–18:00 hours are open for the
 * whole run whatever time the tests start (an "offline" answer needs open hours).
 */
export function middayZone(now = DateTime.utc()): string {
  const zones = ['Pacific/Kiritimati', 'Pacific/Auckland', 'Australia/Sydney', 'Asia/Tokyo', 'Asia/Shanghai', 'Asia/Bangkok', 'Asia/Dhaka', 'Asia/Karachi', 'Asia/Dubai',
    'Europe/Moscow', 'Europe/Athens', 'Europe/Paris', 'Europe/London', 'Atlantic/Azores', 'America/Noronha', 'America/Sao_Paulo', 'America/New_York',
    'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/Anchorage', 'Pacific/Honolulu', 'Pacific/Pago_Pago'];
  const distance = (zone: string): number => {
    const local = now.setZone(zone);
    return Math.abs(local.hour * 60 + local.minute - 12 * 60 - 30);
  };
  return zones.reduce((best, zone) => (distance(zone) < distance(best) ? zone : best));
}

export type Clinic = { clinicId: string; token: string; timezone: string };

export class ClinicServer {
  /** Added to the real time for the server's clock; the availability checks move it to a chosen instant. */
  #offsetMs = 0;
  /** Time moved on for good (see shiftClock), on top of `#offsetMs`. */
  #shiftMs = 0;
  readonly #server: RestartableServer;

  constructor(storage: TestStorage) {
    this.#server = new RestartableServer(storage, {
      rateLimitPerMinute: 100_000,
      heartbeatMs: 2_000,
      now: () => new Date(Date.now() + this.#shiftMs + this.#offsetMs),
    });
  }

  static async start(): Promise<ClinicServer> {
    const server = new ClinicServer(await createTestStorage('sqlite'));
    await server.start();
    return server;
  }

  get url(): string {
    return this.#server.url;
  }

  /** Starts the server; after stop(), on the same port with the same data (the PCs reconnect to it). */
  start(): Promise<void> {
    return this.#server.start();
  }

  /** Moves the server's clock on by `ms` from now on, as the PCs' ShiftableClock moves theirs. */
  shiftClock(ms: number): void {
    this.#shiftMs += ms;
  }

  /** The server's clock (real time plus any shift). */
  now(): Date {
    return new Date(Date.now() + this.#shiftMs);
  }

  stop(): Promise<void> {
    return this.#server.stop();
  }

  dispose(): Promise<void> {
    return this.#server.dispose();
  }

  async createClinic(name = 'Riverside Vets', timezone = middayZone()): Promise<Clinic> {
    const created = await createClinicThroughApi(this.#server, name, timezone);
    return { clinicId: created.clinicId, token: created.token, timezone };
  }

  async settings(clinic: Clinic): Promise<SettingsResponse> {
    return (await staffRequest(this.url, 'GET', apiPaths.settings(clinic.clinicId), clinic.token)) as SettingsResponse;
  }

  /** Changes the settings through the staff API, as another PC (or an admin) would. */
  async editSettings(clinic: Clinic, change: (settings: ChatSettings) => ChatSettings): Promise<void> {
    await editSettingsThroughApi(this.url, clinic, change);
  }

  /** The public answer the website widget gets, now or (by moving the server's clock) at an instant. */
  async availability(clinic: Clinic, at?: Date): Promise<AvailabilityResponse> {
    this.#offsetMs = at ? at.getTime() - Date.now() - this.#shiftMs : 0;
    try {
      return (await staffRequest(this.url, 'GET', apiPaths.availability(clinic.clinicId), null)) as AvailabilityResponse;
    } finally {
      this.#offsetMs = 0;
    }
  }
}

/** One clinic PC: a preview host with its own data directory, opened in its own browser context. */
export type Pc = { host: PreviewHost; context: BrowserContext; page: Page; dispose(): Promise<void> };

export type PcOptions = {
  pcName: string;
  connectTo?: { server: ClinicServer; clinic: Clinic };
  hash?: string;
  /** The page's Date, fixed at this instant (timers keep running): for what the window computes from "today". */
  browserTime?: Date;
  /** The preview host's controller clock (default: the system's). */
  clock?: Clock;
  /** Where the PC reaches the server, when not directly (a proxy in between: see ui-moved-time.ts). */
  serverUrl?: string;
};

export async function openPc(browser: Browser, options: PcOptions): Promise<Pc> {
  requireBuiltRenderer();
  const dataDir = await mkdtemp(join(tmpdir(), 'ui-e2e-pc-'));
  const { connectTo } = options;
  const host = await startPreviewHost({
    dataDir,
    port: 0,
    pcName: options.pcName,
    locale: 'en-GB',
    ...(options.clock ? { clock: options.clock } : {}),
    ...(connectTo ? { connect: { serverUrl: options.serverUrl ?? connectTo.server.url, clinicId: connectTo.clinic.clinicId, token: connectTo.clinic.token } } : {}),
  });
  if (host.connected && !host.connected.ok) throw new Error(`The preview host could not connect: ${host.connected.error.message}`);
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1100, height: 820 } });
  if (options.browserTime) await context.clock.setFixedTime(options.browserTime);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  // The renderer's CSP forbids inline scripts and styles; anything the page tries against it is a bug.
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy')) problems.push(message.text());
  });
  await page.goto(`${host.url}${options.hash ?? ''}`);
  return {
    host,
    context,
    page,
    dispose: async () => {
      await context.close();
      await host.close();
      await rm(dataDir, { recursive: true, force: true });
      expect(problems, 'errors thrown in the page, CSP violations').toEqual([]);
    },
  };
}

/** @axe-core/playwright over the whole page: WCAG 2.1 A/AA and best practices, no violations. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`)).toEqual([]);
}

/**
 * Saves the screen in the light and the dark theme (the UI follows the OS), and checks both with axe.
 * The window is made as tall as the page for the picture, so sticky parts (header, Save bar) sit where
 * a tall window would show them rather than over the middle of a stitched full-page image.
 */
export async function captureScreen(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page);
    if (viewport) {
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
    }
    await page.screenshot({ path: join(screenshotDir, `${name}-${colorScheme}.png`) });
    if (viewport) await page.setViewportSize(viewport);
  }
  await page.emulateMedia({ colorScheme: null });
}

export type ClinicPerTest = {
  readonly server: ClinicServer;
  readonly clinic: Clinic;
  /** A PC already connected to the clinic, showing `hash`, once its header is up. */
  connectedPc(browser: Browser, pcName: string, hash?: string, options?: Pick<PcOptions, 'browserTime' | 'clock' | 'serverUrl'>): Promise<Pc>;
  /** A PC that has never been connected (the first-run form). */
  newPc(browser: Browser, pcName: string): Promise<Pc>;
};

/** A fresh server and clinic for each test of the file, and every PC opened in it closed after. */
export function clinicPerTest(options: { timezone?: string } = {}): ClinicPerTest {
  let server: ClinicServer | null = null;
  let clinic: Clinic | null = null;
  const pcs: Pc[] = [];
  test.beforeEach(async () => {
    server = await ClinicServer.start();
    clinic = await server.createClinic(undefined, options.timezone);
  });
  test.afterEach(async () => {
    for (const pc of pcs.splice(0)) await pc.dispose();
    await server?.dispose();
  });
  const current = {
    get server(): ClinicServer {
      if (!server) throw new Error('No server outside a test');
      return server;
    },
    get clinic(): Clinic {
      if (!clinic) throw new Error('No clinic outside a test');
      return clinic;
    },
  };
  return Object.assign(current, {
    async connectedPc(browser: Browser, pcName: string, hash = '#/now', options: Pick<PcOptions, 'browserTime' | 'clock' | 'serverUrl'> = {}): Promise<Pc> {
      const pc = await openPc(browser, { pcName, connectTo: { server: current.server, clinic: current.clinic }, hash, ...options });
      pcs.push(pc);
      await expect(pc.page.getByRole('switch', { name: 'Chat online' })).toBeVisible();
      return pc;
    },
    async newPc(browser: Browser, pcName: string): Promise<Pc> {
      const pc = await openPc(browser, { pcName });
      pcs.push(pc);
      return pc;
    },
  });
}
