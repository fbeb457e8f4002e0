// Server-Sent Event streams: the wire format, heartbeats that keep proxies from closing an idle
// stream, and the set of open streams so shutdown can end them (clients then resume elsewhere).
import type { ServerResponse } from 'node:http';
import type { ClinicEvent } from '../../core/schemas/http-api.ts';

/** A client that cannot keep up this far is cut off; it resumes from its last event id. */
const MAX_BUFFERED_BYTES = 1024 * 1024;
const RETRY_MS = 2_000;

/** An event as it goes on the wire, formatted once for every stream; `id` is null for (derived) availability. */
export type StreamFrame = { id: number | null; text: string };

/** `dataJson`: the event's data already serialised (the availability answer keeps its bytes). */
export function streamFrame(id: number | null, type: ClinicEvent['type'], dataJson: string): StreamFrame {
  return { id, text: `${id === null ? '' : `id: ${id}\n`}event: ${type}\ndata: ${dataJson}\n\n` };
}

export function eventFrame(id: number | null, event: ClinicEvent): StreamFrame {
  return streamFrame(id, event.type, JSON.stringify(event.data));
}

export class EventStream {
  /** Who opened it: rechecked at every heartbeat, since the token may have been replaced. */
  readonly access: { clinicId: string; token: string };
  readonly #response: ServerResponse;
  readonly #closeHandlers: (() => void)[] = [];
  #closed = false;

  constructor(response: ServerResponse, access: EventStream['access']) {
    this.access = access;
    this.#response = response;
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // nginx and similar proxies would otherwise buffer the stream.
      'x-accel-buffering': 'no',
    });
    response.write(`retry: ${RETRY_MS}\n: connected\n\n`);
    response.on('close', () => this.close());
  }

  send({ text }: Pick<StreamFrame, 'text'>): void {
    if (this.#closed) return;
    if (this.#response.writableLength > MAX_BUFFERED_BYTES) return this.close();
    this.#response.write(text);
  }

  onClose(handler: () => void): void {
    if (this.#closed) handler();
    else this.#closeHandlers.push(handler);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#response.end();
    for (const handler of this.#closeHandlers.splice(0)) handler();
  }
}

/** The clinic of each token that is still valid (tokens not in the answer are not). */
type TokenOwners = (tokens: string[]) => Promise<Map<string, string>>;

/** The open streams, with one heartbeat for all: a beat asks the database once about all their tokens. */
export class EventStreams {
  readonly #open = new Set<EventStream>();
  readonly #heartbeatMs: number;
  readonly #tokenOwners: TokenOwners;
  #timer: NodeJS.Timeout | null = null;
  #checking = false;

  constructor(heartbeatMs: number, tokenOwners: TokenOwners) {
    this.#heartbeatMs = heartbeatMs;
    this.#tokenOwners = tokenOwners;
  }

  open(response: ServerResponse, access: EventStream['access']): EventStream {
    const stream = new EventStream(response, access);
    this.#open.add(stream);
    stream.onClose(() => {
      this.#open.delete(stream);
      if (this.#open.size === 0 && this.#timer) {
        clearInterval(this.#timer);
        this.#timer = null;
      }
    });
    this.#timer ??= setInterval(() => this.#beat(), this.#heartbeatMs);
    return stream;
  }

  closeAll(): void {
    for (const stream of [...this.#open]) stream.close();
  }

  #beat(): void {
    for (const stream of this.#open) stream.send({ text: ': heartbeat\n\n' });
    // A check still waiting on a slow database is not stacked with another.
    if (this.#checking) return;
    this.#checking = true;
    // Only streams opened before the question is asked are judged by its answer.
    const streams = [...this.#open];
    const tokens = [...new Set(streams.map((stream) => stream.access.token))];
    this.#tokenOwners(tokens)
      .then(
        (owners) => {
          for (const stream of streams) if (owners.get(stream.access.token) !== stream.access.clinicId) stream.close();
        },
        // A failed check (database briefly away) keeps the streams; only a definite "no" ends one.
        () => undefined,
      )
      .finally(() => {
        this.#checking = false;
      });
  }
}
