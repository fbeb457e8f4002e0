// @vitest-environment jsdom
// The forgotten-offline reminder in the window: the banner while main says it is active, its two
// answers, and the threshold preference.
import '@testing-library/jest-dom/vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../core/schedule-model.ts';
import { offlineReminderMessage } from '../../core/offline-reminder.ts';
import { createInMemoryAppApi } from './in-memory-app-api.ts';
import type { InMemoryAppApi } from './in-memory-app-api.ts';
import { renderConsole } from './render-console.tsx';

afterEach(cleanup);

/** A clinic with SMS (so going offline needs no confirmation), switched off and then forgotten. */
async function forgottenOffline(hash = '#/now'): Promise<{ api: InMemoryAppApi; user: ReturnType<typeof renderConsole>['user'] }> {
  const api = createInMemoryAppApi({ settings: { ...defaultSettings('Europe/London'), channels: { sms: '+447700900123', whatsapp: null } } });
  const { user } = renderConsole(api, hash);
  await user.click(await screen.findByRole('switch', { name: 'Chat online' }));
  await waitFor(() => expect(screen.getByRole('switch', { name: 'Chat online' })).toHaveAttribute('aria-checked', 'false'));
  expect(screen.queryByRole('region', { name: /Chat has been offline/ })).not.toBeInTheDocument();
  // Main's rule decided the switch has been forgotten; its next snapshot says so.
  api.model.reminder = { active: true, message: offlineReminderMessage(30), snoozedUntil: null };
  act(() => api.push());
  return { api, user };
}

describe('the forgotten-offline reminder banner', () => {
  it('appears as an alert while main says the reminder is active, on any screen', async () => {
    await forgottenOffline('#/settings/hours');
    const banner = await screen.findByRole('region', { name: 'Chat has been offline for 30 minutes during opening hours' });
    expect(within(banner).getByRole('alert')).toHaveTextContent('Chat has been offline for 30 minutes during opening hours');
    expect(within(banner).getByRole('button', { name: 'Go online' })).toBeInTheDocument();
    expect(within(banner).getByRole('button', { name: 'Remind me in 15 minutes' })).toBeInTheDocument();
  });

  it('"Remind me in 15 minutes" snoozes it through main, and the banner goes', async () => {
    const { api, user } = await forgottenOffline();
    await user.click(await screen.findByRole('button', { name: 'Remind me in 15 minutes' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: /Chat has been offline/ })).not.toBeInTheDocument());
    expect(api.calls.filter((call) => call.operation === 'snoozeReminder')).toHaveLength(1);
    expect(screen.getByRole('switch', { name: 'Chat online' })).toHaveAttribute('aria-checked', 'false'); // still offline, as chosen
  });

  it('"Go online" switches chat back on', async () => {
    const { api, user } = await forgottenOffline();
    await user.click(await screen.findByRole('button', { name: 'Go online' }));
    await waitFor(() => expect(screen.getByRole('switch', { name: 'Chat online' })).toHaveAttribute('aria-checked', 'true'));
    expect(api.calls.find((call) => call.operation === 'setOnline' && (call.args[0] as { online: boolean }).online)).toBeDefined();
    expect(screen.queryByRole('region', { name: /Chat has been offline/ })).not.toBeInTheDocument();
  });

  it('says a refused snooze beside the buttons', async () => {
    const { api, user } = await forgottenOffline();
    api.snoozeReminder = async () => ({ ok: false, error: { code: 'internal', message: 'The reminder could not be snoozed' } });
    await user.click(await screen.findByRole('button', { name: 'Remind me in 15 minutes' }));
    expect(await screen.findByText('The reminder could not be snoozed')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: /Chat has been offline/ })).toBeInTheDocument();
  });
});

describe('Preferences → the reminder threshold', () => {
  it('shows the current threshold and changes it, "Off" included', async () => {
    const api = createInMemoryAppApi();
    const { user } = renderConsole(api, '#/settings/preferences');
    const threshold = await screen.findByRole('combobox', { name: 'Remind me when chat is left offline during opening hours' });
    expect(threshold).toHaveDisplayValue('after 30 minutes');
    expect(threshold).toHaveAccessibleDescription(/Never outside opening hours or during a timed break/);
    await user.selectOptions(threshold, 'after 1 hour');
    await waitFor(() => expect(api.model.preferences.offlineReminderMinutes).toBe(60));
    await user.selectOptions(threshold, 'Off');
    await waitFor(() => expect(api.model.preferences.offlineReminderMinutes).toBe(0));
    expect(threshold).toHaveDisplayValue('Off');
  });

  it('keeps an unusual threshold (set elsewhere) selectable as it is', async () => {
    const api = createInMemoryAppApi();
    api.model.preferences = { ...api.model.preferences, offlineReminderMinutes: 20 };
    renderConsole(api, '#/settings/preferences');
    expect(await screen.findByRole('combobox', { name: /Remind me when chat is left offline/ })).toHaveDisplayValue('after 20 minutes');
  });
});
