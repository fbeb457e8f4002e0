// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultSettings, weekdays, capitalize } from '../../core/schedule-model.ts';
import type { ChatSettings } from '../../core/schemas/schedule.ts';
import { openDesk } from './support/desk.ts';
import { renderConsole } from './render-console.tsx';

async function openGrid(settings?: ChatSettings) {
  const desk = await openDesk({ settings });
  const view = renderConsole(desk, '#/settings/hours');
  await screen.findByRole('checkbox', { name: 'Monday' });
  return { desk, ...view };
}

const saveButton = () => screen.getByRole('button', { name: 'Save' });

/** The server goes down, then `day` is unticked and saved: the save waits on this PC. */
async function saveWithServerDown({ desk, user }: Awaited<ReturnType<typeof openGrid>>, day: string): Promise<void> {
  await desk.stopServer();
  await user.click(screen.getByRole('checkbox', { name: day }));
  await waitFor(() => expect(saveButton()).toBeEnabled());
  await user.click(saveButton());
  await screen.findByText('Saved on this PC — sent when the connection returns', undefined, { timeout: 10_000 });
}

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

  it('unticking Sunday is an unsaved change that Save sends to the server, then the marker clears', async () => {
    const { desk, user } = await openGrid();
    const before = (await desk.settings()).version;
    await user.click(screen.getByRole('checkbox', { name: 'Sunday' }));
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
    expect(screen.getByText(/Closed all day/)).toBeInTheDocument();
    await waitFor(() => expect(saveButton()).toBeEnabled());
    await user.click(saveButton());
    await screen.findByText('No unsaved changes');
    await waitFor(async () => expect((await desk.settings()).settings.week.sunday.open).toBe(false));
    expect((await desk.settings()).version).toBe(before + 1);
    expect(saveButton()).toBeDisabled();
  });

  it('a save made while the server is down says it waits, then clears when delivered', async () => {
    const grid = await openGrid();
    const { desk } = grid;
    await saveWithServerDown(grid, 'Saturday');
    expect(saveButton()).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Discard changes' })).toBeDisabled();
    expect(screen.getByRole('link', { name: 'Settings' })).not.toHaveTextContent('unsaved');

    await desk.startServer();
    expect(await screen.findByText('No unsaved changes', undefined, { timeout: 10_000 })).toBeInTheDocument();
    expect((await desk.settings()).settings.week.saturday.open).toBe(false);
    expect(screen.getByRole('checkbox', { name: 'Saturday' })).not.toBeChecked();
  });

  it('edits made while a save waits build on it: saved next, they are no conflict', async () => {
    const grid = await openGrid();
    const { desk, user } = grid;
    await saveWithServerDown(grid, 'Sunday');
    await user.click(screen.getByRole('checkbox', { name: 'Saturday' }));
    await desk.startServer();
    await waitFor(async () => expect((await desk.settings()).settings.week.sunday.open).toBe(false), { timeout: 10_000 });
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();

    await user.click(saveButton());
    await waitFor(async () => expect((await desk.settings()).settings.week.saturday.open).toBe(false), { timeout: 10_000 });
    expect(await screen.findByText('No unsaved changes')).toBeInTheDocument();
    expect(desk.controller.state.sync.conflict).toBeNull();
  });

  it('stashes unsaved edits in main, so the next window starts from them', async () => {
    const { desk, user } = await openGrid();
    const end = screen.getByLabelText('Tuesday end time');
    await user.clear(end);
    await user.type(end, '17:30');
    await waitFor(async () => expect(await desk.api.restoreDraft()).toMatchObject({ ok: true, draft: { settings: { week: { tuesday: { ranges: [{ end: '17:30' }] } } } } }));

    cleanup(); // the window closes; a new one opens
    renderConsole(desk, '#/settings/hours');
    await waitFor(() => expect(screen.getByLabelText('Tuesday end time')).toHaveValue('17:30'));
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
    expect((await desk.settings()).settings.week.tuesday.ranges[0]!.end).toBe('18:00');
  });

  it('Reset puts 09:00–18:00 back as an unsaved change; Discard changes returns to the saved hours', async () => {
    const saved = defaultSettings('Europe/London');
    const settings = { ...saved, week: { ...saved.week, monday: { open: true, ranges: [{ start: '08:00', end: '12:00' }] }, sunday: { open: false, ranges: [] } } };
    const { desk, user } = await openGrid(settings);
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(screen.getByLabelText('Monday start time')).toHaveValue('09:00');
    expect(screen.getByRole('checkbox', { name: 'Sunday' })).toBeChecked();
    expect(screen.getByLabelText('Sunday end time')).toHaveValue('18:00');
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
    expect((await desk.settings()).settings.week.monday.ranges[0]!.start).toBe('08:00'); // nothing saved yet

    await user.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(screen.getByLabelText('Monday start time')).toHaveValue('08:00');
    expect(screen.getByRole('checkbox', { name: 'Sunday' })).not.toBeChecked();
    expect(screen.getByText('No unsaved changes')).toBeInTheDocument();
    expect(await desk.api.restoreDraft()).toEqual({ ok: true, draft: null });
  });

  it('splits Monday with "Add hours" and saves both ranges', async () => {
    const { desk, user } = await openGrid();
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
    await waitFor(async () =>
      expect((await desk.settings()).settings.week.monday.ranges).toEqual([
        { start: '09:00', end: '13:00' },
        { start: '14:00', end: '18:00' },
      ]),
    );
    expect((await desk.settings()).settings.week.tuesday.ranges).toEqual([{ start: '09:00', end: '18:00' }]);
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
