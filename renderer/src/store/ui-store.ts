// The window's store: main's state as pushed (in order, so pushes are the truth) and the settings draft,
// which lives only here; unsaved edits are stashed in main, debounced, so a closed window loses nothing.
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { sameJson } from '../../../core/same-json.ts';
import type { ChatSettings, FieldError } from '../../../core/schemas/schedule.ts';
import type { AppApi, AppApiOperation, AppError, AppResult, AppState, Draft, DraftResult } from '../../../core/schemas/app-api.ts';
import { committedSettings, draftAfter, draftSlice, noDraft, shareUnchanged } from '../draft/draft-state.ts';
import type { DraftSlice } from '../draft/draft-state.ts';

export type UiActions = Pick<AppApi, 'connect' | 'disconnect' | 'setOnline' | 'resolveConflict' | 'setPreference' | 'dismissNotice' | 'snoozeReminder'> & {
  /** Subscribes to main, reads the first state and the stashed draft; answers the unsubscribe function. */
  start(): () => void;
  /** Applies an immutable edit (draft-edits.ts) to the draft. */
  edit(change: (settings: ChatSettings) => ChatSettings): void;
  save(): Promise<void>;
  /** Drops the unsaved edits: the draft is the committed settings again. */
  discard(): void;
  /** A page of the change history through main; the store keeps none of it. */
  readHistory: AppApi['getHistory'];
};

export type UiState = DraftSlice & {
  app: AppState | null;
  /** core's parseSettings on the draft, with the field paths the editors show errors beside. */
  draftErrors: FieldError[];
  /** The last failure of each operation, shown next to the control that made the call. */
  failures: Partial<Record<AppApiOperation, AppError>>;
  /** This PC's clock, the one place the window reads the time ("Today", the preview's first day). */
  now: () => Date;
  actions: UiActions;
};

export type UiStore = StoreApi<UiState>;

/** Unsaved edits wait this long after the last keystroke before they are stashed in main. */
const STASH_DELAY_MS = 400;

type Validate = (draft: ChatSettings) => FieldError[];

/** core's parseSettings, loaded after the first render: it brings every zod schema, which the grid does not need to appear. */
async function loadValidator(): Promise<Validate> {
  const { parseSettings } = await import('../../../core/schemas/schedule.ts');
  return (draft) => {
    const parsed = parseSettings(draft);
    return parsed.ok ? [] : parsed.errors;
  };
}

type Failure = { ok: false; error: AppError };

/** A thrown call (a broken bridge) becomes an error value like any other failure. */
async function attempt<R>(run: () => Promise<R>): Promise<R | Failure> {
  try {
    return await run();
  } catch (error) {
    return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
  }
}

const whenIdle = (run: () => void): unknown => (typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 2_000 }) : setTimeout(run, 0));

