// The AppApi implemented in plain Node, the same in the desktop app, the preview host and the tests: it
// owns the store and the sync session, and publishes an AppState snapshot after every change.
import { MINUTE_MS } from '../../core/zone-clock.ts';
import type { AppError, AppResult, AppState, ConnectInput, ManagedSetting, PreferenceInput, SetOnlineInput } from '../../core/schemas/app-api.ts';
import { appMessages } from './app-messages.ts';
import type { AppApiHandlers } from './app-operations.ts';
import { appStateSnapshot } from './app-state.ts';
import type { BaseAppState } from './app-state.ts';
import { ClockSkew, systemClock } from './clock.ts';
import type { Clock } from './clock.ts';
import { connectToClinic, normalizeConnectInput } from '../sync/connect.ts';
import { readHistory } from '../sync/history-reader.ts';
import { lockedChange, lockedDisconnect, managedInfo, noFleet } from '../fleet/fleet.ts';
import type { Fleet } from '../fleet/fleet.ts';
import type { ReminderDueListener } from './offline-reminder-watch.ts';
import { PersistedOutbox, enqueuePresence } from '../sync/outbox.ts';
import type { BackoffOptions } from '../sync/outbox.ts';
import { reactToSync } from '../sync/session-reactions.ts';
import { StatePublisher } from './state-publisher.ts';
import { Refusal, SettingsEditor } from './settings-editor.ts';
import type { AppStore } from '../store/store.ts';
import { SyncHealth } from '../sync/sync-health.ts';
import { SyncSession } from '../sync/sync-session.ts';
import type { SyncEvent } from '../sync/sync-session.ts';

export type AppControllerOptions = {
  store: AppStore;
  clock?: Clock;
  /** BCP 47 locale for times in status sentences (default en-GB). */
  locale?: string;
  backoff?: BackoffOptions;
  streamSilenceMs?: number;
  requestTimeoutMs?: number;
  newId?: () => string;
  /** What the clinic's IT administrator pre-set and locked on this PC; nothing by default. */
  fleet?: Fleet;
};

/** When a break asked for by the caller ends: a length counts from this PC's server-corrected now. */
function breakEnd(input: SetOnlineInput, now: Date): string | null {
  if (input.offlineForMinutes !== undefined) return new Date(now.getTime() + input.offlineForMinutes * MINUTE_MS).toISOString();
  return input.offlineUntil === undefined ? null : new Date(input.offlineUntil).toISOString();
}

export class AppController {
  readonly #store: AppStore;
  readonly #clock: Clock;
  readonly #options: AppControllerOptions;
  readonly #fleet: Fleet;
  readonly #skew = new ClockSkew();
  readonly #outbox: PersistedOutbox;
  readonly #editor: SettingsEditor;
  readonly #health = new SyncHealth();
  readonly #publisher: StatePublisher;
  #session: SyncSession | null = null;
  #connecting = 0;
  #stopped = false;

  constructor(options: AppControllerOptions) {
    this.#options = options;
    this.#store = options.store;
    this.#clock = options.clock ?? systemClock;
    this.#fleet = options.fleet ?? noFleet;
    this.#outbox = new PersistedOutbox(options.store);
    this.#editor = new SettingsEditor({ store: options.store, outbox: this.#outbox, now: () => this.#now(), newId: () => this.#newId() });
    this.#publisher = new StatePublisher({ store: options.store, clock: this.#clock, now: () => this.#now(), snapshot: () => this.#snapshot() });
  }

  /** Picks up the stored connection (if any) and starts syncing. */
  start(): void {
    const connection = this.#store.getConnection();
    if (connection) {
      const token = this.#store.readToken();
      if (token === null) this.#health.tokenMissing(appMessages.tokenUnreadable, this.#now());
      else this.#startSession(connection.serverUrl, connection.clinicId, token);
    }
    this.#publisher.publish();
  }

  /** The PC woke from sleep (or the network came back): reconnect and retry at once, re-check the status. */
  resume(): void {
    this.#session?.resume();
    this.#publisher.publish();
  }

  stop(): void {
    this.#stopped = true;
    this.#session?.stop();
    this.#session = null;
    this.#publisher.stop();
  }

  get state(): AppState {
    return this.#publisher.state;
  }

  onReminderDue = (listener: ReminderDueListener): (() => void) => this.#publisher.onReminderDue(listener);

  subscribe = (listener: (state: AppState) => void): (() => void) => this.#publisher.subscribe(listener);

