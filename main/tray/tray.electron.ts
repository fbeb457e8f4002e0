// Electron's Tray, Menu and nativeImage as the TrayService's factory. Icons live beside app.asar in
// an installed app (electron-builder's extraResources) and under build/ in a development run.
import { join } from 'node:path';
import { Menu, Tray, nativeImage } from 'electron';
import type { NativeImage } from 'electron';
import type { TrayFactory } from './tray-service.ts';

export function electronTrayFactory(resourcesDir: string): TrayFactory<NativeImage, Menu> {
  return {
    // A name ending in "Template" makes macOS tint the icon for light and dark menu bars.
    loadIcon: (file) => nativeImage.createFromPath(join(resourcesDir, file)),
    buildMenu: (template) => Menu.buildFromTemplate(template),
    createTray: (image) => new Tray(image),
  };
}
