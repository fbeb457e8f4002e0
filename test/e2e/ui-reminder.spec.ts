// The forgotten-offline reminder in real Chromium: the switch goes Offline "until I switch back" during
// opening hours, the clocks of the server and of the PC's controller move on past the threshold, and
// the window shows the reminder; "Remind me in 15 minutes" quiets it until the snooze ends, and "Go
// online" puts web chat back for pet owners.
import { expect, test } from '@playwright/test';
import type { Browser } from '@playwright/test';
import { ShiftableClock, startDateProxy } from './ui-moved-time.ts';
import type { DateProxy } from './ui-moved-time.ts';
import { captureScreen, clinicPerTest } from './ui-support.ts';

test.describe.configure({ timeout: 120_000 });

// A clinic where it is about midday now: the moves below stay inside its 09:00–18:00 hours.
const setup = clinicPerTest();
const MINUTE = 60_000;
const thresholdLabel = 'Remind me when chat is left offline during opening hours';

const proxies: DateProxy[] = [];
test.afterEach(async () => {
  for (const proxy of proxies.splice(0)) await proxy.close();
});

/** A PC whose clock the test moves on together with the server's (`moveOn`). */
async function pcWithMovableTime(browser: Browser, hash: string) {
  const clock = new ShiftableClock();
  const proxy = await startDateProxy(() => setup.server.url, () => setup.server.now());
  proxies.push(proxy);
  const pc = await setup.connectedPc(browser, 'Front desk 1', hash, { clock, serverUrl: proxy.url });
  const moveOn = (ms: number): void => {
    setup.server.shiftClock(ms);
    clock.shift(ms);
  };
  return { page: pc.page, moveOn };
}

test('offline through 30 minutes of opening hours: reminded, snoozed, reminded again, back online', async ({ browser }) => {
  const { page, moveOn } = await pcWithMovableTime(browser, '#/settings/preferences');
  await expect(page.getByLabel(thresholdLabel)).toHaveValue('30');

  await page.getByRole('switch', { name: 'Chat online' }).click();
  await page.getByRole('dialog', { name: 'Go offline?' }).getByRole('button', { name: 'Go offline' }).click();
  await expect.poll(async () => (await setup.server.availability(setup.clinic)).reason).toBe('offline');

  const reminder = page.getByRole('region', { name: 'Chat has been offline for 30 minutes during opening hours' });
  moveOn(20 * MINUTE);
  await expect(page.getByRole('status')).toContainText("Not accepting chats · you're offline since");
  await expect(reminder).toBeHidden();

  moveOn(11 * MINUTE);
  await expect(reminder).toBeVisible({ timeout: 15_000 });
  await expect(reminder.getByRole('alert')).toHaveText(/Chat has been offline for 30 minutes during opening hours/);
  await page.getByRole('link', { name: 'Now' }).click();
  await captureScreen(page, 'reminder');

  await reminder.getByRole('button', { name: 'Remind me in 15 minutes' }).click();
  await expect(reminder).toBeHidden();
  moveOn(16 * MINUTE);
  await expect(reminder).toBeVisible({ timeout: 15_000 });

  await reminder.getByRole('button', { name: 'Go online' }).click();
  await expect(reminder).toBeHidden();
  await expect(page.getByRole('switch', { name: 'Chat online' })).toHaveAttribute('aria-checked', 'true');
  await expect.poll(async () => (await setup.server.availability(setup.clinic)).reason).toBe('open');
});

test('"Off" keeps it quiet; choosing a threshold again reminds at once if it has passed', async ({ browser }) => {
  const { page, moveOn } = await pcWithMovableTime(browser, '#/settings/preferences');
  const threshold = page.getByLabel(thresholdLabel);
  await threshold.selectOption({ label: 'Off' });
  await expect(threshold).toHaveValue('0');

  await page.getByRole('switch', { name: 'Chat online' }).click();
  await page.getByRole('dialog', { name: 'Go offline?' }).getByRole('button', { name: 'Go offline' }).click();
  await expect.poll(async () => (await setup.server.availability(setup.clinic)).reason).toBe('offline');
  moveOn(45 * MINUTE);
  const reminder = page.getByRole('region', { name: /Chat has been offline for/ });
  await expect(reminder).toHaveCount(0);

  // The 45 minutes did pass for the PC: with a threshold again, the reminder is due at once…
  await threshold.selectOption({ label: 'after 30 minutes' });
  await expect(reminder).toBeVisible({ timeout: 15_000 });
  // …and "Off" withdraws it.
  await threshold.selectOption({ label: 'Off' });
  await expect(reminder).toHaveCount(0);
});
