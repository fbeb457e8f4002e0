// Entry of the Electron main process. The composition root is electron/desktop-app.ts: it builds the
// store, the controller and the Electron adapters, and wires them together.
import { startDesktopApp } from './electron/desktop-app.ts';

startDesktopApp();
