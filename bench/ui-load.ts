// The staff UI's load budget (issue 5): the JavaScript a first load needs, gzipped (target ≤ 150 KB),
// and how soon after navigation the Business Hours grid is interactive in Chromium (target ≤ 300 ms),
// beside an empty page served the same way in the same run. The grid is served by the real preview
// host, connected to a real server, so the figure includes the AppApi round trip that fills it.
//   npx electron-vite build && npm run bench:ui      (RUNS=15 by default)
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { apiPaths } from '../core/http-contract.ts';
import type { CreateClinicResponse } from '../core/http-contract.ts';
import { startPreviewHost } from '../main/preview/preview-host.ts';
import type { PreviewHost } from '../main/preview/preview-host.ts';
import { createChatServer } from '../server/server.ts';

const RUNS = Number(process.env.RUNS ?? 15);
const BUNDLE_BUDGET_KB = 150;
const INTERACTIVE_BUDGET_MS = 300;
const rendererDir = join(import.meta.dirname, '../out/renderer');

// ---- First-load JavaScript ----

/** Relative static imports of a built module ("./x.js"); dynamic import() chunks are left out. */
function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.\/[^"']+\.js)["']/g)) found.add(match[1]!);
  return [...found];
}

async function firstLoadScripts(): Promise<{ file: string; raw: number; gzip: number }[]> {
  const html = await readFile(join(rendererDir, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]+src="\.\/([^"]+\.js)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\.\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const seen = new Map<string, { file: string; raw: number; gzip: number }>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    const code = await readFile(join(rendererDir, file));
    seen.set(file, { file, raw: code.length, gzip: gzipSync(code, { level: 9 }).length });
    const directory = file.slice(0, file.lastIndexOf('/') + 1);
    for (const imported of staticImports(code.toString('utf8'))) queue.push(directory + imported.slice(2));
  }
  return [...seen.values()];
}

// ---- Time to interactive ----

declare global {
  interface Window {
    __benchReady?: { appeared: number; interactive: number };
  }
}

/**
 * Runs in the page before its own scripts: notes when `selector` first appears, and when the main
 * thread is next free to handle input (the first task after that), both from navigation start.
 */
function watchFor(selector: string): void {
  let seen = false;
  const observer = new MutationObserver(() => {
    if (seen || !document.querySelector(selector)) return;
    seen = true;
    observer.disconnect();
    const appeared = performance.now();
    setTimeout(() => (window.__benchReady = { appeared, interactive: performance.now() }), 0);
  });
  observer.observe(document, { childList: true, subtree: true });
}

type Target = { name: string; host: PreviewHost; hash: string; selector: string };

/**
 * A tab with the session cookie set (the printed link hands it out once), watching for `selector` on
 * every page it loads. Each run navigates this same tab, as a window that is already open would; the
 * host sends no-store, so every run fetches and runs all of the page's scripts again.
 */
async function openTab(browser: Browser, target: Target): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB' });
  await context.addInitScript(watchFor, target.selector);
  const page = await context.newPage();
  await page.goto(target.host.url);
  return page;
}

/** One navigation: milliseconds from navigation start until the target is interactive. */
async function navigate(page: Page, target: Target): Promise<number> {
  await page.goto(`${target.host.origin}/?run=${Math.random()}${target.hash}`, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__benchReady !== undefined, null, { timeout: 30_000 });
  return page.evaluate(() => window.__benchReady!.interactive);
}

