// Every error leaves the server as `{ error: { code, message, details? } }` with the right status,
// whether a route refused the request or Fastify did (bad JSON, wrong content type, body too large).
import type { FastifyError, FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { ErrorBody, ErrorCode } from '../../core/schemas/http-api.ts';
import { fieldErrorsFromIssues } from '../../core/schemas/schedule.ts';
import type { FieldError } from '../../core/schemas/schedule.ts';

export class HttpError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: FieldError[] | undefined;
  /** Extra top-level members of the body, such as `current` on a 412. */
  readonly extra: Record<string, unknown>;

  constructor(status: number, code: ErrorCode, message: string, options: { details?: FieldError[]; extra?: Record<string, unknown> } = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = options.details;
    this.extra = options.extra ?? {};
  }
}

export function errorBody(code: ErrorCode, message: string, details?: FieldError[]): ErrorBody {
  return { error: details ? { code, message, details } : { code, message } };
}

/** The input as the schema reads it, or a 400 `bad_request` whose details say what is wrong, field by field. */
export function parseOrRefuse<Schema extends z.ZodType>(schema: Schema, input: unknown, message: string): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new HttpError(400, 'bad_request', message, { details: fieldErrorsFromIssues(parsed.error.issues) });
  return parsed.data;
}

/** Fastify's own refusals, in our codes and words. */
function translateFrameworkError(error: FastifyError): HttpError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError(413, 'payload_too_large', 'The request body is too large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError(415, 'unsupported_media_type', 'Send the body as JSON with Content-Type: application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new HttpError(400, 'invalid_json', 'The body is not valid JSON');
    default:
      break;
  }
  // The JSON parser reports syntax errors (and prototype-poisoning keys) as 400s of its own.
  if (error instanceof SyntaxError || (error.statusCode === 400 && /json/i.test(error.message))) {
    return new HttpError(400, 'invalid_json', 'The body is not valid JSON');
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return new HttpError(error.statusCode, 'bad_request', error.message);
  }
  return null;
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    const known = error instanceof HttpError ? error : translateFrameworkError(error);
    if (!known) {
      request.log.error({ err: error }, 'request failed');
      return reply.code(500).send(errorBody('internal', 'Something went wrong on the server; try again'));
    }
    return reply.code(known.status).send({ ...errorBody(known.code, known.message, known.details), ...known.extra });
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send(errorBody('not_found', 'There is nothing at this address')));
}
