import { describe, expect, it } from 'vitest';
import { staffWindowOptions } from '../../main/window/window-options.ts';

// Electronegativity can miss a `nodeIntegration: true`; this pins the checklist settings.
describe('staff window options', () => {
  const prefs = staffWindowOptions('/app/preload.cjs').webPreferences ?? {};

  it('isolates the renderer from Node and Electron', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and risky features off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
  });

  it('starts hidden, so the window never flashes before the UI is ready', () => {
    expect(staffWindowOptions('/app/preload.cjs').show).toBe(false);
  });

  it('places the window at remembered bounds, keeping every security setting', () => {
    const placed = staffWindowOptions('/app/preload.cjs', { x: 40, y: 50, width: 1000, height: 700 });
    expect(placed).toMatchObject({ x: 40, y: 50, width: 1000, height: 700 });
    expect(placed.webPreferences).toEqual(prefs);
  });

  it('loads only our preload script', () => {
    expect(prefs.preload).toBe('/app/preload.cjs');
  });
});
