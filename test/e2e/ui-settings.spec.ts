// Settings in real Chromium through the preview host and the real server: a conflict between two
// PCs, closures with imported public holidays, channels; and every settings screen checked with axe
// and photographed in the light and dark themes for the README.
import { expect, test } from '@playwright/test';
import type { Browser } from '@playwright/test';
import { captureScreen, clinicPerTest } from './ui-support.ts';

// Real servers, two browser contexts and axe scans in both themes take a while on a 2-core machine.
test.describe.configure({ timeout: 120_000 });

const setup = clinicPerTest();
const pc = (browser: Browser, pcName: string, hash?: string) => setup.connectedPc(browser, pcName, hash);

test('a conflict between two PCs: both versions shown, "Keep mine" wins knowingly', async ({ browser }) => {
  const frontDesk = await pc(browser, 'Front desk 1', '#/settings/hours');
  const reception = await pc(browser, 'Reception', '#/settings/hours');

  // Reception starts editing first (its draft is based on version 1)…
  await reception.page.getByRole('checkbox', { name: 'Sunday' }).uncheck();
  await expect(reception.page.getByText('Unsaved changes')).toBeVisible();
  // …while the front desk saves a shorter Saturday.
  await frontDesk.page.getByLabel('Saturday end time').fill('13:00');
  await frontDesk.page.getByRole('button', { name: 'Save' }).click();
  await expect.poll(async () => (await setup.server.settings(setup.clinic)).settings.week.saturday.ranges[0]?.end).toBe('13:00');

  await reception.page.getByRole('button', { name: 'Save' }).click();
  const conflict = reception.page.getByRole('region', { name: 'Someone else saved first' });
  await expect(conflict).toBeVisible({ timeout: 15_000 });
  await expect(conflict.getByRole('row', { name: /^Sunday/ })).toContainText('differs');
  await expect(conflict.getByRole('row', { name: /^Saturday/ })).toContainText('13:00');
  await expect(reception.page.getByText('Sync: Conflict — someone else saved first')).toBeVisible();
  await expect(reception.page.getByRole('button', { name: 'Save' })).toBeDisabled();
  await captureScreen(reception.page, 'conflict');

  await conflict.getByRole('button', { name: 'Keep mine' }).click();
  await expect(conflict).toBeHidden();
  await expect.poll(async () => (await setup.server.settings(setup.clinic)).settings.week.sunday.open).toBe(false);
  // "Mine" is the whole week as Reception had it, so Saturday is back to 18:00: an informed overwrite.
  expect((await setup.server.settings(setup.clinic)).settings.week.saturday.ranges).toEqual([{ start: '09:00', end: '18:00' }]);
  await expect(frontDesk.page.getByRole('checkbox', { name: 'Sunday' })).not.toBeChecked({ timeout: 10_000 });
});

test('"Use theirs" takes the other PC’s hours into the grid', async ({ browser }) => {
  const reception = await pc(browser, 'Reception', '#/settings/hours');
  await reception.page.getByRole('checkbox', { name: 'Sunday' }).uncheck();
  await expect(reception.page.getByText('Unsaved changes')).toBeVisible();
  await setup.server.editSettings(setup.clinic, (settings) => ({ ...settings, week: { ...settings.week, friday: { open: true, ranges: [{ start: '10:00', end: '16:00' }] } } }));
  await expect(reception.page.getByLabel('Friday start time')).toHaveValue('09:00'); // the draft is kept while editing

  await reception.page.getByRole('button', { name: 'Save' }).click();
  const conflict = reception.page.getByRole('region', { name: 'Someone else saved first' });
  await conflict.getByRole('button', { name: 'Use theirs' }).click();
  await expect(conflict).toBeHidden();
  await expect(reception.page.getByLabel('Friday start time')).toHaveValue('10:00');
  await expect(reception.page.getByRole('checkbox', { name: 'Sunday' })).toBeChecked();
  await expect(reception.page.getByText('No unsaved changes')).toBeVisible({ timeout: 15_000 });
  expect((await setup.server.settings(setup.clinic)).settings.week.sunday.open).toBe(true);
});

test('every screen: axe finds nothing, in light and dark; closures and channels reach the server', async ({ browser }) => {
  const { page } = await pc(browser, 'Front desk 1', '#/now');
  await expect(page.getByRole('region', { name: 'What pet owners see now' })).toContainText('Chat with us');
  await captureScreen(page, 'now');

  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('tab', { name: 'Business Hours' })).toHaveAttribute('aria-selected', 'true');
  await page.getByLabel('Monday end time').fill('13:00');
  await page.getByRole('button', { name: 'Add hours to Monday' }).click();
  await page.getByLabel('Friday end time').fill('02:00');
  await expect(page.getByText('ends next day')).toBeVisible();
  await captureScreen(page, 'business-hours');
  await page.getByLabel('Monday start time 2').fill('12:00'); // overlaps 09:00–13:00
  await expect(page.getByText('Overlaps 09:00–13:00; the hours of one day must not overlap')).toBeVisible();
  await captureScreen(page, 'business-hours-error');
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByText('No unsaved changes')).toBeVisible();

  // Arrow keys move between tabs (WAI-ARIA tabs).
  await page.getByRole('tab', { name: 'Business Hours' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Closures' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Closures' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('combobox', { name: 'Country' }).selectOption('GB');
  await page.getByRole('combobox', { name: 'Region' }).selectOption('ENG');
  await page.getByRole('button', { name: 'Import public holidays' }).click();
  await expect(page.getByText(/Added \d+ public holidays as closures/)).toBeVisible();
  const christmas = page.getByRole('group', { name: /Christmas Day/ });
  await christmas.getByRole('checkbox', { name: /Closed all day/ }).uncheck();
  await christmas.getByLabel(/end time$/).fill('12:00');
  await captureScreen(page, 'closures');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect.poll(async () => (await setup.server.settings(setup.clinic)).settings.closures.find((closure) => closure.label === 'Christmas Day')?.ranges).toEqual([
    { start: '09:00', end: '12:00' },
  ]);

  await page.getByRole('tab', { name: 'Channels' }).click();
  await page.getByLabel('SMS number').fill('07700 900123');
  await expect(page.getByLabel('SMS number')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('SMS number').fill('+44 7700 900123');
  await page.getByLabel('WhatsApp number').fill('+44 7700 900456');
  await captureScreen(page, 'channels');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect.poll(async () => (await setup.server.settings(setup.clinic)).settings.channels).toEqual({ sms: '+447700900123', whatsapp: '+447700900456' });
  expect((await setup.server.availability(setup.clinic)).contact).toEqual({ sms: '+447700900123', whatsapp: '+447700900456' });

  await page.getByRole('tab', { name: 'Preferences' }).click();
  await page.getByLabel('This PC’s name').fill('Reception desk');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByText('This PC: Reception desk')).toBeVisible();
  await captureScreen(page, 'preferences');

  await page.getByRole('button', { name: /^Dismiss/ }).first().click();
  await expect(page.getByRole('region', { name: 'Notices' })).toBeHidden();
});
