// Settings → History in real Chromium: two PCs change things through the real server, and each change
// appears with the PC that made it, newest first; a change made while the tab is open appears by itself.
import { expect, test } from '@playwright/test';
import { captureScreen, clinicPerTest } from './ui-support.ts';

test.describe.configure({ timeout: 120_000 });

const setup = clinicPerTest();

test('changes from two PCs, newest first, with the right PC names; a new one appears while open', async ({ browser }) => {
  const frontDesk = await setup.connectedPc(browser, 'Front desk 1', '#/now');
  const reception = await setup.connectedPc(browser, 'Reception', '#/settings/hours');

  // Front desk 1 takes a 30-minute break (web chat is the only channel, so it asks first).
  await frontDesk.page.getByRole('group', { name: 'Go offline for' }).getByRole('button', { name: '30 min' }).click();
  await frontDesk.page.getByRole('dialog', { name: 'Go offline?' }).getByRole('button', { name: 'Go offline' }).click();
  await expect.poll(async () => (await setup.server.availability(setup.clinic)).reason).toBe('offline');

  // Reception shortens Saturday and saves.
  await reception.page.getByLabel('Saturday end time').fill('13:00');
  await reception.page.getByRole('button', { name: 'Save' }).click();
  await expect.poll(async () => (await setup.server.settings(setup.clinic)).settings.week.saturday.ranges[0]?.end).toBe('13:00');

  const { page } = frontDesk;
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'History' }).click();
  const changes = page.getByRole('list', { name: 'Changes, newest first' }).locator(':scope > li');
  await expect(changes).toHaveCount(2);
  // The server's clock starts at 12:00 London (E2E_START), and the window's today is the server's.
  await expect(changes.nth(0)).toHaveText(/^Today 12:0\d · Reception · Saturday 09:00–18:00 → 09:00–13:00$/);
  await expect(changes.nth(1)).toHaveText(/^Today 12:0\d · Front desk 1 · went offline for 30 minutes, back at 12:3\d$/);

  // Reception switches chat back on while Front desk 1 has the History open.
  await reception.page.getByRole('switch', { name: 'Chat online' }).click();
  await expect(changes).toHaveCount(3, { timeout: 15_000 });
  await expect(changes.nth(0)).toHaveText(/^Today 12:0\d · Reception · went online$/);
  await captureScreen(page, 'history');
});
