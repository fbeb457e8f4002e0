// Desktop notifications from the planner's decisions (main/notifications/notification-rules.ts). One on screen
// per kind: a newer "another PC switched" replaces the older one rather than stacking up. Electron's
// Notification comes in through a factory, so this is tested with a double at the seam.
//
// Buttons ("Go online", "Remind me in 15 minutes") are offered where Electron shows notification
// actions: macOS (the first as a button, the rest under it; Apple shows them only for a signed app)
// and Windows 10+. On Linux a notification has no buttons: a click opens the window, which shows
// the same choices.
import type { NotificationAction, StaffNotification } from './notification-rules.ts';

/** Electron's NotificationConstructorOptions, the part used here. */
export type NotificationOptions = { title: string; body: string; actions?: { type: 'button'; text: string }[] };

export type NotificationLike = {
  show(): void;
  close(): void;
  on(event: 'click', listener: () => void): unknown;
  /** Electron passes `{ actionIndex }` first; older versions passed the index as the second argument. */
  on(event: 'action', listener: (details: { actionIndex?: number } | undefined, actionIndex?: number) => void): unknown;
};

export type NotifierOptions = {
  isSupported(): boolean;
  /** Whether this system shows notification buttons (see `platformShowsNotificationActions`). */
  showsActions?: boolean;
  create(options: NotificationOptions): NotificationLike;
  /** A click on a notification opens the staff window. */
  onClick(notification: StaffNotification): void;
  /** A button was pressed. */
  onAction?(notification: StaffNotification, action: NotificationAction['id']): void;
};

export function platformShowsNotificationActions(platform: NodeJS.Platform): boolean {
  return platform === 'darwin' || platform === 'win32';
}

export class DesktopNotifier {
  readonly #options: NotifierOptions;
  /** Kept referenced: a garbage-collected Notification loses its click handler. */
  readonly #shown = new Map<StaffNotification['id'], NotificationLike>();

  constructor(options: NotifierOptions) {
    this.#options = options;
  }

  show = (notification: StaffNotification): void => {
    if (!this.#options.isSupported()) return;
    this.close(notification.id);
    const actions = this.#options.showsActions ? (notification.actions ?? []) : [];
    const shown = this.#options.create({
      title: notification.title,
      body: notification.body,
      ...(actions.length > 0 ? { actions: actions.map((action) => ({ type: 'button' as const, text: action.label })) } : {}),
    });
    shown.on('click', () => this.#options.onClick(notification));
    if (actions.length > 0) {
      shown.on('action', (details, legacyIndex) => {
        const action = actions[details?.actionIndex ?? legacyIndex ?? -1];
        if (action) this.#options.onAction?.(notification, action.id);
      });
    }
    this.#shown.set(notification.id, shown);
    shown.show();
  };

  /** Takes a notification of this kind off the screen, e.g. a reminder once chat is back online. */
  close(id: StaffNotification['id']): void {
    this.#shown.get(id)?.close();
    this.#shown.delete(id);
  }
}
