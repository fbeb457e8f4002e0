import { describe, expect, expectTypeOf, it } from 'vitest';
import type { IpcMain, WebContents } from 'electron';
import { appApiChannels, appStateChannel } from '../../core/app-channels.ts';
import { appApiOperations } from '../../core/schemas/app-api.ts';
import type { AppResult, AppState } from '../../core/schemas/app-api.ts';
import { appUrlMatcher, publishState, registerAppApi } from '../../main/window/ipc-gateway.ts';
import type { AppApiHandlers } from '../../main/controller/app-operations.ts';
import type { InvokeEventLike, IpcMainLike, SenderFrameLike, StateTarget } from '../../main/window/ipc-gateway.ts';

// A hand-written double of Electron's ipcMain: it keeps the registered listeners and lets the test
// invoke a channel the way a renderer's ipcRenderer.invoke would arrive in main.
class IpcMainDouble implements IpcMainLike {
  readonly listeners = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void {
    if (this.listeners.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.listeners.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.listeners.delete(channel);
  }
  async invoke(event: InvokeEventLike, channel: string, ...args: unknown[]): Promise<unknown> {
    const listener = this.listeners.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener(event, ...args);
  }
}

const APP_PAGE = 'file:///opt/Clinic%20Chat%20Desk/resources/app.asar/out/renderer/index.html';
const ourWindow = { id: 1 };
const topFrame = (url = APP_PAGE): SenderFrameLike => ({ url, parent: null });
const fromOurWindow = (frame: SenderFrameLike | null = topFrame()): InvokeEventLike => ({ sender: ourWindow, senderFrame: frame });

const fakeState = { marker: 'state' } as unknown as AppState;
const ok: AppResult = { ok: true, state: fakeState };

function setup(overrides: Partial<AppApiHandlers> = {}) {
  const ipcMain = new IpcMainDouble();
  const calls: { operation: string; args: unknown[] }[] = [];
  const handlerErrors: unknown[] = [];
  const record =
    (operation: string) =>
    async (...args: unknown[]): Promise<AppResult> => {
      calls.push({ operation, args });
      return ok;
    };
  const handlers = Object.fromEntries(appApiOperations.map((operation) => [operation, record(operation)])) as unknown as AppApiHandlers;
  const unregister = registerAppApi({
    ipcMain,
    handlers: { ...handlers, ...overrides },
    senders: { isAppUrl: appUrlMatcher(APP_PAGE), isOurWindow: (sender) => sender === ourWindow },
    onHandlerError: (_operation, error) => handlerErrors.push(error),
  });
  return { ipcMain, calls, handlerErrors, unregister };
}

describe('IPC gateway', () => {
  it('registers one handler per AppApi operation, on the contract channel names, and removes them all', () => {
    const { ipcMain, unregister } = setup();
    expect([...ipcMain.listeners.keys()].sort()).toEqual(Object.values(appApiChannels).sort());
    unregister();
    expect(ipcMain.listeners.size).toBe(0);
  });

  it('passes validated arguments from our window to the handler and returns its result', async () => {
    const { ipcMain, calls } = setup();
    const input = { serverUrl: 'https://chat.example-clinic.test', clinicId: 'clinic-1', token: 'secret-token' };
    await expect(ipcMain.invoke(fromOurWindow(), appApiChannels.connect, input)).resolves.toEqual(ok);
    await expect(ipcMain.invoke(fromOurWindow(), appApiChannels.setOnline, { online: false, offlineUntil: '2026-11-25T12:15:00Z' })).resolves.toEqual(ok);
    await expect(ipcMain.invoke(fromOurWindow(), appApiChannels.resolveConflict, 'keep-mine')).resolves.toEqual(ok);
    await expect(ipcMain.invoke(fromOurWindow(), appApiChannels.setPreference, { key: 'offlineReminderMinutes', value: 45 })).resolves.toEqual(ok);
    await expect(ipcMain.invoke(fromOurWindow(), appApiChannels.getState)).resolves.toEqual(ok);
    expect(calls).toEqual([
      { operation: 'connect', args: [input] },
      { operation: 'setOnline', args: [{ online: false, offlineUntil: '2026-11-25T12:15:00Z' }] },
      { operation: 'resolveConflict', args: ['keep-mine'] },
      { operation: 'setPreference', args: [{ key: 'offlineReminderMinutes', value: 45 }] },
      { operation: 'getState', args: [] },
    ]);
  });

  it('rejects invalid arguments with field errors and never calls the handler', async () => {
    const { ipcMain, calls } = setup();
    const result = (await ipcMain.invoke(fromOurWindow(), appApiChannels.connect, {
      serverUrl: 'javascript:alert(1)',
      clinicId: '  ',
      token: 'x',
    })) as AppResult;
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.fields?.map((field) => field.path).sort()).toEqual(['clinicId', 'serverUrl']);
    expect(calls).toEqual([]);
  });

  it.each([
    ['an unknown conflict choice', appApiChannels.resolveConflict, ['overwrite-everything']],
    ['a preference that does not exist', appApiChannels.setPreference, [{ key: 'nodeIntegration', value: true }]],
    ['a preference of the wrong type', appApiChannels.setPreference, [{ key: 'launchAtLogin', value: 'yes' }]],
    ['extra properties', appApiChannels.setOnline, [{ online: true, admin: true }]],
    ['a timed break while going online', appApiChannels.setOnline, [{ online: true, offlineUntil: '2026-11-25T12:15:00Z' }]],
    ['an instant without an offset', appApiChannels.setOnline, [{ online: false, offlineUntil: '2026-11-25 12:15' }]],
    ['extra arguments', appApiChannels.getState, ['surprise']],
    ['a missing argument', appApiChannels.setOnline, []],
    ['a stash that is not a draft', appApiChannels.stashDraft, [{ settings: { when: new Date('2026-11-25T10:00:00Z') }, baseVersion: 1 }]],
    ['a save without its base version', appApiChannels.saveSettings, [{ settings: {} }]],
  ])('rejects %s', async (_name, channel, args) => {
    const { ipcMain, calls } = setup();
    const result = (await ipcMain.invoke(fromOurWindow(), channel, ...args)) as AppResult;
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(calls).toEqual([]);
  });

  it.each([
    ['a frame without a URL we serve', fromOurWindow(topFrame('https://evil.example/index.html'))],
    ['another file on disk', fromOurWindow(topFrame('file:///tmp/downloaded.html'))],
    ['an iframe inside our page', fromOurWindow({ url: APP_PAGE, parent: topFrame() })],
    ['a destroyed frame', fromOurWindow(null)],
    ['another window showing our page', { sender: { id: 2 }, senderFrame: topFrame() }],
    [
      'a frame that throws when read',
      {
        sender: ourWindow,
        get senderFrame(): SenderFrameLike {
          throw new Error('Render frame was disposed before WebFrameMain could be accessed');
        },
      },
    ],
  ])('refuses calls from %s', async (_name, event) => {
    const { ipcMain, calls } = setup();
    const result = (await ipcMain.invoke(event, appApiChannels.setOnline, { online: false })) as AppResult;
    expect(result).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(calls).toEqual([]);
  });

  it('turns a failing handler into an error value and reports it, without throwing into main', async () => {
    const boom = new Error('disk full');
    const { ipcMain, handlerErrors } = setup({
      dismissNotice: async () => {
        throw boom;
      },
    });
    const result = (await ipcMain.invoke(fromOurWindow(), appApiChannels.dismissNotice, { id: 'n1' })) as AppResult;
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('disk full');
    expect(handlerErrors).toEqual([boom]);
  });

  it('accepts our page with a hash or query, and a custom-protocol app by scheme and host', () => {
    const isOurs = appUrlMatcher(APP_PAGE);
    expect(isOurs(`${APP_PAGE}#/settings/hours`)).toBe(true);
    expect(isOurs(`${APP_PAGE}?tab=closures`)).toBe(true);
    expect(isOurs('not a url')).toBe(false);
    const isOursCustom = appUrlMatcher('chatdesk://app/index.html');
    expect(isOursCustom('chatdesk://app/settings')).toBe(true);
    expect(isOursCustom('chatdesk://other/index.html')).toBe(false);
    expect(isOursCustom('https://app/index.html')).toBe(false);
  });

  it('pushes state snapshots on the one event channel, skipping a destroyed window', () => {
    const sent: unknown[][] = [];
    const target: StateTarget = { send: (...args) => sent.push(args), isDestroyed: () => false };
    publishState(target, fakeState);
    publishState({ ...target, isDestroyed: () => true }, fakeState);
    publishState(null, fakeState);
    expect(sent).toEqual([[appStateChannel, fakeState]]);
  });

  it('is typed so the real Electron objects fit the injected seams', () => {
    expectTypeOf<IpcMain>().toExtend<IpcMainLike>();
    expectTypeOf<WebContents>().toExtend<StateTarget>();
  });
});
