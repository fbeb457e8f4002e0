// Exactly the AppApi as `window.chatdesk`, never ipcRenderer itself. The sandbox can require only
// 'electron' at runtime, so values come from core/app-channels.ts and everything else is `import type`.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { appApiChannels, appStateChannel } from '../core/app-channels.ts';
import type { AppApi, AppState } from '../core/schemas/app-api.ts';

// The gateway in main answers each channel with that operation's result type (core/schemas/app-api.ts).
const invoke = <T>(channel: string, ...args: unknown[]): Promise<T> => ipcRenderer.invoke(channel, ...args);

const chatdesk = {
  getState: () => invoke(appApiChannels.getState),
  connect: (input) => invoke(appApiChannels.connect, input),
  disconnect: () => invoke(appApiChannels.disconnect),
  setOnline: (input) => invoke(appApiChannels.setOnline, input),
  saveSettings: (draft) => invoke(appApiChannels.saveSettings, draft),
  stashDraft: (draft) => invoke(appApiChannels.stashDraft, draft),
  restoreDraft: () => invoke(appApiChannels.restoreDraft),
  resolveConflict: (choice) => invoke(appApiChannels.resolveConflict, choice),
  setPreference: (input) => invoke(appApiChannels.setPreference, input),
  dismissNotice: (input) => invoke(appApiChannels.dismissNotice, input),
  snoozeReminder: () => invoke(appApiChannels.snoozeReminder),
  getHistory: (input) => invoke(appApiChannels.getHistory, input),
  subscribe: (listener) => {
    // The page never sees the IPC event object (it carries `sender`), only the snapshot.
    const forward = (_event: IpcRendererEvent, state: AppState): void => listener(state);
    ipcRenderer.on(appStateChannel, forward);
    return () => {
      ipcRenderer.removeListener(appStateChannel, forward);
    };
  },
} satisfies AppApi;

contextBridge.exposeInMainWorld('chatdesk', chatdesk);

export type ChatDeskBridge = typeof chatdesk;
