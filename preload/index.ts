// The preload: exactly the AppApi as `window.chatdesk`, one method per operation, and nothing else —
// never ipcRenderer itself. Bundled as CommonJS for the sandbox, where only 'electron' can be required at
// runtime: values come from core/app-channels.ts (no imports), everything else is `import type`.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { appApiChannels, appStateChannel } from '../core/app-channels.ts';
import type { AppApi, AppResult, AppState, HistoryResult } from '../core/schemas/app-api.ts';

// The gateway in main answers each channel with that operation's result type (core/schemas/app-api.ts).
const invoke = (channel: string, ...args: unknown[]): Promise<AppResult> => ipcRenderer.invoke(channel, ...args);
const read = (channel: string, ...args: unknown[]): Promise<HistoryResult> => ipcRenderer.invoke(channel, ...args);

const chatdesk = {
  getState: () => invoke(appApiChannels.getState),
  connect: (input) => invoke(appApiChannels.connect, input),
  disconnect: () => invoke(appApiChannels.disconnect),
  setOnline: (input) => invoke(appApiChannels.setOnline, input),
  updateDraft: (settings) => invoke(appApiChannels.updateDraft, settings),
  saveSettings: () => invoke(appApiChannels.saveSettings),
  discardDraft: () => invoke(appApiChannels.discardDraft),
  resolveConflict: (choice) => invoke(appApiChannels.resolveConflict, choice),
  setPreference: (input) => invoke(appApiChannels.setPreference, input),
  dismissNotice: (input) => invoke(appApiChannels.dismissNotice, input),
  snoozeReminder: () => invoke(appApiChannels.snoozeReminder),
  getHistory: (input) => read(appApiChannels.getHistory, input),
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