/** Inside the running app: from the hash change (the Settings link) until the grid is interactive. */
async function inAppNavigations(page: Page, target: Target, runs: number): Promise<number[]> {
  await page.goto(`${target.host.origin}/#/now`);
  await page.getByRole('region', { name: 'What pet owners see now' }).waitFor();
  const times: number[] = [];
  for (let run = 0; run <= runs; run++) {
    const elapsed = await page.evaluate(
      (selector) =>
        new Promise<number>((resolve) => {
          const start = performance.now();
          const observer = new MutationObserver(() => {
            if (!document.querySelector(selector)) return;
            observer.disconnect();
            setTimeout(() => resolve(performance.now() - start), 0);
          });
          observer.observe(document.body, { childList: true, subtree: true });
          window.location.hash = '#/settings/hours';
        }),
      target.selector,
    );
    if (run > 0) times.push(elapsed);
    await page.evaluate(() => (window.location.hash = '#/now'));
    await page.getByRole('region', { name: 'What pet owners see now' }).waitFor();
  }
  return times;
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number): string => `${value.toFixed(0)} ms`;

async function main(): Promise<void> {
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('Build the renderer first: npx electron-vite build');

  const scripts = await firstLoadScripts();
  const total = scripts.reduce((sum, script) => sum + script.gzip, 0);
  console.log('First-load JavaScript (out/renderer, gzip -9):');
  for (const script of scripts.sort((a, b) => b.gzip - a.gzip)) console.log(`  ${script.file.padEnd(42)} ${kb(script.gzip).padStart(9)}  (${kb(script.raw)} raw)`);
  console.log(`  total ${kb(total)} — budget ${BUNDLE_BUDGET_KB} KB: ${total <= BUNDLE_BUDGET_KB * 1024 ? 'within' : 'OVER'}`);

  const work = await mkdtemp(join(tmpdir(), 'bench-ui-'));
  const emptyDir = join(work, 'empty');
  await mkdir(emptyDir);
  // The baseline: the smallest page the same host can serve, with the same strict CSP.
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
  const appHost = await startPreviewHost({ dataDir: join(work, 'pc'), port: 0, pcName: 'Bench PC', connect: { serverUrl: server.url, clinicId: created.clinicId, token: created.token } });
  const emptyHost = await startPreviewHost({ dataDir: join(work, 'pc-empty'), port: 0, rendererDir: emptyDir });

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const targets: Target[] = [
      { name: 'empty page (baseline)', host: emptyHost, hash: '', selector: '#ready' },
      { name: 'Business Hours grid', host: appHost, hash: '#/settings/hours', selector: 'input[aria-label="Monday start time"]' },
    ];
    const tabs = await Promise.all(targets.map((target) => openTab(browser, target)));
    const times = targets.map((): number[] => []);
    // Alternate the two pages, so a noisy moment on the machine hits both; the first round warms up.
    for (let round = 0; round <= RUNS; round++) {
      for (const [index, target] of targets.entries()) {
        const interactive = await navigate(tabs[index]!, target);
        if (round > 0) times[index]!.push(interactive);
      }
    }
    const [baseline, grid] = times as [number[], number[]];
    // Other work on the machine slows both pages alike; the load average says how busy it was.
    const load = loadavg().map((value) => value.toFixed(1)).join(' / ');
    console.log(`\nNavigation to interactive, Chromium ${browser.version()}, ${RUNS} runs each (median / p90); ${availableParallelism()} CPUs, load average ${load}:`);
    for (const [index, target] of targets.entries()) {
      console.log(`  ${target.name.padEnd(28)} ${ms(percentile(times[index]!, 50)).padStart(7)} / ${ms(percentile(times[index]!, 90))}`);
    }
    console.log(`  grid minus baseline (median) ${ms(percentile(grid, 50) - percentile(baseline, 50)).padStart(7)}`);
    console.log(`  budget ${INTERACTIVE_BUDGET_MS} ms (grid median): ${percentile(grid, 50) <= INTERACTIVE_BUDGET_MS ? 'within' : 'OVER'}`);
    const inApp = await inAppNavigations(tabs[1]!, targets[1]!, RUNS);
    console.log(`  in the open window, Now → Settings: ${ms(percentile(inApp, 50))} / ${ms(percentile(inApp, 90))}`);
  } finally {
    await browser.close();
    await appHost.close();
    await emptyHost.close();
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
}

await main();
