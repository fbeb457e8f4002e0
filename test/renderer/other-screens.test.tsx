// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../core/schedule-model.ts';
import { TEST_START, disposeAfterTest, openDesk } from './support/desk.ts';
import { renderConsole } from './render-console.tsx';

/** A server in trouble: every request answers 503, in the API's error format. */
async function troubledServer(): Promise<string> {
  const server = createServer((_request, response) => {
    response.writeHead(503, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: { code: 'unavailable', message: 'Service Unavailable' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  disposeAfterTest(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('first run: the connection form', () => {
  it('checks the fields before calling and shows each error beside its field', async () => {
    const desk = await openDesk({ connected: false });
    const { user } = renderConsole(desk);
    await user.click(await screen.findByRole('button', { name: 'Connect' }));
    expect(screen.getByLabelText('Server address')).toHaveAccessibleDescription(/Enter the server address, starting with https:\/\//);
    expect(screen.getByLabelText('Clinic ID')).toHaveAccessibleDescription(/Enter the clinic ID/);
    expect(screen.getByLabelText('Access token')).toHaveAccessibleDescription(/Enter the access token/);
    expect(desk.calls.some((call) => call.operation === 'connect')).toBe(false);
  });

  it('puts a wrong token’s error beside "Access token", then connects', async () => {
    const desk = await openDesk({ connected: false });
    const { user } = renderConsole(desk);
    await user.type(await screen.findByLabelText('Server address'), desk.serverUrl);
    await user.type(screen.getByLabelText('Clinic ID'), desk.clinic.clinicId);
    await user.type(screen.getByLabelText('Access token'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByText(/The server did not accept this access token/)).toBeInTheDocument();
    expect(screen.getByLabelText('Access token')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Server address')).not.toHaveAttribute('aria-invalid');

    await user.clear(screen.getByLabelText('Access token'));
    await user.type(screen.getByLabelText('Access token'), desk.clinic.token);
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByRole('switch', { name: 'Chat online' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(desk.calls.filter((call) => call.operation === 'connect').at(-1)!.args).toEqual([
      { serverUrl: desk.serverUrl, clinicId: desk.clinic.clinicId, token: desk.clinic.token },
    ]);
  });

  it('shows an error main attaches to no field (a server in trouble) above Connect, not beside "Server address"', async () => {
    const troubled = await troubledServer();
    const message = 'The server could not answer (503: Service Unavailable). Try again in a minute.';
    const { user } = renderConsole(await openDesk({ connected: false }));
    await user.type(await screen.findByLabelText('Server address'), troubled);
    await user.type(screen.getByLabelText('Clinic ID'), 'clinic-1');
    await user.type(screen.getByLabelText('Access token'), 'a-token');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    for (const label of ['Server address', 'Clinic ID', 'Access token']) expect(screen.getByLabelText(label)).not.toHaveAttribute('aria-invalid');
  });
});

describe('Channels', () => {
  it('validates numbers with parseSettings and saves them', async () => {
    const desk = await openDesk();
    const { user } = renderConsole(desk, '#/settings/channels');
    const sms = await screen.findByLabelText('SMS number');
    await user.type(sms, '07700 900123');
    expect(sms).toHaveAccessibleDescription(/international format/);
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    await user.clear(sms);
    await user.type(sms, '+44 7700 900123');
    expect(sms).not.toHaveAttribute('aria-invalid');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await desk.settings()).settings.channels).toEqual({ sms: '+447700900123', whatsapp: null }));
  });
});

describe('Closures', () => {
  it('imports next year’s public holidays for a country and lets each be edited', async () => {
    const desk = await openDesk();
    const { user } = renderConsole(desk, '#/settings/closures');
    const country = await screen.findByRole('combobox', { name: 'Country' }, { timeout: 10_000 });
    await user.selectOptions(country, 'GB');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Region' }), 'ENG');
    await user.click(screen.getByRole('button', { name: 'Import public holidays' }));
    // The window's today is 25 November 2026: the year ahead holds nine of England's public holidays.
    expect(await screen.findByText(/Added 9 public holidays as closures/)).toBeInTheDocument();

    const christmas = screen.getAllByRole('group').find((group) => /Christmas Day/.test(group.textContent ?? ''))!;
    expect(within(christmas).getByRole('checkbox', { name: /Closed all day/ })).toBeChecked();
    await user.click(within(christmas).getByRole('checkbox', { name: /Closed all day/ }));
    const start = within(christmas).getByLabelText(/start time$/);
    await user.clear(start);
    await user.type(start, '10:00');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await desk.settings()).settings.closures.length).toBeGreaterThan(5));
    const { closures } = (await desk.settings()).settings;
    expect(closures.find((closure) => closure.label === 'Christmas Day')!.ranges).toEqual([{ start: '10:00', end: '18:00' }]);
    expect(closures.filter((closure) => closure.ranges.length === 0).every((closure) => closure.date >= TEST_START.toISOString().slice(0, 10))).toBe(true);

    // Importing again adds nothing twice.
    await user.click(screen.getByRole('button', { name: 'Import public holidays' }));
    expect(await screen.findByText(/Added 0 public holidays as closures \(9 already in the list\)/)).toBeInTheDocument();
  });

  it('reports a date entered twice beside the second one', async () => {
    const settings = { ...defaultSettings('Europe/London'), closures: [{ date: '2026-12-25', ranges: [] }] };
    const { user } = renderConsole(await openDesk({ settings }), '#/settings/closures');
    await user.click(await screen.findByRole('button', { name: 'Add a closure' }));
    const date = screen.getByLabelText('Closure 2 Date');
    await user.clear(date);
    await user.type(date, '2026-12-25');
    expect(date).toHaveAccessibleDescription('2026-12-25 is already in the list; edit that closure instead');
  });
});

describe('Preferences', () => {
  it('renames this PC and toggles launch at login', async () => {
    const desk = await openDesk();
    const { user } = renderConsole(desk, '#/settings/preferences');
    const name = await screen.findByLabelText('This PC’s name');
    await user.clear(name);
    await user.click(screen.getByRole('button', { name: 'Save name' }));
    expect(name).toHaveAccessibleDescription('Enter a name for this PC');
    await user.type(name, 'Reception');
    await user.click(screen.getByRole('button', { name: 'Save name' }));
    await waitFor(() => expect(desk.controller.state.preferences.pcName).toBe('Reception'));
    await user.click(screen.getByRole('checkbox', { name: 'Launch at login' }));
    await waitFor(() => expect(desk.controller.state.preferences.launchAtLogin).toBe(true));
    expect(screen.getByRole('checkbox', { name: 'Launch at login' })).toBeChecked();
  });
});

describe('What pet owners see now', () => {
  it('shows the banner the widget shows when the switch is off', async () => {
    const settings = { ...defaultSettings('Europe/London'), channels: { sms: '+447700900123', whatsapp: null } };
    const { user } = renderConsole(await openDesk({ settings }), '#/now');
    const preview = await screen.findByRole('region', { name: 'What pet owners see now' });
    expect(preview).toHaveTextContent('Chat with us');
    await user.click(screen.getByRole('switch', { name: 'Chat online' }));
    await waitFor(() => expect(preview).toHaveTextContent('We’re offline right now'));
    expect(preview).toHaveTextContent('You can still text us.');
  });
});
