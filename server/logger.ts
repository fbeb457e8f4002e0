// Structured logs (pino); credentials are redacted wherever a request, its headers or an error carry them.
import pino from 'pino';
import type { DestinationStream, Logger } from 'pino';

const secretPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'request.headers.authorization',
  'headers.authorization',
  'authorization',
  'token',
  '*.token',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, base: { service: 'chatdesk-server' }, redact: { paths: secretPaths, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}
