// An in-memory AppApi for component tests: the Electron seam (main behind window.chatdesk) replaced
// by a small model of main's behaviour, built on core's real parseSettings, evaluateAvailability and
// wording, so the UI under test sees the same errors and sentences it would see from main.
import { defaultPresence, defaultSettings } from '../../core/schedule-model.ts';
import { evaluateAvailability } from '../../core/availability.ts';
import { parseSettings } from '../../core/schemas/schedule.ts';
import { presenceChange, settingsChanges } from '../../core/settings-diff.ts';
import { staffStatusSentence } from '../../core/wording.ts';
import type { ChatSettings, Presence } from '../../core/schemas/schedule.ts';
import type {
  AppApi,
  AppResult,
  AppState,
  ConflictChoice,
  ConnectInput,
  HistoryInput,
  HistoryResult,
  ManagedInfo,
  PreferenceInput,
  ReminderInfo,
  SetOnlineInput,
} from '../../core/schemas/app-api.ts';
import type { HistoryEntry } from '../../core/schemas/history.ts';

export const TEST_NOW = new Date('2026-11-25T10:00:00.000Z'); // a Wednesday, 10:00 in London

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

type Model = {
  connected: boolean;
  settings: ChatSettings;
  version: number;
  presence: Presence;
  draft: unknown | null;
  conflict: { mine: unknown; theirs: { settings: ChatSettings; version: number } } | null;
  /** A save accepted while the server cannot be reached: kept until serverReturns(). */
  queuedSave: ChatSettings | null;
  serverReachable: boolean;
  preferences: AppState['preferences'];
  notices: AppState['notices'];
  /** As main reports the forgotten-offline reminder (main runs core's rule; tests set it directly). */
  reminder: ReminderInfo;
  /** Values the IT administrator locked (fleet configuration); main refuses to change them. */
  managed: ManagedInfo;
  /** The server's change history, oldest first, recorded with core's wording as the server does. */
  history: HistoryEntry[];
};

export type InMemoryAppApi = AppApi & {
  calls: { operation: string; args: unknown[] }[];
  model: Model;
  /** Another PC saves first: the server copy changes and this PC's next save conflicts. */
  saveFromAnotherPc(settings: ChatSettings): void;
  /** The server answers again: a queued save is delivered. */
  serverReturns(): void;
  /** The answer the next connect gives (the server's verdict). */
  nextConnectResult: AppResult | null;
  /** The answer the next getHistory calls give instead of the model's pages (e.g. the server unreachable). */
  historyFailure: HistoryResult | null;
  push(): void;
};

