// @vitest-environment jsdom
// The quality bar's "narrow selectors": editing Monday re-renders Monday's row, not the grid or the
// other days. Renders are counted by the RenderProbe the grid and rows report to.
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { RenderProbeContext } from '../../renderer/src/components/render-probe.ts';
import { createInMemoryAppApi } from './in-memory-app-api.ts';
import { renderConsole } from './render-console.tsx';

afterEach(cleanup);

it('editing Monday re-renders only Monday’s row', async () => {
  const renders = new Map<string, number>();
  const probe = (component: string): void => {
    renders.set(component, (renders.get(component) ?? 0) + 1);
  };
  const api = createInMemoryAppApi();
  const { user } = renderConsole(api, '#/settings/hours', { wrap: (app) => <RenderProbeContext.Provider value={probe}>{app}</RenderProbeContext.Provider> });
  const end = await screen.findByLabelText('Monday end time');
  // Let the first snapshots settle, then count from zero.
  await waitFor(() => expect(api.calls.some((call) => call.operation === 'getState')).toBe(true));
  renders.clear();

  await user.clear(end);
  await user.type(end, '17:00');
  await user.click(screen.getByRole('checkbox', { name: 'Monday' }));
  await waitFor(() => expect(api.model.draft).not.toBeNull());
  await waitFor(() => expect(screen.getByText('Unsaved changes')).toBeInTheDocument());

  expect(renders.get('DayRow:monday')).toBeGreaterThan(0);
  expect(renders.get('BusinessHoursGrid') ?? 0).toBe(0);
  for (const day of ['tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']) {
    expect(renders.get(`DayRow:${day}`) ?? 0, day).toBe(0);
  }
});
