// How well this PC is reaching the server, as the sync indicator and notifications need it: the
// current problem (if any), since when sync has been failing, and whether a connect is under way.
import type { AppErrorCode } from '../../core/schemas/app-api.ts';
import { appMessages } from '../controller/app-messages.ts';
import type { ServerFailure } from './server-client.ts';

export type SyncProblem = {
  /** unreachable: no answer (sync state "offline"); error: a bad answer; refused: token/clinic no longer valid; rejected: one change refused. */
  kind: 'unreachable' | 'error' | 'refused' | 'rejected';
  code: AppErrorCode;
  message: string;
  at: string;
};

export class SyncHealth {
  #problem: SyncProblem | null = null;
  #failingSince: Date | null = null;

  get problem(): SyncProblem | null {
    return this.#problem;
  }

  /** When the current run of failures began; null while the server answers. */
  get failingSince(): Date | null {
    return this.#failingSince;
  }

  /** The server answered as expected. A refused change stays reported until a save goes through. */
  reached(options: { settingsSaved?: boolean } = {}): void {
    this.#failingSince = null;
    if (this.#problem?.kind === 'rejected' && !options.settingsSaved) return;
    this.#problem = null;
  }

  failed(failure: ServerFailure, now: Date): void {
    this.#failingSince ??= now;
    if (failure.kind === 'unreachable') {
      this.#problem = problem('unreachable', 'unreachable', appMessages.syncUnreachable(failure.detail), now);
    } else if (failure.kind === 'unexpected') {
      this.#problem = problem('error', 'unreachable', appMessages.syncUnreachable(failure.detail), now);
    } else {
      this.#problem = problem('error', 'internal', appMessages.serverTrouble(failure.status, failure.message), now);
    }
  }

  /** The token or the clinic is no longer accepted; nothing more is sent until staff connect again. */
  refused(failure: ServerFailure, now: Date): void {
    this.#failingSince ??= now;
    const gone = failure.kind === 'rejected' && failure.status === 404;
    this.#problem = gone ? problem('refused', 'unknown-clinic', appMessages.clinicGone, now) : problem('refused', 'unauthorized', appMessages.tokenRevoked, now);
  }

  /** The stored token could not be read (e.g. the OS key changed): the same as refused, said differently. */
  tokenMissing(message: string, now: Date): void {
    this.#problem = problem('refused', 'unauthorized', message, now);
  }

  rejected(code: AppErrorCode, message: string, now: Date): void {
    this.#problem = problem('rejected', code, message, now);
  }

  reset(): void {
    this.#problem = null;
    this.#failingSince = null;
  }
}

function problem(kind: SyncProblem['kind'], code: AppErrorCode, message: string, at: Date): SyncProblem {
  return { kind, code, message, at: at.toISOString() };
}