export function createUiStore(api: AppApi, now: () => Date = () => new Date()): UiStore {
  return createStore<UiState>()((set, get) => {
    let validate: Validate | null = null;
    /** The stash as main holds it; undefined until it is read, and until then the draft waits. */
    let stashed: Draft | null | undefined;
    /** The stash the draft starts from, once. */
    let restoring: Draft | null = null;
    let stashTimer: ReturnType<typeof setTimeout> | undefined;

    const call = async <R extends AppResult | DraftResult>(operation: AppApiOperation, run: () => Promise<R>): Promise<R | Failure> => {
      const result = await attempt(run);
      const { [operation]: _previous, ...failures } = get().failures;
      set({ failures: result.ok ? failures : { ...failures, [operation]: result.error } });
      return result;
    };

    /** Writes the stash now if it changed: the unsaved edits, or null when there are none. */
    const stash = (): void => {
      clearTimeout(stashTimer);
      const { draft, baseVersion, unsaved } = get();
      const next = unsaved && draft ? { settings: draft, baseVersion } : null;
      if (stashed === undefined || sameJson(next, stashed)) return;
      stashed = next;
      void call('stashDraft', () => api.stashDraft(next));
    };

    const setDraft = (slice: DraftSlice): void => {
      const { draft, unsaved } = get();
      set(slice.draft === draft ? slice : { ...slice, draftErrors: slice.draft && validate ? validate(slice.draft) : [] });
      if (slice.draft === draft && slice.unsaved === unsaved) return;
      clearTimeout(stashTimer);
      stashTimer = setTimeout(stash, STASH_DELAY_MS);
    };

    const receive = (app: AppState): void => {
      const before = get().app;
      set({ app });
      if (stashed === undefined) return;
      setDraft(restoring && app.server ? draftSlice(restoring.settings, restoring.baseVersion, app) : draftAfter(get(), before, app));
      restoring = null;
    };

    /**
     * After Save or a conflict's choice: the draft as main committed it (normalised), unless staff typed
     * on meanwhile, stashed at once. Versions only grow, so a push that got here first is not undone.
     */
    const settle = (sent: ChatSettings | null, result: AppResult, minBase: number): void => {
      const { draft, app, baseVersion } = get();
      if (!result.ok || draft === null || app === null) return;
      const committed = committedSettings(result.state);
      setDraft(draftSlice(draft === sent && committed ? shareUnchanged(draft, committed) : draft, Math.max(baseVersion, minBase), app));
      stash();
    };

    const actions: UiActions = {
      start() {
        // After the grid is up: evaluating zod's schemas must not delay the first render.
        whenIdle(() => {
          void loadValidator().then((loaded) => {
            validate = loaded;
            const { draft } = get();
            if (draft) set({ draftErrors: loaded(draft) });
          });
        });
        const unsubscribe = api.subscribe(receive);
        window.addEventListener('pagehide', stash);
        void call('getState', () => api.getState()).then((result) => {
          // Only before the first push: a push that came first may be newer than this answer.
          if (result.ok && get().app === null) receive(result.state);
        });
        void call('restoreDraft', () => api.restoreDraft()).then((result) => {
          stashed = restoring = result.ok ? result.draft : null;
          const { app } = get();
          if (app) receive(app);
        });
        return () => {
          unsubscribe();
          window.removeEventListener('pagehide', stash);
          clearTimeout(stashTimer);
        };
      },
      connect: (input) => call('connect', () => api.connect(input)),
      disconnect: () => call('disconnect', () => api.disconnect()),
      setOnline: (input) => call('setOnline', () => api.setOnline(input)),
      edit(change) {
        const { draft, baseVersion, app } = get();
        if (draft === null) return;
        const next = change(draft);
        if (next !== draft) setDraft(draftSlice(next, baseVersion, app));
      },
      async save() {
        const { draft, baseVersion } = get();
        if (draft === null) return;
        const result = await call('saveSettings', () => api.saveSettings({ settings: draft, baseVersion }));
        if (!result.ok && result.error.code === 'invalid-settings' && get().draft === draft) set({ draftErrors: result.error.fields ?? [] });
        settle(draft, result, 0);
      },
      discard() {
        const { app } = get();
        if (app) setDraft(draftAfter(noDraft, null, app));
        stash();
      },
      async resolveConflict(choice) {
        const result = await call('resolveConflict', () => api.resolveConflict(choice));
        // "Use theirs" takes the saved settings; either way the draft now builds on the other PC's version.
        if (result.ok) settle(choice === 'use-theirs' ? get().draft : null, result, result.state.server?.version ?? 0);
        return result;
      },
      setPreference: (input) => call('setPreference', () => api.setPreference(input)),
      dismissNotice: (input) => call('dismissNotice', () => api.dismissNotice(input)),
      snoozeReminder: () => call('snoozeReminder', () => api.snoozeReminder()),
      readHistory: (input) => attempt(() => api.getHistory(input)),
    };

    return { app: null, ...noDraft, draftErrors: [], failures: {}, now, actions };
  });
}
