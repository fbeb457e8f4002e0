// The switch and the business hours across server outages, against the real server stopped and
// started again on the same port and data directory: nothing acknowledged is lost, nothing is applied
// twice, and the server ends with what staff last asked for.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { headers } from '../../core/schemas/http-api.ts';
import { openAppStore } from '../../main/store/store.ts';
import { noSecretBox } from '../../main/store/secret-box.ts';
import { enqueuePresence, markAttempted } from '../../main/sync/outbox.ts';
import { openEventStream } from '../server/helpers/sse-client.ts';
import { connectPc, openPc, settled, startClinicServer, waitFor } from './support/controller-harness.ts';
import type { ClinicServer, TestPc } from './support/controller-harness.ts';
import { testClock } from './support/running-clock.ts';

let server: ClinicServer;
const pcs: TestPc[] = [];
beforeEach(async () => {
  server = await startClinicServer();
});
afterEach(async () => {
  for (const pc of pcs.splice(0)) pc.dispose();
  await server.dispose();
});

const track = (pc: TestPc): TestPc => {
  pcs.push(pc);
  return pc;
};

/** The presence changes the server has recorded after event id `since`, from its own event log. */
async function presenceEventsSince(since: string): Promise<unknown[]> {
  const stream = await openEventStream(`${server.url}/v1/clinics/${server.clinic.clinicId}/events`, { ...server.clinic.staff, [headers.lastEventId]: since });
  try {
    // The replay ends with the live `availability` frame, sent after every missed event.
    await stream.waitFor((event) => event.type === 'availability');
    return stream.events.filter((event) => event.type === 'presence').map((event) => event.data);
  } finally {
    stream.close();
  }
}

async function currentEventId(): Promise<string> {
  const stream = await openEventStream(`${server.url}/v1/clinics/${server.clinic.clinicId}/events`, server.clinic.staff);
  try {
    const presence = await stream.waitFor((event) => event.type === 'presence');
    return presence.id!;
  } finally {
    stream.close();
  }
}

describe('the switch during an outage', () => {
  it('acknowledges a toggle while the server is down, and delivers it exactly once when it returns', async () => {
    const pc = track(openPc({ pcName: 'Front desk 1' }));
    await connectPc(pc, server);
    await settled(pc);
    const before = await currentEventId();

    await server.stop();
    const result = await pc.api.setOnline({ online: false });
    expect(result).toMatchObject({ ok: true, state: { presence: { online: false, changedBy: 'Front desk 1' }, sync: { pending: 1 } } });
    expect(result.ok && result.state.status.tone).toBe('offline-by-switch');
    // It is on disk already: a restart of the app while the server is down keeps it.
    const reopened = track(pc.restart());
    expect(reopened.controller.state.sync.pending).toBe(1);
    await waitFor(() => reopened.controller.state.sync.state, (state) => state === 'offline');

    await server.start();
    await waitFor(() => reopened.controller.state.sync, (sync) => sync.pending === 0 && sync.state === 'synced');
    expect(await server.presence()).toMatchObject({ online: false, changedBy: 'Front desk 1' });
    expect(await presenceEventsSince(before)).toEqual([{ presence: expect.objectContaining({ online: false }) }]);
  });

  it('applies a retried toggle once when the first attempt reached the server but its answer was lost', async () => {
    const pc = track(openPc({ pcName: 'Front desk 1' }));
    await connectPc(pc, server);
    await settled(pc);
    pc.controller.stop();
    const before = await currentEventId();

    // What the disk holds after a crash mid-request: the toggle, marked as attempted, with its key.
    const store = openAppStore({ directory: pc.dir, secretBox: noSecretBox, now: testClock.now });
    const queued = enqueuePresence([], { online: false, offlineUntil: null, changedBy: 'Front desk 1' }, { id: crypto.randomUUID(), now: testClock.now() });
    store.setOutbox(markAttempted(queued, queued[0]!.id, testClock.now()));
    // …and that attempt did reach the server.
    const landed = await fetch(`${server.url}/v1/clinics/${server.clinic.clinicId}/presence`, {
      method: 'PUT',
      headers: { ...server.clinic.staff, 'content-type': 'application/json', [headers.idempotencyKey]: queued[0]!.id },
      body: JSON.stringify({ online: false, offlineUntil: null, changedBy: 'Front desk 1' }),
    });
    expect(landed.status).toBe(200);

    const restarted = track(openPc({ pcName: 'Front desk 1', dir: pc.dir }));
    await waitFor(() => restarted.controller.state.sync, (sync) => sync.pending === 0 && sync.state === 'synced');
    expect(await presenceEventsSince(before)).toHaveLength(1);
    expect(restarted.controller.state.presence).toMatchObject({ online: false });
  });

  it('retries at once on resume from sleep, instead of waiting out a long backoff', async () => {
    // Every retry (stream and outbox) would wait 9 minutes: only resume() can bring the change through.
    const pc = track(openPc({ pcName: 'Front desk 1', backoff: { baseMs: 600_000, capMs: 600_000, random: () => 0.9 } }));
    await connectPc(pc, server);
    await settled(pc);
    await server.stop();
    await pc.api.setOnline({ online: false });
    await waitFor(() => pc.controller.state.sync.state, (state) => state === 'offline');
    await server.start();

    pc.controller.resume();
    await waitFor(() => pc.controller.state.sync, (sync) => sync.pending === 0 && sync.state === 'synced');
    expect(await server.presence()).toMatchObject({ online: false });
  });
});
