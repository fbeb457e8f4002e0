// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../core/index.ts';
import { createInMemoryAppApi } from './in-memory-app-api.ts';
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

  it('a timed break tells main when it ends', async () => {
    const settings = { ...defaultSettings('Europe/London'), channels: { sms: null, whatsapp: '+447700900123' } };
    const api = createInMemoryAppApi({ settings });
    const { user } = renderConsole(api);
    const group = await screen.findByRole('group', { name: 'Go offline for' });
    const before = Date.now();
    await user.click(within(group).getByRole('button', { name: '30 min' }));
    await waitFor(() => expect(api.model.presence.online).toBe(false));
    const until = Date.parse(api.model.presence.offlineUntil!);
    expect(until).toBeGreaterThanOrEqual(before + 30 * 60_000);
    expect(until).toBeLessThanOrEqual(Date.now() + 30 * 60_000);
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
