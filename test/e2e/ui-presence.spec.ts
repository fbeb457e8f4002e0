// The Online/Offline switch in real Chromium through the preview host and the real server: the
// website's answer, a second PC following within moments, and a change made while the server is down
// delivered when it returns.
import { expect, test } from '@playwright/test';
import type { Browser } from '@playwright/test';
import { captureScreen, clinicPerTest } from './ui-support.ts';

// Real servers, two browser contexts and axe scans in both themes take a while on a 2-core machine.
test.describe.configure({ timeout: 120_000 });

const setup = clinicPerTest();
const pc = (browser: Browser, pcName: string, hash?: string) => setup.connectedPc(browser, pcName, hash);

test('switching offline: the website says offline and a second PC shows Offline', async ({ browser }) => {
  const frontDesk = await pc(browser, 'Front desk 1');
  const reception = await pc(browser, 'Reception');
  const { page } = frontDesk;
  expect((await setup.server.availability(setup.clinic)).reason).toBe('open');

  await page.getByRole('switch', { name: 'Chat online' }).click();
  // Web chat is this clinic's only channel, so the switch asks first.
  const dialog = page.getByRole('dialog', { name: 'Go offline?' });
  await expect(dialog).toContainText('Pet owners won’t be able to reach you until you go back online.');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await captureScreen(page, 'going-offline-dialog');
  await dialog.getByRole('button', { name: 'Go offline' }).click();

  const chatSwitch = page.getByRole('switch', { name: 'Chat online' });
  await expect(chatSwitch).toHaveAttribute('aria-checked', 'false');
  await expect(chatSwitch).toContainText('Offline');
  await expect.poll(async () => (await setup.server.availability(setup.clinic)).reason).toBe('offline');
  await expect(page.getByRole('status')).toContainText("Not accepting chats · you're offline since");
  await expect(page.getByRole('status')).toContainText('(Front desk 1)');
  await expect(page.getByRole('region', { name: 'What pet owners see now' })).toContainText('We’re offline right now');

  // The other PC follows through its own event stream (the issue asks for under a second; polled here).
  const otherSwitch = reception.page.getByRole('switch', { name: 'Chat online' });
  await expect(otherSwitch).toHaveAttribute('aria-checked', 'false', { timeout: 10_000 });
  await expect(otherSwitch).toContainText('Offline');
  await expect(reception.page.getByRole('status')).toContainText('(Front desk 1)');

  await expect(page.getByText('Sync: Saved')).toBeVisible({ timeout: 30_000 });
  await captureScreen(page, 'now-offline');
  await otherSwitch.click(); // back online from the second PC: no question asked
  await expect.poll(async () => (await setup.server.availability(setup.clinic)).reason).toBe('open');
  await expect(chatSwitch).toHaveAttribute('aria-checked', 'true', { timeout: 10_000 });
});

test('a timed break: the website says when chat is back', async ({ browser }) => {
  await setup.server.editSettings(setup.clinic, (settings) => ({ ...settings, channels: { sms: '+447700900123', whatsapp: null } }));
  const { page } = await pc(browser, 'Front desk 1');
  await page.getByRole('group', { name: 'Go offline for' }).getByRole('button', { name: '30 minutes' }).click();
  // SMS still reaches the clinic: no question, and the header says so.
  await expect(page.getByText('Web chat will stop accepting messages; pet owners can still reach you by SMS.')).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Offline · back at');
  const answer = await setup.server.availability(setup.clinic);
  expect(answer).toMatchObject({ accepting: false, reason: 'offline', reachable: true });
  const backIn = Date.parse(answer.opensAt!) - setup.server.now().getTime();
  expect(backIn).toBeGreaterThan(25 * 60_000);
  expect(backIn).toBeLessThanOrEqual(30 * 60_000);
});

test('a timed break on a PC whose clock is 5 minutes slow still lasts the 15 minutes chosen', async ({ browser }) => {
  await setup.server.editSettings(setup.clinic, (settings) => ({ ...settings, channels: { sms: '+447700900123', whatsapp: null } }));
  // Slow for the PC's controller and its window alike.
  const { page } = await setup.connectedPc(browser, 'Front desk 1', '#/now', { clock: setup.server.clock.offsetBy(-5 * 60_000) });
  await page.getByRole('group', { name: 'Go offline for' }).getByRole('button', { name: '15 minutes' }).click();
  await expect(page.getByRole('switch', { name: 'Chat online' })).toHaveAttribute('aria-checked', 'false');
  await expect.poll(async () => (await setup.server.availability(setup.clinic)).reason).toBe('offline');
  // Ended from the PC's clock, the break would end 10 minutes from now. The PC knows the server's clock
  // from the whole seconds of its Date headers, so to about a second.
  const backIn = Date.parse((await setup.server.availability(setup.clinic)).opensAt!) - setup.server.now().getTime();
  expect(backIn).toBeGreaterThan(12 * 60_000);
  expect(backIn).toBeLessThanOrEqual(15 * 60_000 + 2_000);
});

test('going offline while the server is down is delivered when it returns', async ({ browser }) => {
  const { page } = await pc(browser, 'Front desk 1');
  await setup.server.stop();

  await page.getByRole('switch', { name: 'Chat online' }).click();
  await page.getByRole('dialog', { name: 'Go offline?' }).getByRole('button', { name: 'Go offline' }).click();
  await expect(page.getByRole('switch', { name: 'Chat online' })).toHaveAttribute('aria-checked', 'false');
  await expect(page.getByText('Sync: Offline — will sync when the connection returns')).toBeVisible({ timeout: 30_000 });
  await captureScreen(page, 'sync-offline');

  await setup.server.start();
  await expect.poll(async () => (await setup.server.availability(setup.clinic)).reason, { timeout: 90_000 }).toBe('offline');
  await expect(page.getByText('Sync: Saved')).toBeVisible({ timeout: 30_000 });
});
