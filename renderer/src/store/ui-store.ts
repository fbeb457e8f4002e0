// The staff UI's store: the last AppState snapshot from main, plus a local copy of the settings draft
// so typing stays instant. Edits go to main through the AppApi (main owns the draft); snapshots from
// main replace the local copy only when no local edit is still on its way, and keep unchanged parts
// by reference so narrow selectors (one day's row) do not fire for other days.
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { ChatSettings } from '../../../core/schemas/schedule.ts';
import type { AppApi, AppApiOperation, AppError, AppResult, AppState, ConflictChoice, ConnectInput, HistoryInput, HistoryResult, PreferenceInput, SetOnlineInput } from '../../../core/schemas/app-api.ts';
import type { FieldError } from '../../../core/schemas/schedule.ts';
import { isEditableSettings, shareUnchanged } from '../draft/editable-draft.ts';
import { createDraftSender } from './draft-sender.ts';
import { loadDraftValidator } from './draft-validation.ts';
import type { ValidateDraft } from './draft-validation.ts';

export type UiActions = {
  /** Subscribes to main's snapshots and loads the first one; returns the unsubscribe function. */
  start(): () => void;
  connect(input: ConnectInput): Promise<AppResult>;
  disconnect(): Promise<AppResult>;
  setOnline(input: SetOnlineInput): Promise<AppResult>;
  /** Applies an immutable edit (see draft-edits.ts) to the draft and sends it to main. */
  edit(change: (settings: ChatSettings) => ChatSettings): void;
  save(): Promise<AppResult>;
  discard(): Promise<AppResult>;
  resolveConflict(choice: ConflictChoice): Promise<AppResult>;
  setPreference(input: PreferenceInput): Promise<AppResult>;
  dismissNotice(id: string): Promise<AppResult>;
  /** "Remind me in 15 minutes" on the forgotten-offline reminder. */
  snoozeReminder(): Promise<AppResult>;
  /** A page of the clinic's change history, read from the server through main; the store keeps none of it. */
  readHistory(input: HistoryInput): Promise<HistoryResult>;
};

export type UiState = {
  app: AppState | null;
  /** The settings as edited on this screen; null until the clinic's settings are known. */
  draft: ChatSettings | null;
  /** core's parseSettings on the draft, with the field paths the editors show errors beside. */
  draftErrors: FieldError[];
  /** An edit has been made here that main has not acknowledged yet. */
  editing: boolean;
  /** The draft as it was when Save was accepted by main (queued for the server). */
  savedDraft: ChatSettings | null;
  /** The last failure of each operation, shown next to the control that made the call. */
  failures: Partial<Record<AppApiOperation, AppError>>;
  /** This PC's clock, the one place the window reads the time ("Today", the preview's first day). */
  now: () => Date;
  actions: UiActions;
};

export type UiStore = StoreApi<UiState>;

/** The draft main holds, or the server copy when nothing is being edited. */
function draftFromState(state: AppState): ChatSettings | null {
  const value = state.draft?.value ?? state.server?.settings ?? null;
  // A draft from before the emergency line existed has no such key; the editors read it as none.
  if (isEditableSettings(value)) return value.emergency === undefined ? { ...value, emergency: null } : value;
  // A draft this screen cannot show (written by an older version) falls back to the saved settings.
  return state.server?.settings ?? null;
}

type Failure = { ok: false; error: AppError };

/** An AppApi from before an operation existed (an older preload): said as a failure, not thrown. */
function unsupported(operation: AppApiOperation): Failure {
  return { ok: false, error: { code: 'internal', message: `This version of Clinic Chat Desk cannot do “${operation}”; restart it to update.` } };
}

/** A thrown call (a broken bridge) becomes an error value like any other failure. */
function thrown(error: unknown): Failure {
  return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
}

function whenIdle(run: () => void): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(run, { timeout: 2_000 });
  else setTimeout(run, 0);
}

