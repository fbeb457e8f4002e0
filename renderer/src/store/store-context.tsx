// The store is built once by the composition root (main.tsx) or a test, and handed down by context:
// nothing creates a store at import time, so every test gets its own.
import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { UiActions, UiState, UiStore } from './ui-store.ts';

const StoreContext = createContext<UiStore | null>(null);

export function UiStoreProvider({ store, children }: { store: UiStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

function useUiStore(): UiStore {
  const store = useContext(StoreContext);
  if (store === null) throw new Error('UiStoreProvider is missing above this component.');
  return store;
}

/** Select the smallest slice a component needs; it re-renders only when that slice changes. */
export function useUi<T>(selector: (state: UiState) => T): T {
  return useStore(useUiStore(), selector);
}

/** For selectors that build an object or array: compared field by field, not by identity. */
export function useUiShallow<T>(selector: (state: UiState) => T): T {
  return useStore(useUiStore(), useShallow(selector));
}

/** The actions never change, so components that only act never re-render because of the store. */
export function useActions(): UiActions {
  return useStore(useUiStore(), (state) => state.actions);
}
