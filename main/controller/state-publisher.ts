// The controller's subscribers: each new AppState snapshot is pushed to every listener, but only when
// something in it changed (a re-evaluation that finds nothing new does not wake the window or tray).
import type { AppState } from '../../core/schemas/app-api.ts';

export class StatePublisher {
  readonly #listeners = new Set<(state: AppState) => void>();
  #lastPublished = '';

  subscribe(listener: (state: AppState) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  publish(state: AppState): void {
    const serialized = JSON.stringify(state);
    if (serialized === this.#lastPublished) return;
    this.#lastPublished = serialized;
    for (const listener of this.#listeners) {
      try {
        listener(state);
      } catch {
        // One broken subscriber (a closed window) must not stop the others or the controller.
      }
    }
  }

  clear(): void {
    this.#listeners.clear();
  }
}
