// The two-week preview under the Business Hours grid in real Chromium: a London clinic seen from Saturday
// 20 March 2027 (the server's, the PC's and its window's clocks start there), so the 14 days hold a
// closure and the clocks going forward on Sunday 28 March; an edit shows in the preview before Save,
// and Save reaches the server.
import { expect, test } from '@playwright/test';
import { captureScreen, clinicPerTest } from './ui-support.ts';

test.describe.configure({ timeout: 120_000 });

const SATURDAY_NOON = new Date('2027-03-20T12:00:00Z');
const setup = clinicPerTest({ timezone: 'Europe/London', start: SATURDAY_NOON });

test('the next 14 days of the draft: closures, the clock change, and edits before Save', async ({ browser }) => {
  await setup.server.editSettings(setup.clinic, (settings) => ({
    ...settings,
    week: { ...settings.week, sunday: { open: false, ranges: [] } },
    closures: [{ date: '2027-03-25', ranges: [], label: 'Staff training' }],
  }));
  const { page } = await setup.connectedPc(browser, 'Front desk 1', '#/settings/hours');

  const days = page.getByRole('list', { name: 'When web chat accepts messages, next 14 days' });
  await expect(days.getByRole('listitem')).toHaveCount(14);
  const day = (label: string) => days.getByRole('listitem').filter({ hasText: label });
  await expect(day('Sat 20 Mar')).toHaveText('Sat 20 Mar (today): 09:00–18:00');
  await expect(day('Thu 25 Mar')).toHaveText('Thu 25 Mar: closed · Staff training — closure, closed all day');
  await expect(day('Sun 28 Mar')).toHaveText('Sun 28 Mar: closed · Sunday is unticked · Clocks go forward 1 hour on Sun 28 Mar');
  await expect(page.getByRole('region', { name: 'Next 14 days' })).toContainText('with the saved hours');

  // Saturday shortened in the grid: the preview follows at once, nothing is saved yet.
  await page.getByLabel('Saturday end time').fill('13:00');
  await expect(day('Sat 20 Mar')).toHaveText('Sat 20 Mar (today): 09:00–13:00');
  await expect(day('Sat 27 Mar')).toHaveText('Sat 27 Mar: 09:00–13:00');
  await expect(page.getByRole('region', { name: 'Next 14 days' })).toContainText('with the hours as edited here, not saved yet');
  expect((await setup.server.settings(setup.clinic)).settings.week.saturday.ranges).toEqual([{ start: '09:00', end: '18:00' }]);
  await captureScreen(page, 'business-hours-preview');

  // An invalid draft is said, not drawn.
  await page.getByLabel('Monday start time').fill('');
  await expect(page.getByRole('region', { name: 'Next 14 days' })).toContainText('The preview returns once the highlighted fields above are fixed.');
  await expect(days).toBeHidden();
  await page.getByLabel('Monday start time').fill('09:00');
  await expect(days).toBeVisible();

  await page.getByRole('button', { name: 'Save' }).click();
  await expect.poll(async () => (await setup.server.settings(setup.clinic)).settings.week.saturday.ranges).toEqual([{ start: '09:00', end: '13:00' }]);
  await expect(page.getByRole('region', { name: 'Next 14 days' })).toContainText('with the saved hours');
});
