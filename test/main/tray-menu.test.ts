import { describe, expect, it } from 'vitest';
import { appMessages } from '../../main/controller/app-messages.ts';
import { trayMenuIds, trayMenuTemplate } from '../../main/tray/tray-menu.ts';
import type { TrayActions, TrayMenuItem } from '../../main/tray/tray-menu.ts';
import { trayIconFile, trayIconKind, trayTooltip } from '../../main/tray/tray-icon.ts';
import type { MenuItemConstructorOptions } from 'electron';
import { expectTypeOf } from 'vitest';
import { appStateFixture, withPresence } from './app-state-fixture.ts';

function recordingActions() {
  const calls: string[] = [];
  const actions: TrayActions = {
    setOnline: (online) => calls.push(`setOnline:${online}`),
    goOfflineFor: (minutes) => calls.push(`goOfflineFor:${minutes}`),
    openBusinessHours: () => calls.push('openBusinessHours'),
    setLaunchAtLogin: (enabled) => calls.push(`setLaunchAtLogin:${enabled}`),
    snoozeReminder: () => calls.push('snoozeReminder'),
    restartToUpdate: () => calls.push('restartToUpdate'),
    quit: () => calls.push('quit'),
  };
  return { calls, actions };
}

const byId = (items: TrayMenuItem[], id: string): TrayMenuItem => {
  const item = items.find((candidate) => candidate.id === id);
  if (!item) throw new Error(`no menu item ${id}`);
  return item;
};

describe('tray menu template', () => {
  it('lists the items in order: status, switch, timed breaks, business hours, launch at login, quit', () => {
    const items = trayMenuTemplate(withPresence(appStateFixture(), true), recordingActions().actions);
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
    const status = byId(trayMenuTemplate(appStateFixture(), recordingActions().actions), trayMenuIds.status);
    expect(status).toMatchObject({ enabled: false, label: 'Accepting chats · closes at 18:00' });
  });

  it('ticks "Chat online" from the presence and flips it on click', () => {
    const { calls, actions } = recordingActions();
    const onlineItem = byId(trayMenuTemplate(withPresence(appStateFixture(), true), actions), trayMenuIds.chatOnline);
    expect(onlineItem).toMatchObject({ type: 'checkbox', checked: true, enabled: true });
    onlineItem.click?.();
    const offlineItem = byId(trayMenuTemplate(withPresence(appStateFixture(), false), actions), trayMenuIds.chatOnline);
    expect(offlineItem.checked).toBe(false);
    offlineItem.click?.();
    expect(calls).toEqual(['setOnline:false', 'setOnline:true']);
  });

  it('offers 15, 30 and 60 minute breaks with stable ids', () => {
    const { calls, actions } = recordingActions();
    const items = trayMenuTemplate(appStateFixture(), actions);
    for (const minutes of [15, 30, 60]) byId(items, trayMenuIds.offlineFor(minutes)).click?.();
    expect(calls).toEqual(['goOfflineFor:15', 'goOfflineFor:30', 'goOfflineFor:60']);
  });

  it('disables the switch and breaks when not connected, and says so', () => {
    // As main builds it: no connection, so no copy, no switch, and the not-connected status sentence.
    const state = appStateFixture({ connection: null, server: null, presence: null, status: { tone: 'not-connected', sentence: appMessages.notConnected, changesAt: null } });
    const items = trayMenuTemplate(state, recordingActions().actions);
    expect(byId(items, trayMenuIds.status).label).toBe('Not connected to the clinic’s server');
    expect(byId(items, trayMenuIds.chatOnline)).toMatchObject({ enabled: false, checked: false });
    for (const minutes of [15, 30, 60]) expect(byId(items, trayMenuIds.offlineFor(minutes)).enabled).toBe(false);
    expect(byId(items, trayMenuIds.openBusinessHours).enabled).not.toBe(false);
  });

  it('wires business hours, launch at login and quit', () => {
    const { calls, actions } = recordingActions();
    const state = appStateFixture({ preferences: { ...appStateFixture().preferences, launchAtLogin: true } });
    const items = trayMenuTemplate(state, actions);
    expect(byId(items, trayMenuIds.launchAtLogin)).toMatchObject({ type: 'checkbox', checked: true });
    byId(items, trayMenuIds.openBusinessHours).click?.();
    byId(items, trayMenuIds.launchAtLogin).click?.();
    byId(items, trayMenuIds.quit).click?.();
    expect(calls).toEqual(['openBusinessHours', 'setLaunchAtLogin:false', 'quit']);
  });

  it('offers "Restart to update" only when an update has been downloaded', () => {
    const { calls, actions } = recordingActions();
    expect(trayMenuTemplate(appStateFixture(), actions).some((item) => item.id === trayMenuIds.restartToUpdate)).toBe(false);
    const items = trayMenuTemplate(appStateFixture(), actions, { updateReady: '0.2.0' });
    const update = byId(items, trayMenuIds.restartToUpdate);
    expect(update.label).toBe('Restart to update (version 0.2.0)');
    expect(items.at(-1)?.id).toBe(trayMenuIds.quit);
    update.click?.();
    expect(calls).toEqual(['restartToUpdate']);
  });

  it('says the forgotten-offline reminder under the status while it is active, with its snooze', () => {
    const { calls, actions } = recordingActions();
    const offline = withPresence({ ...appStateFixture(), status: { tone: 'offline-by-switch', sentence: 'Not accepting chats · you’re offline since 12:00', changesAt: null } }, false);
    const reminding = { ...offline, reminder: { active: true, message: 'Chat has been offline for 30 minutes during opening hours', snoozedUntil: null } };
    const items = trayMenuTemplate(reminding, actions);
    expect(items.slice(0, 4).map((item) => item.label ?? `--${item.type}--`)).toEqual([
      'Not accepting chats · you’re offline since 12:00',
      'Chat has been offline for 30 minutes during opening hours',
      'Remind me in 15 minutes',
      '--separator--',
    ]);
    expect(byId(items, trayMenuIds.reminder).enabled).toBe(false);
    byId(items, trayMenuIds.snoozeReminder).click?.();
    byId(items, trayMenuIds.chatOnline).click?.(); // "Go online"
    expect(calls).toEqual(['snoozeReminder', 'setOnline:true']);

    for (const quiet of [offline, { ...offline, reminder: { active: false, message: null, snoozedUntil: '2026-11-25T12:45:00.000Z' } }]) {
      const ids = trayMenuTemplate(quiet, actions).map((item) => item.id);
      expect(ids).not.toContain(trayMenuIds.reminder);
      expect(ids).not.toContain(trayMenuIds.snoozeReminder);
    }
  });

  it('produces items Electron accepts as a menu template', () => {
    expectTypeOf<TrayMenuItem>().toExtend<MenuItemConstructorOptions>();
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
