// Counts renders of the components that must stay narrow (the Business Hours grid and its rows), so a
// test can prove that editing Monday re-renders Monday's row and not the grid. Without a provider
// (the app) it does nothing; the context value never changes, so reading it causes no render.
import { createContext, useContext } from 'react';

export type RenderProbe = (component: string) => void;

export const RenderProbeContext = createContext<RenderProbe | null>(null);

export function useRenderProbe(component: string): void {
  useContext(RenderProbeContext)?.(component);
}
