// A minimal Server-Sent Events client over fetch for tests, parsing with eventsource-parser. It keeps
// every event it received, so tests can wait for the one they expect.
import { createParser } from 'eventsource-parser';

export type ReceivedEvent = { id: string | undefined; type: string; data: unknown };

export type SseConnection = {
  status: number;
  events: ReceivedEvent[];
  comments: string[];
  /** Resolves with the first event (from the start of the stream) that matches. */
  waitFor(match: (event: ReceivedEvent) => boolean, timeoutMs?: number): Promise<ReceivedEvent>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
};

export async function openEventStream(url: string, headers: Record<string, string>): Promise<SseConnection> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const events: ReceivedEvent[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  const parser = createParser({
    onEvent: (message) => {
      events.push({ id: message.id, type: message.event ?? 'message', data: JSON.parse(message.data) });
      for (const wake of waiters) wake();
    },
    onComment: (comment) => {
      comments.push(comment.trim());
      for (const wake of waiters) wake();
    },
  });
  const ended = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    const reader = response.body.getReader();
    try {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) parser.feed(decoder.decode(chunk.value, { stream: true }));
    } catch {
      // aborted by close()
    }
  })();

  return {
    status: response.status,
    events,
    comments,
    ended,
    close: () => abort.abort(),
    waitFor(match, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(match);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event within ${timeoutMs} ms; received: ${JSON.stringify(events.map((event) => [event.id, event.type]))}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
  };
}
