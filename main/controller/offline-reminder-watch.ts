// The forgotten-offline reminder as this PC runs it: core/offline-reminder.ts decides; this remembers in
// the store what the rule needs (a restart neither repeats a notification nor forgets a snooze).
import { REMINDER_SNOOZE_MINUTES, offlineReminder } from '../../core/offline-reminder.ts';
import type { OfflineReminder } from '../../core/offline-reminder.ts';
import { MINUTE_MS } from '../../core/zone-clock.ts';
import type { ReminderInfo } from '../../core/schemas/app-api.ts';
import type { BaseAppState } from './app-state.ts';
import type { AppStore } from '../store/store.ts';
import type { StoredReminderMemory } from '../store/store-schema.ts';

/** A reminder notification is due, heard with the snapshot it was judged on (its preferences say whether to notify). */
export type ReminderDue = { message: string };
export type ReminderDueListener = (due: ReminderDue, state: BaseAppState) => void;

type ReminderWatchOptions = { store: Pick<AppStore, 'getReminderMemory' | 'setReminderMemory'>; now(): Date };

/** What a published state shows of the reminder, and when to evaluate it again (ISO; null: only on a change). */
type ReminderUpdate = { info: ReminderInfo; checkAt: string | null };

const quiet: ReminderInfo = { active: false, message: null, snoozedUntil: null };

export class OfflineReminderWatch {
  readonly #options: ReminderWatchOptions;
  readonly #listeners = new Set<ReminderDueListener>();
  /** Kept in memory too: if the disk refuses a write, this run still does not notify twice. */
  #memory: StoredReminderMemory;

  constructor(options: ReminderWatchOptions) {
    this.#options = options;
    this.#memory = options.store.getReminderMemory();
  }

  /** What the state shows, with no side effect (for `controller.state`). */
  info(state: BaseAppState): ReminderInfo {
    return this.#info(state, this.#evaluate(state));
  }

  /** For each published state: records and announces a due notification, and says when to look again. */
  update(state: BaseAppState): ReminderUpdate {
    const reminder = this.#evaluate(state);
    if (reminder?.notify && reminder.message !== null && state.presence) {
      const notified = { ...this.#memory, notifiedFor: state.presence.changedAt };
      try {
        this.#remember(notified);
      } catch {
        // The disk refused the write (staff's next change reports that): this run still does not notify twice.
        this.#memory = notified;
      }
      for (const listener of this.#listeners) listener({ message: reminder.message }, state);
    }
    return { info: this.#info(state, reminder), checkAt: reminder?.checkAt ?? null };
  }

  /** "Remind me in 15 minutes": false when no reminder is active (nothing to snooze). */
  snooze(state: BaseAppState): boolean {
    const reminder = this.#evaluate(state);
    if (!reminder?.active || state.presence === null) return false;
    const snoozedUntil = new Date(this.#options.now().getTime() + REMINDER_SNOOZE_MINUTES * MINUTE_MS).toISOString();
    // notifiedFor is cleared so that the reminder notifies again when the snooze ends.
    this.#remember({ snoozedUntil, snoozedFor: state.presence.changedAt, notifiedFor: null });
    return true;
  }

  onDue(listener: ReminderDueListener): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  stop(): void {
    this.#listeners.clear();
  }

  #evaluate(state: BaseAppState): OfflineReminder | null {
    if (state.server === null || state.presence === null) return null;
    const memory = this.#memory;
    return offlineReminder({
      settings: state.server.settings,
      presence: state.presence,
      now: this.#options.now(),
      thresholdMinutes: state.preferences.offlineReminderMinutes,
      // A snooze belongs to the offline episode it was asked for, not to the next one.
      snoozedUntil: memory.snoozedFor === state.presence.changedAt ? memory.snoozedUntil : null,
      notifiedFor: memory.notifiedFor,
    });
  }

  #info(state: BaseAppState, reminder: OfflineReminder | null): ReminderInfo {
    if (reminder === null) return quiet;
    const { snoozedUntil, snoozedFor } = this.#memory;
    const snoozed = snoozedUntil !== null && snoozedFor === state.presence?.changedAt && Date.parse(snoozedUntil) > this.#options.now().getTime();
    return { active: reminder.active, message: reminder.active ? reminder.message : null, snoozedUntil: snoozed ? snoozedUntil : null };
  }

  #remember(memory: StoredReminderMemory): void {
    this.#options.store.setReminderMemory(memory); // throws when the disk refuses: then nothing changed
    this.#memory = memory;
  }
}
