// Counts renders of the grid and its rows, so a test can prove editing Monday re-renders only Monday's
// row. Without a provider (the app) it does nothing.
import { createContext, useContext } from 'react';

export const RenderProbeContext = createContext<((component: string) => void) | null>(null);

export function useRenderProbe(component: string): void {
  useContext(RenderProbeContext)?.(component);
}
