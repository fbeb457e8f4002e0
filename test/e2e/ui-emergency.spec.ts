// The emergency line end to end: typed in Settings → Channels in real Chromium, saved through
// the preview host to the real server, given to the website by /availability whenever web chat is not
// accepting, shown first in "What pet owners see now" and as a tel: link on the demo page.
import { expect, test } from '@playwright/test';
import { apiPaths } from '../../core/http-paths.ts';
import { captureScreen, clinicPerTest } from './ui-support.ts';

test.describe.configure({ timeout: 120_000 });

const setup = clinicPerTest();
const emergency = { label: 'Out-of-hours emergencies: Riverside 24h Vets', phone: '+442079460000' };

test('set in Channels, saved, and given to pet owners while chat is offline', async ({ browser }) => {
  const { page } = await setup.connectedPc(browser, 'Front desk 1', '#/settings/channels');
  const label = page.getByLabel('Emergency label');
  await expect(label).toHaveAccessibleDescription(/Shown first and most prominently, as a tap-to-call link/);
  await label.fill(emergency.label);
  const phone = page.getByLabel('Emergency phone number');
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(phone).toHaveAccessibleDescription(/Enter the number in international format/);
  await phone.fill('+44 20 7946 0000');
  await expect(phone).not.toHaveAttribute('aria-invalid');
  await expect(page.getByRole('figure', { name: /How the website’s chat banner starts/ })).toContainText(`${emergency.label}: Call +44 20 7946 0000`);
  await captureScreen(page, 'channels-emergency');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect.poll(async () => (await setup.server.settings(setup.clinic)).settings.emergency).toEqual(emergency);

  // While accepting, owners get the chat, not the emergency line.
  expect((await setup.server.availability(setup.clinic)).emergency).toBeNull();

  await page.getByRole('link', { name: 'Now' }).click();
  await page.getByRole('switch', { name: 'Chat online' }).click();
  await page.getByRole('dialog', { name: 'Go offline?' }).getByRole('button', { name: 'Go offline' }).click();
  await expect.poll(async () => (await setup.server.availability(setup.clinic)).reason).toBe('offline');
  expect((await setup.server.availability(setup.clinic)).emergency).toEqual(emergency);

  const preview = page.getByRole('region', { name: 'What pet owners see now' });
  await expect(preview).toContainText('We’re offline right now');
  await expect(preview.locator('p').first()).toHaveText(`${emergency.label}: Call ${emergency.phone}`);
  await captureScreen(page, 'now-emergency');

  // The website widget on the server's demo page: the same line as a tap-to-call link.
  const site = await page.context().newPage();
  await site.goto(setup.server.url + apiPaths.demo(setup.clinic.clinicId));
  await expect(site.getByRole('link', { name: new RegExp(`Call \\${emergency.phone}`) })).toHaveAttribute('href', `tel:${emergency.phone}`);
  await site.close();
});
