// The one IPC gateway in main. Every AppApi channel is registered here, from the contract's channel
// map: the sender is checked once (our window's top frame, showing our page), the arguments stay
// `unknown` until the contract's zod schema accepts them, and every failure becomes an error value,
// so a bad or hostile call can never throw inside main. `ipcMain` is injected (typed structurally)
// so the gateway is tested with a double at the Electron seam.
import { appApiChannels, appStateChannel } from '../../core/app-channels.ts';
import { appApiOperations } from '../../core/schemas/app-api.ts';
import type { AppApiOperation, AppResult, AppState } from '../../core/schemas/app-api.ts';
import { runOperation } from '../controller/app-operations.ts';
import type { AppApiHandlers } from '../controller/app-operations.ts';


/** What the gateway reads of Electron's WebFrameMain. */
export type SenderFrameLike = { readonly url: string; readonly parent: SenderFrameLike | null };

/** What the gateway reads of Electron's IpcMainInvokeEvent. */
export type InvokeEventLike = { readonly sender: unknown; readonly senderFrame: SenderFrameLike | null };

/** The part of Electron's ipcMain the gateway uses. */
export type IpcMainLike = {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
};

type SenderPolicy = {
  /** True for the page we load (our file or custom protocol), never for anything it might navigate to. */
  isAppUrl(url: string): boolean;
  /** True when the sending webContents belongs to our staff window. */
  isOurWindow(sender: unknown): boolean;
};

type GatewayOptions = {
  ipcMain: IpcMainLike;
  handlers: AppApiHandlers;
  senders: SenderPolicy;
  /** Where unexpected handler failures are reported (logged); they never reach the renderer as stacks. */
  onHandlerError?: (operation: AppApiOperation, error: unknown) => void;
};

const untrustedSenderResult: AppResult = {
  ok: false,
  error: { code: 'untrusted-sender', message: 'This call did not come from the Clinic Chat Desk window and was refused.' },
};

/** Registers every AppApi operation; returns a function that removes them all again. */
export function registerAppApi(options: GatewayOptions): () => void {
  const { ipcMain, handlers, senders, onHandlerError } = options;

  const register = (operation: AppApiOperation): void => {
    ipcMain.handle(appApiChannels[operation], async (event, ...args) => {
      if (!isTrustedSender(event, senders)) return untrustedSenderResult;
      return runOperation(handlers, operation, args, onHandlerError);
    });
  };

  for (const operation of appApiOperations) register(operation);
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