  /** The operations, for runOperation / validatedAppApi / the IPC gateway (which validate first). */
  readonly handlers: AppApiHandlers = {
    getState: async () => this.#ok(),
    connect: (input) => this.#connect(input),
    disconnect: async () =>
      this.#change(() => {
        const locked = lockedDisconnect(this.#fleet);
        if (locked) throw locked;
        this.#forgetConnection();
      }),
    setOnline: async (input) => this.#setOnline(input),
    saveSettings: async (draft) => this.#change(() => this.#editor.save(draft) && this.#session?.send()),
    stashDraft: async (draft) => this.#change(() => this.#store.stashDraft(draft)),
    restoreDraft: async () => ({ ok: true, draft: this.#store.getStashedDraft() }),
    resolveConflict: async (choice) => this.#change(() => this.#session?.unblock(this.#editor.resolve(choice))),
    setPreference: async (input) => this.#change(() => this.#setPreference(input)),
    dismissNotice: async ({ id }) => this.#change(() => this.#store.dismissNotice(id)),
    snoozeReminder: async () =>
      this.#change(() => {
        if (this.#store.getConnection() === null) throw new Refusal('not-connected', appMessages.notConnectedAction);
        this.#publisher.snoozeReminder();
      }),
    getHistory: (input) => readHistory({ store: this.#store, clock: this.#clock, skew: this.#skew, timeoutMs: this.#options.requestTimeoutMs }, input),
  };

  async #connect(typed: ConnectInput): Promise<AppResult> {
    const normalized = normalizeConnectInput(typed);
    if (!normalized.ok) return { ok: false, error: normalized.error };
    const input = normalized.value;
    const locked = lockedChange(this.#fleet, input, (key) => this.#own(key));
    if (locked) return this.#fail(locked);
    this.#connecting++;
    this.#publisher.publish();
    const outcome = await connectToClinic(input, { clock: this.#clock, skew: this.#skew, timeoutMs: this.#options.requestTimeoutMs }).finally(() => this.#connecting--);
    if (!outcome.ok || this.#stopped) {
      this.#publisher.publish();
      return outcome.ok ? this.#fail(new Refusal('internal', appMessages.notConnectedAction)) : { ok: false, error: outcome.error };
    }
    const { serverUrl, clinicId, clinic, settings, presence } = outcome.value;
    const previous = this.#store.getConnection();
    // Unsent changes and edits belong to the clinic they were made for; a new token keeps them.
    const sameClinic = previous?.serverUrl === serverUrl && previous.clinicId === clinicId;
    return this.#change(() => {
      if (sameClinic) this.#session?.stop();
      else this.#forgetConnection();
      this.#session = null;
      this.#store.saveConnection({ serverUrl, clinicId, clinicName: clinic.name, token: input.token });
      this.#store.dismissNotice('token-unreadable');
      const note = this.#store.tokenStorageNote();
      if (note) this.#store.addNotice({ id: 'token-plain-text', kind: 'token-plain-text', message: note });
      this.#store.setServerCopy({ settings: settings.settings, version: settings.version, presence, receivedAt: this.#now().toISOString() });
      this.#health.reset();
      this.#startSession(serverUrl, clinicId, input.token);
    });
  }

  #forgetConnection(): void {
    this.#session?.stop();
    this.#session = null;
    this.#outbox.update(() => []);
    this.#store.stashDraft(null);
    this.#store.setServerCopy(null);
    this.#store.clearConnection();
    this.#editor.forget();
    this.#health.reset();
  }

  #setOnline(input: SetOnlineInput): AppResult {
    if (this.#store.getConnection() === null || this.#store.getServerCopy() === null) return this.#fail(new Refusal('not-connected', appMessages.notConnectedAction));
    const now = this.#now();
    if (input.offlineUntil !== undefined && Date.parse(input.offlineUntil) <= now.getTime()) {
      return this.#fail(new Refusal('invalid-input', appMessages.breakInPast, [{ path: 'offlineUntil', message: appMessages.breakInPast }]));
    }
    const offlineUntil = breakEnd(input, now);
    const changedBy = this.#store.getPreferences().pcName;
    return this.#change(() => {
      // Written to disk before the answer: an acknowledged toggle survives a crash or a dead server.
      this.#outbox.update((queue) => enqueuePresence(queue, { online: input.online, offlineUntil, changedBy }, { id: this.#newId(), now }));
      this.#session?.send();
    });
  }

  #setPreference(input: PreferenceInput): void {
    const locked = input.key === 'pcName' ? lockedChange(this.#fleet, { pcName: input.value }, (key) => this.#own(key)) : null;
    if (locked) throw locked;
    this.#store.setPreference(input);
  }

  /** What this PC holds for a value the administrator may have locked. */
  #own(key: ManagedSetting): string | null {
    if (key === 'pcName') return this.#store.getPreferences().pcName;
    return key === 'token' ? this.#store.readToken() : (this.#store.getConnection()?.[key] ?? null);
  }

  #startSession(serverUrl: string, clinicId: string, token: string): void {
    const { backoff, streamSilenceMs, requestTimeoutMs } = this.#options;
    const emit = (event: SyncEvent) => {
      reactToSync(event, { store: this.#store, editor: this.#editor, health: this.#health, now: this.#now() });
      this.#publisher.publish();
    };
    this.#session = new SyncSession({ serverUrl, clinicId, token, outbox: this.#outbox, clock: this.#clock, skew: this.#skew, emit, backoff, streamSilenceMs, requestTimeoutMs });
    this.#session.start();
  }

  #now(): Date {
    return this.#skew.serverTime(this.#clock.now());
  }

  #newId(): string {
    return this.#options.newId?.() ?? crypto.randomUUID();
  }

  /** Everything but the reminder, which the publisher judges from this. */
  #snapshot(): BaseAppState {
    return appStateSnapshot({
      connection: this.#store.getConnection(),
      tokenStorageNote: this.#store.tokenStorageNote(),
      serverCopy: this.#store.getServerCopy(),
      outbox: this.#outbox.operations,
      conflict: this.#editor.conflict,
      connecting: this.#connecting > 0,
      problem: this.#health.problem,
      failingSince: this.#health.failingSince,
      preferences: this.#store.getPreferences(),
      notices: this.#store.notices,
      managed: managedInfo(this.#fleet),
      now: this.#now(),
      ...(this.#options.locale ? { locale: this.#options.locale } : {}),
    });
  }

  /** Runs a change; a refusal or a write the disk refuses becomes an error value, and nothing is acknowledged. */
  #change(change: () => unknown): AppResult {
    try {
      change();
    } catch (error) {
      if (error instanceof Refusal) return this.#fail(error);
      return this.#fail(new Refusal('storage', appMessages.storage(error instanceof Error ? error.message : String(error))));
    }
    return this.#ok();
  }

  #ok(): AppResult {
    return { ok: true, state: this.#publisher.publish() };
  }

  #fail(refusal: Refusal): { ok: false; error: AppError } {
    return { ok: false, error: refusal.error };
  }
}
