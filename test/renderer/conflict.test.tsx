// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../core/schedule-model.ts';
import type { ChatSettings } from '../../core/schemas/schedule.ts';
import { createInMemoryAppApi } from './in-memory-app-api.ts';
import { renderConsole } from './render-console.tsx';

afterEach(cleanup);

const theirs = (): ChatSettings => {
  const base = defaultSettings('Europe/London');
  return { ...base, week: { ...base.week, saturday: { open: true, ranges: [{ start: '09:00', end: '12:00' }] } } };
};

async function conflictAfterSavingSundayOff() {
  const api = createInMemoryAppApi();
  const view = renderConsole(api, '#/settings/hours');
  await view.user.click(await screen.findByRole('checkbox', { name: 'Sunday' }));
  api.saveFromAnotherPc(theirs()); // the other PC saves first
  await waitFor(() => expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled());
  await view.user.click(screen.getByRole('button', { name: 'Save' }));
  const panel = await screen.findByRole('region', { name: 'Someone else saved first' });
  return { api, panel, ...view };
}

describe('a conflict between two PCs', () => {
  it('shows both versions, says which days differ, and blocks Save until decided', async () => {
    const { panel } = await conflictAfterSavingSundayOff();
    const row = (name: string) => within(panel).getByRole('row', { name: new RegExp(`^${name}`) });
    expect(row('Sunday')).toHaveTextContent('differs');
    // jsdom's locale is en-US, so times are on the 12-hour clock, as that PC would show them.
    expect(within(row('Sunday')).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['Closed all day', '9:00 AM–6:00 PM']);
    expect(within(row('Saturday')).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['9:00 AM–6:00 PM', '9:00 AM–12:00 PM']);
    expect(row('Monday')).not.toHaveTextContent('differs');
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    expect(screen.getByText(/Conflict — someone else saved first/)).toBeInTheDocument();
  });

  it('"Keep mine" saves this PC’s version over the other', async () => {
    const { api, user } = await conflictAfterSavingSundayOff();
    await user.click(screen.getByRole('button', { name: 'Keep mine' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Someone else saved first' })).not.toBeInTheDocument());
    expect(api.model.settings.week.sunday.open).toBe(false);
    expect(screen.getByRole('checkbox', { name: 'Sunday' })).not.toBeChecked();
  });

  it('"Use theirs" takes the other PC’s version into the grid', async () => {
    const { api, user } = await conflictAfterSavingSundayOff();
    await user.click(screen.getByRole('button', { name: 'Use theirs' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Someone else saved first' })).not.toBeInTheDocument());
    expect(api.model.settings).toEqual(theirs());
    expect(screen.getByRole('checkbox', { name: 'Sunday' })).toBeChecked();
    expect(screen.getByLabelText('Saturday end time')).toHaveValue('12:00');
    expect(screen.getByText('No unsaved changes')).toBeInTheDocument();
  });

  it('marks only real differences: not closures or ranges in another order, nor an unticked day’s hidden hours', async () => {
    const api = createInMemoryAppApi();
    const base = defaultSettings('Europe/London');
    const christmas = { date: '2026-12-25', label: 'Christmas Day', ranges: [] };
    const boxingDay = { date: '2026-12-26', label: 'Boxing Day', ranges: [] };
    const split = [{ start: '09:00', end: '13:00' }, { start: '14:00', end: '18:00' }];
    const saved: ChatSettings = {
      ...base,
      week: { ...base.week, monday: { open: true, ranges: split }, tuesday: { open: false, ranges: [{ start: '09:00', end: '18:00' }] } },
      closures: [christmas, boxingDay],
    };
    // The same closures as a holiday import lists them, Monday's ranges typed the other way round,
    // other hours left under unticked Tuesday; and one real change, Sunday unticked.
    const mine: ChatSettings = {
      ...saved,
      week: { ...saved.week, monday: { open: true, ranges: split.toReversed() }, tuesday: { open: false, ranges: [{ start: '10:00', end: '12:00' }] }, sunday: { open: false, ranges: [] } },
      closures: [boxingDay, christmas],
    };
    api.model.settings = saved;
    api.model.conflict = { mine, theirs: { settings: saved, version: 2 } };
    renderConsole(api, '#/settings/hours');
    const panel = await screen.findByRole('region', { name: 'Someone else saved first' });
    const row = (name: string) => within(panel).getByRole('row', { name: new RegExp(`^${name}`) });
    expect(row('Sunday')).toHaveTextContent('differs');
    for (const name of ['Monday', 'Tuesday', 'Closures']) expect(row(name)).not.toHaveTextContent('differs');
    expect(within(panel).getAllByText('differs')).toHaveLength(1);
    // The same closures read the same on both sides, earliest first.
    const [yoursText, savedText] = within(row('Closures')).getAllByRole('cell').map((cell) => cell.textContent);
    expect(yoursText).toBe(savedText);
    expect(yoursText).toMatch(/^2: .*25.*, .*26/);
  });
});
