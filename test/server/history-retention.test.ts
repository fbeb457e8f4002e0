// Retention, with the server's clock moved by the test: history entries are deleted once older than
// the configured days (never fewer than 90), events once older than theirs, and a stream resuming from
// a pruned event id gets a fresh snapshot rather than a silent gap. On SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PresenceResponse } from '../../core/schemas/http-api.ts';
import type { HistoryResponse } from '../../core/schemas/history.ts';
import type { RunningServer } from '../../server/server.ts';
import { openEventStream } from './helpers/sse-client.ts';
import type { ReceivedEvent } from './helpers/sse-client.ts';
import { backends, call, createClinicThroughApi, createTestStorage, eventually, startServer } from './helpers/test-server.ts';
import type { TestClinic, TestStorage } from './helpers/test-server.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const start = new Date('2026-01-05T10:00:00.000Z');

describe.each(backends)('retention on %s', (backend) => {
  let storage: TestStorage;
  let server: RunningServer;
  let clinic: TestClinic;
  let clock = start;
  const daysAfterStart = (days: number) => new Date(start.getTime() + days * DAY_MS);
  const url = (suffix: string) => `${server.url}/v1/clinics/${clinic.clinicId}${suffix}`;
  const historyNames = async () => (await call<HistoryResponse>(url('/history'), { headers: clinic.staff })).body.entries.map((entry) => entry.changedBy);
  const setOnline = (online: boolean, changedBy: string) => call<PresenceResponse>(url('/presence'), { method: 'PUT', headers: clinic.staff, json: { online, changedBy } });
  /** Every event a stream resuming from `lastEventId` receives before its availability event. */
  async function resumeFrom(lastEventId: string): Promise<ReceivedEvent[]> {
    const stream = await openEventStream(url('/events'), { ...clinic.staff, 'last-event-id': lastEventId });
    await stream.waitFor((event) => event.type === 'availability');
    stream.close();
    return stream.events;
  }
  const isSnapshot = (events: ReceivedEvent[]) => events.some((event) => event.type === 'settings');

  beforeAll(async () => {
    storage = await createTestStorage(backend);
    // The job runs every 50 ms here (hourly by default), so moving the clock is soon followed by a run.
    server = await startServer(storage, { now: () => clock, historyRetentionDays: 90, eventRetentionDays: 7, retentionIntervalMs: 50 });
    clinic = await createClinicThroughApi(server);
  });
  afterAll(async () => {
    await server?.close();
    await storage?.dispose();
  });

  it('deletes history entries once older than the retention, and keeps younger ones', async () => {
    await setOnline(false, 'day 0');
    expect(isSnapshot(await resumeFrom('0'))).toBe(false);
    clock = daysAfterStart(30);
    await setOnline(true, 'day 30');
    clock = daysAfterStart(89);
    // Once the job has run with the clock at day 89, both events are gone (a resume from 0 gets a
    // snapshot), while the history of day 0 is still kept.
    expect(isSnapshot(await eventually(() => resumeFrom('0'), isSnapshot))).toBe(true);
    expect(await historyNames()).toEqual(['day 30', 'day 0']);

    clock = daysAfterStart(91);
    expect(await eventually(historyNames, (names) => names.length === 1)).toEqual(['day 30']);
    clock = daysAfterStart(121);
    expect(await eventually(historyNames, (names) => names.length === 0)).toEqual([]);
  });

  it('answers a stream resuming from a pruned event id with a snapshot, and a recent id with the events missed', async () => {
    const first = await openEventStream(url('/events'), clinic.staff);
    const seen = await first.waitFor((event) => event.type === 'presence');
    first.close();
    await setOnline(false, 'after the snapshot');

    // Within the retention: exactly the event missed, no snapshot.
    const recent = await resumeFrom(seen.id!);
    expect(recent.filter((event) => event.id !== undefined).map((event) => (event.data as PresenceResponse).presence.changedBy)).toEqual(['after the snapshot']);
    expect(isSnapshot(recent)).toBe(false);

    // Eight days on, that event is pruned: resuming from before it must not silently skip it.
    clock = new Date(clock.getTime() + 8 * DAY_MS);
    const resumed = await eventually(() => resumeFrom(seen.id!), isSnapshot);
    expect(isSnapshot(resumed)).toBe(true);
    const presence = resumed.find((event) => event.type === 'presence');
    expect((presence!.data as PresenceResponse).presence).toMatchObject({ online: false, changedBy: 'after the snapshot' });
    expect(Number(presence!.id)).toBe(Number(seen.id) + 1);
  });
});

describe('retention configuration', () => {
  it('refuses to keep the change history for fewer than 90 days, or events for less than a day', async () => {
    const storage = await createTestStorage('sqlite');
    try {
      await expect(startServer(storage, { historyRetentionDays: 30 })).rejects.toThrow(/at least 90 days/);
      await expect(startServer(storage, { eventRetentionDays: 0 })).rejects.toThrow(/at least 1 day/);
    } finally {
      await storage.dispose();
    }
  });
});
