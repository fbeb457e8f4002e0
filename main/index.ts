// Composition root of the Electron main process: everything is built and wired here.
import { startDesktopApp } from './electron/desktop-app.ts';

startDesktopApp();
