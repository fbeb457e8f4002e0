// The forgotten-offline reminder in the controller, on an injected clock: the PC's local copy says the
// switch went Offline (no end) and the server cannot be reached, so only time moves. One timer is set
// for the instant core's rule can next change its answer (at most 10 minutes ahead, so a wall-clock
// jump is noticed); nothing polls.
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../core/schedule-model.ts';
import type { Presence } from '../../core/schemas/schedule.ts';
import type { AppApi, AppState } from '../../core/schemas/app-api.ts';
import { AppController } from '../../main/controller/app-controller.ts';
import { validatedAppApi } from '../../main/controller/app-operations.ts';
import { reminderNotification } from '../../main/notifications/notification-rules.ts';
import type { StaffNotification } from '../../main/notifications/notification-rules.ts';
import type { ReminderDue } from '../../main/controller/offline-reminder-watch.ts';
import { noSecretBox } from '../../main/store/secret-box.ts';
import { openAppStore } from '../../main/store/store.ts';
import { ManualClock } from './support/manual-clock.ts';
import { offlinePcPerTest, testBackoff } from './support/controller-harness.ts';

const MESSAGE = 'Chat has been offline for 30 minutes during opening hours';

const scratch = offlinePcPerTest();

const offlineSince = (changedAt: string, offlineUntil: string | null = null): Presence => ({ online: false, offlineUntil, changedAt, changedBy: 'Front desk 2' });

type Pc = { controller: AppController; api: AppApi; dues: ReminderDue[]; pushed: AppState[] };

/** A PC whose last copy (London, 09:00–18:00 every day) has the switch Offline; the server is gone. */
function pc(clock: ManualClock, presence?: Presence): Pc {
  const store = openAppStore({ directory: scratch.dir, secretBox: noSecretBox, hostname: 'RECEPTION', now: () => clock.now() });
  if (presence) {
    store.saveConnection({ serverUrl: scratch.deadAddress, clinicId: 'clinic-1', clinicName: 'Riverside Vets', token: 'token-1' });
    store.setServerCopy({ settings: defaultSettings('Europe/London'), version: 4, presence, receivedAt: presence.changedAt });
  }
  const controller = new AppController({ store, clock, backoff: testBackoff });
  scratch.track(controller);
  const dues: ReminderDue[] = [];
  const pushed: AppState[] = [];
  controller.onReminderDue((due) => dues.push(due));
  controller.subscribe((state) => pushed.push(state));
  controller.start();
  return { controller, api: validatedAppApi(controller.handlers, controller.subscribe), dues, pushed };
}

