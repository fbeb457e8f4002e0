import { describe, expect, it } from 'vitest';
import { staffWindowOptions } from '../../main/electron/window-options.ts';

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
  });

  it('loads only our preload script', () => {
    expect(prefs.preload).toBe('/app/preload.cjs');
  });
});
