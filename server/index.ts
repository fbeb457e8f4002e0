// `npm run server`: reads CHATDESK_* (or flags), starts the server, prints one line
// `listening on http://HOST:PORT` on stdout (JSON logs go to stderr), and shuts down cleanly on SIGTERM
// or SIGINT: in-flight requests finish, event streams end, the database closes.
import pino from 'pino';
import { ConfigError, serverConfigFrom } from './cli-config.ts';
import { createChatServer } from './server.ts';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

let config;
try {
  config = serverConfigFrom(process.env, process.argv.slice(2));
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Cannot start the server: ${error.message}`);
  process.exit(2);
}
// Port taken, database unreachable, data directory not writable, widget not built: one line that says which.
const server = await createChatServer({ ...config, logDestination: pino.destination(2) }).catch((error: unknown) => {
  console.error(`Cannot start the server: ${message(error)}`);
  process.exit(1);
});
const host = config.host ?? '127.0.0.1';
console.log(`listening on http://${host.includes(':') ? `[${host}]` : host}:${server.port}`);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    // A second signal while shutting down means "now".
    if (stopping) process.exit(1);
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Shutdown failed: ${message(error)}`);
        process.exit(1);
      },
    );
  });
}
