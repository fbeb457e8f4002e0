// The tray's one render step, doing nothing when nothing visible changed (a rebuilt menu closes an open one
// on some platforms). Electron's Tray, Menu and nativeImage come from a factory (tray.electron.ts).
import type { AppState } from '../../core/schemas/app-api.ts';
import type { DesktopCommand } from '../controller/app-operations.ts';
import { trayIconFile, trayIconKind, trayMenuTemplate, trayTooltip } from './tray-menu.ts';
import type { TrayMenuItem } from './tray-menu.ts';

/** A menu item as Electron's Menu takes it: the command became a click. */
export type MenuItemOptions = Omit<TrayMenuItem, 'command'> & { click?: () => void };

/** What the service uses of Electron's Tray. */
export type TrayLike<Image, Menu> = {
  setImage(image: Image): void;
  setToolTip(toolTip: string): void;
  setContextMenu(menu: Menu | null): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
};

export type TrayFactory<Image, Menu> = {
  loadIcon(file: string): Image;
  buildMenu(template: MenuItemOptions[]): Menu;
  createTray(image: Image): TrayLike<Image, Menu>;
};

type TrayServiceOptions<Image, Menu> = { factory: TrayFactory<Image, Menu>; platform: NodeJS.Platform; onCommand(command: DesktopCommand): void };

export class TrayService<Image, Menu> {
  readonly #options: TrayServiceOptions<Image, Menu>;
  #tray: TrayLike<Image, Menu> | null = null;
  /** The last state rendered, so an update becoming ready redraws without a new snapshot. */
  #state: AppState | null = null;
  #updateReady: string | null = null;
  #drawn = { iconFile: '', tooltip: '', menu: '' };

  constructor(options: TrayServiceOptions<Image, Menu>) {
    this.#options = options;
  }

  render(state: AppState): void {
    this.#state = state;
    const { factory, platform, onCommand } = this.#options;
    const iconFile = trayIconFile(trayIconKind(state), platform);
    if (this.#tray === null) {
      this.#tray = factory.createTray(factory.loadIcon(iconFile));
      // Windows and Linux open the window on click; macOS shows the menu on click by itself.
      if (platform !== 'darwin') this.#tray.on('click', () => onCommand({ do: 'openWindow' }));
    } else if (iconFile !== this.#drawn.iconFile) {
      this.#tray.setImage(factory.loadIcon(iconFile));
    }
    const tooltip = trayTooltip(state);
    if (tooltip !== this.#drawn.tooltip) this.#tray.setToolTip(tooltip);
    const template = trayMenuTemplate(state, this.#updateReady);
    const menu = JSON.stringify(template);
    if (menu !== this.#drawn.menu) {
      this.#tray.setContextMenu(factory.buildMenu(template.map(({ command, ...item }) => (command ? { ...item, click: () => onCommand(command) } : item))));
    }
    this.#drawn = { iconFile, tooltip, menu };
  }

  /** Offers "Restart to update" for `version`. */
  setUpdateReady(version: string): void {
    if (this.#updateReady === version) return;
    this.#updateReady = version;
    if (this.#state) this.render(this.#state);
  }

  destroy(): void {
    this.#tray?.destroy();
    this.#tray = null;
    this.#state = null;
    this.#drawn = { iconFile: '', tooltip: '', menu: '' };
  }
}
