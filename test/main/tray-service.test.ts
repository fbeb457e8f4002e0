import { describe, expect, it } from 'vitest';
import type { Menu, NativeImage, Tray } from 'electron';
import { expectTypeOf } from 'vitest';
import { TrayService } from '../../main/tray/tray-service.ts';
import type { MenuItemOptions, TrayFactory, TrayLike } from '../../main/tray/tray-service.ts';
import { appStateFixture, withPresence } from './app-state-fixture.ts';

// Doubles of Electron's Tray/Menu/nativeImage, only at the adapter seam: they record what was set.
type MenuDouble = { template: MenuItemOptions[] };
function setup(platform: NodeJS.Platform = 'win32') {
  const log: string[] = [];
  let clickListener: (() => void) | undefined;
  let lastMenu: MenuDouble | null = null;
  const tray: TrayLike<string, MenuDouble> = {
    setImage: (image) => log.push(`image:${image}`),
    setToolTip: (text) => log.push(`tooltip:${text}`),
    setContextMenu: (menu) => {
      lastMenu = menu;
      log.push('menu');
    },
    on: (_event, listener) => {
      clickListener = listener;
    },
    destroy: () => log.push('destroy'),
  };
  const factory: TrayFactory<string, MenuDouble> = {
    loadIcon: (file) => `icon(${file})`,
    buildMenu: (template) => ({ template }),
    createTray: (image) => {
      log.push(`create:${image}`);
      return tray;
    },
  };
  const opened: unknown[] = [];
  const service = new TrayService({ factory, platform, onCommand: (command) => opened.push(command) });
  return { service, log, opened, click: () => clickListener?.(), menu: () => lastMenu };
}

describe('tray service', () => {
  it('creates the tray once with icon, tooltip and menu, then changes only what changed', () => {
    const { service, log } = setup();
    const state = withPresence(appStateFixture(), true);
    service.render(state);
    expect(log).toEqual(['create:icon(tray/accepting.ico)', 'tooltip:Clinic Chat Desk — Accepting chats · closes at 18:00', 'menu']);

    log.length = 0;
    service.render(structuredClone(state));
    expect(log).toEqual([]);

    const offline = withPresence({ ...state, status: { ...state.status, tone: 'offline-by-switch', sentence: 'Not accepting chats · you’re offline' } }, false);
    service.render(offline);
    expect(log).toEqual(['image:icon(tray/offline.ico)', 'tooltip:Clinic Chat Desk — Not accepting chats · you’re offline', 'menu']);
  });

  it('rebuilds the menu when a tick changes, with handlers for the new state', () => {
    const { service, log, opened, menu } = setup();
    service.render(withPresence(appStateFixture(), true));
    log.length = 0;
    service.render(withPresence(appStateFixture(), false));
    expect(log).toEqual(['menu']);
    menu()?.template.find((item) => item.id === 'chat-online')?.click?.();
    expect(opened).toEqual([{ do: 'setOnline', args: [{ online: true }] }]);
  });

  it('changes tooltip and menu when the forgotten-offline reminder begins, and snoozes from the menu', () => {
    const { service, log, opened, menu } = setup();
    const offline = withPresence({ ...appStateFixture(), status: { tone: 'offline-by-switch', sentence: 'Not accepting chats', changesAt: null } }, false);
    service.render(offline);
    log.length = 0;
    service.render({ ...offline, reminder: { active: true, message: 'Chat has been offline for 30 minutes during opening hours', snoozedUntil: null } });
    expect(log).toEqual(['tooltip:Clinic Chat Desk — Chat has been offline for 30 minutes during opening hours', 'menu']);
    menu()?.template.find((item) => item.id === 'snooze-reminder')?.click?.();
    expect(opened).toEqual([{ do: 'snoozeReminder', args: [] }]);
  });

  it('offers "Restart to update" with the last state when an update is ready, and ignores the updater otherwise', () => {
    const { service, log, menu } = setup();
    service.render(appStateFixture());
    log.length = 0;
    service.setUpdateReady('0.2.0');
    expect(log).toEqual(['menu']);
    expect(menu()?.template.find((item) => item.id === 'restart-to-update')?.label).toBe('Restart to update (version 0.2.0)');
    expect(menu()?.template[0]?.label).toBe('Accepting chats · closes at 18:00');
    service.setUpdateReady('0.2.0');
    service.render(appStateFixture()); // a new snapshot keeps the offer
    expect(log).toEqual(['menu']);
  });

  it('opens the window on click on Windows and Linux, not on macOS', () => {
    const windows = setup('win32');
    windows.service.render(appStateFixture());
    windows.click();
    expect(windows.opened).toEqual([{ do: 'openWindow' }]);

    const mac = setup('darwin');
    mac.service.render(appStateFixture());
    mac.click();
    expect(mac.opened).toEqual([]);
    expect(mac.log[0]).toBe('create:icon(tray/acceptingTemplate.png)');
  });

  it('can be destroyed and rendered again', () => {
    const { service, log } = setup('linux');
    service.render(appStateFixture());
    service.destroy();
    service.render(appStateFixture());
    expect(log.filter((entry) => entry.startsWith('create') || entry === 'destroy')).toEqual([
      'create:icon(tray/accepting.png)',
      'destroy',
      'create:icon(tray/accepting.png)',
    ]);
  });

  it('fits Electron’s Tray', () => {
    expectTypeOf<Tray>().toExtend<TrayLike<NativeImage, Menu>>();
  });
});
