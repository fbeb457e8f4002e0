// The desktop app's side of the HTTP contract, on Node's built-in fetch. Every answer is checked with the
// contract's own schemas (core/schemas/): a server of another version, or something else listening at
// that address, becomes a failure value rather than bad data in the local copy.
import type { z } from 'zod';
import { apiPaths } from '../../core/http-paths.ts';
import { changedByHeaderValue, historyResponseSchema } from '../../core/schemas/history.ts';
import type { HistoryResponse } from '../../core/schemas/history.ts';
import { clinicResponseSchema, errorBodySchema, headers, presenceResponseSchema, settingsResponseSchema, staleSettingsBodySchema, versionTag } from '../../core/schemas/http-api.ts';
import type { ErrorCode, PresenceUpdate, SettingsResponse } from '../../core/schemas/http-api.ts';
import type { ChatSettings, FieldError, Presence } from '../../core/schemas/schedule.ts';
import type { HistoryInput } from '../../core/schemas/app-api.ts';
import type { Clock, ClockSkew } from '../controller/clock.ts';

export type ServerFailure =
  /** No answer at all: refused, DNS, TLS, timeout; or a gateway saying the server is down. */
  | { kind: 'unreachable'; detail: string }
  /** Our server answered with one of its JSON errors. */
  | { kind: 'rejected'; status: number; code: ErrorCode; message: string; details: FieldError[]; body: unknown }
  /** Something answered, but not as a Clinic Chat Desk server does. */
  | { kind: 'unexpected'; status: number; detail: string };

/** The server refused this PC until its connection is put right: token unknown, another clinic's, or no such clinic. */
export type Refusal = 'unauthorized' | 'forbidden' | 'not_found';
const refusals: Record<number, Refusal> = { 401: 'unauthorized', 403: 'forbidden', 404: 'not_found' };

/** The one place the app reads the statuses that mean "refused" (the server decides them in one place too). */
export function refusalOf(failure: ServerFailure): Refusal | null {
  return failure.kind === 'rejected' ? (refusals[failure.status] ?? null) : null;
}

export type ServerAnswer<T> = { ok: true; value: T } | { ok: false; failure: ServerFailure };

export type ServerClientOptions = {
  serverUrl: string;
  clinicId: string;
  token: string;
  clock: Clock;
  skew: ClockSkew;
  /** Aborts every request of this client (the connection is being closed). */
  signal?: AbortSignal;
  timeoutMs?: number;
};

const GATEWAY_DOWN = new Set([502, 503, 504]);

export class ServerClient {
  readonly #options: ServerClientOptions;
  readonly #base: string;

  constructor(options: ServerClientOptions) {
    this.#options = options;
    // Keep any path prefix of the address (a server behind https://example.org/chat).
    this.#base = options.serverUrl.replace(/\/+$/, '');
  }

  async clinic(): Promise<ServerAnswer<{ id: string; name: string }>> {
    const answer = await this.#request('GET', apiPaths.clinic(this.#options.clinicId), {}, clinicResponseSchema);
    return answer.ok ? { ok: true, value: answer.value.clinic } : answer;
  }

  settings(): Promise<ServerAnswer<SettingsResponse>> {
    return this.#request('GET', apiPaths.settings(this.#options.clinicId), {}, settingsResponseSchema);
  }

  async presence(): Promise<ServerAnswer<Presence>> {
    const answer = await this.#request('GET', apiPaths.presence(this.#options.clinicId), {}, presenceResponseSchema);
    return answer.ok ? { ok: true, value: answer.value.presence } : answer;
  }

  /**
   * A save based on `baseVersion`; a stale base is refused with 412 and the current version (see
   * `staleSettings`). `changedBy` names this PC in the clinic's change history.
   */
  putSettings(settings: ChatSettings, baseVersion: number, changedBy: string): Promise<ServerAnswer<SettingsResponse>> {
    const requestHeaders = { [headers.ifMatch]: versionTag(baseVersion), [headers.changedBy]: changedByHeaderValue(changedBy) };
    return this.#request('PUT', apiPaths.settings(this.#options.clinicId), { body: settings, headers: requestHeaders }, settingsResponseSchema);
  }

  /** One page of the clinic's change history, newest first. */
  history(query: HistoryInput): Promise<ServerAnswer<HistoryResponse>> {
    return this.#request('GET', `${apiPaths.history(this.#options.clinicId)}${historySearch(query)}`, {}, historyResponseSchema);
  }

