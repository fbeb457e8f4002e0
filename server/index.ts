// `npm run server`: the composition root. Reads CHATDESK_* (or flags), starts the server, prints one
// line `listening on http://HOST:PORT` on stdout (logs go to stderr as JSON), and shuts down cleanly
// on SIGTERM / SIGINT: in-flight requests finish, event streams end, the database closes.
import pino from 'pino';
import { ConfigError, serverConfigFrom } from './cli-config.ts';
import { createChatServer } from './server.ts';
import type { ServerConfig } from './server.ts';

let config: ServerConfig;
try {
  config = serverConfigFrom(process.env, process.argv.slice(2));
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Cannot start the server: ${error.message}`);
  process.exit(2);
}

let server;
try {
  server = await createChatServer({ ...config, logDestination: pino.destination(2) });
} catch (error) {
  // Port taken, database unreachable, data directory not writable: one line that says which.
  console.error(`Cannot start the server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const host = config.host ?? '127.0.0.1';
const printedHost = host.includes(':') ? `[${host}]` : host;
console.log(`listening on http://${printedHost}:${server.port}`);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    // A second signal while shutting down means "now".
    if (stopping) process.exit(1);
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  });
}
