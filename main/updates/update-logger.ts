// Where update checks are logged: the app has no log file of its own, so it is the console (stdout /
// stderr, which the OS or a support session captures). A feed URL may carry credentials or a signed
// query string (`https://user:secret@host/…?sig=…`); every URL in a message is cut down to scheme,
// host and path before it is written.
import type { Logger } from 'electron-updater';

/** What the logger writes to; `console` in the app, a recorder in tests. */
export type LogSink = Pick<Console, 'info' | 'warn' | 'error'>;

const URL_PATTERN = /\b(https?:\/\/)(?:[^\s/@]*@)?([^\s?#]*)(?:\?[^\s#]*)?(?:#\S*)?/gi;

/** The text with every http(s) URL's user info, query and fragment removed. */
export function redactUrls(text: string): string {
  return text.replace(URL_PATTERN, '$1$2');
}

const line = (message: unknown): string => redactUrls(message instanceof Error ? message.message : String(message));

/** electron-updater's Logger over `sink`, prefixed so update lines are easy to find in a support log. */
export function updateLogger(sink: LogSink = console): Logger {
  return {
    info: (message?: unknown) => sink.info(`[update] ${line(message)}`),
    warn: (message?: unknown) => sink.warn(`[update] ${line(message)}`),
    error: (message?: unknown) => sink.error(`[update] ${line(message)}`),
  };
}
