// Electron's Notification for the desktop notifier.
import { Notification } from 'electron';
import type { DesktopCommand } from '../controller/app-operations.ts';
import { DesktopNotifier } from './notifier.ts';

export function electronNotifier(onCommand: (command: DesktopCommand) => void): DesktopNotifier {
  return new DesktopNotifier({
    isSupported: () => Notification.isSupported(),
    showsActions: process.platform === 'darwin' || process.platform === 'win32',
    create: (options) => new Notification(options),
    onCommand,
  });
}
