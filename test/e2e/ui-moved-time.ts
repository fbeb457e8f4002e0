// Moving time on for a PC and the server together, for end-to-end tests of what happens after half an
// hour (the forgotten-offline reminder). Two parts:
// - ShiftableClock: the AppController's clock, real time plus a shift; timers due by the shifted
//   time fire at the shift, as they would had that time really passed.
// - a Date proxy between the PC and the server: the server's HTTP `Date` header comes from the real
//   clock, and the app corrects its clock by that header (ClockSkew), so it would measure a moved
//   clock as skew and undo the move. The proxy passes everything through and stamps `Date` from the
//   server's moved clock instead.
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock } from '../../main/app/clock.ts';
import type { Clock, TimerHandle } from '../../main/app/clock.ts';

export class ShiftableClock implements Clock {
  #shiftMs = 0;
  readonly #pending = new Set<{ due: number; fire(): void }>();

  now(): Date {
    return new Date(Date.now() + this.#shiftMs);
  }

  setTimer(callback: () => void, delayMs: number): TimerHandle {
    const pending = {
      due: this.now().getTime() + delayMs,
      fire: () => {
        this.#pending.delete(pending);
        real.cancel();
        callback();
      },
    };
    const real = systemClock.setTimer(() => pending.fire(), delayMs);
    this.#pending.add(pending);
    return {
      cancel: () => {
        this.#pending.delete(pending);
        real.cancel();
      },
    };
  }

  shift(ms: number): void {
    this.#shiftMs += ms;
    const now = this.now().getTime();
    for (const pending of [...this.#pending].filter((candidate) => candidate.due <= now)) pending.fire();
  }
}

export type DateProxy = { url: string; close(): Promise<void> };

/** Forwards every request to `target()` (event streams included) and answers with `Date` from `now()`. */
export async function startDateProxy(target: () => string, now: () => Date): Promise<DateProxy> {
  const proxy = createServer((incoming, outgoing) => {
    const upstream = request(`${target()}${incoming.url ?? '/'}`, { method: incoming.method, headers: incoming.headers }, (response) => {
      outgoing.writeHead(response.statusCode ?? 502, { ...response.headers, date: now().toUTCString() });
      response.pipe(outgoing);
    });
    // The server stopped or dropped the connection: the PC sees a dropped connection, as without the proxy.
    upstream.on('error', () => outgoing.destroy());
    outgoing.on('close', () => upstream.destroy());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        proxy.closeAllConnections();
        proxy.close(() => resolve());
      }),
  };
}
