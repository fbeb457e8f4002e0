// Everything that lives as long as one connection to the server: the HTTP client, the event stream
// and the outbox sender, wired so that "the stream is open" means "catch up, then send what waited".
import type { ChatSettings, Presence } from '../../core/schemas/schedule.ts';
import type { SettingsResponse } from '../../core/schemas/http-api.ts';
import type { Clock, ClockSkew } from '../controller/clock.ts';
import { ClinicEventStream } from './event-stream.ts';
import type { StreamEvent } from './event-stream.ts';
import { OutboxSender } from './outbox-sender.ts';
import type { OutboxSenderOptions } from './outbox-sender.ts';
import type { BackoffOptions, PersistedOutbox } from './outbox.ts';
import { ServerClient } from './server-client.ts';
import type { ServerFailure } from './server-client.ts';

/** What the session reports to the controller. */
export type SessionListener = Pick<
  OutboxSenderOptions,
  'onPresenceSent' | 'onSettingsSent' | 'onSettingsStale' | 'onRejected'
> & {
  onSettings(settings: SettingsResponse): void;
  onPresence(presence: Presence): void;
  /** Both, read together after the stream (re)opened. */
  onSnapshot(settings: SettingsResponse, presence: Presence): void;
  /** The server answered: the stream opened or a read succeeded. */
  onReached(): void;
  onFailed(failure: ServerFailure): void;
  onRefused(failure: ServerFailure): void;
};

export type SyncSessionOptions = {
  serverUrl: string;
  clinicId: string;
  token: string;
  outbox: PersistedOutbox;
  clock: Clock;
  skew: ClockSkew;
  listener: SessionListener;
  backoff?: BackoffOptions;
  streamSilenceMs?: number;
  requestTimeoutMs?: number;
};

export class SyncSession {
  readonly #abort = new AbortController();
  readonly #client: ServerClient;
  readonly #stream: ClinicEventStream;
  readonly #sender: OutboxSender;
  readonly #listener: SessionListener;

  constructor(options: SyncSessionOptions) {
    const { listener } = options;
    this.#listener = listener;
    this.#client = new ServerClient({
      serverUrl: options.serverUrl,
      clinicId: options.clinicId,
      token: options.token,
      clock: options.clock,
      skew: options.skew,
      signal: this.#abort.signal,
      ...(options.requestTimeoutMs === undefined ? {} : { timeoutMs: options.requestTimeoutMs }),
    });
    this.#sender = new OutboxSender({
      outbox: options.outbox,
      clock: options.clock,
      ...(options.backoff ? { backoff: options.backoff } : {}),
      sendPresence: (op) => this.#client.putPresence({ online: op.online, offlineUntil: op.offlineUntil, changedBy: op.changedBy }, op.id),
      sendSettings: (op) => this.#client.putSettings(op.settings as unknown as ChatSettings, op.baseVersion ?? 0, op.changedBy),
      onPresenceSent: (op, presence) => listener.onPresenceSent(op, presence),
      onSettingsSent: (op, saved) => listener.onSettingsSent(op, saved),
      onSettingsStale: (op, current) => listener.onSettingsStale(op, current),
      onRejected: (op, failure) => listener.onRejected(op, failure),
      onRefused: (failure) => this.#refused(failure),
      onFailed: (failure) => listener.onFailed(failure),
    });
    this.#stream = new ClinicEventStream({
      clock: options.clock,
      ...(options.backoff ? { backoff: options.backoff } : {}),
      ...(options.streamSilenceMs === undefined ? {} : { silenceMs: options.streamSilenceMs }),
      open: (lastEventId, signal) => this.#client.openEvents(lastEventId, AbortSignal.any([signal, this.#abort.signal])),
      onEvent: (event) => this.#onEvent(event),
      onOpen: () => void this.#catchUp(),
      onDown: (failure) => listener.onFailed(failure),
      onRefused: (failure) => this.#refused(failure),
    });
  }

  start(): void {
    this.#stream.start();
    this.#sender.kick();
  }

  /** A new change waits in the outbox. */
  send(): void {
    this.#sender.kick();
  }

  /** Back from sleep (or the network changed): reconnect the stream and retry at once. */
  resume(): void {
    this.#stream.reconnectNow();
    this.#sender.kick({ force: true });
  }

  unblock(opId: string): void {
    this.#sender.unblock(opId);
  }

  stop(): void {
    this.#stream.stop();
    this.#sender.stop();
    this.#abort.abort();
  }

  #onEvent(event: StreamEvent): void {
    if (event.type === 'settings') this.#listener.onSettings(event.data);
    else this.#listener.onPresence(event.data.presence);
  }

  /** Events missed while the stream was down may not all be replayed: read the current state once. */
  async #catchUp(): Promise<void> {
    this.#listener.onReached();
    this.#sender.kick({ force: true });
    const [settings, presence] = await Promise.all([this.#client.settings(), this.#client.presence()]);
    if (this.#abort.signal.aborted) return;
    if (settings.ok && presence.ok) {
      this.#listener.onSnapshot(settings.value, presence.value);
      return;
    }
    const failure = settings.ok ? (presence.ok ? null : presence.failure) : settings.failure;
    if (failure?.kind === 'rejected' && [401, 403, 404].includes(failure.status)) this.#refused(failure);
  }

  #refused(failure: ServerFailure): void {
    this.stop();
    this.#listener.onRefused(failure);
  }
}
