// Desktop notifications, one on screen per kind, so a newer one replaces the older rather than stacking up.
// Buttons show on macOS (signed app) and Windows; on Linux a click opens the window, which offers the same.
import type { DesktopCommand } from '../controller/app-operations.ts';
import type { StaffNotification } from './notification-rules.ts';

/** Electron's NotificationConstructorOptions, the part used here. */
export type NotificationOptions = { title: string; body: string; actions?: { type: 'button'; text: string }[] };

export type NotificationLike = {
  show(): void;
  close(): void;
  on(event: 'click', listener: () => void): unknown;
  on(event: 'action', listener: (details: { actionIndex: number }) => void): unknown;
};

type NotifierOptions = {
  isSupported(): boolean;
  showsActions: boolean;
  create(options: NotificationOptions): NotificationLike;
  /** A click opens the staff window; a button runs its command. */
  onCommand(command: DesktopCommand): void;
};

export class DesktopNotifier {
  readonly #options: NotifierOptions;
  /** Kept referenced: a garbage-collected Notification loses its click handler. */
  readonly #shown = new Map<StaffNotification['id'], NotificationLike>();

  constructor(options: NotifierOptions) {
    this.#options = options;
  }

  show(notification: StaffNotification): void {
    const { isSupported, showsActions, create, onCommand } = this.#options;
    if (!isSupported()) return;
    this.close(notification.id);
    const actions = showsActions ? (notification.actions ?? []) : [];
    const shown = create({
      title: notification.title,
      body: notification.body,
      ...(actions.length > 0 ? { actions: actions.map((action) => ({ type: 'button' as const, text: action.label })) } : {}),
    });
    shown.on('click', () => onCommand({ do: 'openWindow' }));
    shown.on('action', ({ actionIndex }) => {
      const action = actions[actionIndex];
      if (action) onCommand(action.command);
    });
    this.#shown.set(notification.id, shown);
    shown.show();
  }

  /** Takes a notification of this kind off the screen, e.g. a reminder once chat is back online. */
  close(id: StaffNotification['id']): void {
    this.#shown.get(id)?.close();
    this.#shown.delete(id);
  }
}
