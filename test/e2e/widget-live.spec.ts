// The website widget over time, in real Chromium against the real server: sending messages, a 409
// when chat closed meanwhile, state changes while the page stays open (the minute re-check and the
// timer at a closing time), the server going away and coming back, and a clinic site on another origin.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { apiPaths } from '../../core/http-paths.ts';
import { demoPageHtml } from '../../server/widget/demo-page.ts';
import { ChatServerFixture } from '../widget/chat-server-fixture.ts';
import { advanceTime, openDemoPage, widgetCard, widgetHost } from '../widget/widget-page.ts';

const WEDNESDAY_10AM = new Date('2026-12-02T10:00:00Z'); // London is on GMT: 10:00 local
const WEDNESDAY_BEFORE_6PM = new Date('2026-12-02T17:59:50Z');

test.use({ locale: 'en-GB' });

let server: ChatServerFixture;
test.afterEach(async () => server.dispose());

const isMessagePost = (clinicId: string) => (response: { url(): string; request(): { method(): string } }) =>
  response.url().endsWith(apiPaths.messages(clinicId)) && response.request().method() === 'POST';

test('an owner writes and sends a message with the keyboard alone', async ({ page }) => {
  server = await ChatServerFixture.startAt(WEDNESDAY_10AM);
  const clinic = await server.createClinic('Riverside Vets');
  const problems = await openDemoPage(page, server, clinic.clinicId);

  const launcher = page.getByRole('button', { name: 'Chat with us' });
  await launcher.focus();
  await page.keyboard.press('Enter');
  const name = page.getByRole('textbox', { name: 'Your name (optional)' });
  const message = page.getByRole('textbox', { name: 'Your message' });
  const send = page.getByRole('button', { name: 'Send' });
  await expect(name).toBeFocused();

  // An empty message is caught before anything is sent, and said in words, not colour alone.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(send).toBeFocused();
  expect(await send.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe('solid');
  await page.keyboard.press('Enter');
  await expect(widgetCard(page)).toContainText('Write a message first.');
  await expect(message).toHaveAttribute('aria-invalid', 'true');
  await expect(message).toBeFocused();

  await message.pressSequentially('Is Bella’s prescription ready to collect?');
  await page.keyboard.press('Shift+Tab');
  await name.pressSequentially('Sam');
  const posted = page.waitForResponse(isMessagePost(clinic.clinicId));
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const response = await posted;
  expect(response.status()).toBe(202);
  expect(response.request().postDataJSON()).toEqual({ text: 'Is Bella’s prescription ready to collect?', name: 'Sam' });
  expect(await response.json()).toMatchObject({ messageId: expect.any(String), receivedAt: expect.any(String) });
  await expect(page.getByRole('status').filter({ hasText: 'Thank you, your message has been sent.' })).toBeVisible();
  await expect(message).toHaveValue('');

  await page.keyboard.press('Escape');
  await expect(widgetCard(page)).toBeHidden();
  await expect(launcher).toBeFocused();
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
});

test('chat closed while the owner was typing: the 409 switches the widget to the closed state', async ({ page }) => {
  server = await ChatServerFixture.startAt(WEDNESDAY_10AM);
  const clinic = await server.createClinic('Riverside Vets');
  await clinic.editSettings((settings) => ({ ...settings, emergency: { phone: '+441632960111', label: 'Emergencies: Riverside 24h Vets' } }));
  const problems = await openDemoPage(page, server, clinic.clinicId);
  await page.getByRole('button', { name: 'Chat with us' }).click();
  await page.getByRole('textbox', { name: 'Your message' }).fill('Can I bring Max in today?');

  await clinic.setPresence({ online: false, changedBy: 'Front desk' });
  const posted = page.waitForResponse(isMessagePost(clinic.clinicId));
  await page.getByRole('button', { name: 'Send' }).click();
  expect((await posted).status()).toBe(409);

  const card = widgetCard(page);
  await expect(card.getByRole('heading', { name: 'We’re offline right now' })).toBeVisible();
  await expect(card).toContainText('Your message was not sent: chat closed just now.');
  await expect(page.getByRole('link', { name: /Call \+441632960111/ })).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Chat (offline)' })).toBeVisible();
  // Chromium itself logs every non-2xx response; nothing else may appear.
  expect(problems.consoleErrors.every((text) => text.includes('status of 409'))).toBe(true);
  expect(problems.pageErrors).toEqual([]);
});

test('staff go offline and back online: the open page follows within a minute, without a reload', async ({ page }) => {
  server = await ChatServerFixture.startAt(WEDNESDAY_10AM);
  const clinic = await server.createClinic('Riverside Vets');
  const problems = await openDemoPage(page, server, clinic.clinicId);
  const launcher = page.getByRole('button', { name: 'Chat with us' });
  await expect(launcher).toBeVisible();
  await page.evaluate(() => document.documentElement.setAttribute('data-loaded-once', ''));

  await clinic.setPresence({ online: false, offlineUntil: '2026-12-02T10:45:00Z', changedBy: 'Front desk' });
  await advanceTime(page, server, 60_000);
  const card = widgetCard(page);
  await expect(card.getByRole('heading', { name: 'We’re offline right now' })).toBeVisible();
  await expect(card).toContainText('Chat is back at 10:45');
  await expect(page.getByRole('button', { name: 'Chat (offline)' })).toBeVisible();

  await clinic.setPresence({ online: true, changedBy: 'Front desk' });
  await advanceTime(page, server, 60_000);
  await expect(launcher).toBeVisible();
  await expect(card.getByRole('heading', { name: 'Chat with us' })).toBeVisible(); // the open banner became the form
  await expect(page.getByRole('textbox', { name: 'Your message' })).toBeVisible();
  await expect(page.locator('html[data-loaded-once]')).toHaveCount(1); // the same page, never reloaded
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
});

test('at closing time the widget switches to the banner on its own, before the minute re-check', async ({ page }) => {
  server = await ChatServerFixture.startAt(WEDNESDAY_BEFORE_6PM);
  const clinic = await server.createClinic('Riverside Vets');
  const problems = await openDemoPage(page, server, clinic.clinicId);
  await expect(page.getByRole('button', { name: 'Chat with us' })).toBeVisible();

  // 15 s: past 18:00 plus the widget's spread of a few seconds, well short of a minute.
  await advanceTime(page, server, 15_000);
  await expect(widgetCard(page).getByRole('heading', { name: 'We’re outside our chat hours' })).toBeVisible();
  await expect(widgetCard(page)).toContainText('Chat is back tomorrow at 09:00');
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
});

test('the server goes away: the page keeps working, sending fails politely, and the widget recovers', async ({ page }) => {
  server = await ChatServerFixture.startAt(WEDNESDAY_10AM);
  const clinic = await server.createClinic('Riverside Vets');
  const problems = await openDemoPage(page, server, clinic.clinicId);
  const launcher = page.getByRole('button', { name: 'Chat with us' });
  await launcher.click();

  await server.stop();
  await advanceTime(page, server, 60_000); // the minute re-check fails
  await expect(launcher).toBeVisible(); // the last answer stays
  await page.getByRole('textbox', { name: 'Your message' }).fill('Hello?');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(widgetCard(page)).toContainText('Your message could not be sent. Check your connection and try again.');
  await expect(page.getByRole('textbox', { name: 'Your message' })).toHaveValue('Hello?'); // kept for a retry
  // The host page is untouched and still works.
  await page.getByRole('link', { name: 'Services' }).click();
  await expect(page).toHaveURL(/#services$/);

  await server.start(); // same port, same data
  await clinic.setPresence({ online: false });
  await advanceTime(page, server, 15_000); // the first retry comes 15 s after a failure
  await expect(widgetCard(page).getByRole('heading', { name: 'We’re offline right now' })).toBeVisible();
  expect(problems.consoleErrors.every((text) => text.includes('ERR_CONNECTION_REFUSED'))).toBe(true);
  expect(problems.pageErrors).toEqual([]);
});

test('embedded in a clinic website on another origin: reads availability and sends across origins', async ({ page }) => {
  server = await ChatServerFixture.startAt(WEDNESDAY_10AM);
  const clinic = await server.createClinic('Riverside Vets');
  const html = demoPageHtml({ clinicId: clinic.clinicId, clinicName: 'Riverside Vets', scriptUrl: server.url + apiPaths.widget });
  const website: Server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((resolve) => website.listen(0, '127.0.0.1', resolve));
  try {
    const problems = await openDemoPage(page, server, clinic.clinicId, `http://127.0.0.1:${(website.address() as AddressInfo).port}/`);
    await expect(widgetHost(page)).toHaveAttribute('data-state', 'chat');
    await page.getByRole('button', { name: 'Chat with us' }).click();
    await page.getByRole('textbox', { name: 'Your message' }).fill('Do you see exotic pets?');
    const posted = page.waitForResponse(isMessagePost(clinic.clinicId));
    await page.getByRole('button', { name: 'Send' }).click();
    expect((await posted).status()).toBe(202);
    await expect(widgetCard(page)).toContainText('Thank you, your message has been sent.');
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
  } finally {
    await new Promise((resolve) => website.close(resolve));
  }
});
