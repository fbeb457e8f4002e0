// Desktop notifications from the planner's decisions (main/app/notification-rules.ts). One on screen
// per kind: a newer "another PC switched" replaces the older one rather than stacking up. Electron's
// Notification comes in through a factory, so this is tested with a double at the seam.
import type { StaffNotification } from '../app/notification-rules.ts';

export type NotificationLike = {
  show(): void;
  close(): void;
  on(event: 'click', listener: () => void): unknown;
};

export type NotifierOptions = {
  isSupported(): boolean;
  create(options: { title: string; body: string }): NotificationLike;
  /** A click on a notification opens the staff window. */
  onClick(notification: StaffNotification): void;
};

export class DesktopNotifier {
  readonly #options: NotifierOptions;
  /** Kept referenced: a garbage-collected Notification loses its click handler. */
  readonly #shown = new Map<StaffNotification['id'], NotificationLike>();

  constructor(options: NotifierOptions) {
    this.#options = options;
  }

  show = (notification: StaffNotification): void => {
    if (!this.#options.isSupported()) return;
    this.#shown.get(notification.id)?.close();
    const shown = this.#options.create({ title: notification.title, body: notification.body });
    shown.on('click', () => this.#options.onClick(notification));
    this.#shown.set(notification.id, shown);
    shown.show();
  };
}
