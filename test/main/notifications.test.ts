// When the desktop app notifies: rules as pure functions of two snapshots, the one-minute sync
// failure on an injected clock, and the Electron Notification adapter with a double at the seam.
import { describe, expect, it } from 'vitest';
import type { AppState } from '../../core/schemas/app-api.ts';
import { NotificationPlanner } from '../../main/notifications/notification-planner.ts';
import { reminderNotification, statusChangeNotifications } from '../../main/notifications/notification-rules.ts';
import type { StaffNotification } from '../../main/notifications/notification-rules.ts';
import { DesktopNotifier } from '../../main/notifications/notifier.ts';
import type { NotificationLike, NotificationOptions } from '../../main/notifications/notifier.ts';
import { FIXTURE_NOW, appStateFixture } from './app-state-fixture.ts';
import { ManualClock } from './support/manual-clock.ts';

const base = appStateFixture(); // Front desk 2, connected, accepting, switch on
const presence = base.presence!;
const withSwitch = (state: AppState, change: Partial<NonNullable<AppState['presence']>>, tone: AppState['status']['tone'], sentence: string): AppState => ({
  ...state,
  presence: { ...presence, ...change },
  status: { ...state.status, tone, sentence },
});

describe('notification rules', () => {
  it('tells staff when another PC switched chat off or on, naming it', () => {
    const off = withSwitch(base, { online: false, changedBy: 'Reception', changedAt: '2026-11-25T10:05:00Z' }, 'offline-by-switch', 'Not accepting chats · you’re offline since 10:05 (Reception)');
    expect(statusChangeNotifications(base, off)).toEqual([{ id: 'presence', title: 'Reception switched chat offline', body: off.status.sentence }]);
    const back = withSwitch(base, { online: true, changedBy: 'Reception', changedAt: '2026-11-25T10:20:00Z' }, 'accepting', 'Accepting chats · closes at 18:00');
    expect(statusChangeNotifications(off, back)[0]?.title).toBe('Reception switched chat back online');
  });

  it('says until when, for a timed break taken on another PC', () => {
    const timed = withSwitch(base, { online: false, offlineUntil: '2026-11-25T10:30:00.000Z', changedBy: 'Reception' }, 'offline-by-switch', 'Offline · back at 10:30');
    expect(statusChangeNotifications(base, timed)[0]?.title).toBe('Reception switched chat offline until 10:30');
  });

  it('stays quiet about switches made at this PC', () => {
    const mine = withSwitch(base, { online: false, changedBy: base.preferences.pcName }, 'offline-by-switch', 'Not accepting chats');
    expect(statusChangeNotifications(base, mine)).toEqual([]);
  });

  it('says when a timed break ended by itself', () => {
    const onBreak = withSwitch(base, { online: false, offlineUntil: '2026-11-25T10:15:00.000Z', changedBy: base.preferences.pcName }, 'offline-by-switch', 'Offline · back at 10:15');
    const over = withSwitch(base, { online: true, offlineUntil: null, changedAt: '2026-11-25T10:15:00.000Z', changedBy: base.preferences.pcName }, 'accepting', 'Accepting chats · closes at 18:00');
    expect(statusChangeNotifications(onBreak, over)).toEqual([{ id: 'presence', title: 'Break over: chat is back online', body: 'Accepting chats · closes at 18:00' }]);
  });

  it('says when business hours begin and end', () => {
    const closed = { ...base, status: { tone: 'outside-hours' as const, sentence: 'Outside business hours · opens tomorrow at 09:00', changesAt: null } };
    expect(statusChangeNotifications(base, closed)[0]?.title).toBe('Business hours have ended: chat has stopped accepting messages');
    expect(statusChangeNotifications(closed, base)[0]?.title).toBe('Business hours have begun: chat is accepting messages');
  });

  it('is silent when notifications are off, on first load, and when connecting', () => {
    const off = withSwitch(base, { online: false, changedBy: 'Reception' }, 'offline-by-switch', 'x');
    expect(statusChangeNotifications(base, { ...off, preferences: { ...off.preferences, notifications: false } })).toEqual([]);
    expect(statusChangeNotifications({ ...base, server: null, presence: null }, off)).toEqual([]);
    expect(statusChangeNotifications({ ...base, connection: null }, off)).toEqual([]);
    expect(statusChangeNotifications(base, structuredClone(base))).toEqual([]);
  });
});

describe('notification planner', () => {
  const failing = (since: string): AppState => ({
    ...base,
    sync: { ...base.sync, state: 'offline', pending: 1, failingSince: since, lastError: { code: 'unreachable', message: 'The server can’t be reached (connection refused).', at: since } },
  });

  it('reports sync failing once it has lasted a minute, once per outage', () => {
    const clock = new ManualClock(FIXTURE_NOW);
    const shown: StaffNotification[] = [];
    const planner = new NotificationPlanner({ clock, notifier: { show: (notification) => shown.push(notification), close: () => undefined } });
    planner.observe(base);
    planner.observe(failing(FIXTURE_NOW.toISOString()));
    clock.advance(59_999);
    expect(shown).toEqual([]);
    clock.advance(1);
    expect(shown).toEqual([{ id: 'sync', title: 'Changes are not reaching the server', body: 'The server can’t be reached (connection refused).' }]);
    planner.observe(failing(FIXTURE_NOW.toISOString()));
    clock.advance(120_000);
    expect(shown).toHaveLength(1);
  });

  it('says nothing when sync recovers within the minute', () => {
    const clock = new ManualClock(FIXTURE_NOW);
    const shown: StaffNotification[] = [];
    const planner = new NotificationPlanner({ clock, notifier: { show: (notification) => shown.push(notification), close: () => undefined } });
    planner.observe(failing(FIXTURE_NOW.toISOString()));
    clock.advance(30_000);
    planner.observe(base);
    clock.advance(60_000);
    expect(shown).toEqual([]);
  });

  it('passes status changes through from one snapshot to the next', () => {
    const shown: StaffNotification[] = [];
    const planner = new NotificationPlanner({ clock: new ManualClock(FIXTURE_NOW), notifier: { show: (notification) => shown.push(notification), close: () => undefined } });
    planner.observe(base);
    planner.observe(withSwitch(base, { online: false, changedBy: 'Reception' }, 'offline-by-switch', 'Not accepting chats'));
    expect(shown.map((notification) => notification.title)).toEqual(['Reception switched chat offline']);
  });
});

