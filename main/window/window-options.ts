import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';

/**
 * The staff window's options, kept apart from the code that creates the window so a unit test can
 * assert the security settings (Electronegativity can miss `nodeIntegration: true`).
 */
export function staffWindowOptions(preloadPath: string, bounds: Rectangle | null = null): BrowserWindowConstructorOptions {
  return {
    width: 960,
    height: 720,
    ...bounds,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Clinic Chat Desk',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      // Middle-click would open links in a new window; there are none to open (and the open handler denies them).
      disableBlinkFeatures: 'Auxclick',
    },
  };
}
