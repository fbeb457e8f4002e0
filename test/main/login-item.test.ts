// Launch at login: Electron's login item on Windows/macOS (a double at the seam), an XDG autostart
// file on Linux (a real file in a temporary directory).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LoginItemSync, autostartEntry } from '../../main/tray/login-item.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('launch at login', () => {
  it('sets Electron’s login item on Windows, once per change, starting hidden in the tray', () => {
    const calls: unknown[] = [];
    const sync = new LoginItemSync({ platform: 'win32', setLoginItemSettings: (settings) => calls.push(settings), autostartDir: '', executable: 'C:\\App\\Clinic Chat Desk.exe' });
    sync.apply(true);
    sync.apply(true);
    sync.apply(false);
    expect(calls).toEqual([
      { openAtLogin: true, args: ['--hidden'] },
      { openAtLogin: false, args: ['--hidden'] },
    ]);
  });

  it('writes and removes an XDG autostart entry on Linux', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'chatdesk-autostart-')), 'autostart');
    dirs.push(dir);
    const sync = new LoginItemSync({ platform: 'linux', setLoginItemSettings: () => expect.fail('not on Linux'), autostartDir: dir, executable: '/opt/Clinic Chat Desk/clinic-chat-desk' });
    sync.apply(true);
    const file = join(dir, 'clinic-chat-desk.desktop');
    expect(readFileSync(file, 'utf8')).toContain('Exec="/opt/Clinic Chat Desk/clinic-chat-desk" --hidden');
    sync.apply(false);
    expect(existsSync(file)).toBe(false);
  });

  it('quotes the command so a path cannot inject arguments', () => {
    expect(autostartEntry('/home/a"b $(rm)/app')).toContain('Exec="/home/a\\"b \\$(rm)/app" --hidden');
  });
});
