// The website widget on the demo page served by the real server, in real Chromium: what pet owners
// see in each state (chat, offline banner, chat disabled), the contact buttons, the emergency line,
// isolation from the host page's CSS, colour scheme, motion and an axe scan.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { ChatServerFixture } from '../widget/chat-server-fixture.ts';
import { openDemoPage, widgetCard, widgetHost } from '../widget/widget-page.ts';

const WEDNESDAY_10AM = new Date('2026-12-02T10:00:00Z'); // 10:00 in London (GMT)
const WEDNESDAY_7PM = new Date('2026-12-02T19:00:00Z');
const channels = { sms: '+447700900123', whatsapp: '+447700900456' };
const emergency = { phone: '+441632960111', label: 'Out-of-hours emergencies: Riverside 24h Vets' };

test.use({ locale: 'en-GB' });

let server: ChatServerFixture;
test.afterEach(async () => server.dispose());

async function expectNoAxeViolations(page: Page): Promise<void> {
  // axe waits on timers, which the paused fake clock would never fire: let the page's time flow.
  await page.clock.resume();
  const results = await new AxeBuilder({ page }).include('clinic-chat-widget').analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

test('while accepting: a launcher opens the chat form; SMS and WhatsApp are offered; no emergency line', async ({ page }) => {
  server = await ChatServerFixture.startAt(WEDNESDAY_10AM);
  const clinic = await server.createClinic('Riverside Vets');
  await clinic.editSettings((settings) => ({ ...settings, channels, emergency }));
  const problems = await openDemoPage(page, server, clinic.clinicId);

  const launcher = page.getByRole('button', { name: 'Chat with us' });
  await expect(launcher).toBeVisible();
  await expect(launcher).toHaveAttribute('aria-expanded', 'false');
  await expect(widgetCard(page)).toBeHidden();

  await launcher.click();
  await expect(launcher).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('heading', { name: 'Chat with us' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Your name (optional)' })).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'Your message' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Text us' })).toHaveAttribute('href', 'sms:+447700900123');
  await expect(page.getByRole('link', { name: 'WhatsApp' })).toHaveAttribute('href', 'https://wa.me/447700900456');
  await expect(page.getByRole('link', { name: /Call/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
});

test('switched offline for a break: the banner says when chat is back, the emergency line comes first', async ({ page }) => {
  server = await ChatServerFixture.startAt(WEDNESDAY_10AM);
  const clinic = await server.createClinic('Riverside Vets');
  await clinic.editSettings((settings) => ({ ...settings, channels, emergency }));
  await clinic.setPresence({ online: false, offlineUntil: '2026-12-02T11:30:00Z', changedBy: 'Front desk' });
  const problems = await openDemoPage(page, server, clinic.clinicId);

  const card = widgetCard(page);
  await expect(card.getByRole('heading', { name: 'We’re offline right now' })).toBeVisible();
  await expect(page.getByRole('status').first()).toContainText('Chat is back at 11:30');
  await expect(page.getByRole('status').first()).toContainText('You can still text us or message us on WhatsApp.');
  const call = page.getByRole('link', { name: 'Out-of-hours emergencies: Riverside 24h Vets Call +441632960111' });
  await expect(call).toHaveAttribute('href', 'tel:+441632960111');
  // First in the card, above the clinic's name, the banner and the other channels.
  expect(await card.evaluate((element) => (element.firstElementChild as HTMLElement).matches('a[href="tel:+441632960111"]:not([hidden])'))).toBe(true);
  await expect(page.getByRole('link', { name: 'Text us' })).toHaveAttribute('href', 'sms:+447700900123');
  await expect(page.getByRole('link', { name: 'WhatsApp' })).toHaveAttribute('href', 'https://wa.me/447700900456');
  await expect(page.getByRole('textbox')).toHaveCount(0);
  const launcher = page.getByRole('button', { name: 'Chat (offline)' });
  await expect(launcher).toHaveAttribute('aria-expanded', 'true');

  // Hidden by the owner, it stays hidden on the next page of the site, and the launcher brings it back.
  await card.getByRole('button', { name: 'Hide' }).click();
  await expect(card).toBeHidden();
  await expect(launcher).toBeFocused();
  await page.reload();
  await expect(widgetHost(page)).toHaveAttribute('data-state', 'banner');
  await expect(card).toBeHidden();
  await launcher.click();
  await expect(call).toBeVisible();
  await expectNoAxeViolations(page);
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
});

test('outside business hours: the banner says chat is back tomorrow at 09:00, in the clinic’s time zone', async ({ page }) => {
  server = await ChatServerFixture.startAt(WEDNESDAY_7PM);
  const clinic = await server.createClinic('Harbour Vets', 'Europe/Paris'); // 20:00 in Paris
  await clinic.editSettings((settings) => ({ ...settings, channels: { sms: channels.sms, whatsapp: null } }));
  const problems = await openDemoPage(page, server, clinic.clinicId);

  await expect(widgetCard(page).getByRole('heading', { name: 'We’re outside our chat hours' })).toBeVisible();
  await expect(widgetCard(page)).toContainText('Chat is back tomorrow at 09:00');
  await expect(widgetCard(page)).toContainText('You can still text us.');
  await expect(page.getByRole('link', { name: 'Text us' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'WhatsApp' })).toBeHidden();
  await expect(page.getByRole('link', { name: /Call/ })).toHaveCount(0); // no emergency contact set
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
});

test.describe('a visitor whose browser uses the 12-hour clock', () => {
  test.use({ locale: 'en-US' });
  test('reads the opening time the way their clock shows it', async ({ page }) => {
    server = await ChatServerFixture.startAt(WEDNESDAY_7PM);
    const clinic = await server.createClinic('Riverside Vets');
    await openDemoPage(page, server, clinic.clinicId);
    await expect(widgetCard(page)).toContainText('Chat is back tomorrow at 9:00 AM');
  });
});

test('web chat is the only channel and it is closed: no other ways are promised', async ({ page }) => {
  server = await ChatServerFixture.startAt(WEDNESDAY_7PM);
  const clinic = await server.createClinic('Riverside Vets');
  const problems = await openDemoPage(page, server, clinic.clinicId);

  await expect(widgetCard(page)).toContainText('Chat is back tomorrow at 09:00');
  await expect(widgetCard(page)).not.toContainText('You can still');
  await expect(widgetCard(page).getByRole('navigation')).toBeHidden();
  await expect(widgetCard(page).getByRole('link')).toHaveCount(0);
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
});

test('a day that is not ticked: no chat entry at all, but the emergency line and other channels', async ({ page }) => {
  server = await ChatServerFixture.startAt(WEDNESDAY_10AM);
  const clinic = await server.createClinic('Riverside Vets');
  await clinic.editSettings((settings) => ({ ...settings, channels, emergency, week: { ...settings.week, wednesday: { open: false, ranges: [] } } }));
  const problems = await openDemoPage(page, server, clinic.clinicId);

  await expect(widgetHost(page)).toHaveAttribute('data-state', 'disabled');
  await expect(widgetCard(page).getByRole('heading', { name: 'Chat is closed today' })).toBeVisible();
  await expect(widgetCard(page)).toContainText('Chat is back tomorrow at 09:00');
  await expect(page.getByRole('link', { name: /Call \+441632960111/ })).toHaveAttribute('href', 'tel:+441632960111');
  await expect(page.getByRole('link', { name: 'Text us' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Chat/ })).toHaveCount(0);
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Contact us' })).toHaveAttribute('aria-expanded', 'true');
  await expectNoAxeViolations(page);
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
});

test('closed for the day with no other way to reach the clinic: the widget shows nothing', async ({ page }) => {
  server = await ChatServerFixture.startAt(WEDNESDAY_10AM);
  const clinic = await server.createClinic('Riverside Vets');
  await clinic.editSettings((settings) => ({ ...settings, closures: [{ date: '2026-12-02', ranges: [], label: 'Staff training' }] }));
  const problems = await openDemoPage(page, server, clinic.clinicId);

  await expect(widgetHost(page)).toHaveAttribute('data-state', 'disabled');
  await expect(widgetHost(page)).toBeHidden();
  await expect(widgetHost(page).getByRole('button')).toHaveCount(0);
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
});

test('the host page’s styles do not reach the widget, and the widget’s do not reach the page', async ({ page }) => {
  server = await ChatServerFixture.startAt(WEDNESDAY_10AM);
  const clinic = await server.createClinic('Riverside Vets');
  await openDemoPage(page, server, clinic.clinicId);

  const launcher = page.getByRole('button', { name: 'Chat with us' });
  await expect(launcher).toBeVisible();
  // The demo site sets an 18px root font, Georgia, justified paragraphs and uppercase orange buttons.
  const inside = await launcher.evaluate((element) => {
    const style = getComputedStyle(element);
    return { textTransform: style.textTransform, fontSize: style.fontSize, serif: style.fontFamily.includes('Georgia'), position: getComputedStyle(element.getRootNode() instanceof ShadowRoot ? (element.getRootNode() as ShadowRoot).host : element).position };
  });
  expect(inside).toEqual({ textTransform: 'none', fontSize: '15px', serif: false, position: 'fixed' });
  await launcher.click();
  const intro = widgetCard(page).getByText('Send Riverside Vets a message');
  expect(await intro.evaluate((element) => getComputedStyle(element).textAlign)).toBe('start');

  const pageButton = page.getByRole('button', { name: 'Book an appointment' });
  expect(await pageButton.evaluate((element) => [getComputedStyle(element).backgroundColor, getComputedStyle(element).textTransform])).toEqual(['rgb(231, 111, 81)', 'uppercase']);
  const pageHeading = page.getByRole('heading', { name: 'Our services' });
  expect(await pageHeading.evaluate((element) => getComputedStyle(element).fontSize)).toBe('27px'); // 1.5em of 18px, not the widget's 18px
});

test('follows the visitor’s colour scheme and reduced-motion preference', async ({ page }) => {
  server = await ChatServerFixture.startAt(WEDNESDAY_10AM);
  const clinic = await server.createClinic('Riverside Vets');
  await clinic.setPresence({ online: false });
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  await openDemoPage(page, server, clinic.clinicId);

  const card = widgetCard(page);
  await expect(card).toBeVisible();
  const look = (): Promise<{ background: string; animation: string }> =>
    card.evaluate((element) => ({ background: getComputedStyle(element).backgroundColor, animation: getComputedStyle(element).animationName }));
  expect(await look()).toEqual({ background: 'rgb(29, 35, 43)', animation: 'none' });
  await expectNoAxeViolations(page);

  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  expect(await look()).toEqual({ background: 'rgb(255, 255, 255)', animation: 'rise' });
  await expectNoAxeViolations(page);
});
