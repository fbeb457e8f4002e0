// Renders the whole staff console the way main.tsx does, against a given AppApi, at a given screen,
// with the window's clock at TEST_NOW (main's time in the in-memory AppApi) unless a test sets another.
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { App } from '../../renderer/src/App.tsx';
import { UiStoreProvider } from '../../renderer/src/store/store-context.tsx';
import { createUiStore } from '../../renderer/src/store/ui-store.ts';
import type { AppApi } from '../../core/schemas/app-api.ts';
import { TEST_NOW } from './in-memory-app-api.ts';

export type RenderOptions = {
  /** Around the App, inside the store's provider. */
  wrap?: (app: ReactNode) => ReactNode;
  /** This PC's clock as the window reads it. */
  now?: Date;
};

export function renderConsole(api: AppApi, hash = '#/now', options: RenderOptions = {}) {
  const { wrap = (app) => app, now = TEST_NOW } = options;
  window.location.hash = hash;
  const store = createUiStore(api, () => now);
  const stop = store.getState().actions.start();
  const user = userEvent.setup();
  const view = render(<UiStoreProvider store={store}>{wrap(<App />)}</UiStoreProvider>);
  return { ...view, store, user, stop };
}
