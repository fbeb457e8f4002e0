// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../core/schedule-model.ts';
import { noSecretBox } from '../../main/store/secret-box.ts';
import { openDesk } from './support/desk.ts';
import { renderConsole } from './render-console.tsx';

const chatSwitch = () => screen.getByRole('switch', { name: 'Chat online' });

describe('the header switch', () => {
  it('shows the clinic, the state in words and the status sentence', async () => {
    renderConsole(await openDesk());
    expect(await screen.findByRole('heading', { name: 'Riverside Vets' })).toBeInTheDocument();
    expect(chatSwitch()).toHaveAttribute('aria-checked', 'true');
    expect(chatSwitch()).toHaveTextContent('Online');
    expect(screen.getByRole('status')).toHaveTextContent('Accepting chats · closes at 18:00');
    expect(screen.getByText('Saved')).toBeInTheDocument();
  });

  it('asks before going offline when web chat is the only channel; Cancel keeps chat online', async () => {
    const desk = await openDesk();
    const { user } = renderConsole(desk);
    await user.click(await screen.findByRole('switch', { name: 'Chat online' }));
    const dialog = screen.getByRole('dialog', { name: 'Go offline?' });
    expect(dialog).toHaveAccessibleDescription('Pet owners won’t be able to reach you until you go back online.');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(chatSwitch()).toHaveFocus();
    expect(desk.calls.some((call) => call.operation === 'setOnline')).toBe(false);
  });

  it('"Go offline" switches off and the header says so in words', async () => {
    const desk = await openDesk();
    const { user } = renderConsole(desk);
    await user.click(await screen.findByRole('switch', { name: 'Chat online' }));
    await user.click(screen.getByRole('button', { name: 'Go offline' }));
    await waitFor(() => expect(chatSwitch()).toHaveAttribute('aria-checked', 'false'));
    expect(chatSwitch()).toHaveTextContent('Offline');
    expect(screen.getByRole('status')).toHaveTextContent("Not accepting chats · you're offline since 10:00 (Front desk 1)");
    await desk.until((state) => state.server?.presence.online === false && state.server.presence.offlineUntil === null);

    await user.click(chatSwitch()); // back online: no question asked
    await waitFor(() => expect(chatSwitch()).toHaveAttribute('aria-checked', 'true'));
    await desk.until((state) => state.server?.presence.online === true);
  });

  it('Escape cancels the dialog from the keyboard', async () => {
    const { user } = renderConsole(await openDesk());
    (await screen.findByRole('switch', { name: 'Chat online' })).focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('goes offline straight away when SMS still reaches the clinic, and says so', async () => {
    const settings = { ...defaultSettings('Europe/London'), channels: { sms: '+447700900123', whatsapp: null } };
    const { user } = renderConsole(await openDesk({ settings }));
    await user.click(await screen.findByRole('switch', { name: 'Chat online' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(chatSwitch()).toHaveAttribute('aria-checked', 'false'));
    expect(screen.getByText('Web chat will stop accepting messages; pet owners can still reach you by SMS.')).toBeInTheDocument();
  });

  it('a timed break asks main for its length, and main’s clock sets the end', async () => {
    const settings = { ...defaultSettings('Europe/London'), channels: { sms: null, whatsapp: '+447700900123' } };
    const desk = await openDesk({ settings });
    const { user } = renderConsole(desk);
    const group = await screen.findByRole('group', { name: 'Go offline for' });
    // Worded as the tray words them (core's durationText).
    expect(within(group).getAllByRole('button').map((button) => button.textContent)).toEqual(['15 minutes', '30 minutes', '1 hour', 'until I switch back']);
    const before = desk.clock.now().getTime();
    await user.click(within(group).getByRole('button', { name: '30 minutes' }));
    const { presence } = (await desk.until((state) => state.server?.presence.online === false)).server!;
    expect(desk.calls.find((call) => call.operation === 'setOnline')!.args).toEqual([{ online: false, offlineForMinutes: 30 }]);
    const end = Date.parse(presence.offlineUntil!);
    expect(end).toBeGreaterThanOrEqual(before + 30 * 60_000);
    expect(end).toBeLessThanOrEqual(desk.clock.now().getTime() + 30 * 60_000);
  });

  it('shows the switch as main sends it, even when this PC’s clock says the break is over', async () => {
    // Main (on the server's clock) says the break runs 15 more minutes; this PC's own clock is 20 minutes fast.
    const desk = await openDesk();
    expect((await desk.api.setOnline({ online: false, offlineForMinutes: 15 })).ok).toBe(true);
    renderConsole(desk, '#/now', { now: () => new Date(desk.clock.now().getTime() + 20 * 60_000) });
    await waitFor(() => expect(chatSwitch()).toHaveAttribute('aria-checked', 'false'));
    expect(chatSwitch()).toHaveTextContent('Offline');
  });
});

describe('notices', () => {
  it('shows main’s notices and dismisses them', async () => {
    // Without a system secret store main keeps the token as plain text, and says so.
    const desk = await openDesk({ secretBox: noSecretBox });
    const { user } = renderConsole(desk);
    const notice = await screen.findByText(/stored unencrypted/);
    await user.click(screen.getByRole('button', { name: `Dismiss: ${notice.textContent}` }));
    await waitFor(() => expect(screen.queryByText(/stored unencrypted/)).not.toBeInTheDocument());
    expect(desk.controller.state.notices).toEqual([]);
  });
});
