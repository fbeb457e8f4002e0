// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings, weekdays, capitalize } from '../../core/schedule-model.ts';
import { createInMemoryAppApi } from './in-memory-app-api.ts';
import { renderConsole } from './render-console.tsx';

afterEach(cleanup);

async function openGrid(settings = defaultSettings('Europe/London')) {
  const api = createInMemoryAppApi({ settings });
  const view = renderConsole(api, '#/settings/hours');
  await screen.findByRole('checkbox', { name: 'Monday' });
  return { api, ...view };
}

const saveButton = () => screen.getByRole('button', { name: 'Save' });

describe('Business Hours grid', () => {
  it('shows the article defaults: every day ticked, 09:00 to 18:00, nothing to save', async () => {
    await openGrid();
    for (const day of weekdays) {
      const name = capitalize(day);
      expect(screen.getByRole('checkbox', { name })).toBeChecked();
      expect(screen.getByLabelText(`${name} start time`)).toHaveValue('09:00');
      expect(screen.getByLabelText(`${name} end time`)).toHaveValue('18:00');
    }
    expect(saveButton()).toBeDisabled();
    expect(screen.getByText('No unsaved changes')).toBeInTheDocument();
  });

  it('unticking Sunday is an unsaved change that Save sends to main, then the marker clears', async () => {
    const { api, user } = await openGrid();
    await user.click(screen.getByRole('checkbox', { name: 'Sunday' }));
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
    expect(screen.getByText(/Closed all day/)).toBeInTheDocument();
    await waitFor(() => expect(saveButton()).toBeEnabled());
    await user.click(saveButton());
    await waitFor(() => expect(api.model.settings.week.sunday.open).toBe(false));
    expect(api.model.version).toBe(2);
    await screen.findByText('No unsaved changes');
    expect(saveButton()).toBeDisabled();
  });

  it('a save made while the server is unreachable says it waits, then clears when delivered', async () => {
    const { api, user } = await openGrid();
    api.model.serverReachable = false;
    await user.click(screen.getByRole('checkbox', { name: 'Saturday' }));
    await waitFor(() => expect(saveButton()).toBeEnabled());
    await user.click(saveButton());
    expect(await screen.findByText('Saved on this PC — sent when the connection returns')).toBeInTheDocument();
    expect(saveButton()).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Discard changes' })).toBeDisabled();
    expect(screen.getByRole('link', { name: 'Settings' })).not.toHaveTextContent('unsaved');

    api.serverReturns();
    expect(await screen.findByText('No unsaved changes')).toBeInTheDocument();
    expect(api.model.settings.week.saturday.open).toBe(false);
    expect(screen.getByRole('checkbox', { name: 'Saturday' })).not.toBeChecked();
  });

  it('keeps the draft in main as it is edited (so it survives closing the window)', async () => {
    const { api, user } = await openGrid();
    const end = screen.getByLabelText('Tuesday end time');
    await user.clear(end);
    await user.type(end, '17:30');
    await waitFor(() => expect((api.model.draft as ReturnType<typeof defaultSettings>).week.tuesday.ranges[0]!.end).toBe('17:30'));
  });

  it('Reset puts 09:00–18:00 back as an unsaved change; Discard changes returns to the saved hours', async () => {
    const saved = defaultSettings('Europe/London');
    const settings = { ...saved, week: { ...saved.week, monday: { open: true, ranges: [{ start: '08:00', end: '12:00' }] }, sunday: { open: false, ranges: [] } } };
    const { api, user } = await openGrid(settings);
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(screen.getByLabelText('Monday start time')).toHaveValue('09:00');
    expect(screen.getByRole('checkbox', { name: 'Sunday' })).toBeChecked();
    expect(screen.getByLabelText('Sunday end time')).toHaveValue('18:00');
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
    expect(api.model.settings.week.monday.ranges[0]!.start).toBe('08:00'); // nothing saved yet

    await user.click(screen.getByRole('button', { name: 'Discard changes' }));
    await waitFor(() => expect(screen.getByLabelText('Monday start time')).toHaveValue('08:00'));
    expect(screen.getByRole('checkbox', { name: 'Sunday' })).not.toBeChecked();
    expect(screen.getByText('No unsaved changes')).toBeInTheDocument();
    expect(api.model.draft).toBeNull();
  });

  it('splits Monday with "Add hours" and saves both ranges', async () => {
    const { api, user } = await openGrid();
    await user.clear(screen.getByLabelText('Monday end time'));
    await user.type(screen.getByLabelText('Monday end time'), '13:00');
    await user.click(screen.getByRole('button', { name: 'Add hours to Monday' }));
    const start2 = screen.getByLabelText('Monday start time 2');
    const end2 = screen.getByLabelText('Monday end time 2');
    await user.clear(start2);
    await user.type(start2, '14:00');
    await user.clear(end2);
    await user.type(end2, '18:00');
    await waitFor(() => expect(saveButton()).toBeEnabled());
    await user.click(saveButton());
    await waitFor(() =>
      expect(api.model.settings.week.monday.ranges).toEqual([
        { start: '09:00', end: '13:00' },
        { start: '14:00', end: '18:00' },
      ]),
    );
    expect(api.model.settings.week.tuesday.ranges).toEqual([{ start: '09:00', end: '18:00' }]);
  });

  it('shows parseSettings errors beside the field and disables Save until fixed', async () => {
    const { user } = await openGrid();
    await user.click(screen.getByRole('button', { name: 'Add hours to Monday' }));
    const start2 = screen.getByLabelText('Monday start time 2');
    await user.clear(start2);
    await user.type(start2, '10:00'); // overlaps 09:00–18:00
    const message = 'Overlaps 09:00–18:00; the hours of one day must not overlap';
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(start2).toHaveAttribute('aria-invalid', 'true');
    expect(start2).toHaveAccessibleDescription(message);
    expect(saveButton()).toBeDisabled();
    expect(screen.getByRole('tab', { name: /Business Hours/ })).toHaveTextContent('needs fixing');

    await user.click(screen.getByRole('button', { name: 'Remove Monday hours 2' }));
    expect(screen.queryByText(message)).not.toBeInTheDocument();
    await waitFor(() => expect(saveButton()).toBeDisabled()); // back to the saved hours: nothing to save
  });

  it('says "ends next day" for a range past midnight', async () => {
    const { user } = await openGrid();
    const row = screen.getByRole('checkbox', { name: 'Friday' }).closest('li')!;
    expect(within(row).queryByText('ends next day')).not.toBeInTheDocument();
    const end = screen.getByLabelText('Friday end time');
    await user.clear(end);
    await user.type(end, '02:00');
    expect(within(row).getByText('ends next day')).toBeInTheDocument();
  });

  it('copies Monday to all days', async () => {
    const { user } = await openGrid();
    await user.clear(screen.getByLabelText('Monday start time'));
    await user.type(screen.getByLabelText('Monday start time'), '08:30');
    await user.click(screen.getByRole('button', { name: 'Copy Monday to all days' }));
    for (const day of weekdays) expect(screen.getByLabelText(`${capitalize(day)} start time`)).toHaveValue('08:30');
  });

  it('validates the clinic time zone from the list', async () => {
    const { user } = await openGrid();
    const zone = screen.getByRole('combobox', { name: 'Clinic time zone' });
    await user.clear(zone);
    await user.type(zone, 'Mars/Olympus');
    expect(zone).toHaveAccessibleDescription(/Choose a time zone from the list/);
    expect(saveButton()).toBeDisabled();
    await user.clear(zone);
    await user.type(zone, 'Europe/Paris');
    expect(zone).not.toHaveAttribute('aria-invalid');
    await waitFor(() => expect(saveButton()).toBeEnabled());
  });
});
