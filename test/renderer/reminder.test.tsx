// @vitest-environment jsdom
// The forgotten-offline reminder in the window: the banner while main says it is active, its two
// answers, and the threshold preference.
import '@testing-library/jest-dom/vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../core/schedule-model.ts';
import { openDesk } from './support/desk.ts';
import type { Desk } from './support/desk.ts';
import { renderConsole } from './render-console.tsx';

/** A clinic with SMS (so going offline needs no confirmation), switched off and then forgotten. */
async function forgottenOffline(hash = '#/now'): Promise<{ desk: Desk; user: ReturnType<typeof renderConsole>['user'] }> {
  const desk = await openDesk({ settings: { ...defaultSettings('Europe/London'), channels: { sms: '+447700900123', whatsapp: null } } });
  const { user } = renderConsole(desk, hash);
  await user.click(await screen.findByRole('switch', { name: 'Chat online' }));
  await waitFor(() => expect(screen.getByRole('switch', { name: 'Chat online' })).toHaveAttribute('aria-checked', 'false'));
  await desk.until((state) => state.sync.pending === 0);
  expect(screen.queryByRole('region', { name: /Chat has been offline/ })).not.toBeInTheDocument();
  // Half an hour of opening hours passes (the default threshold): main's rule says the switch was forgotten.
  act(() => desk.clock.shift(31 * 60_000));
  return { desk, user };
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
    const { desk, user } = await forgottenOffline();
    await user.click(await screen.findByRole('button', { name: 'Remind me in 15 minutes' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: /Chat has been offline/ })).not.toBeInTheDocument());
    expect(desk.controller.state.reminder).toMatchObject({ active: false, snoozedUntil: expect.any(String) });
    expect(screen.getByRole('switch', { name: 'Chat online' })).toHaveAttribute('aria-checked', 'false'); // still offline, as chosen
  });

  it('"Go online" switches chat back on', async () => {
    const { desk, user } = await forgottenOffline();
    await user.click(await screen.findByRole('button', { name: 'Go online' }));
    await waitFor(() => expect(screen.getByRole('switch', { name: 'Chat online' })).toHaveAttribute('aria-checked', 'true'));
    await desk.until((state) => state.server?.presence.online === true);
    expect(screen.queryByRole('region', { name: /Chat has been offline/ })).not.toBeInTheDocument();
  });

  it('says a failed snooze beside the buttons', async () => {
    const { desk, user } = await forgottenOffline();
    // The bridge to main breaks (the Electron seam): the window says so rather than throwing.
    desk.api.snoozeReminder = async () => {
      throw new Error('The reminder could not be snoozed');
    };
    await user.click(await screen.findByRole('button', { name: 'Remind me in 15 minutes' }));
    expect(await screen.findByText('The reminder could not be snoozed')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: /Chat has been offline/ })).toBeInTheDocument();
  });
});

describe('Preferences → the reminder threshold', () => {
  it('shows the current threshold and changes it, "Off" included', async () => {
    const desk = await openDesk();
    const { user } = renderConsole(desk, '#/settings/preferences');
    const threshold = await screen.findByRole('combobox', { name: 'Remind me when chat is left offline during opening hours' });
    expect(threshold).toHaveDisplayValue('after 30 minutes');
    expect(threshold).toHaveAccessibleDescription(/Never outside opening hours or during a timed break/);
    await user.selectOptions(threshold, 'after 1 hour');
    await waitFor(() => expect(desk.controller.state.preferences.offlineReminderMinutes).toBe(60));
    await user.selectOptions(threshold, 'Off');
    await waitFor(() => expect(desk.controller.state.preferences.offlineReminderMinutes).toBe(0));
    expect(threshold).toHaveDisplayValue('Off');
  });

  it('keeps an unusual threshold (set elsewhere) selectable as it is', async () => {
    const desk = await openDesk();
    await desk.api.setPreference({ key: 'offlineReminderMinutes', value: 20 });
    renderConsole(desk, '#/settings/preferences');
    expect(await screen.findByRole('combobox', { name: /Remind me when chat is left offline/ })).toHaveDisplayValue('after 20 minutes');
  });
});
