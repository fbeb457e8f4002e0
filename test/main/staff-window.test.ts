// The staff window's life cycle with BrowserWindow replaced by a double at the seam and an injected
// clock: close hides to the tray, a long-hidden window is destroyed and comes back where it was.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { BrowserWindow } from 'electron';
import type { WindowBounds } from '../../main/store/store-schema.ts';
import { DEFAULT_DESTROY_AFTER_HIDDEN_MS, StaffWindow, restorableBounds } from '../../main/window/staff-window.ts';
import type { Rectangle, WindowLike } from '../../main/window/staff-window.ts';
import { ManualClock } from './support/manual-clock.ts';

class WindowDouble implements WindowLike {
  static nextId = 1;
  readonly webContents = { id: WindowDouble.nextId++, send: () => undefined, isDestroyed: () => this.destroyed };
  readonly log: string[] = [];
  readonly listeners = new Map<string, ((event: { preventDefault(): void }) => void)[]>();
  bounds: Rectangle;
  visible = false;
  destroyed = false;
  maximized = false;
  constructor(bounds: Rectangle | null) {
    this.bounds = bounds ?? { x: 100, y: 100, width: 960, height: 720 };
  }
  on(event: string, listener: (event: { preventDefault(): void }) => void) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: () => void) {
    return this.on(event, listener);
  }
  emit(event: string): boolean {
    let prevented = false;
    for (const listener of this.listeners.get(event) ?? []) listener({ preventDefault: () => (prevented = true) });
    return prevented;
  }
  async loadURL(url: string) {
    this.log.push(`load ${url}`);
  }
  show() {
    this.visible = true;
  }
  hide() {
    this.visible = false;
  }
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
  isMaximized() {
    return this.maximized;
  }
  maximize() {
    this.maximized = true;
  }
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
    this.emit('closed');
  }
  getNormalBounds() {
    return this.bounds;
  }
}

const screen: Rectangle = { x: 0, y: 0, width: 1920, height: 1040 };

function setup(saved: WindowBounds | null = null) {
  const clock = new ManualClock('2026-11-25T09:00:00Z');
  const created: WindowDouble[] = [];
  let stored = saved;
  const staffWindow = new StaffWindow({
    create: (bounds) => {
      const window = new WindowDouble(bounds);
      created.push(window);
      return window;
    },
    pageUrl: 'chatdesk://app/index.html',
    store: { getWindowBounds: () => stored, setWindowBounds: (bounds) => void (stored = bounds) },
    workAreas: () => [screen],
    clock,
  });
  return { staffWindow, clock, created, stored: () => stored };
}

describe('staff window', () => {
  it('is created hidden and shown once ready, on our page', () => {
    const { staffWindow, created } = setup();
    staffWindow.show();
    const [window] = created;
    expect(window?.visible).toBe(false);
    window!.emit('ready-to-show');
    expect(window?.visible).toBe(true);
    expect(window?.log).toEqual(['load chatdesk://app/index.html']);
  });

  it('hides on close instead of closing, so the app lives on in the tray', () => {
    const { staffWindow, created } = setup();
    staffWindow.show();
    created[0]!.emit('ready-to-show');
    expect(created[0]!.emit('close')).toBe(true);
    expect(created[0]!.visible).toBe(false);
    expect(created[0]!.destroyed).toBe(false);
  });

  it('is destroyed after being hidden long enough, and recreated where it was', () => {
    const { staffWindow, created, clock, stored } = setup();
    staffWindow.show();
    created[0]!.bounds = { x: 300, y: 200, width: 1000, height: 700 };
    created[0]!.emit('close');
    clock.advance(DEFAULT_DESTROY_AFTER_HIDDEN_MS - 1);
    expect(created[0]!.destroyed).toBe(false);
    clock.advance(1);
    expect(created[0]!.destroyed).toBe(true);
    expect(staffWindow.window).toBeNull();
    expect(stored()).toEqual({ x: 300, y: 200, width: 1000, height: 700, maximized: false });

    staffWindow.show();
    expect(created).toHaveLength(2);
    expect(created[1]!.bounds).toEqual({ x: 300, y: 200, width: 1000, height: 700 });
  });

  it('is kept when shown again before the time is up', () => {
    const { staffWindow, created, clock } = setup();
    staffWindow.show();
    staffWindow.hide();
    clock.advance(DEFAULT_DESTROY_AFTER_HIDDEN_MS / 2);
    staffWindow.show();
    clock.advance(DEFAULT_DESTROY_AFTER_HIDDEN_MS);
    expect(created).toHaveLength(1);
    expect(created[0]!.destroyed).toBe(false);
    expect(created[0]!.visible).toBe(true);
  });

  it('remembers bounds a moment after a move or resize, and maximized state', () => {
    const { staffWindow, created, clock, stored } = setup();
    staffWindow.show();
    created[0]!.bounds = { x: 10, y: 20, width: 800, height: 600 };
    created[0]!.emit('move');
    expect(stored()).toBeNull();
    clock.advance(500);
    expect(stored()).toEqual({ x: 10, y: 20, width: 800, height: 600, maximized: false });
    created[0]!.maximized = true;
    created[0]!.emit('maximize');
    clock.advance(500);
    expect(stored()?.maximized).toBe(true);
  });

  it('opens a screen of the UI by its hash, in the existing window', () => {
    const { staffWindow, created } = setup();
    staffWindow.show();
    staffWindow.show('#/settings/hours');
    expect(created).toHaveLength(1);
    expect(created[0]!.log).toEqual(['load chatdesk://app/index.html', 'load chatdesk://app/index.html#/settings/hours']);
  });

  it('closes for real when the app quits', () => {
    const { staffWindow, created } = setup();
    staffWindow.show();
    staffWindow.allowClose();
    expect(created[0]!.emit('close')).toBe(false);
  });

  it('knows its own webContents for the IPC sender check, and only while alive', () => {
    const { staffWindow, created, clock } = setup();
    staffWindow.show();
    const ours = created[0]!.webContents;
    expect(staffWindow.isOurWebContents(ours)).toBe(true);
    expect(staffWindow.isOurWebContents({ id: ours.id + 100 })).toBe(false);
    expect(staffWindow.isOurWebContents(null)).toBe(false);
    staffWindow.hide();
    clock.advance(DEFAULT_DESTROY_AFTER_HIDDEN_MS);
    expect(staffWindow.isOurWebContents(ours)).toBe(false);
  });

  it('restores saved bounds only onto a screen that is still there', () => {
    const saved = { x: 2500, y: 100, width: 900, height: 700, maximized: false };
    expect(restorableBounds(saved, [screen])).toBeNull(); // the second monitor was unplugged
    expect(restorableBounds(saved, [screen, { x: 1920, y: 0, width: 1920, height: 1040 }])).toEqual({ x: 2500, y: 100, width: 900, height: 700 });
    expect(restorableBounds({ width: 900, height: 700, maximized: false }, [screen])).toBeNull();
    expect(restorableBounds(null, [screen])).toBeNull();
  });

  it('fits Electron’s BrowserWindow', () => {
    expectTypeOf<BrowserWindow>().toExtend<WindowLike>();
  });
});