export function createInMemoryAppApi(
  options: { settings?: ChatSettings; connected?: boolean; notices?: AppState['notices']; managed?: ManagedInfo } = {},
): InMemoryAppApi {
  const listeners = new Set<(state: AppState) => void>();
  const model: Model = {
    connected: options.connected ?? true,
    settings: options.settings ?? defaultSettings('Europe/London'),
    version: 1,
    presence: defaultPresence(TEST_NOW, 'Front desk 1'),
    draft: null,
    conflict: null,
    queuedSave: null,
    serverReachable: true,
    preferences: { pcName: 'Front desk 1', launchAtLogin: false, notifications: true, offlineReminderMinutes: 30 },
    notices: options.notices ?? [],
    reminder: { active: false, message: null, snoozedUntil: null },
    managed: options.managed ?? { locked: [], note: null },
    history: [],
  };
  let remoteVersionAhead = false;

  function state(): AppState {
    const availability = evaluateAvailability(model.settings, model.presence, TEST_NOW);
    const parsed = model.draft === null ? null : parseSettings(model.draft);
    return {
      connection: model.connected
        ? { serverUrl: 'https://chat.example-clinic.test', clinicId: 'clinic-1', clinicName: 'Riverside Vets', tokenStorage: 'encrypted', tokenStorageNote: null }
        : null,
      server: model.connected ? { settings: model.settings, version: model.version, presence: model.presence, receivedAt: TEST_NOW.toISOString() } : null,
      presence: model.connected ? model.presence : null,
      draft:
        model.draft === null
          ? null
          : {
              value: model.draft,
              baseVersion: model.version,
              errors: parsed && !parsed.ok ? parsed.errors : [],
              changed: JSON.stringify(model.draft) !== JSON.stringify(model.settings),
            },
      availability: model.connected ? availability : null,
      status: {
        tone: availability.accepting ? 'accepting' : model.presence.online ? 'outside-hours' : 'offline-by-switch',
        sentence: staffStatusSentence(availability, { timezone: model.settings.timezone, now: TEST_NOW, presence: model.presence }),
        changesAt: null,
      },
      sync: {
        state: model.conflict ? 'conflict' : model.serverReachable ? 'synced' : 'offline',
        pending: model.queuedSave ? 1 : 0,
        lastError: null,
        conflict: model.conflict,
      },
      preferences: model.preferences,
      notices: model.notices,
      reminder: model.reminder,
      managed: model.managed,
    };
  }

  const api: InMemoryAppApi = {
    calls: [],
    model,
    nextConnectResult: null,
    historyFailure: null,
    push() {
      const snapshot = state();
      for (const listener of listeners) listener(snapshot);
    },
    serverReturns() {
      model.serverReachable = true;
      if (model.queuedSave) {
        model.settings = model.queuedSave;
        model.version += 1;
        model.queuedSave = null;
        model.draft = null;
      }
      api.push();
    },
    saveFromAnotherPc(settings) {
      storeSettings(settings, 'Reception');
      remoteVersionAhead = true;
      api.push();
    },
    getState: async () => answer('getState', []),
    connect: async (input: ConnectInput) => {
      // Like main: a locked value may be sent only as the administrator pre-set it (the token never is).
      const prefill: Partial<ConnectInput> = model.managed.prefill ?? {};
      const locked = (['serverUrl', 'clinicId', 'token'] as const).filter((key) => model.managed.locked.includes(key) && input[key] !== prefill[key]);
      if (locked.length > 0) return record('connect', [input], refusedAsLocked(locked));
      if (api.nextConnectResult) return record('connect', [input], api.nextConnectResult);
      model.connected = true;
      return answer('connect', [input]);
    },
    disconnect: async () => {
      const locked = model.managed.locked.filter((setting) => setting !== 'pcName');
      if (locked.length > 0) return record('disconnect', [], refusedAsLocked(locked));
      model.connected = false;
      return answer('disconnect', []);
    },
    setOnline: async (input: SetOnlineInput) => {
      const before = model.presence;
      // Like main: a break asked for by its length ends that long after main's (server-corrected) now.
      const offlineUntil = input.offlineForMinutes === undefined ? (input.offlineUntil ?? null) : new Date(TEST_NOW.getTime() + input.offlineForMinutes * 60_000).toISOString();
      model.presence = { online: input.online, offlineUntil, changedAt: TEST_NOW.toISOString(), changedBy: model.preferences.pcName };
      const change = presenceChange(before, model.presence);
      if (change) addHistory({ kind: 'presence', changedBy: model.preferences.pcName, changes: [change] });
      if (input.online) model.reminder = { active: false, message: null, snoozedUntil: null };
      return answer('setOnline', [input]);
    },
    updateDraft: async (value: unknown) => {
      model.draft = JSON.parse(JSON.stringify(value)) as unknown;
      return answer('updateDraft', [value]);
    },
    saveSettings: async () => {
      const parsed = model.draft === null ? null : parseSettings(model.draft);
      if (parsed === null) return record('saveSettings', [], { ok: false, error: { code: 'nothing-to-save', message: 'Nothing to save' } });
      if (!parsed.ok) return record('saveSettings', [], { ok: false, error: { code: 'invalid-settings', message: 'Fix the settings', fields: parsed.errors } });
      if (remoteVersionAhead) {
        model.conflict = { mine: model.draft, theirs: { settings: model.settings, version: model.version } };
        return answer('saveSettings', []);
      }
      if (!model.serverReachable) {
        model.queuedSave = parsed.value;
        model.draft = parsed.value; // like main: the draft waits, as the server will store it
        return answer('saveSettings', []);
      }
      storeSettings(parsed.value, model.preferences.pcName);
      model.draft = null;
      return answer('saveSettings', []);
    },
    discardDraft: async () => {
      model.draft = null;
      return answer('discardDraft', []);
    },
    resolveConflict: async (choice: ConflictChoice) => {
      const conflict = model.conflict;
      if (conflict === null) return record('resolveConflict', [choice], { ok: false, error: { code: 'no-conflict', message: 'No conflict' } });
      model.conflict = null;
      remoteVersionAhead = false;
      if (choice === 'keep-mine') {
        const parsed = parseSettings(conflict.mine);
        if (parsed.ok) storeSettings(parsed.value, model.preferences.pcName);
      }
      model.draft = null;
      return answer('resolveConflict', [choice]);
    },
    setPreference: async (input: PreferenceInput) => {
      if (input.key === 'pcName' && model.managed.locked.includes('pcName')) return record('setPreference', [input], refusedAsLocked(['pcName']));
      model.preferences = { ...model.preferences, [input.key]: input.value };
      return answer('setPreference', [input]);
    },
    dismissNotice: async (input: { id: string }) => {
      model.notices = model.notices.filter((notice) => notice.id !== input.id);
      return answer('dismissNotice', [input]);
    },
    snoozeReminder: async () => {
      if (!model.reminder.active) return record('snoozeReminder', [], { ok: false, error: { code: 'invalid-input', message: 'No reminder to snooze' } });
      model.reminder = { active: false, message: null, snoozedUntil: new Date(TEST_NOW.getTime() + 15 * 60_000).toISOString() };
      return answer('snoozeReminder', []);
    },
    getHistory: async (input: HistoryInput): Promise<HistoryResult> => {
      api.calls.push({ operation: 'getHistory', args: [input] });
      if (api.historyFailure) return api.historyFailure;
      const limit = input.limit ?? 50;
      const older = model.history.filter((entry) => input.before === undefined || entry.id < input.before).reverse();
      const entries = older.slice(0, limit);
      return { ok: true, history: { entries, nextBefore: older.length > limit ? entries.at(-1)!.id : null } };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };

  /** Like the server: a save is a new version, recorded in the history with what it changed. */
  function storeSettings(next: ChatSettings, changedBy: string): void {
    const changes = settingsChanges(model.settings, next);
    model.settings = next;
    model.version += 1;
    if (changes.length > 0) addHistory({ kind: 'settings', version: model.version, changedBy, changes });
  }

  /** Entries a minute apart after TEST_NOW, with increasing ids, as the server numbers its events. */
  function addHistory(entry: DistributiveOmit<HistoryEntry, 'id' | 'at'>): void {
    const id = (model.history.at(-1)?.id ?? 0) + 1;
    model.history.push({ ...entry, id, at: new Date(TEST_NOW.getTime() + id * 60_000).toISOString() } as HistoryEntry);
  }

  function refusedAsLocked(paths: string[]): AppResult {
    const message = 'Set by your clinic’s IT administrator; it cannot be changed here.';
    return { ok: false, error: { code: 'locked', message, fields: paths.map((path) => ({ path, message })) } };
  }

  function record(operation: string, args: unknown[], result: AppResult): AppResult {
    api.calls.push({ operation, args });
    return result;
  }

  // Like main: every call answers with the new snapshot and pushes it to subscribers.
  function answer(operation: string, args: unknown[]): AppResult {
    const result: AppResult = { ok: true, state: state() };
    record(operation, args, result);
    if (operation !== 'getState') queueMicrotask(() => api.push());
    return result;
  }

  return api;
}