describe('reminder notifications', () => {
  it('are shown when due, and taken off the screen once the reminder is answered anywhere', () => {
    const events: string[] = [];
    const planner = new NotificationPlanner({ clock: new ManualClock(FIXTURE_NOW), notifier: { show: (notification) => events.push(`show ${notification.id}`), close: (id) => events.push(`close ${id}`) } });
    const reminding = { ...base, reminder: { active: true, message: reminderDue.message, snoozedUntil: null } };
    planner.observe(reminding);
    planner.reminderDue(reminderDue, reminding);
    planner.observe({ ...base, reminder: { active: false, message: null, snoozedUntil: null } });
    expect(events).toEqual(['show reminder', 'close reminder']);
  });

  it('are not shown when staff turned notifications off (the tray and window still say it)', () => {
    expect(reminderNotification(base, reminderDue)?.title).toBe(reminderDue.message);
    expect(reminderNotification({ ...base, preferences: { ...base.preferences, notifications: false } }, reminderDue)).toBeNull();
  });
});

/** Electron's Notification at the seam: records what it was built with, and lets the test click it. */
class NotificationDouble implements NotificationLike {
  readonly listeners = new Map<string, ((...args: never[]) => void)[]>();
  readonly options: NotificationOptions;
  readonly events: string[];
  constructor(options: NotificationOptions, events: string[]) {
    this.options = options;
    this.events = events;
  }
  show(): void {
    this.events.push(`show ${this.options.title}`);
  }
  close(): void {
    this.events.push(`close ${this.options.title}`);
  }
  on(event: 'click' | 'action', listener: (...args: never[]) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  click(): void {
    for (const listener of this.listeners.get('click') ?? []) (listener as () => void)();
  }
  /** As Electron 45 reports a button press. */
  press(actionIndex: number): void {
    for (const listener of this.listeners.get('action') ?? []) (listener as (details: { actionIndex: number }) => void)({ actionIndex });
  }
}

function notifierOn(showsActions: boolean) {
  const events: string[] = [];
  const created: NotificationDouble[] = [];
  const notifier = new DesktopNotifier({
    isSupported: () => true,
    showsActions,
    create: (options) => {
      const notification = new NotificationDouble(options, events);
      created.push(notification);
      return notification;
    },
    onCommand: (command) => events.push(JSON.stringify(command)),
  });
  return { notifier, events, created };
}

const reminderDue = { message: 'Chat has been offline for 30 minutes during opening hours' };

describe('desktop notifier', () => {
  it('shows one notification per kind, replacing the older one, and opens the window on click', () => {
    const { notifier, events, created } = notifierOn(false);
    notifier.show({ id: 'presence', title: 'A', body: '' });
    notifier.show({ id: 'presence', title: 'B', body: '' });
    notifier.show({ id: 'sync', title: 'C', body: '' });
    created[1]!.click();
    expect(events).toEqual(['show A', 'close A', 'show B', 'show C', '{"do":"openWindow"}']);
  });

  it('does nothing where the system has no notifications', () => {
    let created = 0;
    const notifier = new DesktopNotifier({ isSupported: () => false, showsActions: true, create: () => ((created += 1), new NotificationDouble({ title: '', body: '' }, [])), onCommand: () => undefined });
    notifier.show({ id: 'sync', title: 'x', body: 'y' });
    expect(created).toBe(0);
  });

  it('offers "Go online" and "Remind me in 15 minutes" as buttons where the system shows them, and runs the one pressed', () => {
    {
      const { notifier, events, created } = notifierOn(true);
      notifier.show(reminderNotification(base, reminderDue)!);
      expect(created[0]!.options).toEqual({
        title: 'Chat has been offline for 30 minutes during opening hours',
        body: 'Pet owners can’t start a web chat until someone switches it back online.',
        actions: [
          { type: 'button', text: 'Go online' },
          { type: 'button', text: 'Remind me in 15 minutes' },
        ],
      });
      created[0]!.press(1);
      created[0]!.press(0);
      expect(events.slice(1)).toEqual(['{"do":"snoozeReminder","args":[]}', '{"do":"setOnline","args":[{"online":true}]}']);
    }
  });

  it('without buttons (Linux) a click opens the window, which offers the same choices', () => {
    const { notifier, events, created } = notifierOn(false);
    notifier.show(reminderNotification(base, reminderDue)!);
    expect(created[0]!.options.actions).toBeUndefined();
    created[0]!.click();
    expect(events).toEqual(['show Chat has been offline for 30 minutes during opening hours', '{"do":"openWindow"}']);
  });

  it('takes a reminder off the screen when asked, e.g. once chat is back online', () => {
    const { notifier, events } = notifierOn(true);
    notifier.show(reminderNotification(base, reminderDue)!);
    notifier.close('reminder');
    notifier.close('reminder');
    expect(events).toEqual(['show Chat has been offline for 30 minutes during opening hours', 'close Chat has been offline for 30 minutes during opening hours']);
  });
});

