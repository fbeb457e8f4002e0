// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../core/schedule-model.ts';
import { TEST_NOW, createInMemoryAppApi } from './in-memory-app-api.ts';
import { renderConsole } from './render-console.tsx';

afterEach(cleanup);

const chatSwitch = () => screen.getByRole('switch', { name: 'Chat online' });

describe('the header switch', () => {
  it('shows the clinic, the state in words and the status sentence', async () => {
    renderConsole(createInMemoryAppApi());
    expect(await screen.findByRole('heading', { name: 'Riverside Vets' })).toBeInTheDocument();
    expect(chatSwitch()).toHaveAttribute('aria-checked', 'true');
    expect(chatSwitch()).toHaveTextContent('Online');
    expect(screen.getByRole('status')).toHaveTextContent('Accepting chats · closes at 18:00');
    expect(screen.getByText('Saved')).toBeInTheDocument();
  });

  it('asks before going offline when web chat is the only channel; Cancel keeps chat online', async () => {
    const api = createInMemoryAppApi();
    const { user } = renderConsole(api);
    await user.click(await screen.findByRole('switch', { name: 'Chat online' }));
    const dialog = screen.getByRole('dialog', { name: 'Go offline?' });
    expect(dialog).toHaveAccessibleDescription('Pet owners won’t be able to reach you until you go back online.');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(chatSwitch()).toHaveFocus();
    expect(api.calls.some((call) => call.operation === 'setOnline')).toBe(false);
  });

  it('"Go offline" switches off and the header says so in words', async () => {
    const api = createInMemoryAppApi();
    const { user } = renderConsole(api);
    await user.click(await screen.findByRole('switch', { name: 'Chat online' }));
    await user.click(screen.getByRole('button', { name: 'Go offline' }));
    await waitFor(() => expect(chatSwitch()).toHaveAttribute('aria-checked', 'false'));
    expect(chatSwitch()).toHaveTextContent('Offline');
    expect(screen.getByRole('status')).toHaveTextContent("Not accepting chats · you're offline since 10:00 (Front desk 1)");
    expect(api.model.presence).toMatchObject({ online: false, offlineUntil: null });

    await user.click(chatSwitch()); // back online: no question asked
    await waitFor(() => expect(chatSwitch()).toHaveAttribute('aria-checked', 'true'));
    expect(api.model.presence.online).toBe(true);
  });

  it('Escape cancels the dialog from the keyboard', async () => {
    const { user } = renderConsole(createInMemoryAppApi());
    (await screen.findByRole('switch', { name: 'Chat online' })).focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('goes offline straight away when SMS still reaches the clinic, and says so', async () => {
    const settings = { ...defaultSettings('Europe/London'), channels: { sms: '+447700900123', whatsapp: null } };
    const api = createInMemoryAppApi({ settings });
    const { user } = renderConsole(api);
    await user.click(await screen.findByRole('switch', { name: 'Chat online' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(chatSwitch()).toHaveAttribute('aria-checked', 'false'));
    expect(screen.getByText('Web chat will stop accepting messages; pet owners can still reach you by SMS.')).toBeInTheDocument();
  });

  it('a timed break asks main for its length, and main’s clock sets the end', async () => {
    const settings = { ...defaultSettings('Europe/London'), channels: { sms: null, whatsapp: '+447700900123' } };
    const api = createInMemoryAppApi({ settings });
    const { user } = renderConsole(api);
    const group = await screen.findByRole('group', { name: 'Go offline for' });
    expect(within(group).getAllByRole('button').map((button) => button.textContent)).toEqual(['15 min', '30 min', '1 hour', 'until I switch back']);
    await user.click(within(group).getByRole('button', { name: '30 min' }));
    await waitFor(() => expect(api.model.presence.online).toBe(false));
    expect(api.calls.find((call) => call.operation === 'setOnline')!.args).toEqual([{ online: false, offlineForMinutes: 30 }]);
    expect(api.model.presence.offlineUntil).toBe(new Date(TEST_NOW.getTime() + 30 * 60_000).toISOString());
  });

  it('shows the switch as main sends it, even when this PC’s clock says the break is over', async () => {
    // Main (on the server's clock, TEST_NOW) says the break runs 15 more minutes; this PC's clock is 20 minutes fast.
    const api = createInMemoryAppApi();
    api.model.presence = { online: false, offlineUntil: new Date(TEST_NOW.getTime() + 15 * 60_000).toISOString(), changedAt: TEST_NOW.toISOString(), changedBy: 'Front desk 1' };
    renderConsole(api, '#/now', { now: new Date(TEST_NOW.getTime() + 20 * 60_000) });
    await waitFor(() => expect(chatSwitch()).toHaveAttribute('aria-checked', 'false'));
    expect(chatSwitch()).toHaveTextContent('Offline');
  });
});

describe('notices', () => {
  it('shows main’s notices and dismisses them', async () => {
    const message = 'Your access token is stored as plain text on this PC because no system keyring is available.';
    const api = createInMemoryAppApi({ notices: [{ id: 'n1', kind: 'token-plain-text', message }] });
    const { user } = renderConsole(api);
    expect(await screen.findByText(message)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: `Dismiss: ${message}` }));
    await waitFor(() => expect(screen.queryByText(message)).not.toBeInTheDocument());
    expect(api.model.notices).toEqual([]);
  });
});
