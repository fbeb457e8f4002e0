import { describe, expect, expectTypeOf, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { appMessages } from '../../main/controller/app-messages.ts';
import { trayIconFile, trayIconKind, trayMenuIds, trayMenuTemplate, trayTooltip } from '../../main/tray/tray-menu.ts';
import type { TrayMenuItem } from '../../main/tray/tray-menu.ts';
import type { MenuItemOptions } from '../../main/tray/tray-service.ts';
import { appStateFixture, withPresence } from './app-state-fixture.ts';

const byId = (items: TrayMenuItem[], id: string): TrayMenuItem => {
  const item = items.find((candidate) => candidate.id === id);
  if (!item) throw new Error(`no menu item ${id}`);
  return item;
};

describe('tray menu template', () => {
  it('lists the items in order: status, switch, timed breaks, business hours, launch at login, quit', () => {
    const items = trayMenuTemplate(withPresence(appStateFixture(), true));
    expect(items.map((item) => item.label ?? `--${item.type}--`)).toEqual([
      'Accepting chats · closes at 18:00',
      '--separator--',
      'Chat online',
      'Go offline for 15 minutes',
      'Go offline for 30 minutes',
      'Go offline for 1 hour',
      '--separator--',
      'Open Business Hours…',
      'Launch at login',
      '--separator--',
      'Quit',
    ]);
  });

  it('shows the status sentence as a disabled line', () => {
    expect(byId(trayMenuTemplate(appStateFixture()), trayMenuIds.status)).toEqual({ id: 'status', enabled: false, label: 'Accepting chats · closes at 18:00' });
  });

  it('ticks "Chat online" from the presence, and a click flips it', () => {
    expect(byId(trayMenuTemplate(withPresence(appStateFixture(), true)), trayMenuIds.chatOnline)).toMatchObject({
      type: 'checkbox',
      checked: true,
      enabled: true,
      command: { do: 'setOnline', args: [{ online: false }] },
    });
    expect(byId(trayMenuTemplate(withPresence(appStateFixture(), false)), trayMenuIds.chatOnline)).toMatchObject({ checked: false, command: { do: 'setOnline', args: [{ online: true }] } });
  });

  it('offers 15, 30 and 60 minute breaks with stable ids, each asked for by its length', () => {
    const items = trayMenuTemplate(appStateFixture());
    expect([15, 30, 60].map((minutes) => byId(items, trayMenuIds.offlineFor(minutes)).command)).toEqual(
      [15, 30, 60].map((minutes) => ({ do: 'setOnline', args: [{ online: false, offlineForMinutes: minutes }] })),
    );
  });

  it('disables the switch and breaks when not connected, and says so', () => {
    // As main builds it: no connection, so no copy, no switch, and the not-connected status sentence.
    const state = appStateFixture({ connection: null, server: null, presence: null, status: { tone: 'not-connected', sentence: appMessages.notConnected, changesAt: null } });
    const items = trayMenuTemplate(state);
    expect(byId(items, trayMenuIds.status).label).toBe('Not connected to the clinic’s server');
    expect(byId(items, trayMenuIds.chatOnline)).toMatchObject({ enabled: false, checked: false });
    for (const minutes of [15, 30, 60]) expect(byId(items, trayMenuIds.offlineFor(minutes)).enabled).toBe(false);
    expect(byId(items, trayMenuIds.openBusinessHours).enabled).not.toBe(false);
  });

  it('opens Business Hours in the window, flips launch at login, and quits', () => {
    const items = trayMenuTemplate(appStateFixture({ preferences: { ...appStateFixture().preferences, launchAtLogin: true } }));
    expect(byId(items, trayMenuIds.launchAtLogin)).toMatchObject({ type: 'checkbox', checked: true, command: { do: 'setPreference', args: [{ key: 'launchAtLogin', value: false }] } });
    expect(byId(items, trayMenuIds.openBusinessHours).command).toEqual({ do: 'openWindow', screen: '#/settings/hours' });
    expect(byId(items, trayMenuIds.quit).command).toEqual({ do: 'quit' });
  });

  it('offers "Restart to update" only when an update has been downloaded', () => {
    expect(trayMenuTemplate(appStateFixture()).some((item) => item.id === trayMenuIds.restartToUpdate)).toBe(false);
    const items = trayMenuTemplate(appStateFixture(), '0.2.0');
    expect(byId(items, trayMenuIds.restartToUpdate)).toMatchObject({ label: 'Restart to update (version 0.2.0)', command: { do: 'restartToUpdate' } });
    expect(items.at(-1)?.id).toBe(trayMenuIds.quit);
  });

  it('says the forgotten-offline reminder under the status while it is active, with its snooze', () => {
    const offline = withPresence({ ...appStateFixture(), status: { tone: 'offline-by-switch', sentence: 'Not accepting chats · you’re offline since 12:00', changesAt: null } }, false);
    const reminding = { ...offline, reminder: { active: true, message: 'Chat has been offline for 30 minutes during opening hours', snoozedUntil: null } };
    const items = trayMenuTemplate(reminding);
    expect(items.slice(0, 4).map((item) => item.label ?? `--${item.type}--`)).toEqual([
      'Not accepting chats · you’re offline since 12:00',
      'Chat has been offline for 30 minutes during opening hours',
      'Remind me in 15 minutes',
      '--separator--',
    ]);
    expect(byId(items, trayMenuIds.reminder).enabled).toBe(false);
    expect(byId(items, trayMenuIds.snoozeReminder).command).toEqual({ do: 'snoozeReminder', args: [] });
    expect(byId(items, trayMenuIds.chatOnline).command).toEqual({ do: 'setOnline', args: [{ online: true }] }); // "Go online"

    for (const quiet of [offline, { ...offline, reminder: { active: false, message: null, snoozedUntil: '2026-11-25T12:45:00.000Z' } }]) {
      const ids = trayMenuTemplate(quiet).map((item) => item.id);
      expect(ids).not.toContain(trayMenuIds.reminder);
      expect(ids).not.toContain(trayMenuIds.snoozeReminder);
    }
  });

  it('hands Electron items it accepts as a menu template', () => {
    expectTypeOf<MenuItemOptions>().toExtend<MenuItemConstructorOptions>();
  });
});

describe('tray icon', () => {
  const base = appStateFixture();
  it.each([
    ['accepting', base, 'accepting'],
    ['offline by switch', { ...base, status: { ...base.status, tone: 'offline-by-switch' as const } }, 'offline'],
    ['outside hours or closed', { ...base, status: { ...base.status, tone: 'outside-hours' as const } }, 'closed'],
    ['not connected', { ...base, connection: null }, 'attention'],
    ['server unreachable', { ...base, sync: { ...base.sync, state: 'offline' as const, pending: 1 } }, 'attention'],
    ['sync error', { ...base, sync: { ...base.sync, state: 'error' as const } }, 'attention'],
    ['a settings conflict (the switch still works)', { ...base, sync: { ...base.sync, state: 'conflict' as const } }, 'accepting'],
  ])('shows the right icon when %s', (_name, state, kind) => {
    expect(trayIconKind(state)).toBe(kind);
  });

  it('uses template images on macOS, .ico on Windows and PNG on Linux', () => {
    expect(trayIconFile('offline', 'darwin')).toBe('tray/offlineTemplate.png');
    expect(trayIconFile('offline', 'win32')).toBe('tray/offline.ico');
    expect(trayIconFile('offline', 'linux')).toBe('tray/offline.png');
  });

  it('puts the status sentence in the tooltip and warns when changes are waiting', () => {
    expect(trayTooltip(base)).toBe('Clinic Chat Desk — Accepting chats · closes at 18:00');
    expect(trayTooltip({ ...base, sync: { ...base.sync, state: 'offline', pending: 2 } })).toBe(
      'Clinic Chat Desk — Accepting chats · closes at 18:00 (no connection: changes will sync when it returns, 2 waiting)',
    );
    expect(trayTooltip({ ...base, connection: null })).toBe('Clinic Chat Desk — not connected');
  });

  it('says the forgotten-offline reminder in the tooltip while it is active', () => {
    const reminder = { active: true, message: 'Chat has been offline for 30 minutes during opening hours', snoozedUntil: null };
    expect(trayTooltip({ ...base, reminder })).toBe('Clinic Chat Desk — Chat has been offline for 30 minutes during opening hours');
    expect(trayTooltip({ ...base, reminder: { active: false, message: null, snoozedUntil: null } })).toBe('Clinic Chat Desk — Accepting chats · closes at 18:00');
  });
});