  /** Safe to retry: the server applies one Idempotency-Key once and answers a retry the same way. */
  async putPresence(update: PresenceUpdate, idempotencyKey: string): Promise<ServerAnswer<Presence>> {
    const answer = await this.#request(
      'PUT',
      apiPaths.presence(this.#options.clinicId),
      { body: update, headers: { [headers.idempotencyKey]: idempotencyKey } },
      presenceResponseSchema,
    );
    return answer.ok ? { ok: true, value: answer.value.presence } : answer;
  }

  /** Opens the event stream; the caller reads `body` and aborts `signal` to close it. */
  async openEvents(lastEventId: string | null, signal: AbortSignal): Promise<ServerAnswer<Response>> {
    const extra: Record<string, string> = { accept: 'text/event-stream' };
    if (lastEventId !== null) extra[headers.lastEventId] = lastEventId;
    const sent = await this.#send('GET', apiPaths.events(this.#options.clinicId), { headers: extra }, signal);
    if (!sent.ok) return sent;
    const response = sent.value;
    if (response.ok && (response.headers.get('content-type') ?? '').startsWith('text/event-stream')) return { ok: true, value: response };
    const failure = await failureOf(response);
    return { ok: false, failure };
  }

  async #request<T>(
    method: string,
    path: string,
    init: { body?: unknown; headers?: Record<string, string> },
    schema: z.ZodType<T>,
  ): Promise<ServerAnswer<T>> {
    const timeout = AbortSignal.timeout(this.#options.timeoutMs ?? 15_000);
    const sent = await this.#send(method, path, init, timeout);
    if (!sent.ok) return sent;
    const response = sent.value;
    if (!response.ok) return { ok: false, failure: await failureOf(response) };
    const body = await readJson(response);
    if (!body.ok) return { ok: false, failure: { kind: 'unreachable', detail: body.detail } };
    const parsed = schema.safeParse(body.value);
    if (!parsed.success) return { ok: false, failure: { kind: 'unexpected', status: response.status, detail: 'the answer has an unexpected shape' } };
    return { ok: true, value: parsed.data };
  }

  async #send(
    method: string,
    path: string,
    init: { body?: unknown; headers?: Record<string, string> },
    signal: AbortSignal,
  ): Promise<ServerAnswer<Response>> {
    const { clock, skew, token } = this.#options;
    const signals = this.#options.signal ? [signal, this.#options.signal] : [signal];
    const sentAt = clock.now().getTime();
    let response: Response;
    try {
      response = await fetch(`${this.#base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...init.headers,
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.any(signals),
        // The token must never follow a redirect to another address.
        redirect: 'manual',
      });
    } catch (error) {
      return { ok: false, failure: { kind: 'unreachable', detail: describeNetworkError(error) } };
    }
    skew.observe(response.headers.get('date'), sentAt, clock.now().getTime());
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      return { ok: false, failure: { kind: 'unexpected', status: response.status, detail: `it redirects to ${response.headers.get('location') ?? 'another address'}` } };
    }
    return { ok: true, value: response };
  }
}

/** The server's current settings from a 412 answer, or null when the body does not carry them. */
export function staleSettings(failure: ServerFailure): SettingsResponse | null {
  if (failure.kind !== 'rejected' || failure.status !== 412) return null;
  const parsed = staleSettingsBodySchema.safeParse(failure.body);
  return parsed.success ? parsed.data.current : null;
}

async function failureOf(response: Response): Promise<ServerFailure> {
  const body = await readJson(response);
  if (!body.ok) return { kind: 'unreachable', detail: body.detail };
  const parsed = errorBodySchema.safeParse(body.value);
  if (parsed.success) {
    const { code, message, details = [] } = parsed.data.error;
    return { kind: 'rejected', status: response.status, code, message, details, body: body.value };
  }
  if (GATEWAY_DOWN.has(response.status)) return { kind: 'unreachable', detail: `the address answers ${response.status}` };
  return { kind: 'unexpected', status: response.status, detail: `it answers ${response.status} without a Clinic Chat Desk error` };
}

async function readJson(response: Response): Promise<{ ok: true; value: unknown } | { ok: false; detail: string }> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    return { ok: false, detail: describeNetworkError(error) };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: true, value: text };
  }
}

/** A short, human cause from fetch's error chain ("connection refused", "timed out"). */
export function describeNetworkError(error: unknown): string {
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return error.name === 'TimeoutError' ? 'no answer in time' : 'cancelled';
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = cause instanceof Error && 'code' in cause && typeof cause.code === 'string' ? cause.code : null;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the address could not be found';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'the connection was dropped';
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'no answer in time';
    default:
      return code ?? (cause instanceof Error ? cause.message : 'network error');
  }
}

/** The query string of a page request: the first page without `before`. */
function historySearch(query: { before?: number | null; limit?: number }): string {
  const params = new URLSearchParams();
  if (query.before !== undefined && query.before !== null) params.set('before', String(query.before));
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
