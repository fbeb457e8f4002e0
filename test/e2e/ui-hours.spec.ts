// The staff UI in real Chromium, through the preview host, against the real server: connecting on
// first run, and Business Hours edits that reach the server and the website widget's answer.
import { expect, test } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { DateTime } from 'luxon';
import { capitalize, weekdays } from '../../core/schedule-model.ts';
import type { ChatSettings } from '../../core/schemas/schedule.ts';
import type { DraftResult } from '../../core/schemas/app-api.ts';
import { captureScreen, clinicPerTest } from './ui-support.ts';

// Real servers, two browser contexts and axe scans in both themes take a while on a 2-core machine.
test.describe.configure({ timeout: 120_000 });

const setup = clinicPerTest();

async function gridPage(browser: Browser): Promise<Page> {
  return (await setup.connectedPc(browser, 'Front desk 1', '#/settings/hours')).page;
}

/** The unsaved edits the window stashed in main, asked through the same preview-host API the page uses. */
function stashedInMain(page: Page): Promise<ChatSettings | null> {
  return page.evaluate(async () => {
    const response = await fetch('/api/restoreDraft', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ args: [] }) });
    const result = (await response.json()) as DraftResult;
    return result.ok ? (result.draft?.settings ?? null) : null;
  });
}

/** An instant in the server's week (E2E_START's: Monday 30 November to Sunday 6 December 2026), in the clinic's zone. */
function thisWeek(offset: { days?: number; hours: number; minutes?: number }): Date {
  return DateTime.fromJSDate(setup.server.now(), { zone: setup.clinic.timezone }).startOf('week').plus(offset).toJSDate();
}
const aSundayNoon = (): Date => thisWeek({ days: 6, hours: 12 });

test('first run: errors beside the fields, then Connect shows the clinic', async ({ browser }) => {
  const { page } = await setup.newPc(browser, 'Front desk 1');
  const { server, clinic } = setup;
  await expect(page.getByRole('heading', { name: 'Connect Clinic Chat Desk' })).toBeVisible();
  await captureScreen(page, 'connect');

  await page.getByLabel('Server address').fill(server.url);
  await page.getByLabel('Clinic ID').fill(clinic.clinicId);
  await page.getByLabel('Access token').fill('not-the-token');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByLabel('Access token')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('The server did not accept this access token', { exact: false })).toBeVisible();

  await page.getByLabel('Clinic ID').fill('no-such-clinic');
  await page.getByLabel('Access token').fill(clinic.token);
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByLabel('Clinic ID')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Clinic ID').fill(clinic.clinicId);
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('heading', { name: 'Riverside Vets' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(/Accepting chats · closes at 18:00/);
  await expect(page.getByRole('switch', { name: 'Chat online' })).toHaveAttribute('aria-checked', 'true');
});

test('untick Sunday and Save: the server answers day-off for a Sunday', async ({ browser }) => {
  const page = await gridPage(browser);
  expect((await setup.server.availability(setup.clinic, aSundayNoon())).reason).toBe('open');

  await page.getByRole('checkbox', { name: 'Sunday' }).uncheck();
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await page.getByRole('button', { name: 'Save' }).click();
  // A round trip to the server through main's outbox: generous on a busy 2-core machine.
  await expect(page.getByText('No unsaved changes')).toBeVisible({ timeout: 15_000 });
  await expect.poll(async () => (await setup.server.settings(setup.clinic)).settings.week.sunday.open).toBe(false);

  const sunday = await setup.server.availability(setup.clinic, aSundayNoon());
  expect(sunday).toMatchObject({ accepting: false, reason: 'day-off', widget: 'disabled' });
});

test('unsaved changes survive closing the window: the window stashes them in main', async ({ browser }) => {
  const page = await gridPage(browser);
  await page.getByRole('checkbox', { name: 'Sunday' }).uncheck();
  await page.getByLabel('Tuesday end time').fill('17:30');
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  // The edits are stashed a moment after the last keystroke; wait until they are there, then close.
  await expect.poll(() => stashedInMain(page).then((draft) => draft?.week.tuesday.ranges[0]?.end)).toBe('17:30');
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Sunday' })).not.toBeChecked();
  await expect(page.getByLabel('Tuesday end time')).toHaveValue('17:30');
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  expect((await setup.server.settings(setup.clinic)).settings.week.sunday.open).toBe(true);
});

test('an edit made just before the window goes is stashed as it goes', async ({ browser }) => {
  const page = await gridPage(browser);
  await page.getByLabel('Tuesday end time').fill('16:45');
  // No wait for the debounced stash: leaving the page writes it at once.
  await page.reload();
  await expect(page.getByLabel('Tuesday end time')).toHaveValue('16:45');
  await expect(page.getByText('Unsaved changes')).toBeVisible();
});

test('Reset then Save puts 09:00–18:00 back on every day', async ({ browser }) => {
  await setup.server.editSettings(setup.clinic, (settings) => ({
    ...settings,
    week: { ...settings.week, monday: { open: true, ranges: [{ start: '07:30', end: '12:00' }] }, saturday: { open: false, ranges: [] } },
  }));
  const page = await gridPage(browser);
  await expect(page.getByLabel('Monday start time')).toHaveValue('07:30');

  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByLabel('Monday start time')).toHaveValue('09:00');
  await expect(page.getByRole('checkbox', { name: 'Saturday' })).toBeChecked();
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await page.getByRole('button', { name: 'Save' }).click();

  await expect.poll(async () => (await setup.server.settings(setup.clinic)).settings.week.monday.ranges).toEqual([{ start: '09:00', end: '18:00' }]);
  const { settings } = await setup.server.settings(setup.clinic);
  for (const day of weekdays) expect(settings.week[day], day).toEqual({ open: true, ranges: [{ start: '09:00', end: '18:00' }] });
});

test('a split Monday (lunch closure) is saved as two ranges', async ({ browser }) => {
  const page = await gridPage(browser);
  await page.getByLabel('Monday end time').fill('13:00');
  await page.getByRole('button', { name: 'Add hours to Monday' }).click();
  await page.getByLabel('Monday start time 2').fill('14:00');
  await page.getByLabel('Monday end time 2').fill('18:00');
  await page.getByRole('button', { name: 'Save' }).click();

  await expect.poll(async () => (await setup.server.settings(setup.clinic)).settings.week.monday.ranges).toEqual([
    { start: '09:00', end: '13:00' },
    { start: '14:00', end: '18:00' },
  ]);
  const mondayLunch = thisWeek({ hours: 13, minutes: 30 });
  expect((await setup.server.availability(setup.clinic, mondayLunch)).reason).toBe('outside-hours');
});

test('the grid is reachable and usable from the keyboard alone', async ({ browser }) => {
  const page = await gridPage(browser);
  const sunday = page.getByRole('checkbox', { name: 'Sunday' });
  await sunday.focus();
  await page.keyboard.press('Space');
  await expect(sunday).not.toBeChecked();
  // Tab onwards reaches the grid's buttons and then Save.
  const reached: string[] = [];
  for (let i = 0; i < 12 && !reached.includes('Save'); i++) {
    await page.keyboard.press('Tab');
    reached.push(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''));
  }
  expect(reached).toContain('Copy Monday to all days');
  expect(reached).toContain('Save');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await setup.server.settings(setup.clinic)).settings.week.sunday.open).toBe(false);
  for (const day of weekdays.slice(0, 6)) await expect(page.getByRole('checkbox', { name: capitalize(day) })).toBeChecked();
});
