// The server as a process: one `listening on` line, a clean shutdown on SIGTERM, and no acknowledged
// write lost when it is killed with SIGKILL in the middle of writing (the SQLite file is reopened).
import { afterEach, describe, expect, it } from 'vitest';
import { weekdays } from '../../core/schedule-model.ts';
import type { ChatSettings } from '../../core/schemas/schedule.ts';
import type { MessageAccepted, SettingsResponse } from '../../core/schemas/http-api.ts';
import { createClinic } from '../../server/clinic-admin.ts';
import { ClinicStore } from '../../server/storage/clinic-store.ts';
import { openStorage } from '../../server/storage/database.ts';
import { spawnServer } from './helpers/child-server.ts';
import { openEventStream } from './helpers/sse-client.ts';
import { call, temporaryDirectory } from './helpers/test-server.ts';

const directories: { remove(): void }[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) directory.remove();
});

function roundTheClock(settings: ChatSettings): ChatSettings {
  return { ...settings, week: Object.fromEntries(weekdays.map((day) => [day, { open: true, ranges: [{ start: '00:00', end: '24:00' }] }])) as ChatSettings['week'] };
}

// Child processes start slowly on a busy CI machine: these tests get a minute each.
describe('the server process', { timeout: 60_000 }, () => {
  it('prints one line when ready and shuts down cleanly on SIGTERM, ending event streams', async () => {
    const directory = temporaryDirectory();
    directories.push(directory);
    const clinic = await createClinic({ dataDir: directory.path }, { name: 'Riverside Vets', timezone: 'Europe/London' });
    const server = await spawnServer({ CHATDESK_DATA_DIR: directory.path });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const stream = await openEventStream(`${server.url}/v1/clinics/${clinic.clinicId}/events`, { authorization: `Bearer ${clinic.token}` });
    await stream.waitFor((event) => event.type === 'availability');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    await stream.ended;
    expect(server.stdout()).toBe(`listening on ${server.url}\n`);
  });

  it('loses no acknowledged write when killed with SIGKILL in the middle of writing', async () => {
    const directory = temporaryDirectory();
    directories.push(directory);
    const clinic = await createClinic({ dataDir: directory.path }, { name: 'Riverside Vets', timezone: 'Europe/London' });
    const staff = { authorization: `Bearer ${clinic.token}` };
    const server = await spawnServer({ CHATDESK_DATA_DIR: directory.path, CHATDESK_RATE_LIMIT_PER_MINUTE: '1000000' });
    const path = (suffix: string) => `${server.url}/v1/clinics/${clinic.clinicId}${suffix}`;
    // A child process runs on the machine's clock, which no test can set: open around the clock (the
    // closures written below too), so every expectation holds at any date, hour and zone.
    const base = (await call<SettingsResponse>(path('/settings'), { headers: staff })).body;
    await call(path('/settings'), { method: 'PUT', headers: { ...staff, 'if-match': `"${base.version}"` }, json: roundTheClock(base.settings) });

    const acknowledged = { presenceKeys: [] as string[], messages: [] as string[], settingsVersion: 0 };
    let killed = false;
    const writer = async (worker: number) => {
      for (let index = 0; !killed; index++) {
        try {
          if (index % 3 === 0) {
            const key = `w${worker}-${index}`;
            const response = await call(path('/presence'), { method: 'PUT', headers: { ...staff, 'idempotency-key': key }, json: { online: index % 2 === 0, changedBy: key } });
            if (response.status === 200) acknowledged.presenceKeys.push(key);
          } else if (index % 3 === 1) {
            const response = await call<MessageAccepted>(path('/messages'), { method: 'POST', json: { text: `message ${worker}-${index}` } });
            if (response.status === 202) acknowledged.messages.push(response.body.messageId);
          } else {
            const current = (await call<SettingsResponse>(path('/settings'), { headers: staff })).body;
            const edited = { ...current.settings, closures: [{ date: '2027-01-01', ranges: [{ start: '00:00', end: '24:00' }], label: `edit ${worker}-${index}` }] };
            const response = await call<SettingsResponse>(path('/settings'), { method: 'PUT', headers: { ...staff, 'if-match': `"${current.version}"` }, json: edited });
            if (response.status === 200) acknowledged.settingsVersion = Math.max(acknowledged.settingsVersion, response.body.version);
          }
        } catch {
          // The connection died with the server: that write was never acknowledged.
        }
      }
    };
    const writers = [1, 2, 3, 4].map(writer);
    const enough = performance.now() + 20_000;
    while (acknowledged.presenceKeys.length + acknowledged.messages.length < 60 && performance.now() < enough) await new Promise((resolve) => setTimeout(resolve, 20));
    server.child.kill('SIGKILL');
    await server.exited;
    killed = true;
    await Promise.all(writers);
    expect(acknowledged.presenceKeys.length + acknowledged.messages.length).toBeGreaterThanOrEqual(60);

    const storage = await openStorage({ dataDir: directory.path });
    try {
      const store = new ClinicStore(storage);
      const storedKeys = await storage.db.selectFrom('idempotency_keys').select('key').where('clinic_id', '=', clinic.clinicId).execute();
      const keys = new Set(storedKeys.map((row) => row.key));
      expect(acknowledged.presenceKeys.filter((key) => !keys.has(key))).toEqual([]);
      const messages = new Set((await store.messagesOf(clinic.clinicId)).map((message) => message.id));
      expect(acknowledged.messages.filter((id) => !messages.has(id))).toEqual([]);
      const state = await store.findClinic(clinic.clinicId);
      expect(state!.version).toBeGreaterThanOrEqual(acknowledged.settingsVersion);
      // Every stored change has its event, numbered without gaps.
      const events = await store.eventsBetween(clinic.clinicId, 0, state!.eventSeq);
      expect(events.map((event) => event.seq)).toEqual(Array.from({ length: state!.eventSeq }, (_, index) => index + 1));
    } finally {
      await storage.close();
    }
  });
});
