// Which tray icon shows, per state. No Electron import: the adapter turns the file name into a
// nativeImage. macOS wants monochrome "Template" images that the system tints for light and dark
// menu bars; Windows and Linux get coloured icons drawn to read on both light and dark task bars.
import type { AppState } from '../../core/schemas/app-api.ts';

export type TrayIconKind = 'accepting' | 'offline' | 'closed' | 'attention';

/** The state the icon stands for; anything that stops the switch reaching the server wins. */
export function trayIconKind(state: AppState): TrayIconKind {
  if (state.connection === null || state.status.tone === 'not-connected') return 'attention';
  if (state.sync.state === 'error' || state.sync.state === 'offline' || state.sync.state === 'not-connected') return 'attention';
  if (state.sync.state === 'connecting' && state.server === null) return 'attention';
  switch (state.status.tone) {
    case 'accepting':
      return 'accepting';
    case 'offline-by-switch':
      return 'offline';
    case 'outside-hours':
      return 'closed';
  }
}

/** Path of the icon under build/tray/, relative to the resources directory. */
export function trayIconFile(kind: TrayIconKind, platform: NodeJS.Platform): string {
  // Electron picks `name@2x.png` beside `name.png` on high-DPI screens by itself.
  if (platform === 'darwin') return `tray/${kind}Template.png`;
  if (platform === 'win32') return `tray/${kind}.ico`;
  return `tray/${kind}.png`;
}

/**
 * The tooltip carries the status sentence (or, while it is active, the forgotten-offline reminder),
 * and says when changes are not reaching the server.
 */
export function trayTooltip(state: AppState): string {
  if (state.connection === null) return 'Clinic Chat Desk — not connected';
  const waiting = state.sync.pending > 0 ? `, ${state.sync.pending} waiting` : '';
  const syncNote =
    state.sync.state === 'offline'
      ? ` (no connection: changes will sync when it returns${waiting})`
      : state.sync.state === 'error'
        ? ` (sync problem: changes are not reaching the server${waiting})`
        : '';
  const headline = state.reminder?.active && state.reminder.message ? state.reminder.message : state.status.sentence;
  return `Clinic Chat Desk — ${headline}${syncNote}`;
}
