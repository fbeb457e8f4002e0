// One Server-Sent Events stream per connection (`/events`), kept open: it reconnects with backoff
// and jitter after a drop, resumes with Last-Event-ID, and treats a silent stream as dead (a PC that
// slept or changed network keeps a half-open socket that would otherwise never report anything).
import { createParser } from 'eventsource-parser';
import type { EventSourceMessage } from 'eventsource-parser';
import { clinicEventSchema } from '../../core/schemas/http-api.ts';
import type { ClinicEvent } from '../../core/schemas/http-api.ts';
import { OneShotTimer } from '../controller/clock.ts';
import type { Clock } from '../controller/clock.ts';
import { backoffDelay } from './outbox.ts';
import type { BackoffOptions } from './outbox.ts';
import { describeNetworkError, refusalOf } from './server-client.ts';
import type { ServerAnswer, ServerFailure } from './server-client.ts';

/** The events the app acts on; `availability` events are for the widget (the app computes its own). */
export type StreamEvent = Exclude<ClinicEvent, { type: 'availability' }>;

export type EventStreamOptions = {
  open(lastEventId: string | null, signal: AbortSignal): Promise<ServerAnswer<Response>>;
  onEvent(event: StreamEvent): void;
  /** The stream is open: time to catch up and to send what waited. */
  onOpen(): void;
  /** The stream dropped or could not open; it retries by itself. */
  onDown(failure: ServerFailure): void;
  /** The server refused the stream for good (401/403/404); it stays closed until started again. */
  onRefused(failure: ServerFailure): void;
  clock: Clock;
  backoff?: BackoffOptions;
  /** No byte (event or heartbeat comment) for this long means the connection is dead. */
  silenceMs?: number;
};

export class ClinicEventStream {
  readonly #options: EventStreamOptions;
  readonly #retry: OneShotTimer;
  readonly #watchdog: OneShotTimer;
  #running = false;
  /** Bumped on every (re)connect, so a superseded connection's late callbacks are ignored. */
  #generation = 0;
  #abort: AbortController | null = null;
  #attempt = 0;
  #lastEventId: string | null = null;

  constructor(options: EventStreamOptions) {
    this.#options = options;
    this.#retry = new OneShotTimer(options.clock);
    this.#watchdog = new OneShotTimer(options.clock);
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#connect();
  }

  stop(): void {
    this.#running = false;
    this.#generation++;
    this.#retry.cancel();
    this.#watchdog.cancel();
    this.#abort?.abort();
    this.#abort = null;
  }

  /** Drops the current connection (if any) and connects at once: after sleep, or a network change. */
  reconnectNow(): void {
    if (!this.#running) return;
    this.#attempt = 0;
    this.#connect();
  }

  #connect(): void {
    this.#abort?.abort();
    this.#retry.cancel();
    const generation = ++this.#generation;
    const abort = new AbortController();
    this.#abort = abort;
    void this.#run(generation, abort).catch((error: unknown) => {
      if (generation === this.#generation) this.#dropped(generation, { kind: 'unreachable', detail: describeNetworkError(error) });
    });
  }

  async #run(generation: number, abort: AbortController): Promise<void> {
    const current = () => generation === this.#generation;
    const answer = await this.#options.open(this.#lastEventId, abort.signal);
    if (!current()) {
      if (answer.ok) await answer.value.body?.cancel();
      return;
    }
    if (!answer.ok) {
      const { failure } = answer;
      if (refusalOf(failure) !== null) {
        this.stop();
        this.#options.onRefused(failure);
      } else {
        this.#dropped(generation, failure);
      }
      return;
    }
    this.#heard(generation);
    this.#options.onOpen();
    const parser = createParser({
      onEvent: (message) => {
        this.#attempt = 0;
        this.#dispatch(message);
      },
      onComment: () => {
        this.#attempt = 0;
      },
    });
    const reader = answer.value.body?.pipeThrough(new TextDecoderStream()).getReader();
    for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) {
      if (!current()) return;
      this.#heard(generation);
      parser.feed(chunk.value);
    }
    if (current()) this.#dropped(generation, { kind: 'unreachable', detail: 'the event stream was closed by the server' });
  }

  #dispatch(message: EventSourceMessage): void {
    if (message.id !== undefined) this.#lastEventId = message.id;
    if (message.event !== 'settings' && message.event !== 'presence') return;
    let data: unknown;
    try {
      data = JSON.parse(message.data);
    } catch {
      return;
    }
    const parsed = clinicEventSchema.safeParse({ type: message.event, data });
    if (parsed.success && parsed.data.type !== 'availability') this.#options.onEvent(parsed.data);
  }

  /** Any byte proves the connection alive; re-arm the silence watchdog. */
  #heard(generation: number): void {
    this.#watchdog.arm(() => {
      if (generation === this.#generation) this.#dropped(generation, { kind: 'unreachable', detail: 'the event stream went silent' });
    }, this.#options.silenceMs ?? 45_000);
  }

  #dropped(generation: number, failure: ServerFailure): void {
    if (!this.#running || generation !== this.#generation) return;
    this.#generation++; // the dropped connection's remaining callbacks are now stale
    this.#abort?.abort();
    this.#abort = null;
    this.#watchdog.cancel();
    this.#options.onDown(failure);
    const delay = backoffDelay(this.#attempt++, this.#options.backoff);
    this.#retry.arm(() => {
      if (this.#running) this.#connect();
    }, delay);
  }
}
