// @vitest-environment jsdom
// Values the clinic's IT administrator set and locked on this PC (fleet configuration, AppState.managed)
// are shown read-only with main's note, and the window offers nothing main would refuse.
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ManagedInfo } from '../../core/schemas/app-api.ts';
import { createInMemoryAppApi } from './in-memory-app-api.ts';
import { renderConsole } from './render-console.tsx';

afterEach(cleanup);

const note = 'Set by your clinic’s IT administrator';
const everything: ManagedInfo = { locked: ['serverUrl', 'clinicId', 'token', 'pcName'], note };

describe('a PC whose values are locked', () => {
  it('shows the PC name read-only with the note, and no way to rename it', async () => {
    const api = createInMemoryAppApi({ managed: { locked: ['pcName'], note } });
    renderConsole(api, '#/settings/preferences');
    const name = await screen.findByLabelText('This PC’s name');
    expect(name).toHaveAttribute('readonly');
    expect(name).toHaveValue('Front desk 1');
    expect(name).toHaveAccessibleDescription(note);
    expect(screen.queryByRole('button', { name: 'Save name' })).not.toBeInTheDocument();
    // The connection is not locked here: Disconnect stays.
    expect(screen.getByRole('button', { name: 'Disconnect this PC' })).toBeInTheDocument();
  });

  it('marks the locked connection values and offers no Disconnect', async () => {
    const api = createInMemoryAppApi({ managed: everything });
    const { user } = renderConsole(api, '#/settings/preferences');
    const connection = await screen.findByRole('region', { name: 'Connection' });
    expect(within(connection).getAllByText(note)).toHaveLength(3);
    expect(within(connection).queryByRole('button', { name: 'Disconnect this PC' })).not.toBeInTheDocument();
    expect(connection).toHaveTextContent('This PC stays connected to this clinic');
    // Unlocked preferences stay the staff's own.
    await user.click(screen.getByRole('checkbox', { name: 'Launch at login' }));
    await waitFor(() => expect(api.model.preferences.launchAtLogin).toBe(true));
  });

  it('a PC not connected yet, with a locked connection: no form to fill in, the note, and the administrator’s notices', async () => {
    const api = createInMemoryAppApi({
      connected: false,
      managed: { locked: ['serverUrl', 'clinicId', 'token'], note },
      notices: [{ id: 'fleet', kind: 'fleet-config', message: 'fleet.json: "serverUrl" must be an https:// address' }],
    });
    renderConsole(api);
    expect(await screen.findByText(note)).toBeInTheDocument();
    expect(screen.getByText(/set up by your clinic’s IT administrator, so there is nothing to enter here/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Server address')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Connect' })).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Notices' })).toHaveTextContent('fleet.json: "serverUrl" must be an https:// address');
  });
});

describe('a PC whose server and clinic are pre-set, with its own token to type', () => {
  it('starts the form from the administrator’s values, read-only, and connects with the typed token', async () => {
    const api = createInMemoryAppApi({
      connected: false,
      managed: { locked: ['serverUrl', 'clinicId'], note, prefill: { serverUrl: 'https://chat.riverside-vets.example', clinicId: 'clinic-1' } },
    });
    const { user } = renderConsole(api);
    const server = await screen.findByLabelText('Server address');
    expect(server).toHaveValue('https://chat.riverside-vets.example');
    expect(server).toHaveAttribute('readonly');
    expect(server).toHaveAccessibleDescription(note);
    expect(screen.getByLabelText('Clinic ID')).toHaveAttribute('readonly');
    const token = screen.getByLabelText('Access token');
    expect(token).not.toHaveAttribute('readonly');
    await user.type(token, 'pc-token-123');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(api.model.connected).toBe(true));
    expect(api.calls.filter((call) => call.operation === 'connect')).toEqual([
      { operation: 'connect', args: [{ serverUrl: 'https://chat.riverside-vets.example', clinicId: 'clinic-1', token: 'pc-token-123' }] },
    ]);
  });
});

describe('a PC nobody manages', () => {
  it('can rename itself and disconnect, back to the connection form', async () => {
    const api = createInMemoryAppApi();
    const { user } = renderConsole(api, '#/settings/preferences');
    expect(await screen.findByLabelText('This PC’s name')).not.toHaveAttribute('readonly');
    expect(screen.queryByText(note)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Disconnect this PC' }));
    expect(await screen.findByRole('button', { name: 'Connect' })).toBeInTheDocument();
    expect(screen.getByLabelText('Server address')).toBeInTheDocument();
  });
});
