// What lives as long as one connection: client, event stream and outbox sender, wired so that "the stream
// is open" means "catch up, then send what waited". They report one SyncEvent, handled in session-reactions.ts.
import type { Presence } from '../../core/schemas/schedule.ts';
import type { SettingsResponse } from '../../core/schemas/http-api.ts';
import type { Clock, ClockSkew } from '../controller/clock.ts';
import { ClinicEventStream } from './event-stream.ts';
import { OutboxSender } from './outbox-sender.ts';
import type { BackoffOptions, OutboxOperation, PersistedOutbox, SettingsSaveOperation } from './outbox.ts';
import { ServerClient } from './server-client.ts';
import type { ServerFailure } from './server-client.ts';

export type SyncEvent =
  /** From the event stream, and both together after it (re)opened (`snapshot`). */
  | { kind: 'settings'; settings: SettingsResponse }
  | { kind: 'presence'; presence: Presence }
  | { kind: 'snapshot'; settings: SettingsResponse; presence: Presence }
  /** The server answered, or could not be reached (retried by itself), or refuses this token or clinic (sync stops). */
  | { kind: 'reached' }
  | { kind: 'failed'; failure: ServerFailure }
  | { kind: 'refused'; failure: ServerFailure }
  /** The outbox: an operation applied, a save that met another PC's (it waits for staff), one refused for good. */
  | { kind: 'presence-sent'; presence: Presence }
  | { kind: 'settings-sent'; op: SettingsSaveOperation; saved: SettingsResponse }
  | { kind: 'conflict'; op: SettingsSaveOperation; current: SettingsResponse }
  | { kind: 'rejected'; op: OutboxOperation; failure: ServerFailure };

type SyncSessionOptions = {
  serverUrl: string;
  clinicId: string;
  token: string;
  outbox: PersistedOutbox;
  clock: Clock;
  skew: ClockSkew;
  emit(event: SyncEvent): void;
  backoff?: BackoffOptions | undefined;
  streamSilenceMs?: number | undefined;
  requestTimeoutMs?: number | undefined;
};

export class SyncSession {
  readonly #abort = new AbortController();
  readonly #client: ServerClient;
  readonly #stream: ClinicEventStream;
  readonly #sender: OutboxSender;
  readonly #emit: (event: SyncEvent) => void;

  constructor(options: SyncSessionOptions) {
    const { serverUrl, clinicId, token, clock, skew, backoff } = options;
    // A refusal (401/403/404), from either side, ends the session.
    this.#emit = (event) => {
      if (event.kind === 'refused') this.stop();
      options.emit(event);
    };
    this.#client = new ServerClient({ serverUrl, clinicId, token, clock, skew, signal: this.#abort.signal, timeoutMs: options.requestTimeoutMs });
    this.#sender = new OutboxSender({ outbox: options.outbox, clock, backoff, client: this.#client, emit: this.#emit });
    this.#stream = new ClinicEventStream({
      clock,
      backoff,
      silenceMs: options.streamSilenceMs,
      open: (lastEventId, signal) => this.#client.openEvents(lastEventId, AbortSignal.any([signal, this.#abort.signal])),
      onEvent: (event) => this.#emit(event.type === 'settings' ? { kind: 'settings', settings: event.data } : { kind: 'presence', presence: event.data.presence }),
      onOpen: () => void this.#catchUp(),
      onDown: (failure) => this.#emit({ kind: 'failed', failure }),
      onRefused: (failure) => this.#emit({ kind: 'refused', failure }),
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

  /** Events missed while the stream was down may not all be replayed: read the current state once. */
  async #catchUp(): Promise<void> {
    this.#emit({ kind: 'reached' });
    this.#sender.kick({ force: true });
    const [settings, presence] = await Promise.all([this.#client.settings(), this.#client.presence()]);
    if (this.#abort.signal.aborted) return;
    if (settings.ok && presence.ok) return this.#emit({ kind: 'snapshot', settings: settings.value, presence: presence.value });
    const failure = settings.ok ? (presence.ok ? null : presence.failure) : settings.failure;
    if (failure?.kind === 'rejected' && [401, 403, 404].includes(failure.status)) this.#emit({ kind: 'refused', failure });
  }
}
