// @vitest-environment jsdom
// Another PC saves while this one edits: without edits the grid follows; with edits it keeps them and
// their base version, so Save meets the server's 412 and staff choose, nothing overwritten silently.
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../core/schedule-model.ts';
import type { ChatSettings } from '../../core/schemas/schedule.ts';
import { openDesk } from './support/desk.ts';
import type { Desk } from './support/desk.ts';
import { renderConsole } from './render-console.tsx';

const theirs = (settings: ChatSettings): ChatSettings => ({ ...settings, week: { ...settings.week, saturday: { open: true, ranges: [{ start: '09:00', end: '12:00' }] } } });

/** Another PC saves, and this PC hears of it. */
async function savedElsewhere(desk: Desk, change = theirs): Promise<void> {
  const { version } = await desk.saveFromAnotherPc(change);
  await desk.until((state) => state.server?.version === version);
}

async function conflictAfterSavingSundayOff() {
  const desk = await openDesk();
  const view = renderConsole(desk, '#/settings/hours');
  await view.user.click(await screen.findByRole('checkbox', { name: 'Sunday' }));
  await savedElsewhere(desk);
  // The edit stays, on its own base; their Saturday is not taken into it.
  expect(screen.getByRole('checkbox', { name: 'Sunday' })).not.toBeChecked();
  expect(screen.getByLabelText('Saturday end time')).toHaveValue('18:00');
  await waitFor(() => expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled());
  await view.user.click(screen.getByRole('button', { name: 'Save' }));
  const panel = await screen.findByRole('region', { name: 'Someone else saved first' }, { timeout: 10_000 });
  return { desk, panel, ...view };
}

describe('another PC saves while this one has the settings open', () => {
  it('without edits here, the grid follows the new settings', async () => {
    const desk = await openDesk();
    renderConsole(desk, '#/settings/hours');
    await screen.findByRole('checkbox', { name: 'Sunday' });
    await savedElsewhere(desk);
    await waitFor(() => expect(screen.getByLabelText('Saturday end time')).toHaveValue('12:00'));
    expect(screen.getByText('No unsaved changes')).toBeInTheDocument();
  });

  it('with edits here, Save shows both versions, says which days differ, and blocks Save until decided', async () => {
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
    const { desk, user } = await conflictAfterSavingSundayOff();
    await user.click(screen.getByRole('button', { name: 'Keep mine' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Someone else saved first' })).not.toBeInTheDocument());
    await waitFor(async () => expect((await desk.settings()).settings.week.sunday.open).toBe(false));
    expect((await desk.settings()).settings.week.saturday.ranges).toEqual([{ start: '09:00', end: '18:00' }]);
    expect(screen.getByRole('checkbox', { name: 'Sunday' })).not.toBeChecked();
    expect(await screen.findByText('No unsaved changes', undefined, { timeout: 10_000 })).toBeInTheDocument();
  });

  it('"Use theirs" takes the other PC’s version into the grid', async () => {
    const { desk, user } = await conflictAfterSavingSundayOff();
    await user.click(screen.getByRole('button', { name: 'Use theirs' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Someone else saved first' })).not.toBeInTheDocument());
    expect((await desk.settings()).settings).toEqual(theirs(defaultSettings('Europe/London')));
    expect(screen.getByRole('checkbox', { name: 'Sunday' })).toBeChecked();
    expect(screen.getByLabelText('Saturday end time')).toHaveValue('12:00');
    expect(screen.getByText('No unsaved changes')).toBeInTheDocument();
    expect(await desk.api.restoreDraft()).toEqual({ ok: true, draft: null });
  });

  it('marks only real differences: not closures or ranges in another order, nor an unticked day’s hidden hours', async () => {
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
    // A window closed with `mine` unsaved, on the version before the other PC saved `saved`.
    const desk = await openDesk();
    await desk.api.stashDraft({ settings: mine, baseVersion: (await desk.settings()).version });
    await savedElsewhere(desk, () => saved);
    const { user } = renderConsole(desk, '#/settings/hours');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const panel = await screen.findByRole('region', { name: 'Someone else saved first' }, { timeout: 10_000 });
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
