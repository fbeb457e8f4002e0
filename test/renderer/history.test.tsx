// @vitest-environment jsdom
// Settings → History: the server's record of switch and settings changes, newest first, paged with the
// cursor, refreshed when this PC hears of a new change, and worded in this PC's locale: jsdom's is
// en-US, so times read "10:02 AM" and hours "9:00 AM–6:00 PM".
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openDesk } from './support/desk.ts';
import { renderConsole } from './render-console.tsx';

const list = () => screen.getByRole('list', { name: 'Changes, newest first' });
const lines = () => within(list()).getAllByRole('listitem').filter((item) => item.parentElement === list());

const DAY_MS = 86_400_000;

describe('Settings → History', () => {
  it('says when nothing has been recorded yet', async () => {
    renderConsole(await openDesk(), '#/settings/history');
    expect(await screen.findByText(/No changes recorded yet/, undefined, { timeout: 10_000 })).toBeInTheDocument();
  });

  it('lists this PC’s switch and save newest first, each with time, PC and what changed', async () => {
    const desk = await openDesk();
    const { user } = renderConsole(desk, '#/settings/hours');
    await user.click(await screen.findByRole('switch', { name: 'Chat online' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Go offline' }));
    const saturdayEnd = screen.getByLabelText('Saturday end time');
    await user.clear(saturdayEnd);
    await user.type(saturdayEnd, '13:00');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await desk.until((state) => state.sync.state === 'synced' && state.sync.pending === 0 && state.server?.settings.week.saturday.ranges[0]?.end === '13:00');

    await user.click(screen.getByRole('tab', { name: 'History' }));
    await waitFor(() => expect(lines()).toHaveLength(2), { timeout: 10_000 });
    expect(lines()[0]).toHaveTextContent('Today 10:00 AM · Front desk 1 · Saturday 9:00 AM–6:00 PM → 9:00 AM–1:00 PM');
    expect(lines()[1]).toHaveTextContent('Today 10:00 AM · Front desk 1 · went offline');
    const history = await desk.api.getHistory({});
    expect(within(lines()[0]!).getByText('Today 10:00 AM')).toHaveAttribute('datetime', history.ok ? history.history.entries[0]!.at : '');
    expect(screen.getByText(/That is everything recorded. Changes are kept for at least 90 days./)).toBeInTheDocument();
  });

  it('shows a colleague’s change as soon as this PC hears of it, and lists a save of several changes', async () => {
    const desk = await openDesk();
    renderConsole(desk, '#/settings/history');
    await screen.findByText(/No changes recorded yet/, undefined, { timeout: 10_000 });
    await desk.saveFromAnotherPc((settings) => ({
      ...settings,
      week: { ...settings.week, sunday: { open: false, ranges: [] } },
      channels: { sms: '+447700900123', whatsapp: null },
    }));
    await waitFor(() => expect(lines()).toHaveLength(1), { timeout: 10_000 });
    expect(lines()[0]).toHaveTextContent('Today 10:00 AM · Reception · saved 2 changes:');
    expect(within(lines()[0]!).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Sunday unticked', 'SMS number set: +447700900123']);
  });

  it('pages back with "Show older", days said by weekday within the week', async () => {
    // Sixty saves by a colleague on Monday morning; the window opens on Wednesday.
    const desk = await openDesk({ start: new Date('2026-11-23T10:00:00Z') });
    for (let change = 1; change <= 60; change++) {
      const sms = `+4477009001${String(change).padStart(2, '0')}`;
      await desk.saveFromAnotherPc((settings) => ({ ...settings, channels: { sms, whatsapp: null } }));
    }
    desk.clock.shift(2 * DAY_MS);
    const { user } = renderConsole(desk, '#/settings/history');
    await waitFor(() => expect(lines()).toHaveLength(50), { timeout: 10_000 });
    expect(lines()[0]).toHaveTextContent(/^Mon 10:0\d AM · Reception · SMS number .*\+447700900160$/);
    expect(lines()[49]).toHaveTextContent(/\+447700900111$/);

    await user.click(screen.getByRole('button', { name: 'Show older' }));
    await waitFor(() => expect(lines()).toHaveLength(60));
    expect(lines()[59]).toHaveTextContent(/^Mon 10:0\d AM · Reception · SMS number set: \+447700900101$/);
    expect(desk.calls.filter((call) => call.operation === 'getHistory').at(-1)!.args).toEqual([{ before: expect.any(Number) }]);
    expect(screen.queryByRole('button', { name: 'Show older' })).not.toBeInTheDocument();
  });

  it('says why it cannot show the history, and tries again on request', async () => {
    const desk = await openDesk();
    await desk.stopServer();
    const { user } = renderConsole(desk, '#/settings/history');
    expect(await screen.findByRole('alert', undefined, { timeout: 10_000 })).toHaveTextContent(/The change history is kept on the server, which can’t be reached/);

    await desk.startServer();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/No changes recorded yet/, undefined, { timeout: 10_000 })).toBeInTheDocument();
  });
});
