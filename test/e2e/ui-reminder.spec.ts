// The forgotten-offline reminder in real Chromium: the switch goes Offline "until I switch back" during
// opening hours, time moves on past the threshold for the server, the PC's controller and its window
// together, and the window shows the reminder; "Remind me in 15 minutes" quiets it until the snooze
// ends, and "Go online" puts web chat back for pet owners.
import { expect, test } from '@playwright/test';
import type { Browser } from '@playwright/test';
import { captureScreen, clinicPerTest } from './ui-support.ts';

test.describe.configure({ timeout: 120_000 });

// Wednesday 12:00 in London (E2E_START): the 47 minutes moved on below stay inside 09:00–18:00.
const setup = clinicPerTest();
const MINUTE = 60_000;
const thresholdLabel = 'Remind me when chat is left offline during opening hours';

/** A PC on the server's clock, which the test moves on for both, and for the PC's window (`moveOn`). */
async function pcWithMovableTime(browser: Browser, hash: string) {
  const pc = await setup.connectedPc(browser, 'Front desk 1', hash);
  const moveOn = async (ms: number): Promise<void> => {
    setup.server.clock.shift(ms);
    await pc.context.clock.fastForward(ms);
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
  await moveOn(20 * MINUTE);
  await expect(page.getByRole('status')).toContainText("Not accepting chats · you're offline since");
  await expect(reminder).toBeHidden();

  await moveOn(11 * MINUTE);
  await expect(reminder).toBeVisible({ timeout: 15_000 });
  await expect(reminder.getByRole('alert')).toHaveText(/Chat has been offline for 30 minutes during opening hours/);
  await page.getByRole('link', { name: 'Now' }).click();
  await captureScreen(page, 'reminder');

  await reminder.getByRole('button', { name: 'Remind me in 15 minutes' }).click();
  await expect(reminder).toBeHidden();
  await moveOn(16 * MINUTE);
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
  await moveOn(45 * MINUTE);
  const reminder = page.getByRole('region', { name: /Chat has been offline for/ });
  await expect(reminder).toHaveCount(0);

  // The 45 minutes did pass for the PC: with a threshold again, the reminder is due at once…
  await threshold.selectOption({ label: 'after 30 minutes' });
  await expect(reminder).toBeVisible({ timeout: 15_000 });
  // …and "Off" withdraws it.
  await threshold.selectOption({ label: 'Off' });
  await expect(reminder).toHaveCount(0);
});
