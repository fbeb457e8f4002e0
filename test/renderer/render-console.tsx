// Renders the whole staff console the way main.tsx does, against a desk's AppApi, at a given screen,
// with the window's clock the desk's unless a test gives this PC another.
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { App } from '../../renderer/src/App.tsx';
import { UiStoreProvider } from '../../renderer/src/store/store-context.tsx';
import { createUiStore } from '../../renderer/src/store/ui-store.ts';
import { disposeAfterTest } from './support/desk.ts';
import type { Desk } from './support/desk.ts';

export type RenderOptions = {
  /** Around the App, inside the store's provider. */
  wrap?: (app: ReactNode) => ReactNode;
  /** This PC's clock as the window reads it. */
  now?: () => Date;
};

export function renderConsole(desk: Pick<Desk, 'api' | 'clock'>, hash = '#/now', options: RenderOptions = {}) {
  const { wrap = (app) => app, now = desk.clock.now } = options;
  window.location.hash = hash;
  const store = createUiStore(desk.api, now);
  disposeAfterTest(store.getState().actions.start());
  const user = userEvent.setup();
  const view = render(<UiStoreProvider store={store}>{wrap(<App />)}</UiStoreProvider>);
  return { ...view, store, user };
}
