// The staff UI's load budget, in Chromium, beside an empty page served by the same host in the same run:
// - time from navigation start until a screen is interactive (target: Business Hours grid ≤ 300 ms),
//   cold (a new browser context each run: empty HTTP cache, as on a fresh install) and warm (the same
//   tab navigated again: /assets/* are served immutable, so scripts come from the cache);
// - the JavaScript each first screen really loads, as Chromium fetches it (gzip -9 of each response;
//   target ≤ 150 KB): the connection screen a new install shows first, and the Business Hours screen
//   once connected. Both are served by the real preview host, the grid connected to a real server.
//   npx electron-vite build && npm run bench:ui      (RUNS=15, TIMEOUT_MS=30000 by default)
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { Browser, BrowserContext, Cookie, Page } from '@playwright/test';
import { apiPaths } from '../core/http-paths.ts';
import type { CreateClinicResponse } from '../core/schemas/http-api.ts';
import { startPreviewHost } from '../main/preview/preview-host.ts';
import type { PreviewHost } from '../main/preview/preview-host.ts';
import { createChatServer } from '../server/server.ts';
import { machineLoad, percentile } from './figures.ts';
import { countScripts, inAppNavigation, printScripts } from './ui-load-support.ts';

const RUNS = Number(process.env.RUNS ?? 15);
const TIMEOUT_MS = Number(process.env.TIMEOUT_MS ?? 30_000);
const INTERACTIVE_BUDGET_MS = 300;
const rendererDir = join(import.meta.dirname, '../out/renderer');

declare global {
  interface Window {
    __benchReady?: { interactive: number; scripts: { network: number; cache: number } };
  }
}

/**
 * Runs in the page before its own scripts: when `selector` first appears, waits for the main thread
 * to be free for input (the next task), then notes the time from navigation start and how many
 * scripts came over the network (transferSize > 0) or from the HTTP cache.
 */
function watchFor(selector: string): void {
  let seen = false;
  const observer = new MutationObserver(() => {
    if (seen || !document.querySelector(selector)) return;
    seen = true;
    observer.disconnect();
    setTimeout(() => {
      const scripts = performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('.js')) as PerformanceResourceTiming[];
      const network = scripts.filter((entry) => entry.transferSize > 0).length;
      window.__benchReady = { interactive: performance.now(), scripts: { network, cache: scripts.length - network } };
    }, 0);
  });
  observer.observe(document, { childList: true, subtree: true });
}

type Target = { name: string; host: PreviewHost; hash: string; selector: string; cookies: Cookie[] };
type Run = { ms: number; network: number; cache: number };
const LOST_RUN: Run = { ms: Number.POSITIVE_INFINITY, network: Number.NaN, cache: Number.NaN };

async function newTab(browser: Browser, target: Target): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'en-GB' });
  await context.addCookies(target.cookies);
  await context.addInitScript(watchFor, target.selector);
  return { context, page: await context.newPage() };
}

/** One navigation: from its start until the target is interactive; Infinity (lost) after the timeout. */
async function navigate(page: Page, target: Target): Promise<Run> {
  try {
    await page.goto(`${target.host.origin}/?run=${Math.random()}${target.hash}`, { waitUntil: 'commit', timeout: TIMEOUT_MS });
    await page.waitForFunction(() => window.__benchReady !== undefined, null, { timeout: TIMEOUT_MS });
  } catch {
    return LOST_RUN;
  }
  const ready = await page.evaluate(() => window.__benchReady!);
  return { ms: ready.interactive, ...ready.scripts };
}

async function cold(browser: Browser, target: Target): Promise<Run> {
  const { context, page } = await newTab(browser, target);
  try {
    return await navigate(page, target);
  } finally {
    await context.close();
  }
}

/** The session cookie the printed link hands out (each run's new context gets a copy). */
async function sessionCookies(browser: Browser, host: PreviewHost): Promise<Cookie[]> {
  const context = await browser.newContext();
  await (await context.newPage()).goto(host.url);
  const cookies = await context.cookies(host.origin);
  await context.close();
  return cookies;
}

