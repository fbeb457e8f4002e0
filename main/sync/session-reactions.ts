// What the controller does with each thing a sync session reports: keep the local copy, the settings
// editor and the sync health current. The controller then publishes one new state.
import { appMessages } from '../controller/app-messages.ts';
import type { SettingsEditor } from '../controller/settings-editor.ts';
import type { AppStore } from '../store/store.ts';
import { adoptServerState, applyServerPresence } from './local-copy.ts';
import type { SyncHealth } from './sync-health.ts';
import type { SyncEvent } from './sync-session.ts';

type ReactionDeps = { store: AppStore; editor: SettingsEditor; health: SyncHealth; now: Date };

export function reactToSync(event: SyncEvent, { store, editor, health, now }: ReactionDeps): void {
  switch (event.kind) {
    case 'settings':
      return editor.received(event.settings);
    case 'presence':
      return void applyServerPresence(store, event.presence, now);
    case 'snapshot':
      adoptServerState(store, event.settings, event.presence, now);
      return editor.received(event.settings);
    case 'reached':
      return health.reached();
    case 'failed':
      return health.failed(event.failure, now);
    case 'refused':
      return health.refused(event.failure, now);
    case 'presence-sent':
      health.reached();
      return void applyServerPresence(store, event.presence, now);
    case 'settings-sent':
      health.reached({ settingsSaved: true });
      return editor.saved(event.saved);
    case 'conflict':
      return void editor.stale(event.op, event.current);
    case 'rejected': {
      const detail = event.failure.kind === 'rejected' ? event.failure.message : event.failure.detail;
      return health.rejected(event.op.kind === 'settings' ? 'invalid-settings' : 'internal', appMessages.changeRefused(detail), now);
    }
  }
}
