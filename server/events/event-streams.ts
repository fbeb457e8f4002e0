// Server-Sent Event streams: the wire format, heartbeats that keep proxies from closing an idle
// stream, and the set of open streams so shutdown can end them (clients then resume elsewhere).
import type { ServerResponse } from 'node:http';
import type { StreamFrame } from './clinic-event-hub.ts';

/** A client that cannot keep up this far is cut off; it resumes from its last event id. */
const MAX_BUFFERED_BYTES = 1024 * 1024;
const RETRY_MS = 2_000;

export function formatFrame(frame: StreamFrame): string {
  const id = frame.id === null ? '' : `id: ${frame.id}\n`;
  return `${id}event: ${frame.event.type}\ndata: ${JSON.stringify(frame.event.data)}\n\n`;
}

/** Asked at every heartbeat whether the client may still listen (its token may have been replaced). */
export type StillAllowed = () => Promise<boolean>;

export class EventStream {
  readonly #response: ServerResponse;
  readonly #heartbeat: NodeJS.Timeout;
  readonly #closeHandlers: (() => void)[] = [];
  #closed = false;

  constructor(response: ServerResponse, heartbeatMs: number, stillAllowed: StillAllowed) {
    this.#response = response;
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // nginx and similar proxies would otherwise buffer the stream.
      'x-accel-buffering': 'no',
    });
    response.write(`retry: ${RETRY_MS}\n: connected\n\n`);
    this.#heartbeat = setInterval(() => {
      this.#write(': heartbeat\n\n');
      // A failed check (database briefly away) keeps the stream; only a definite "no" ends it.
      stillAllowed().then(
        (allowed) => allowed || this.close(),
        () => undefined,
      );
    }, heartbeatMs);
    response.on('close', () => this.close());
  }

  send(frame: StreamFrame): void {
    this.#write(formatFrame(frame));
  }

  onClose(handler: () => void): void {
    if (this.#closed) handler();
    else this.#closeHandlers.push(handler);
  }

  get closed(): boolean {
    return this.#closed;
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#heartbeat);
    this.#response.end();
    for (const handler of this.#closeHandlers.splice(0)) handler();
  }

  #write(text: string): void {
    if (this.#closed) return;
    if (this.#response.writableLength > MAX_BUFFERED_BYTES) return this.close();
    this.#response.write(text);
  }
}

export class EventStreams {
  readonly #open = new Set<EventStream>();
  readonly #heartbeatMs: number;

  constructor(heartbeatMs: number) {
    this.#heartbeatMs = heartbeatMs;
  }

  open(response: ServerResponse, stillAllowed: StillAllowed): EventStream {
    const stream = new EventStream(response, this.#heartbeatMs, stillAllowed);
    this.#open.add(stream);
    stream.onClose(() => this.#open.delete(stream));
    return stream;
  }

  closeAll(): void {
    for (const stream of [...this.#open]) stream.close();
  }
}