const ms = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(0)} ms` : 'lost');
const spread = (values: number[]) => `${ms(percentile(values, 0.5))} / ${ms(percentile(values, 0.9))}`;

async function main(): Promise<void> {
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('Build the renderer first: npx electron-vite build');
  const work = await mkdtemp(join(tmpdir(), 'bench-ui-'));
  const emptyDir = join(work, 'empty');
  await mkdir(emptyDir);
  // The baseline: the smallest page the same host can serve, with the same headers.
  await writeFile(join(emptyDir, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Empty</title></head><body><p id="ready">Empty</p></body></html>');

  const adminToken = 'bench-admin';
  const server = await createChatServer({ port: 0, dataDir: join(work, 'server'), adminToken, logLevel: 'silent', rateLimitPerMinute: 100_000 });
  const created = (await (
    await fetch(server.url + apiPaths.adminClinics, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Bench Vets', timezone: 'Europe/London' }),
    })
  ).json()) as CreateClinicResponse;
  const hosts = [
    await startPreviewHost({ dataDir: join(work, 'pc-empty'), port: 0, rendererDir: emptyDir }),
    await startPreviewHost({ dataDir: join(work, 'pc-new'), port: 0, pcName: 'New PC' }),
    await startPreviewHost({ dataDir: join(work, 'pc'), port: 0, pcName: 'Bench PC', connect: { serverUrl: server.url, clinicId: created.clinicId, token: created.token } }),
  ] as const;

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const cookies = await Promise.all(hosts.map((host) => sessionCookies(browser, host)));
    const targets: Target[] = [
      { name: 'empty page (baseline)', host: hosts[0], hash: '', selector: '#ready', cookies: cookies[0]! },
      { name: 'connection screen (new install)', host: hosts[1], hash: '', selector: '#connect-serverUrl', cookies: cookies[1]! },
      { name: 'Business Hours grid (connected)', host: hosts[2], hash: '#/settings/hours', selector: 'input[aria-label="Monday start time"]', cookies: cookies[2]! },
    ];

    // The scripts each first screen loads, on a cold cache, until the network has been quiet a while.
    const scripts = await Promise.all(targets.slice(1).map(async (target) => ({ target, scripts: await countScripts(await newTab(browser, target), `${target.host.origin}/${target.hash}`, TIMEOUT_MS) })));
    for (const { target, scripts: list } of scripts) printScripts(target.name, list);

    // A warm tab per target, loaded once untimed (that load fills its cache), then navigated again each run.
    const warmTabs = await Promise.all(targets.map((target) => newTab(browser, target)));
    for (const [index, target] of targets.entries()) await navigate(warmTabs[index]!.page, target);
    const runs = targets.map(() => ({ cold: [] as Run[], warm: [] as Run[] }));
    // Rotate the order every round and swap cold and warm, so a noisy moment hits every case alike.
    for (let round = 0; round <= RUNS; round++) {
      for (let step = 0; step < targets.length; step++) {
        const index = (round + step) % targets.length;
        const target = targets[index]!;
        const pair = [() => cold(browser, target), () => navigate(warmTabs[index]!.page, target)];
        const [first, second] = round % 2 === 0 ? pair : [...pair].reverse();
        const a = await first!();
        const b = await second!();
        if (round === 0) continue; // warm-up
        runs[index]!.cold.push(round % 2 === 0 ? a : b);
        runs[index]!.warm.push(round % 2 === 0 ? b : a);
      }
    }

    console.log(`\nNavigation start → interactive, Chromium ${browser.version()}, ${RUNS} runs each; ${machineLoad()}`);
    console.log('\n| screen | cold: median / p90 | cold minus empty (medians) | warm: median / p90 | warm minus empty (medians) | scripts network/cache, cold; warm (medians) | lost |');
    console.log('|---|---|---|---|---|---|---|');
    // A lost run has a time (Infinity) but no script counts.
    const medianOf = (list: Run[], key: keyof Run) => percentile(list.map((run) => run[key]).filter((value) => !Number.isNaN(value)), 0.5);
    for (const [index, target] of targets.entries()) {
      const { cold: c, warm: w } = runs[index]!;
      const lost = [...c, ...w].filter((run) => !Number.isFinite(run.ms)).length;
      console.log(
        `| ${target.name} | ${spread(c.map((run) => run.ms))} | ${ms(medianOf(c, 'ms') - medianOf(runs[0]!.cold, 'ms'))} | ${spread(w.map((run) => run.ms))} | ${ms(medianOf(w, 'ms') - medianOf(runs[0]!.warm, 'ms'))} | ${medianOf(c, 'network')}/${medianOf(c, 'cache')}; ${medianOf(w, 'network')}/${medianOf(w, 'cache')} | ${lost} |`,
      );
    }
    const grid = runs[2]!;
    console.log(`\ngrid budget ${INTERACTIVE_BUDGET_MS} ms (median): cold ${medianOf(grid.cold, 'ms') <= INTERACTIVE_BUDGET_MS ? 'within' : 'OVER'}, warm ${medianOf(grid.warm, 'ms') <= INTERACTIVE_BUDGET_MS ? 'within' : 'OVER'}`);

    // In the open window: from the hash change (the Settings link) until the grid is interactive,
    // beside the same hash change on the empty page (the harness's own floor: the event and one task).
    const inApp = await inAppNavigation(warmTabs[2]!.page, { from: '#/now', to: '#/settings/hours', selector: targets[2]!.selector, fromHidesSelector: true, runs: RUNS, timeoutMs: TIMEOUT_MS });
    const floor = await inAppNavigation(warmTabs[0]!.page, { from: '#a', to: '#b', selector: '#ready', fromHidesSelector: false, runs: RUNS, timeoutMs: TIMEOUT_MS });
    console.log(`in the open window, Now → Settings (median / p90): ${spread(inApp)}; the same hash change on the empty page: ${spread(floor)}`);
    await Promise.all(warmTabs.map((tab) => tab.context.close()));
  } finally {
    await browser.close();
    await Promise.all(hosts.map((host) => host.close()));
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
}

await main();
