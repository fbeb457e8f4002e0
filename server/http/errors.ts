// Every error leaves the server as `{ error: { code, message, details? } }` with the right status,
// whether a route refused the request, its schemas did, or Fastify did (bad JSON, body too large).
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorCode } from '../../core/schemas/http-api.ts';
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

const errorBody = (code: ErrorCode, message: string, details?: FieldError[]): ErrorBody => ({ error: details ? { code, message, details } : { code, message } });

/** A request the route's schemas refused: 400 with each problem at its field's path ('week.monday.ranges.0.end'). */
function validationError(error: FastifyError, request: FastifyRequest): HttpError | null {
  if (!hasZodFastifySchemaValidationErrors(error)) return null;
  const details = error.validation.map((issue) => ({ path: issue.instancePath.slice(1).replaceAll('/', '.'), message: issue.message ?? 'Not valid' }));
  const body = error.validationContext === 'body' ? request.routeOptions.config.invalidBody : undefined;
  return new HttpError(400, body?.code ?? 'bad_request', body?.message ?? details[0]!.message, { details });
}

/** Fastify's own refusals, in our codes and words. */
function frameworkError(error: FastifyError): HttpError | null {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new HttpError(413, 'payload_too_large', 'The request body is too large');
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new HttpError(415, 'unsupported_media_type', 'Send the body as JSON with Content-Type: application/json');
  // The JSON parser reports syntax errors (and prototype-poisoning keys) as 400s of its own.
  const json = error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY';
  if (json || error instanceof SyntaxError || (error.statusCode === 400 && /json/i.test(error.message))) {
    return new HttpError(400, 'invalid_json', 'The body is not valid JSON');
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) return new HttpError(error.statusCode, 'bad_request', error.message);
  return null;
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    const known = error instanceof HttpError ? error : (validationError(error, request) ?? frameworkError(error));
    if (!known) {
      request.log.error({ err: error }, 'request failed');
      return reply.code(500).send(errorBody('internal', 'Something went wrong on the server; try again'));
    }
    return reply.code(known.status).send({ ...errorBody(known.code, known.message, known.details), ...known.extra });
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send(errorBody('not_found', 'There is nothing at this address')));
}
