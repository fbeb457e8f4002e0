// 200 random operations — toggles, timed breaks, business-hours saves, app restarts — interleaved with
// server restarts, against the real server: when the dust settles, the server holds exactly what staff
// last asked for, and the app agrees with it.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings, weekdays } from '../../core/schedule-model.ts';
import type { ChatSettings } from '../../core/schemas/schedule.ts';
import { sameJson } from '../../core/same-json.ts';
import { connectPc, openPc, startClinicServer, waitFor } from './support/controller-harness.ts';
import type { ClinicServer, TestPc } from './support/controller-harness.ts';
import { testClock } from './support/running-clock.ts';

type Operation =
  | { kind: 'toggle'; online: boolean; breakMinutes: number | null }
  | { kind: 'save'; closingHour: number; sundayOpen: boolean }
  | { kind: 'stop-server' }
  | { kind: 'start-server' }
  | { kind: 'restart-app' }
  | { kind: 'pause' };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('toggle' as const), online: fc.boolean(), breakMinutes: fc.option(fc.integer({ min: 5, max: 120 })) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('save' as const), closingHour: fc.integer({ min: 12, max: 23 }), sundayOpen: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'stop-server' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'start-server' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart-app' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'pause' as const }) },
);

function hoursClosingAt(hour: number, sundayOpen: boolean): ChatSettings {
  const base = defaultSettings('Europe/London');
  const week = Object.fromEntries(
    weekdays.map((day) => [day, { open: day === 'sunday' ? sundayOpen : true, ranges: [{ start: '09:00', end: `${String(hour).padStart(2, '0')}:00` }] }]),
  ) as ChatSettings['week'];
  return { ...base, week };
}

let server: ClinicServer;
beforeAll(async () => {
  server = await startClinicServer();
});
afterAll(() => server.dispose());

describe('random operations across server restarts', () => {
  it('end with the server holding the last intended switch and hours', { timeout: 180_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 200, maxLength: 200 }), async (operations) => {
        await server.start();
        let pc: TestPc = openPc({ pcName: 'Front desk 1' });
        await connectPc(pc, server);
        let intendedOnline: boolean = (await server.presence()).online;
        let intendedSettings: ChatSettings = (await server.settings()).settings;
        try {
          for (const op of operations) {
            switch (op.kind) {
              case 'toggle': {
                const offlineUntil = !op.online && op.breakMinutes !== null ? new Date(testClock.now().getTime() + op.breakMinutes * 60_000).toISOString() : undefined;
                const result = await pc.api.setOnline({ online: op.online, ...(offlineUntil ? { offlineUntil } : {}) });
                expect(result.ok).toBe(true);
                intendedOnline = op.online;
                break;
              }
              case 'save': {
                const settings = hoursClosingAt(op.closingHour, op.sundayOpen);
                const result = await pc.api.saveSettings({ settings, baseVersion: pc.controller.state.server!.version });
                // Saving what the server (or a queued save) already holds is "nothing to save".
                if (!result.ok) expect(result.error.code).toBe('nothing-to-save');
                intendedSettings = settings;
                break;
              }
              case 'stop-server':
                await server.stop();
                break;
              case 'start-server':
                await server.start();
                break;
              case 'restart-app':
                pc = pc.restart();
                break;
              case 'pause':
                await new Promise((resolve) => setTimeout(resolve, 30));
                break;
            }
          }
          await server.start();
          await waitFor(() => pc.controller.state.sync, (sync) => sync.state === 'synced' && sync.pending === 0, 30_000);
          const onServer = await waitFor(
            async () => ({ presence: await server.presence(), settings: await server.settings() }),
            ({ presence, settings }) => presence.online === intendedOnline && sameJson(settings.settings, intendedSettings),
            10_000,
          );
          // The app's copy converges on the server's (the last event may still be on its way).
          await waitFor(() => pc.controller.state.server, (copy) => copy?.version === onServer.settings.version && copy.presence.online === intendedOnline);
          expect(pc.controller.state.sync.conflict).toBeNull();
          expect(pc.controller.state.sync.pendingSettings).toBeNull();
        } finally {
          pc.dispose();
        }
      }),
      { numRuns: 1 },
    );
  });
});
