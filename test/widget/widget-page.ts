// Opening the demo page for the widget's browser tests: the page's clock follows the server's test
// clock, and every console error or uncaught exception is recorded so tests can assert there are none.
import type { Locator, Page } from '@playwright/test';
import type { ChatServerFixture } from './chat-server-fixture.ts';

export type PageProblems = { consoleErrors: string[]; pageErrors: string[] };

export async function openDemoPage(page: Page, server: ChatServerFixture, clinicId: string, url = server.demoUrl(clinicId)): Promise<PageProblems> {
  const problems: PageProblems = { consoleErrors: [], pageErrors: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => problems.pageErrors.push(String(error)));
  // The page's timers run on a paused fake clock at the server's time, moved only by advanceTime().
  const start = server.clock.now();
  await page.clock.install({ time: new Date(start.getTime() - 1_000) });
  await page.clock.pauseAt(start);
  // The browser's HTTP cache ages answers on the real clock, which the fake clocks leave behind: with
  // it, a check after a faked minute could be answered from a response fetched a real second ago.
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('Network.enable');
  await devtools.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.goto(url);
  return problems;
}

/** Moves the server's and the page's clocks together, firing the page's timers on the way. */
export async function advanceTime(page: Page, server: ChatServerFixture, ms: number): Promise<void> {
  server.clock.advance(ms);
  await page.clock.runFor(ms);
}

export const widgetHost = (page: Page): Locator => page.locator('clinic-chat-widget');
/** The widget's card: a section named by its heading, inside the widget's shadow root. */
export const widgetCard = (page: Page): Locator => widgetHost(page).locator('section.card');
