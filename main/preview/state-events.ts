// GET /api/events: AppState snapshots as Server-Sent Events, one `state` event per change, starting
// with the current state. Comment lines keep idle streams open through sleepy proxies and browsers.
import type { ServerResponse } from 'node:http';
import { previewStateEvent } from '../../core/preview-contract.ts';
import type { AppState } from '../../core/schemas/app-api.ts';

type StateSource = {
  readonly state: AppState;
  subscribe(listener: (state: AppState) => void): () => void;
};

export class StateEventStreams {
  readonly #open = new Set<ServerResponse>();
  readonly #heartbeatMs: number;

  constructor(heartbeatMs = 15_000) {
    this.#heartbeatMs = heartbeatMs;
  }

  open(response: ServerResponse, source: StateSource, headers: Record<string, string>): void {
    response.writeHead(200, { ...headers, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    const send = (state: AppState) => response.write(`event: ${previewStateEvent}\ndata: ${JSON.stringify(state)}\n\n`);
    send(source.state);
    const unsubscribe = source.subscribe(send);
    const heartbeat = setInterval(() => response.write(': still here\n\n'), this.#heartbeatMs);
    heartbeat.unref();
    this.#open.add(response);
    response.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      this.#open.delete(response);
    });
  }

  closeAll(): void {
    for (const response of this.#open) response.end();
  }
}
