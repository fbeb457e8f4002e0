// What the controller does with each thing the sync session reports: keep the local copy, the conflict
// and the sync health current, then publish one new state.
import { appMessages } from '../controller/app-messages.ts';
import { adoptServerState, applyServerPresence } from './local-copy.ts';
import type { SettingsEditor } from '../controller/settings-editor.ts';
import type { AppStore } from '../store/store.ts';
import type { SyncHealth } from './sync-health.ts';
import type { SessionListener } from './sync-session.ts';

export type ReactionDeps = {
  store: AppStore;
  editor: SettingsEditor;
  health: SyncHealth;
  /** The server's idea of now. */
  now(): Date;
  /** Something changed: publish the new state. */
  changed(): void;
};

export function sessionReactions({ store, editor, health, now, changed }: ReactionDeps): SessionListener {
  const update = (change: () => void): void => {
    change();
    changed();
  };
  return {
    onSettings: (settings) => update(() => editor.received(settings)),
    onPresence: (presence) => update(() => applyServerPresence(store, presence, now())),
    onSnapshot: (settings, presence) =>
      update(() => {
        adoptServerState(store, settings, presence, now());
        editor.received(settings);
      }),
    onReached: () => update(() => health.reached()),
    onFailed: (failure) => update(() => health.failed(failure, now())),
    onRefused: (failure) => update(() => health.refused(failure, now())),
    onPresenceSent: (_op, presence) =>
      update(() => {
        health.reached();
        applyServerPresence(store, presence, now());
      }),
    onSettingsSent: (_op, saved) =>
      update(() => {
        health.reached({ settingsSaved: true });
        editor.saved(saved);
      }),
    onSettingsStale: (op, current) => {
      let verdict: 'landed' | 'conflict' = 'landed';
      update(() => (verdict = editor.stale(op, current)));
      return verdict;
    },
    onRejected: (op, failure) =>
      update(() => {
        const detail = failure.kind === 'rejected' ? failure.message : failure.detail;
        health.rejected(op.kind === 'settings' ? 'invalid-settings' : 'internal', appMessages.changeRefused(detail), now());
      }),
  };
}
