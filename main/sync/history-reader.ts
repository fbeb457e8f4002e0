// The clinic's change history, read from the server for the window's History tab. Unlike the switch
// and the hours there is no local copy: it is asked for a page at a time, and without the server
// there is nothing to show, which the answer says in words staff can act on.
import type { AppError, HistoryInput, HistoryResult } from '../../core/schemas/app-api.ts';
import { appMessages, connectError } from '../controller/app-messages.ts';
import type { Clock, ClockSkew } from '../controller/clock.ts';
import { ServerClient, refusalOf } from './server-client.ts';
import type { ServerFailure } from './server-client.ts';
import type { AppStore } from '../store/store.ts';

export type HistoryReaderDeps = {
  store: Pick<AppStore, 'getConnection' | 'readToken'>;
  clock: Clock;
  skew: ClockSkew;
  timeoutMs?: number | undefined;
};

export async function readHistory(deps: HistoryReaderDeps, input: HistoryInput): Promise<HistoryResult> {
  const connection = deps.store.getConnection();
  const token = connection && deps.store.readToken();
  if (!connection || !token) return { ok: false, error: { code: 'not-connected', message: appMessages.notConnectedAction } };
  const client = new ServerClient({
    serverUrl: connection.serverUrl,
    clinicId: connection.clinicId,
    token,
    clock: deps.clock,
    skew: deps.skew,
    ...(deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }),
  });
  const page = await client.history(input);
  return page.ok ? { ok: true, history: page.value } : { ok: false, error: historyError(page.failure, connection.serverUrl) };
}

/** Like a failed connect, but worded for a PC that was connected: no field of a form to point at. */
function historyError(failure: ServerFailure, serverUrl: string): AppError {
  const refusal = refusalOf(failure);
  if (refusal === 'not_found') return { code: 'unknown-clinic', message: appMessages.historyNotFound };
  if (refusal !== null) return { code: 'unauthorized', message: appMessages.tokenRevoked };
  const { code, message } = connectError(failure, serverUrl);
  return { code, message: failure.kind === 'unreachable' ? appMessages.historyUnreachable(failure.detail) : message };
}