describe('forgotten-offline reminder', () => {
  it('fires once after 30 minutes of opening hours, not a moment before', () => {
    const clock = new ManualClock('2026-11-25T12:00:00Z'); // a Wednesday; London is on UTC in November
    const { controller, dues, pushed } = pc(clock, offlineSince('2026-11-25T12:00:00Z'));
    expect(controller.state.reminder).toEqual({ active: false, message: null, snoozedUntil: null });

    clock.advanceTo('2026-11-25T12:29:59.999Z');
    expect(dues).toEqual([]);
    clock.advanceTo('2026-11-25T12:30:00Z');
    expect(dues).toEqual([{ message: MESSAGE }]);
    expect(pushed.at(-1)?.reminder).toEqual({ active: true, message: MESSAGE, snoozedUntil: null });

    clock.advanceTo('2026-11-25T17:00:00Z');
    expect(dues).toHaveLength(1); // once per offline episode
    expect(controller.state.reminder?.active).toBe(true);
  });

  it('gives the listener the snapshot it judged, so the notification follows its preferences without another one', async () => {
    const clock = new ManualClock('2026-11-25T12:00:00Z');
    const { controller, api } = pc(clock, offlineSince('2026-11-25T12:00:00Z'));
    const notifications: (StaffNotification | null)[] = [];
    controller.onReminderDue((due, state) => notifications.push(reminderNotification(state, due)));
    clock.advanceTo('2026-11-25T12:30:00Z');
    expect(notifications).toEqual([expect.objectContaining({ id: 'reminder', title: MESSAGE })]);

    await api.snoozeReminder!();
    await api.setPreference({ key: 'notifications', value: false });
    clock.advanceTo('2026-11-25T12:45:00Z');
    expect(notifications).toHaveLength(2);
    expect(notifications[1]).toBeNull();
  });

  it('sets one timer for the earlier of the next status change and the next reminder check', () => {
    const clock = new ManualClock('2026-11-25T17:45:00Z');
    pc(clock, offlineSince('2026-11-25T17:45:00Z'));
    // The status changes at closing (18:00); the reminder is next checked when hours open again. Only
    // the status change gets a timer (at most 10 minutes ahead), not a second one at the same instant.
    const recheckTimers = () => clock.pending().filter((due) => due >= '2026-11-25T17:45:01');
    expect(recheckTimers()).toEqual(['2026-11-25T17:55:00.000Z']);
    clock.advanceTo('2026-11-25T17:55:00Z');
    expect(recheckTimers()).toEqual(['2026-11-25T18:00:00.000Z']);
  });

  it('never fires outside opening hours: 15 minutes before closing and 15 after opening add up to 30', () => {
    const clock = new ManualClock('2026-11-25T17:45:00Z');
    const { controller, dues } = pc(clock, offlineSince('2026-11-25T17:45:00Z'));
    clock.advanceTo('2026-11-26T09:14:59Z');
    expect(dues).toEqual([]);
    expect(controller.state.reminder?.active).toBe(false);
    clock.advanceTo('2026-11-26T09:15:00Z');
    expect(dues).toEqual([{ message: MESSAGE }]);
  });

  it('never fires during a timed break, however long', () => {
    const clock = new ManualClock('2026-11-25T12:00:00Z');
    const { controller, dues } = pc(clock, offlineSince('2026-11-25T12:00:00Z', '2026-11-25T14:00:00Z'));
    clock.advanceTo('2026-11-25T13:59:00Z');
    expect(dues).toEqual([]);
    expect(controller.state.reminder?.active).toBe(false);
  });

  it('"Remind me in 15 minutes" quiets it until then, then notifies again', async () => {
    const clock = new ManualClock('2026-11-25T12:30:00Z');
    const { api, dues } = pc(clock, offlineSince('2026-11-25T12:00:00Z'));
    expect(dues).toHaveLength(1);
    const snoozed = await api.snoozeReminder!();
    expect(snoozed).toMatchObject({ ok: true, state: { reminder: { active: false, message: null, snoozedUntil: '2026-11-25T12:45:00.000Z' } } });
    clock.advanceTo('2026-11-25T12:44:59Z');
    expect(dues).toHaveLength(1);
    clock.advanceTo('2026-11-25T12:45:00Z');
    expect(dues).toHaveLength(2);
  });

  it('survives a restart without notifying again, and keeps a snooze', async () => {
    const clock = new ManualClock('2026-11-25T12:30:00Z');
    const first = pc(clock, offlineSince('2026-11-25T12:00:00Z'));
    expect(first.dues).toHaveLength(1);
    first.controller.stop();

    clock.advanceTo('2026-11-25T12:40:00Z');
    const second = pc(clock);
    expect(second.dues).toEqual([]);
    expect(second.controller.state.reminder).toEqual({ active: true, message: MESSAGE, snoozedUntil: null });
    expect(await second.api.snoozeReminder!()).toMatchObject({ ok: true });
    second.controller.stop();

    const third = pc(clock);
    expect(third.controller.state.reminder).toEqual({ active: false, message: null, snoozedUntil: '2026-11-25T12:55:00.000Z' });
    clock.advanceTo('2026-11-25T12:55:00Z');
    expect(third.dues).toEqual([{ message: MESSAGE }]);
  });

  it('ends when the switch goes back on, and a new offline episode is counted afresh', async () => {
    const clock = new ManualClock('2026-11-25T12:30:00Z');
    const { api, dues } = pc(clock, offlineSince('2026-11-25T12:00:00Z'));
    expect(await api.setOnline({ online: true })).toMatchObject({ ok: true, state: { reminder: { active: false } } });
    clock.advanceTo('2026-11-25T13:00:00Z');
    expect(await api.setOnline({ online: false })).toMatchObject({ ok: true, state: { reminder: { active: false } } });
    clock.advanceTo('2026-11-25T13:29:00Z');
    expect(dues).toHaveLength(1);
    clock.advanceTo('2026-11-25T13:30:00Z');
    expect(dues).toHaveLength(2);
  });

  it('keeps a snooze to the offline episode it was asked in', async () => {
    const clock = new ManualClock('2026-11-25T12:00:00Z');
    const { api, dues } = pc(clock, offlineSince('2026-11-25T12:00:00Z'));
    await api.setPreference({ key: 'offlineReminderMinutes', value: 5 });
    clock.advanceTo('2026-11-25T12:05:00Z');
    await api.snoozeReminder!(); // until 12:20
    await api.setOnline({ online: true });
    clock.advanceTo('2026-11-25T12:07:00Z');
    await api.setOnline({ online: false });
    clock.advanceTo('2026-11-25T12:12:00Z');
    expect(dues).toEqual([{ message: 'Chat has been offline for 5 minutes during opening hours' }, { message: 'Chat has been offline for 5 minutes during opening hours' }]);
  });

  it('follows the preference: 0 turns it off, a longer time is worded in hours', async () => {
    const clock = new ManualClock('2026-11-25T12:00:00Z');
    const { api, dues } = pc(clock, offlineSince('2026-11-25T12:00:00Z'));
    await api.setPreference({ key: 'offlineReminderMinutes', value: 0 });
    clock.advanceTo('2026-11-25T13:00:00Z');
    expect(dues).toEqual([]);
    await api.setPreference({ key: 'offlineReminderMinutes', value: 120 });
    clock.advanceTo('2026-11-25T14:00:00Z');
    expect(dues).toEqual([{ message: 'Chat has been offline for 2 hours during opening hours' }]);
  });

  it('has nothing to snooze while the switch is on, and refuses without a connection', async () => {
    const clock = new ManualClock('2026-11-25T12:00:00Z');
    const connected = pc(clock, { online: true, offlineUntil: null, changedAt: '2026-11-25T09:00:00Z', changedBy: null });
    expect(await connected.api.snoozeReminder!()).toMatchObject({ ok: true, state: { reminder: { active: false, snoozedUntil: null } } });
    connected.controller.stop();
    rmSync(scratch.dir, { recursive: true, force: true });

    const fresh = pc(clock);
    expect(await fresh.api.snoozeReminder!()).toMatchObject({ ok: false, error: { code: 'not-connected' } });
    expect(await fresh.api.snoozeReminder!(...([{ minutes: 5 }] as unknown as []))).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
