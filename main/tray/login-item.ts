// "Launch at login": Electron's login item on Windows and macOS; on Linux, where Electron has none, an
// XDG autostart entry. The app then starts in the tray without opening its window.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Passed to the app when the OS starts it at login: stay in the tray. */
export const STARTED_AT_LOGIN_FLAG = '--hidden';

/** Electron's app.setLoginItemSettings for Windows and macOS; for Linux, the autostart folder and the command that starts the app. */
type LoginItemHost = { platform: NodeJS.Platform; setLoginItemSettings(settings: { openAtLogin: boolean; args: string[] }): void; autostartDir: string; executable: string };

/** The XDG autostart entry for Linux desktops (GNOME, KDE, XFCE…). */
export function autostartEntry(executable: string): string {
  const quoted = `"${executable.replace(/(["`$\\])/g, '\\$1')}"`;
  return ['[Desktop Entry]', 'Type=Application', 'Name=Clinic Chat Desk', `Exec=${quoted} ${STARTED_AT_LOGIN_FLAG}`, 'X-GNOME-Autostart-enabled=true', ''].join('\n');
}

/** Applies the preference when it changes (and once at start, so the OS agrees with the app). */
export class LoginItemSync {
  readonly #host: LoginItemHost;
  #applied: boolean | null = null;

  constructor(host: LoginItemHost) {
    this.#host = host;
  }

  apply(enabled: boolean): void {
    if (this.#applied === enabled) return;
    this.#applied = enabled;
    if (this.#host.platform !== 'linux') {
      this.#host.setLoginItemSettings({ openAtLogin: enabled, args: [STARTED_AT_LOGIN_FLAG] });
      return;
    }
    const file = join(this.#host.autostartDir, 'clinic-chat-desk.desktop');
    if (enabled) {
      mkdirSync(this.#host.autostartDir, { recursive: true });
      writeFileSync(file, autostartEntry(this.#host.executable));
    } else {
      rmSync(file, { force: true });
    }
  }
}
