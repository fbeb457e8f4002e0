// The one place an AppApi call's arguments are checked, however it comes in (IPC, the preview host, the
// tray): `unknown` until the contract's zod schema accepts them, and a failing handler becomes an error value.
import { appApiArguments, appApiOperations } from '../../core/schemas/app-api.ts';
import { fieldErrorsFromIssues } from '../../core/schemas/schedule.ts';
import { appMessages } from './app-messages.ts';
import type { AppApi, AppApiArguments, AppApiOperation, AppApiResult, AppError, AppState } from '../../core/schemas/app-api.ts';

/** Main's implementation of the AppApi operations, with arguments already validated. */
export type AppApiHandlers = { [K in AppApiOperation]: (...args: AppApiArguments<K>) => Promise<AppApiResult<K>> };

/**
 * What the tray and the notifications ask for, as data: an AppApi call (run through runOperation, like
 * one over IPC) or one of the desktop's own commands. main/index.ts runs them, in one place.
 */
export type DesktopCommand =
  | { [K in AppApiOperation]: { do: K; args: AppApiArguments<K> } }[AppApiOperation]
  | { do: 'openWindow'; screen?: string }
  | { do: 'restartToUpdate' }
  | { do: 'quit' };

/** A refusal, which every operation's result type can carry. */
type AppFailure = { ok: false; error: AppError };
type OperationErrorReporter = (operation: AppApiOperation, error: unknown) => void;

export function isAppApiOperation(name: string): name is AppApiOperation {
  return (appApiOperations as string[]).includes(name);
}

export async function runOperation<K extends AppApiOperation>(
  handlers: AppApiHandlers,
  operation: K,
  args: readonly unknown[],
  onError?: OperationErrorReporter,
): Promise<AppApiResult<K> | AppFailure> {
  const parsed = appApiArguments[operation].safeParse(args);
  if (!parsed.success) {
    // Every operation takes at most one argument: drop the tuple index so paths match the form's fields.
    const fields = fieldErrorsFromIssues(parsed.error.issues.map((issue) => ({ ...issue, path: issue.path.slice(1) })));
    return { ok: false, error: { code: 'invalid-input', message: appMessages.invalidArguments(operation), fields } };
  }
  // The schema has just checked the arguments against exactly this handler's parameter list.
  const handler = handlers[operation] as (...validated: unknown[]) => Promise<AppApiResult<K>>;
  try {
    return await handler(...parsed.data);
  } catch (error) {
    onError?.(operation, error);
    return { ok: false, error: { code: 'internal', message: appMessages.internal } };
  }
}

/** The AppApi for in-process callers (tray, notifications, preview host): the same checks as over IPC. */
export function validatedAppApi(
  handlers: AppApiHandlers,
  subscribe: (listener: (state: AppState) => void) => () => void,
  onError?: OperationErrorReporter,
): AppApi {
  const operations = Object.fromEntries(
    appApiOperations.map((operation) => [operation, (...args: unknown[]) => runOperation(handlers, operation, args, onError)]),
  ) as Omit<AppApi, 'subscribe'>;
  return { ...operations, subscribe };
}
