// The main process's own words: connection errors, sync problems and notifications. Availability
// sentences come from core's catalogue (core/wording.ts); everything else staff read from main is here.
import { durationText } from '../../core/wording.ts';
import type { AppError } from '../../core/schemas/app-api.ts';
import type { ServerFailure } from '../sync/server-client.ts';

export const appMessages = {
  notConnected: 'Not connected to the clinic’s server',
  notConnectedAction: 'Connect to the clinic’s server first.',
  noServerCopyYet: 'The clinic’s settings have not been loaded from the server yet.',
  nothingToSave: 'There are no unsaved changes.',
  alreadySaving: 'These changes are already being saved.',
  noConflict: 'There is no conflict to resolve.',
  conflictPending: 'Another PC saved the business hours first. Choose “Keep mine” or “Use theirs” before saving again.',
  fixFields: 'Some business hours need fixing before they can be saved.',
  justTheAddress: 'Enter just the server address, for example https://chat.example.org',
  httpsRequired: 'Use an https:// address: over plain http the clinic’s access token could be read on the network.',
  breakInPast: 'Choose a time in the future for the end of the break.',
  storage: (detail: string) => `The change could not be written to this PC’s settings file (${detail}). Nothing was sent.`,
  unreachable: (serverUrl: string, detail: string) => `Can’t reach the server at ${serverUrl} (${detail}). Check the address and the network.`,
  notOurServer: (serverUrl: string, detail: string) =>
    `${serverUrl} answers, but not as a Clinic Chat Desk server (${detail}). Check the address.`,
  wrongToken: 'The server did not accept this access token. Check it with whoever set up the clinic.',
  tokenOfOtherClinic: 'This access token belongs to another clinic. Check the clinic ID and the token.',
  unknownClinic: 'The server has no clinic with this ID. Check the clinic ID.',
  serverTrouble: (status: number, message: string) => `The server could not answer (${status}: ${message}). Try again in a minute.`,
  tokenRevoked: 'The server no longer accepts this PC’s access token. Connect again with the clinic’s token.',
  tokenUnreadable: 'The access token stored on this PC could not be read. Connect again with the clinic’s token.',
  clinicGone: 'The server no longer knows this clinic. Connect again with the clinic ID and token.',
  syncUnreachable: (detail: string) => `The server can’t be reached (${detail}). Changes are kept on this PC and sent when it returns.`,
  changeRefused: (message: string) => `The server refused a change: ${message}`,
  historyUnreachable: (detail: string) => `The change history is kept on the server, which can’t be reached (${detail}). Try again when the connection returns.`,
  historyNotFound: 'The server has no change history for this clinic: it does not know the clinic, or it is a version without history.',
  untrustedSender: 'This call did not come from the Clinic Chat Desk window and was refused.',
  internal: 'Something went wrong inside the app. Try again; if it keeps happening, restart Clinic Chat Desk.',
  invalidArguments: (operation: string) => `Invalid arguments for ${operation}.`,
} as const;

/** How the settings file and the token on this PC were found (notices shown in the window). */
export const storeMessages = {
  noSecretStore: 'this system offers no secret store to encrypt it',
  noLinuxKeyring: 'no keyring (such as GNOME Keyring or KWallet) is running on this Linux desktop',
  noSecretStoreInPreview: 'the browser preview host cannot use the system’s secret store',
  tokenPlainText: (reason: string) => `The access token is stored unencrypted on this PC because ${reason}.`,
  fileRecovered: (problem: string, movedTo: string) =>
    `The settings file on this PC was unreadable (${problem}). It was moved aside to ${movedTo} and the app started with default settings; connect again to restore the clinic's settings.`,
  serverCopyDropped: 'The saved copy of the clinic’s settings could not be read; it will be fetched from the server again.',
  outboxDropped: (count: number) => `${count} unsent change(s) could not be read and were dropped. Check the switch and the business hours.`,
} as const;

/** Values set by the clinic's IT administrator (fleet configuration), which staff cannot change here. */
export const managedMessages = {
  note: 'Set by your clinic’s IT administrator',
  field: 'Set by your clinic’s IT administrator; it cannot be changed here.',
  cannotChange: (setting: string) => `${managedSettingNames[setting] ?? 'This value'} is set by your clinic’s IT administrator and cannot be changed here.`,
  cannotDisconnect: 'This PC’s connection is set by your clinic’s IT administrator and cannot be disconnected here.',
  fleetProblems: (lines: string[]) => `Some settings pre-set by your IT administrator could not be used; tell them:\n${lines.join('\n')}`,
} as const;

const managedSettingNames: Record<string, string> = {
  serverUrl: 'The server address',
  clinicId: 'The clinic ID',
  token: 'The access token',
  pcName: 'This PC’s name',
};

/** The tray's menu and tooltip. */
export const trayMessages = {
  chatOnline: 'Chat online',
  offlineFor: (minutes: number) => `Go offline for ${durationText(minutes)}`,
  openBusinessHours: 'Open Business Hours…',
  launchAtLogin: 'Launch at login',
  restartToUpdate: (version: string) => `Restart to update (version ${version})`,
  quit: 'Quit',
  tooltip: (headline: string) => `Clinic Chat Desk — ${headline}`,
  notConnected: 'not connected',
  offline: (waiting: string) => ` (no connection: changes will sync when it returns${waiting})`,
  failing: (waiting: string) => ` (sync problem: changes are not reaching the server${waiting})`,
  waiting: (count: number) => (count > 0 ? `, ${count} waiting` : ''),
} as const;

/** Notifications: shown only for changes staff did not make on this PC. */
export const notificationMessages = {
  switchedOffline: (who: string) => `${who} switched chat offline`,
  switchedOfflineUntil: (who: string, until: string) => `${who} switched chat offline until ${until}`,
  switchedOnline: (who: string) => `${who} switched chat back online`,
  anotherPc: 'Another PC',
  breakOver: 'Break over: chat is back online',
  hoursBegin: 'Business hours have begun: chat is accepting messages',
  hoursEnd: 'Business hours have ended: chat has stopped accepting messages',
  syncFailing: 'Changes are not reaching the server',
  syncFailingBody: 'For more than a minute now. Changes are kept on this PC and sent when the connection returns.',
  reminderBody: 'Pet owners can’t start a web chat until someone switches it back online.',
} as const;

/** Why connecting failed, pointing at the field staff should look at. */
export function connectError(failure: ServerFailure, serverUrl: string): AppError {
  switch (failure.kind) {
    case 'unreachable':
      return fieldError('unreachable', 'serverUrl', appMessages.unreachable(serverUrl, failure.detail));
    case 'unexpected':
      return fieldError('unreachable', 'serverUrl', appMessages.notOurServer(serverUrl, failure.detail));
    case 'rejected':
      if (failure.status === 401) return fieldError('unauthorized', 'token', appMessages.wrongToken);
      if (failure.status === 403) return fieldError('unauthorized', 'token', appMessages.tokenOfOtherClinic);
      if (failure.status === 404) return fieldError('unknown-clinic', 'clinicId', appMessages.unknownClinic);
      return { code: 'unreachable', message: appMessages.serverTrouble(failure.status, failure.message) };
  }
}

function fieldError(code: AppError['code'], path: string, message: string): AppError {
  return { code, message, fields: [{ path, message }] };
}
