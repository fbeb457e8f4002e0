// Renders the whole staff console the way main.tsx does, against a given AppApi, at a given screen.
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { App } from '../../renderer/src/App.tsx';
import { UiStoreProvider } from '../../renderer/src/store/store-context.tsx';
import { createUiStore } from '../../renderer/src/store/ui-store.ts';
import type { AppApi } from '../../core/app-contract.ts';

export function renderConsole(api: AppApi, hash = '#/now', wrap: (app: ReactNode) => ReactNode = (app) => app) {
  window.location.hash = hash;
  const store = createUiStore(api);
  const stop = store.getState().actions.start();
  const user = userEvent.setup();
  const view = render(<UiStoreProvider store={store}>{wrap(<App />)}</UiStoreProvider>);
  return { ...view, store, user, stop };
}
