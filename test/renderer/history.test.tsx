// @vitest-environment jsdom
// Settings → History: the server's record of switch and settings changes, newest first, paged with the
// cursor, refreshed when this PC hears of a new change, and worded in this PC's locale: jsdom's is
// en-US, so times read "10:02 AM" and hours "9:00 AM–6:00 PM".
import '@testing-library/jest-dom/vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../core/schedule-model.ts';
import type { HistoryEntry } from '../../core/schemas/history.ts';
import { createInMemoryAppApi, TEST_NOW } from './in-memory-app-api.ts';
import { renderConsole } from './render-console.tsx';

afterEach(cleanup);

const list = () => screen.getByRole('list', { name: 'Changes, newest first' });
const lines = () => within(list()).getAllByRole('listitem').filter((item) => item.parentElement === list());

/** Settings saved by another PC on a given day: one entry with one change. */
function pastEntry(id: number, at: Date): HistoryEntry {
  return {
    id,
    at: at.toISOString(),
    changedBy: 'Reception',
    kind: 'settings',
    version: id + 1,
    changes: [{ field: 'channels', channel: 'sms', before: null, after: `+4477009${String(id).padStart(5, '0')}` }],
  };
}

describe('Settings → History', () => {
  it('says when nothing has been recorded yet', async () => {
    renderConsole(createInMemoryAppApi(), '#/settings/history');
    expect(await screen.findByText(/No changes recorded yet/, undefined, { timeout: 10_000 })).toBeInTheDocument();
  });

  it('lists this PC’s switch and save newest first, each with time, PC and what changed', async () => {
    const api = createInMemoryAppApi();
    const { user } = renderConsole(api, '#/settings/hours');
    await user.click(await screen.findByRole('switch', { name: 'Chat online' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Go offline' }));
    const saturdayEnd = screen.getByLabelText('Saturday end time');
    await user.clear(saturdayEnd);
    await user.type(saturdayEnd, '13:00');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.model.history).toHaveLength(2));

    await user.click(screen.getByRole('tab', { name: 'History' }));
    await waitFor(() => expect(lines()).toHaveLength(2), { timeout: 10_000 });
    expect(lines()[0]).toHaveTextContent('Today 10:02 AM · Front desk 1 · Saturday 9:00 AM–6:00 PM → 9:00 AM–1:00 PM');
    expect(lines()[1]).toHaveTextContent('Today 10:01 AM · Front desk 1 · went offline');
    expect(within(lines()[0]!).getByText('Today 10:02 AM')).toHaveAttribute('datetime', api.model.history[1]!.at);
    expect(screen.getByText(/That is everything recorded. Changes are kept for at least 90 days./)).toBeInTheDocument();
  });

  it('shows a colleague’s change as soon as this PC hears of it, and lists a save of several changes', async () => {
    const api = createInMemoryAppApi();
    renderConsole(api, '#/settings/history');
    await screen.findByText(/No changes recorded yet/, undefined, { timeout: 10_000 });
    const base = defaultSettings('Europe/London');
    act(() =>
      api.saveFromAnotherPc({
        ...base,
        week: { ...base.week, sunday: { open: false, ranges: [] } },
        channels: { sms: '+447700900123', whatsapp: null },
      }),
    );
    await waitFor(() => expect(lines()).toHaveLength(1));
    expect(lines()[0]).toHaveTextContent('Today 10:01 AM · Reception · saved 2 changes:');
    expect(within(lines()[0]!).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Sunday unticked', 'SMS number set: +447700900123']);
  });

  it('pages back with "Show older", days said by weekday within the week', async () => {
    const api = createInMemoryAppApi();
    const twoDaysAgo = new Date(TEST_NOW.getTime() - 2 * 86_400_000); // a Monday
    api.model.history = Array.from({ length: 60 }, (_, index) => pastEntry(index + 1, new Date(twoDaysAgo.getTime() + index * 60_000)));
    const { user } = renderConsole(api, '#/settings/history');
    await waitFor(() => expect(lines()).toHaveLength(50), { timeout: 10_000 });
    expect(lines()[0]).toHaveTextContent('Mon 10:59 AM · Reception · SMS number set: +447700900060');
    expect(lines()[49]).toHaveTextContent('SMS number set: +447700900011');

    await user.click(screen.getByRole('button', { name: 'Show older' }));
    await waitFor(() => expect(lines()).toHaveLength(60));
    expect(lines()[59]).toHaveTextContent('Mon 10:00 AM · Reception · SMS number set: +447700900001');
    expect(api.calls.filter((call) => call.operation === 'getHistory').at(-1)!.args).toEqual([{ before: 11 }]);
    expect(screen.queryByRole('button', { name: 'Show older' })).not.toBeInTheDocument();
  });

  it('says why it cannot show the history, and tries again on request', async () => {
    const api = createInMemoryAppApi();
    api.historyFailure = { ok: false, error: { code: 'unreachable', message: 'The history needs the server, which cannot be reached right now.' } };
    const { user } = renderConsole(api, '#/settings/history');
    expect(await screen.findByRole('alert', undefined, { timeout: 10_000 })).toHaveTextContent('The history needs the server, which cannot be reached right now.');

    api.historyFailure = null;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/No changes recorded yet/)).toBeInTheDocument();
  });
});
