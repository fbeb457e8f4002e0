// The one IPC gateway: every AppApi channel registered from the contract's map, the sender checked once (our
// window's top frame, on our page), arguments checked by runOperation, so no call can throw inside main.
import { appApiChannels, appStateChannel } from '../../core/app-channels.ts';
import { appApiOperations } from '../../core/schemas/app-api.ts';
import type { AppApiOperation, AppResult, AppState } from '../../core/schemas/app-api.ts';
import { runOperation } from '../controller/app-operations.ts';
import type { AppApiHandlers } from '../controller/app-operations.ts';
import { appMessages } from '../controller/app-messages.ts';

/** What the gateway reads of Electron's WebFrameMain. */
export type SenderFrameLike = { readonly url: string; readonly parent: SenderFrameLike | null };

/** What the gateway reads of Electron's IpcMainInvokeEvent. */
export type InvokeEventLike = { readonly sender: unknown; readonly senderFrame: SenderFrameLike | null };

/** The part of Electron's ipcMain the gateway uses. */
export type IpcMainLike = {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
};

/** `isAppUrl`: our page, never anything it might navigate to; `isOurWindow`: the sending webContents is our staff window's. */
type SenderPolicy = { isAppUrl(url: string): boolean; isOurWindow(sender: unknown): boolean };

/** `onHandlerError` logs unexpected failures; they never reach the renderer as stacks. */
type GatewayOptions = { ipcMain: IpcMainLike; handlers: AppApiHandlers; senders: SenderPolicy; onHandlerError?: (operation: AppApiOperation, error: unknown) => void };

/** Registers every AppApi operation; returns a function that removes them all again. */
export function registerAppApi({ ipcMain, handlers, senders, onHandlerError }: GatewayOptions): () => void {
  for (const operation of appApiOperations) {
    ipcMain.handle(appApiChannels[operation], async (event, ...args): Promise<unknown> => {
      if (isTrustedSender(event, senders)) return runOperation(handlers, operation, args, onHandlerError);
      return { ok: false, error: { code: 'untrusted-sender', message: appMessages.untrustedSender } } satisfies AppResult;
    });
  }
  return () => {
    for (const operation of appApiOperations) ipcMain.removeHandler(appApiChannels[operation]);
  };
}

/** Our window, its top frame (not an iframe it might contain), showing our own page. */
function isTrustedSender(event: InvokeEventLike, senders: SenderPolicy): boolean {
  try {
    const frame = event.senderFrame;
    if (frame === null || frame.parent !== null) return false;
    return senders.isOurWindow(event.sender) && senders.isAppUrl(frame.url);
  } catch {
    // Reading a frame that was destroyed mid-call throws in Electron; such a call is not trusted.
    return false;
  }
}

/**
 * Matches exactly our page: for file: URLs the same file (query and hash ignored), for a custom or
 * http(s) protocol the same scheme and host. Anything unparsable is not ours.
 */
export function appUrlMatcher(appPage: string): (url: string) => boolean {
  const expected = new URL(appPage);
  return (url) => {
    let actual: URL;
    try {
      actual = new URL(url);
    } catch {
      return false;
    }
    if (actual.protocol !== expected.protocol) return false;
    if (actual.host !== expected.host) return false;
    // A custom scheme has no web origin (URL.origin is "null"), so protocol + host stand for it.
    return expected.protocol === 'file:' ? actual.pathname === expected.pathname : true;
  };
}

/** What the gateway needs of a webContents to push state to it. */
export type StateTarget = { send(channel: string, ...args: unknown[]): void; isDestroyed(): boolean };

/** Pushes a state snapshot on the one event channel; a window closing mid-push is not an error. */
export function publishState(target: StateTarget | null, state: AppState): void {
  if (target === null || target.isDestroyed()) return;
  target.send(appStateChannel, state);
}
