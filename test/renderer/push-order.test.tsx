// @vitest-environment jsdom
// An operation's answer and main's pushed snapshots travel separately (over the preview host: a POST
// response and an event stream), so a push sent after main answered can arrive first. The window must
// end on the newest state, not on the answer that came in last.
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createInMemoryAppApi } from './in-memory-app-api.ts';
import { renderConsole } from './render-console.tsx';

afterEach(cleanup);

describe('answers and pushes out of order', () => {
  it('a save delivered (pushed) before its own answer arrives ends as saved, not as still waiting', async () => {
    const api = createInMemoryAppApi();
    api.model.serverReachable = false; // the save is queued in main: its answer says "waiting"
    const saveInMain = api.saveSettings;
    api.saveSettings = async () => {
      const answer = await saveInMain();
      api.serverReturns(); // main delivers it and pushes the new state before the answer gets here
      await new Promise((resolve) => setTimeout(resolve, 10));
      return answer;
    };
    const { user } = renderConsole(api, '#/settings/hours');
    await user.click(await screen.findByRole('checkbox', { name: 'Sunday' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(api.model.settings.week.sunday.open).toBe(false));
    expect(await screen.findByText('No unsaved changes')).toBeInTheDocument();
    // Stays so: the older answer, arriving last, does not put "waiting" back.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByText('No unsaved changes')).toBeInTheDocument();
    expect(screen.queryByText('Saved on this PC — sent when the connection returns')).not.toBeInTheDocument();
    expect(screen.getByRole('banner')).toHaveTextContent(/Sync: Saved$/);
  });
});
