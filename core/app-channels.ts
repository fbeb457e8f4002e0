// Every AppApi IPC channel name, in one place. This file imports nothing on purpose: the sandboxed
// preload bundles it, and a sandboxed preload cannot `require` packages such as zod at runtime.
// core/schemas/app-api.ts checks at compile time that these keys are exactly the AppApi operations.

export const appApiChannels = {
  getState: 'chatdesk:get-state',
  connect: 'chatdesk:connect',
  disconnect: 'chatdesk:disconnect',
  setOnline: 'chatdesk:set-online',
  saveSettings: 'chatdesk:save-settings',
  stashDraft: 'chatdesk:stash-draft',
  restoreDraft: 'chatdesk:restore-draft',
  resolveConflict: 'chatdesk:resolve-conflict',
  setPreference: 'chatdesk:set-preference',
  dismissNotice: 'chatdesk:dismiss-notice',
  snoozeReminder: 'chatdesk:snooze-reminder',
  getHistory: 'chatdesk:get-history',
} as const;

/** The one push channel: main sends an `AppState` snapshot after every change. */
export const appStateChannel = 'chatdesk:state';
