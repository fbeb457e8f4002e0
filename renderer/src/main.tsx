// Composition root of the renderer: pick the AppApi (Electron's preload or the preview host's web
// bridge), build the store, start listening to main, render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { chooseAppApi } from './bridge/choose-api.ts';
import { UiStoreProvider } from './store/store-context.tsx';
import { createUiStore } from './store/ui-store.ts';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');

const store = createUiStore(chooseAppApi());
store.getState().actions.start();

createRoot(root).render(
  <StrictMode>
    <UiStoreProvider store={store}>
      <App />
    </UiStoreProvider>
  </StrictMode>,
);
