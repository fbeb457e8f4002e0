// The UI benchmark's measurements inside Chromium: which scripts a screen loads (from the network, as
// the DevTools protocol saw them) and how long an in-app navigation takes.
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from '@playwright/test';

const BUNDLE_BUDGET_KB = 150;
/** The network counts as settled once no script has been requested for this long (idle-time loads included). */
const QUIET_MS = 3_000;

type ScriptLoad = { path: string; raw: number; gzip: number; beforeInteractive: boolean };

/**
 * Loads `url` in a fresh context (cold cache) and returns every script it fetched until the network
 * was quiet: its size as sent, and gzipped (-9), marked by whether it had arrived when the screen
 * became interactive. The context is closed afterwards.
 */
export async function countScripts(tab: { context: BrowserContext; page: Page }, url: string, timeoutMs: number): Promise<ScriptLoad[]> {
  const { context, page } = tab;
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const requests = new Map<string, string>();
    let lastScriptAt = Date.now();
    cdp.on('Network.responseReceived', (event) => {
      if (event.type !== 'Script') return;
      requests.set(new URL(event.response.url).pathname, event.requestId);
      lastScriptAt = Date.now();
    });
    await page.goto(url, { timeout: timeoutMs });
    await page.waitForFunction(() => window.__benchReady !== undefined, null, { timeout: timeoutMs });
    const deadline = Date.now() + timeoutMs;
    while (Date.now() - lastScriptAt < QUIET_MS && Date.now() < deadline) await page.waitForTimeout(250);
    const interactive = await page.evaluate(() => window.__benchReady!.interactive);
    const timings = await page.evaluate(() => (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((entry) => ({ path: new URL(entry.name).pathname, end: entry.responseEnd })));
    const loads: ScriptLoad[] = [];
    for (const [path, requestId] of requests) {
      const { body, base64Encoded } = await cdp.send('Network.getResponseBody', { requestId });
      const bytes = Buffer.from(body, base64Encoded ? 'base64' : 'utf8');
      const end = timings.find((timing) => timing.path === path)?.end ?? Number.POSITIVE_INFINITY;
      loads.push({ path, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, beforeInteractive: end <= interactive });
    }
    return loads;
  } finally {
    await context.close();
  }
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

export function printScripts(screen: string, loads: ScriptLoad[]): void {
  const sum = (list: ScriptLoad[]) => list.reduce((total, load) => total + load.gzip, 0);
  const before = loads.filter((load) => load.beforeInteractive);
  console.log(`\nJavaScript the ${screen} loads on a cold cache, from Chromium's network log (gzip -9 of each response):`);
  for (const load of [...loads].sort((a, b) => b.gzip - a.gzip)) {
    console.log(`  ${load.path.padEnd(44)} ${kb(load.gzip).padStart(9)}  (${kb(load.raw)} as sent)${load.beforeInteractive ? '' : '  after interactive'}`);
  }
  const total = sum(loads);
  console.log(`  before interactive ${kb(sum(before))} (${before.length} files); all, until ${QUIET_MS / 1000} s quiet ${kb(total)} (${loads.length} files)`);
  console.log(`  budget ${BUNDLE_BUDGET_KB} KB gzip, against all of it: ${total <= BUNDLE_BUDGET_KB * 1024 ? 'within' : 'OVER'}`);
}

type InAppOptions = { from: string; to: string; selector: string; fromHidesSelector: boolean; runs: number; timeoutMs: number };

/**
 * Inside a loaded page: from setting location.hash to `to` until `selector` is present and the next
 * task has run, `runs` times after one warm-up; Infinity for a run that timed out.
 */
export async function inAppNavigation(page: Page, options: InAppOptions): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run <= options.runs; run++) {
    await page.evaluate((hash) => (window.location.hash = hash), options.from);
    if (options.fromHidesSelector) await page.waitForFunction((selector) => !document.querySelector(selector), options.selector, { timeout: options.timeoutMs });
    const elapsed = await page.evaluate(
      ({ to, selector, timeoutMs }) =>
        new Promise<number>((resolve) => {
          const start = performance.now();
          let hashChanged = false;
          let done = false;
          const finish = (value: number) => {
            if (done) return;
            done = true;
            observer.disconnect();
            clearTimeout(timer);
            resolve(value);
          };
          const check = () => {
            if (hashChanged && document.querySelector(selector)) setTimeout(() => finish(performance.now() - start), 0);
          };
          const observer = new MutationObserver(check);
          observer.observe(document.body, { childList: true, subtree: true });
          window.addEventListener('hashchange', () => ((hashChanged = true), check()), { once: true });
          const timer = setTimeout(() => finish(-1), timeoutMs);
          window.location.hash = to;
        }),
      options,
    );
    if (run > 0) times.push(elapsed < 0 ? Number.POSITIVE_INFINITY : elapsed);
  }
  return times;
}
