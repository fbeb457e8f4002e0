// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../core/schedule-model.ts';
import { openDesk } from './support/desk.ts';
import { renderConsole } from './render-console.tsx';

const saveButton = () => screen.getByRole('button', { name: 'Save' });

describe('Channels → emergency contact', () => {
  it('says where the line appears, asks for the missing half beside its field, and saves both', async () => {
    const desk = await openDesk();
    const { user } = renderConsole(desk, '#/settings/channels');
    const label = await screen.findByLabelText('Emergency label');
    expect(label).toHaveAccessibleDescription(/Shown first and most prominently, as a tap-to-call link .* whenever web chat is not accepting/);

    await user.type(label, 'Out-of-hours emergencies: Riverside 24h Vets');
    const phone = screen.getByLabelText('Emergency phone number');
    await waitFor(() => expect(phone).toHaveAttribute('aria-invalid', 'true'));
    expect(phone).toHaveAccessibleDescription(/Enter the number in international format/);
    expect(screen.getByRole('tab', { name: /Channels/ })).toHaveTextContent('needs fixing');
    expect(saveButton()).toBeDisabled();

    await user.type(phone, '+44 20 7946 0000');
    await waitFor(() => expect(phone).not.toHaveAttribute('aria-invalid'));
    const example = screen.getByRole('figure', { name: /How the website’s chat banner starts/ });
    expect(example).toHaveTextContent('Out-of-hours emergencies: Riverside 24h Vets: Call +44 20 7946 0000');
    expect(example).toHaveTextContent('We’re outside our chat hours');

    await waitFor(() => expect(saveButton()).toBeEnabled());
    await user.click(saveButton());
    await waitFor(async () => expect((await desk.settings()).settings.emergency).toEqual({ label: 'Out-of-hours emergencies: Riverside 24h Vets', phone: '+442079460000' }));
  });

  it('emptying both fields removes the line (no emergency contact, nothing to fix)', async () => {
    const settings = { ...defaultSettings('Europe/London'), emergency: { label: 'Emergencies: Riverside 24h Vets', phone: '+442079460000' } };
    const desk = await openDesk({ settings });
    const { user } = renderConsole(desk, '#/settings/channels');
    const label = await screen.findByLabelText('Emergency label');
    await user.clear(label);
    await waitFor(() => expect(label).toHaveAccessibleDescription(/Say who owners will reach/));
    expect(screen.queryByRole('figure')).not.toBeInTheDocument();
    await user.clear(screen.getByLabelText('Emergency phone number'));
    await waitFor(() => expect(label).not.toHaveAttribute('aria-invalid'));
    await waitFor(() => expect(saveButton()).toBeEnabled());
    await user.click(saveButton());
    await waitFor(async () => expect((await desk.settings()).settings.emergency).toBeNull());
  });
});

describe('What pet owners see now, with an emergency line', () => {
  it('puts the line first in the banner once chat stops accepting', async () => {
    const settings = { ...defaultSettings('Europe/London'), emergency: { label: 'Out-of-hours emergencies: Riverside 24h Vets', phone: '+442079460000' } };
    const { user } = renderConsole(await openDesk({ settings }), '#/now');
    const preview = await screen.findByRole('region', { name: 'What pet owners see now' });
    expect(preview).toHaveTextContent('Chat with us');
    expect(preview).not.toHaveTextContent('Riverside 24h Vets');

    await user.click(screen.getByRole('switch', { name: 'Chat online' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Go offline' }));
    await waitFor(() => expect(preview).toHaveTextContent('We’re offline right now'));
    const lines = within(preview).getAllByRole('paragraph');
    expect(lines[0]).toHaveTextContent('Out-of-hours emergencies: Riverside 24h Vets: Call +442079460000');
  });
});
