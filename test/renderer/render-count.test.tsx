// @vitest-environment jsdom
// Narrow selectors: editing Monday re-renders Monday's row, not the grid or the other days. Renders are
// counted by the RenderProbe the grid and rows report to.
import '@testing-library/jest-dom/vitest';
import { screen, waitFor } from '@testing-library/react';
import { expect, it } from 'vitest';
import { RenderProbeContext } from '../../renderer/src/components/render-probe.ts';
import { openDesk } from './support/desk.ts';
import { renderConsole } from './render-console.tsx';

it('editing Monday re-renders only Monday’s row', async () => {
  const renders = new Map<string, number>();
  const probe = (component: string): void => {
    renders.set(component, (renders.get(component) ?? 0) + 1);
  };
  const desk = await openDesk();
  const { user, store } = renderConsole(desk, '#/settings/hours', { wrap: (app) => <RenderProbeContext.Provider value={probe}>{app}</RenderProbeContext.Provider> });
  const end = await screen.findByLabelText('Monday end time');
  // Let the first snapshot, the stash read and the validator settle, then count from zero.
  await waitFor(() => expect(store.getState().draft).not.toBeNull());
  renders.clear();

  await user.clear(end);
  await user.type(end, '17:00');
  await user.click(screen.getByRole('checkbox', { name: 'Monday' }));
  await waitFor(() => expect(screen.getByText('Unsaved changes')).toBeInTheDocument());
  // The edits are stashed in main (debounced): a round trip that must not wake the other rows either.
  await waitFor(async () => expect(await desk.api.restoreDraft()).toMatchObject({ ok: true, draft: { settings: { week: { monday: { open: false } } } } }));

  expect(renders.get('DayRow:monday')).toBeGreaterThan(0);
  expect(renders.get('BusinessHoursGrid') ?? 0).toBe(0);
  for (const day of ['tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']) {
    expect(renders.get(`DayRow:${day}`) ?? 0, day).toBe(0);
  }
});
