// @vitest-environment jsdom
// Values the clinic's IT administrator set and locked on this PC (a real fleet.json, main's own policy)
// are shown read-only with main's note, and the window offers nothing main would refuse.
import '@testing-library/jest-dom/vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { loadFleet } from '../../main/fleet/fleet.ts';
import type { Fleet } from '../../main/fleet/fleet.ts';
import { disposeAfterTest, openDesk } from './support/desk.ts';
import type { Desk, DeskOptions } from './support/desk.ts';
import { renderConsole } from './render-console.tsx';

const note = 'Set by your clinic’s IT administrator';

/** The fleet.json an administrator wrote for this PC, as main reads it. */
function fleet(contents: Record<string, unknown>): Fleet {
  const dir = mkdtempSync(join(tmpdir(), 'chatdesk-fleet-'));
  disposeAfterTest(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'fleet.json');
  writeFileSync(path, JSON.stringify(contents));
  return loadFleet({ argv: [], env: { CHATDESK_FLEET_CONFIG: path }, platform: 'linux', cwd: dir });
}

/** A desk whose fleet.json pre-sets `keys` of its server and clinic (the token too, when asked) and locks `locked`. */
function managed(options: { preset: ('serverUrl' | 'clinicId' | 'token' | 'pcName')[]; locked: string[] } & DeskOptions): Promise<Desk> {
  return openDesk({
    ...options,
    fleet: ({ url, clinic }) => {
      const values = { serverUrl: url, clinicId: clinic.clinicId, token: clinic.token, pcName: 'Front desk 1' };
      return fleet({ ...Object.fromEntries(options.preset.map((key) => [key, values[key]])), locked: options.locked });
    },
  });
}

describe('a PC whose values are locked', () => {
  it('shows the PC name read-only with the note, and no way to rename it', async () => {
    renderConsole(await managed({ preset: ['pcName'], locked: ['pcName'] }), '#/settings/preferences');
    const name = await screen.findByLabelText('This PC’s name');
    expect(name).toHaveAttribute('readonly');
    expect(name).toHaveValue('Front desk 1');
    expect(name).toHaveAccessibleDescription(note);
    expect(screen.queryByRole('button', { name: 'Save name' })).not.toBeInTheDocument();
    // The connection is not locked here: Disconnect stays.
    expect(screen.getByRole('button', { name: 'Disconnect this PC' })).toBeInTheDocument();
  });

  it('marks the locked connection values and offers no Disconnect', async () => {
    const desk = await managed({ preset: ['serverUrl', 'clinicId', 'token', 'pcName'], locked: ['serverUrl', 'clinicId', 'token', 'pcName'] });
    const { user } = renderConsole(desk, '#/settings/preferences');
    const connection = await screen.findByRole('region', { name: 'Connection' });
    expect(within(connection).getAllByText(note)).toHaveLength(3);
    expect(within(connection).queryByRole('button', { name: 'Disconnect this PC' })).not.toBeInTheDocument();
    expect(connection).toHaveTextContent('This PC stays connected to this clinic');
    // Unlocked preferences stay the staff's own.
    await user.click(screen.getByRole('checkbox', { name: 'Launch at login' }));
    await waitFor(() => expect(desk.controller.state.preferences.launchAtLogin).toBe(true));
  });

  it('a PC not connected yet, with a locked connection: no form to fill in, the note, and the administrator’s notices', async () => {
    const desk = await managed({ preset: ['serverUrl', 'clinicId', 'token'], locked: ['serverUrl', 'clinicId', 'token', 'launchAtLogin'], connected: false });
    renderConsole(desk);
    expect(await screen.findByText(note)).toBeInTheDocument();
    expect(screen.getByText(/set up by your clinic’s IT administrator, so there is nothing to enter here/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Server address')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Connect' })).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Notices' })).toHaveTextContent(/could not be used; tell them: .*locked/);
  });
});

describe('a PC whose server and clinic are pre-set, with its own token to type', () => {
  it('starts the form from the administrator’s values, read-only, and connects with the typed token', async () => {
    const desk = await managed({ preset: ['serverUrl', 'clinicId'], locked: ['serverUrl', 'clinicId'], connected: false });
    const { user } = renderConsole(desk);
    const server = await screen.findByLabelText('Server address');
    expect(server).toHaveValue(desk.serverUrl);
    expect(server).toHaveAttribute('readonly');
    expect(server).toHaveAccessibleDescription(note);
    expect(screen.getByLabelText('Clinic ID')).toHaveAttribute('readonly');
    const token = screen.getByLabelText('Access token');
    expect(token).not.toHaveAttribute('readonly');
    await user.type(token, desk.clinic.token);
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByRole('switch', { name: 'Chat online' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(desk.calls.filter((call) => call.operation === 'connect')).toEqual([
      { operation: 'connect', args: [{ serverUrl: desk.serverUrl, clinicId: desk.clinic.clinicId, token: desk.clinic.token }] },
    ]);
  });
});

describe('a PC nobody manages', () => {
  it('can rename itself and disconnect, back to the connection form', async () => {
    const { user } = renderConsole(await openDesk(), '#/settings/preferences');
    expect(await screen.findByLabelText('This PC’s name')).not.toHaveAttribute('readonly');
    expect(screen.queryByText(note)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Disconnect this PC' }));
    expect(await screen.findByRole('button', { name: 'Connect' })).toBeInTheDocument();
    expect(screen.getByLabelText('Server address')).toBeInTheDocument();
  });
});
