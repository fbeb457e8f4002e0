// Fuzzed request bodies, query strings and headers (fast-check) against the real server: whatever
// arrives, the answer is never a 5xx, and whatever is stored afterwards is still valid data.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings, weekdays } from '../../core/schedule-model.ts';
import { parseSettings, presenceSchema } from '../../core/schemas/schedule.ts';
import { MAX_MESSAGE_LENGTH } from '../../core/http-paths.ts';
import { historyResponseSchema } from '../../core/schemas/history.ts';
import type { PresenceResponse, SettingsResponse } from '../../core/schemas/http-api.ts';
import type { RunningServer } from '../../server/server.ts';
import { ClinicStore } from '../../server/storage/clinic-store.ts';
import { openStorage } from '../../server/storage/database.ts';
import { call, createClinicThroughApi, createTestStorage, startServer } from './helpers/test-server.ts';
import type { TestClinic, TestStorage } from './helpers/test-server.ts';

const runs = { numRuns: 80 };

/** Mostly plausible times, with a share of nonsense. */
const time = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 24 }), fc.constantFrom(0, 15, 30, 45)).map(([hour, minute]) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`),
  fc.constantFrom('24:00', '25:00', '9am', '', '12:60', '00:00'),
  fc.string(),
);
const range = fc.record({ start: time, end: time });
const day = fc.record({ open: fc.oneof(fc.boolean(), fc.constant('yes' as unknown as boolean)), ranges: fc.array(range, { maxLength: 4 }) });
const phone = fc.oneof(fc.constant(null), fc.constantFrom('+44 7700 900123', '+15551234567', '', '07700 900123'), fc.string());
const settingsLike = fc.record(
  {
    timezone: fc.constantFrom('Europe/London', 'America/New_York', 'Asia/Kathmandu', 'Mars/Olympus', ''),
    week: fc.record(Object.fromEntries(weekdays.map((name) => [name, day])) as Record<(typeof weekdays)[number], typeof day>),
    closures: fc.array(fc.record({ date: fc.oneof(fc.constantFrom('2026-12-25', '2026-02-30', '2026-13-01'), fc.string()), ranges: fc.array(range, { maxLength: 2 }) }), { maxLength: 3 }),
    channels: fc.record({ sms: phone, whatsapp: phone }),
    emergency: fc.oneof(fc.constant(null), fc.record({ phone: fc.constantFrom('+441234567890', 'call us'), label: fc.string() })),
  },
  { requiredKeys: ['timezone', 'week'] },
);
const anyBody = fc.oneof(fc.jsonValue(), fc.object(), fc.string().map((text) => ({ raw: text })));

describe('fuzzed bodies', { timeout: 60_000 }, () => {
  let storage: TestStorage;
  let server: RunningServer;
  let clinic: TestClinic;
  const path = (suffix: string) => `${server.url}/v1/clinics/${clinic.clinicId}${suffix}`;

  beforeAll(async () => {
    storage = await createTestStorage('sqlite');
    server = await startServer(storage, { rateLimitPerMinute: 1_000_000 });
    clinic = await createClinicThroughApi(server);
  });
  afterAll(async () => {
    await server?.close();
    await storage?.dispose();
  });

  it('settings: never a 5xx, and what is stored always passes parseSettings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(settingsLike, anyBody, fc.constant(defaultSettings('Europe/London'))), async (body) => {
        const before = (await call<SettingsResponse>(path('/settings'), { headers: clinic.staff })).body;
        const response = await call<SettingsResponse>(path('/settings'), { method: 'PUT', headers: { ...clinic.staff, 'if-match': `"${before.version}"` }, json: body });
        expect([200, 400]).toContain(response.status);
        const after = (await call<SettingsResponse>(path('/settings'), { headers: clinic.staff })).body;
        expect(parseSettings(after.settings).ok).toBe(true);
        expect(after).toEqual(response.status === 200 ? response.body : before);
      }),
      runs,
    );
  });

  it('presence: never a 5xx, and the stored presence is always well-formed', async () => {
    const presenceLike = fc.record(
      {
        online: fc.oneof(fc.boolean(), fc.constantFrom('true', 1, null)),
        offlineUntil: fc.oneof(fc.constant(null), fc.date({ noInvalidDate: true }).map((date) => date.toISOString()), fc.string()),
        changedBy: fc.oneof(fc.constant(null), fc.string({ maxLength: 80 })),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(presenceLike, anyBody), fc.option(fc.string({ maxLength: 210 })), async (body, key) => {
        const headers = { ...clinic.staff, ...(key === null ? {} : { 'idempotency-key': key }) };
        const response = await call(path('/presence'), { method: 'PUT', headers, json: body });
        expect(response.status).toBeLessThan(500);
        const stored = (await call<PresenceResponse>(path('/presence'), { headers: clinic.staff })).body.presence;
        expect(presenceSchema.safeParse(stored).success).toBe(true);
      }),
      runs,
    );
  });

  it('messages: never a 5xx, and every stored message is a trimmed, non-empty text within the limit', async () => {
    const messageLike = fc.record({ text: fc.oneof(fc.string({ maxLength: 2_100 }), fc.constant('   ')), name: fc.oneof(fc.string({ maxLength: 90 }), fc.integer()) }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(fc.oneof(messageLike, anyBody), async (body) => {
        const response = await call(path('/messages'), { method: 'POST', json: body });
        expect([202, 400, 409, 413]).toContain(response.status);
      }),
      runs,
    );
    const opened = await openStorage({ dataDir: storage.dataDir });
    try {
      for (const message of await new ClinicStore(opened).messagesOf(clinic.clinicId)) {
        expect(message.text.trim()).toBe(message.text);
        expect(message.text.length).toBeGreaterThan(0);
        expect(message.text.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
      }
    } finally {
      await opened.close();
    }
  });

  it('raw bytes sent as JSON: never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom('/presence', '/messages', '/settings'), async (raw, suffix) => {
        const method = suffix === '/messages' ? 'POST' : 'PUT';
        const response = await fetch(path(suffix), { method, headers: { ...clinic.staff, 'if-match': '"1"', 'content-type': 'application/json' }, body: raw });
        expect(response.status).toBeLessThan(500);
        await response.arrayBuffer();
      }),
      runs,
    );
  });

  it('history queries and X-Changed-By values: never a 5xx, and the history always reads back', async () => {
    const queryValue = fc.oneof(fc.integer({ min: -5, max: 200 }).map(String), fc.string({ maxLength: 20 }));
    const query = fc.array(fc.tuple(fc.constantFrom('before', 'limit', 'page'), queryValue), { maxLength: 3 });
    // What fetch will put in a header at all: Latin-1 without control characters.
    const headerValue = fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).filter((code) => code < 0x7f || code > 0x9f).map((code) => String.fromCharCode(code)), maxLength: 90 });
    await fc.assert(
      fc.asyncProperty(query, headerValue, async (pairs, changedBy) => {
        const page = await call(path(`/history?${new URLSearchParams(pairs)}`), { headers: clinic.staff });
        expect([200, 400]).toContain(page.status);
        const current = (await call<SettingsResponse>(path('/settings'), { headers: clinic.staff })).body;
        const sunday = { open: !current.settings.week.sunday.open, ranges: [{ start: '09:00', end: '18:00' }] };
        const saved = await call(path('/settings'), {
          method: 'PUT',
          headers: { ...clinic.staff, 'if-match': `"${current.version}"`, 'x-changed-by': changedBy },
          json: { ...current.settings, week: { ...current.settings.week, sunday } },
        });
        expect([200, 400]).toContain(saved.status);
      }),
      runs,
    );
    const history = await call(path('/history?limit=100'), { headers: clinic.staff });
    expect(historyResponseSchema.safeParse(history.body).success).toBe(true);
  });
});