export function createUiStore(api: AppApi, now: () => Date = () => new Date()): UiStore {
  return createStore<UiState>()((set, get) => {
    let validate: ValidateDraft | null = null;
    /** Errors of the draft shown here; `fromMain` are main's for its own copy, used until parseSettings has loaded. */
    const errorsOf = (draft: ChatSettings | null, fromMain: FieldError[]): FieldError[] => (draft === null ? [] : validate ? validate(draft) : fromMain);

    const receive = (state: AppState, adoptDraft: boolean): void => {
      if (!adoptDraft) {
        set({ app: state });
        return;
      }
      const draft = draftFromState(state);
      const current = get().draft;
      const next = draft === null ? null : shareUnchanged(current, draft);
      const fromMain = state.draft?.errors ?? [];
      if (next !== current) set({ app: state, draft: next, draftErrors: errorsOf(next, fromMain), editing: false });
      // Same draft: until parseSettings is here, main's verdict on it is the one to show.
      else set(validate ? { app: state, editing: false } : { app: state, draftErrors: fromMain, editing: false });
    };

    // An operation's answer and the pushed snapshots travel separately (over the preview host, a POST
    // response and an event stream), so a push sent after main answered can arrive first. Main pushes
    // every change, so when a push came in while a call was out, the pushed snapshot is the one to keep:
    // adopting the answer's older one would show a stale state that no later push corrects.
    let pushesReceived = 0;
    const onPush = (state: AppState): void => {
      pushesReceived++;
      receive(state, !sender.busy());
    };
    const answeredSince = async (run: () => Promise<AppResult>): Promise<AppResult> => {
      const pushesBefore = pushesReceived;
      const result = await run();
      const pushed = get().app;
      return result.ok && pushesReceived !== pushesBefore && pushed !== null ? { ok: true, state: pushed } : result;
    };

    const settle = (operation: AppApiOperation, result: AppResult, adoptDraft = true): AppResult => {
      const { [operation]: _previous, ...failures } = get().failures;
      if (result.ok) {
        set({ failures });
        receive(result.state, adoptDraft && !sender.busy());
      } else {
        set({ failures: { ...failures, [operation]: result.error } });
      }
      return result;
    };

    const call = async (operation: AppApiOperation, run: () => Promise<AppResult>): Promise<AppResult> => {
      let result: AppResult;
      try {
        result = await answeredSince(run);
      } catch (error) {
        result = thrown(error);
      }
      return settle(operation, result);
    };

    const sender = createDraftSender({ updateDraft: (value) => answeredSince(() => api.updateDraft(value)) }, (result, settled) => {
      if (result.ok) {
        receive(result.state, settled);
        const { updateDraft: _cleared, ...failures } = get().failures;
        set({ failures });
      } else {
        set({ failures: { ...get().failures, updateDraft: result.error }, editing: !settled });
      }
    });

    const actions: UiActions = {
      start() {
        // After the grid is up: evaluating zod's schemas must not delay the first render.
        whenIdle(() =>
          void loadDraftValidator().then((loaded) => {
            validate = loaded;
            set({ draftErrors: errorsOf(get().draft, get().draftErrors) });
          }),
        );
        const unsubscribe = api.subscribe(onPush);
        void call('getState', () => api.getState());
        return unsubscribe;
      },
      connect: (input) => call('connect', () => api.connect(input)),
      disconnect: () => call('disconnect', () => api.disconnect()),
      setOnline: (input) => call('setOnline', () => api.setOnline(input)),
      edit(change) {
        const current = get().draft;
        if (current === null) return;
        const next = change(current);
        if (next === current) return;
        set({ draft: next, draftErrors: errorsOf(next, get().draftErrors), editing: true, savedDraft: null });
        sender.send(next);
      },
      save: async () => {
        await sender.flush();
        const result = await call('saveSettings', () => api.saveSettings());
        if (result.ok) set({ savedDraft: get().draft });
        return result;
      },
      discard: async () => {
        await sender.flush();
        return call('discardDraft', () => api.discardDraft());
      },
      resolveConflict: async (choice) => {
        await sender.flush();
        return call('resolveConflict', () => api.resolveConflict(choice));
      },
      setPreference: (input) => call('setPreference', () => api.setPreference(input)),
      dismissNotice: (id) => call('dismissNotice', () => api.dismissNotice({ id })),
      snoozeReminder: () => call('snoozeReminder', () => (api.snoozeReminder ? api.snoozeReminder() : Promise.resolve(unsupported('snoozeReminder')))),
      readHistory: async (input) => {
        if (!api.getHistory) return unsupported('getHistory');
        try {
          return await api.getHistory(input);
        } catch (error) {
          return thrown(error);
        }
      },
    };

    return { app: null, draft: null, draftErrors: [], editing: false, savedDraft: null, failures: {}, now, actions };
  });
}
