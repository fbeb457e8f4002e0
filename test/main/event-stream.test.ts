// The app's event stream against the real server: a silent connection is treated as dead and
// replaced, resuming from Last-Event-ID (so the server replays nothing twice), and a refused token
// stops the stream instead of retrying forever.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClockSkew } from '../../main/controller/clock.ts';
import { ClinicEventStream } from '../../main/sync/event-stream.ts';
import type { StreamEvent } from '../../main/sync/event-stream.ts';
import { ServerClient } from '../../main/sync/server-client.ts';
import type { ServerFailure } from '../../main/sync/server-client.ts';
import type { RunningServer } from '../../server/server.ts';
import { createClinicThroughApi, createTestStorage, startServer } from '../server/helpers/test-server.ts';
import type { TestClinic, TestStorage } from '../server/helpers/test-server.ts';
import { waitFor } from './support/controller-harness.ts';
import { testClock } from './support/running-clock.ts';

let storage: TestStorage;
let server: RunningServer;
let clinic: TestClinic;
beforeAll(async () => {
  storage = await createTestStorage('sqlite');
  // No heartbeats during the test: the stream goes silent after its first events.
  server = await startServer(storage, { heartbeatMs: 600_000 });
  clinic = await createClinicThroughApi(server);
});
afterAll(async () => {
  await server.close();
  await storage.dispose();
});

function watch(token: string, silenceMs: number) {
  const client = new ServerClient({ serverUrl: server.url, clinicId: clinic.clinicId, token, clock: testClock, skew: new ClockSkew() });
  const seen = { opens: 0, events: [] as StreamEvent[], down: [] as ServerFailure[], refused: [] as ServerFailure[] };
  const stream = new ClinicEventStream({
    open: (lastEventId, signal) => client.openEvents(lastEventId, signal),
    onEvent: (event) => seen.events.push(event),
    onOpen: () => (seen.opens += 1),
    onDown: (failure) => seen.down.push(failure),
    onRefused: (failure) => seen.refused.push(failure),
    clock: testClock,
    backoff: { baseMs: 10, capMs: 50 },
    silenceMs,
  });
  return { stream, seen };
}

describe('clinic event stream', () => {
  it('replaces a silent connection and resumes where it left off', async () => {
    const { stream, seen } = watch(clinic.token, 300);
    stream.start();
    try {
      await waitFor(() => seen.opens, (opens) => opens >= 3);
      expect(seen.down.every((failure) => failure.kind === 'unreachable' && failure.detail === 'the event stream went silent')).toBe(true);
      // Only the first connection got the snapshot; the others resumed from its last event id.
      expect(seen.events.map((event) => event.type)).toEqual(['settings', 'presence']);
    } finally {
      stream.stop();
    }
  });

  it('stops for good when the server refuses the token', async () => {
    const { stream, seen } = watch('not-the-token', 60_000);
    stream.start();
    await waitFor(() => seen.refused.length, (count) => count === 1);
    expect(seen.refused[0]).toMatchObject({ kind: 'rejected', status: 401 });
    expect(seen.opens).toBe(0);
    stream.reconnectNow(); // stopped: does nothing
    expect(seen.refused).toHaveLength(1);
  });
});
