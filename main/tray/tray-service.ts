// The tray as a small service: one render step from the app state, doing nothing when nothing visible
// changed (a rebuilt menu closes an open one on some platforms). Electron's Tray, Menu and nativeImage
// come in through a factory, so this file has no runtime Electron import and is tested with doubles.
import type { AppState } from '../../core/schemas/app-api.ts';
import { trayIconFile, trayIconKind, trayTooltip } from './tray-icon.ts';
import { trayMenuTemplate } from './tray-menu.ts';
import type { TrayActions, TrayExtras, TrayMenuItem } from './tray-menu.ts';

/** What the service uses of Electron's Tray. */
export type TrayLike<Image, Menu> = {
  setImage(image: Image): void;
  setToolTip(toolTip: string): void;
  setContextMenu(menu: Menu | null): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
};

export type TrayFactory<Image, Menu> = {
  /** e.g. `(file) => nativeImage.createFromPath(join(resourcesPath, file))`. */
  loadIcon(file: string): Image;
  buildMenu(template: TrayMenuItem[]): Menu;
  createTray(image: Image): TrayLike<Image, Menu>;
};

export type TrayServiceOptions<Image, Menu> = {
  factory: TrayFactory<Image, Menu>;
  actions: TrayActions & { openWindow(): void };
  platform: NodeJS.Platform;
};

export class TrayService<Image, Menu> {
  readonly #options: TrayServiceOptions<Image, Menu>;
  #tray: TrayLike<Image, Menu> | null = null;
  /** The last state rendered, so an update becoming ready redraws without a new snapshot. */
  #state: AppState | null = null;
  #extras: TrayExtras = {};
  #iconFile = '';
  #tooltip = '';
  #menuSignature = '';

  constructor(options: TrayServiceOptions<Image, Menu>) {
    this.#options = options;
  }

  render(state: AppState): void {
    this.#state = state;
    this.#draw(state);
  }

  /**
   * Offers "Restart to update" for `version` (null: nothing to install). The updater reports every
   * download percent; only a change of what the tray shows redraws it.
   */
  setUpdateReady(version: string | null): void {
    if ((this.#extras.updateReady ?? null) === version) return;
    this.#extras = { updateReady: version };
    if (this.#state) this.#draw(this.#state);
  }

  #draw(state: AppState): void {
    const { factory, actions, platform } = this.#options;
    const iconFile = trayIconFile(trayIconKind(state), platform);
    if (this.#tray === null) {
      this.#tray = factory.createTray(factory.loadIcon(iconFile));
      // Windows and Linux open the window on click; macOS shows the menu on click by itself.
      if (platform !== 'darwin') this.#tray.on('click', () => actions.openWindow());
    } else if (iconFile !== this.#iconFile) {
      this.#tray.setImage(factory.loadIcon(iconFile));
    }
    this.#iconFile = iconFile;

    const tooltip = trayTooltip(state);
    if (tooltip !== this.#tooltip) this.#tray.setToolTip(tooltip);
    this.#tooltip = tooltip;

    const template = trayMenuTemplate(state, actions, this.#extras);
    const signature = menuSignature(template);
    if (signature !== this.#menuSignature) this.#tray.setContextMenu(factory.buildMenu(template));
    this.#menuSignature = signature;
  }

  destroy(): void {
    this.#tray?.destroy();
    this.#tray = null;
    this.#state = null;
    this.#iconFile = this.#tooltip = this.#menuSignature = '';
  }
}

/** Everything visible about a menu; click handlers are rebuilt with it, so they are not compared. */
function menuSignature(template: TrayMenuItem[]): string {
  return JSON.stringify(template.map(({ id, label, type, checked, enabled }) => [id, label, type, checked, enabled]));
}
