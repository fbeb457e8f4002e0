import { describe, expect, it } from 'vitest';
import { staffWindowOptions } from '../../main/window/window-options.ts';

// Electronegativity can miss a `nodeIntegration: true`; this pins the checklist settings.
describe('staff window options', () => {
  const prefs = staffWindowOptions('/app/preload.cjs').webPreferences ?? {};

  it('isolates the renderer from Node and Electron', () => {
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false });
  });

  it('keeps web security on and risky features off', () => {
    expect(prefs).toMatchObject({ webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false, webviewTag: false, navigateOnDragDrop: false, disableBlinkFeatures: 'Auxclick' });
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
