// What the staff UI's end-to-end tests run against: the real chat server (SQLite in a temporary
// directory, restartable on the same port) and real preview hosts — one per "PC", each with its own
// data directory — opened in real Chromium. Time is the test's: the server, every PC's controller and
// every PC's window run on one clock from a chosen instant (real time elapses from there), never the
// machine's date, hour or zone.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { ChatSettings } from '../../core/schemas/schedule.ts';
import { apiPaths } from '../../core/http-paths.ts';
import type { AvailabilityResponse, SettingsResponse } from '../../core/schemas/http-api.ts';
import type { Clock } from '../../main/controller/clock.ts';
import { startPreviewHost } from '../../main/preview/preview-host.ts';
import type { PreviewHost } from '../../main/preview/preview-host.ts';
import { RunningClock } from '../main/support/running-clock.ts';
import { RestartableServer, createClinicThroughApi, createTestStorage, editSettingsThroughApi, startServer, staffRequest } from '../server/helpers/test-server.ts';
import type { TestStorage } from '../server/helpers/test-server.ts';

const rendererIndex = join(import.meta.dirname, '../../out/renderer/index.html');
export const screenshotDir = join(import.meta.dirname, '../../docs/screenshots');

export function requireBuiltRenderer(): void {
  if (!existsSync(rendererIndex)) throw new Error('The renderer is not built: run `npx electron-vite build` first.');
}

/**
 * Wednesday 2 December 2026, 12:00 in London (GMT): the default 09:00–18:00 hours stay open for the
 * whole of a test, so an "offline" answer is the switch's doing.
 */
export const E2E_START = new Date('2026-12-02T12:00:00Z');

export type Clinic = { clinicId: string; token: string; timezone: string };

export class ClinicServer extends RestartableServer {
  /** The server's clock, which the PCs share: `clock.shift` moves time on for all of them at once. */
  readonly clock: RunningClock;

  constructor(storage: TestStorage, start: Date) {
    const clock = new RunningClock(start);
    super(storage, { rateLimitPerMinute: 100_000, heartbeatMs: 2_000, now: clock.now });
    this.clock = clock;
  }

  static async startAt(start = E2E_START): Promise<ClinicServer> {
    const server = new ClinicServer(await createTestStorage('sqlite'), start);
    await server.start();
    return server;
  }

  now(): Date {
    return this.clock.now();
  }

  async createClinic(name = 'Riverside Vets', timezone = 'Europe/London'): Promise<Clinic> {
    const created = await createClinicThroughApi(this, name, timezone);
    return { clinicId: created.clinicId, token: created.token, timezone };
  }

  async settings(clinic: Clinic): Promise<SettingsResponse> {
    return (await staffRequest(this.url, 'GET', apiPaths.settings(clinic.clinicId), clinic.token)) as SettingsResponse;
  }

  /** Changes the settings through the staff API, as another PC (or an admin) would. */
  async editSettings(clinic: Clinic, change: (settings: ChatSettings) => ChatSettings): Promise<void> {
    await editSettingsThroughApi(this.url, clinic, change);
  }

  /**
   * The public answer the website widget gets, now or at another instant: the latter from a second
   * instance on the same data whose clock reads that instant, so the PCs' server keeps its own clock
   * (and the Date headers they correct their clocks by). It keeps everything, whatever that instant.
   */
  async availability(clinic: Clinic, at?: Date): Promise<AvailabilityResponse> {
    const path = apiPaths.availability(clinic.clinicId);
    if (!at) return (await staffRequest(this.url, 'GET', path, null)) as AvailabilityResponse;
    const instance = await startServer(this.storage, { now: () => at, historyRetentionDays: 36_500, eventRetentionDays: 36_500 });
    try {
      return (await staffRequest(instance.url, 'GET', path, null)) as AvailabilityResponse;
    } finally {
      await instance.close();
    }
  }
}

/** One clinic PC: a preview host with its own data directory, opened in its own browser context. */
export type Pc = { host: PreviewHost; context: BrowserContext; page: Page; dispose(): Promise<void> };

export type PcOptions = {
  pcName: string;
  connectTo?: { server: ClinicServer; clinic: Clinic };
  hash?: string;
  /** This PC's clock: its controller's and its window's (default: the server's clock, or E2E_START's). */
  clock?: Clock;
};

export async function openPc(browser: Browser, options: PcOptions): Promise<Pc> {
  requireBuiltRenderer();
  const dataDir = await mkdtemp(join(tmpdir(), 'ui-e2e-pc-'));
  const { connectTo } = options;
  const clock = options.clock ?? connectTo?.server.clock ?? new RunningClock(E2E_START);
  const host = await startPreviewHost({
    dataDir,
    port: 0,
    pcName: options.pcName,
    locale: 'en-GB',
    clock,
    ...(connectTo ? { connect: { serverUrl: connectTo.server.url, clinicId: connectTo.clinic.clinicId, token: connectTo.clinic.token } } : {}),
  });
  if (host.connected && !host.connected.ok) throw new Error(`The preview host could not connect: ${host.connected.error.message}`);
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1100, height: 820 } });
  // The window reads the same clock as its controller; from here on it runs in real time.
  await context.clock.install({ time: clock.now() });
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
  connectedPc(browser: Browser, pcName: string, hash?: string, options?: Pick<PcOptions, 'clock'>): Promise<Pc>;
  /** A PC that has never been connected (the first-run form), on the server's clock. */
  newPc(browser: Browser, pcName: string): Promise<Pc>;
};

/** A fresh server (its clock at `start`, E2E_START by default) and clinic for each test of the file, and every PC opened in it closed after. */
export function clinicPerTest(options: { timezone?: string; start?: Date } = {}): ClinicPerTest {
  let server: ClinicServer | null = null;
  let clinic: Clinic | null = null;
  const pcs: Pc[] = [];
  test.beforeEach(async () => {
    server = await ClinicServer.startAt(options.start);
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
    async connectedPc(browser: Browser, pcName: string, hash = '#/now', options: Pick<PcOptions, 'clock'> = {}): Promise<Pc> {
      const pc = await openPc(browser, { pcName, connectTo: { server: current.server, clinic: current.clinic }, hash, ...options });
      pcs.push(pc);
      await expect(pc.page.getByRole('switch', { name: 'Chat online' })).toBeVisible();
      return pc;
    },
    async newPc(browser: Browser, pcName: string): Promise<Pc> {
      const pc = await openPc(browser, { pcName, clock: current.server.clock });
      pcs.push(pc);
      return pc;
    },
  });
}
