// A timed break asked for by its length ends that long after the server's now, not the PC's: a PC
// whose clock is five minutes slow must not turn "15 minutes" into 10 for the clinic's owners.
import { describe, expect, it } from 'vitest';
import { timedBreakMinutes } from '../../core/timed-breaks.ts';
import { clinicServerForFile, connectPc, settled, waitFor } from './support/controller-harness.ts';
import { testClock } from './support/running-clock.ts';

const FIVE_MINUTES_MS = 5 * 60_000;
/** This PC's wall clock runs five minutes behind the server's (timers are unaffected, as in Node). */
const slowClock = testClock.offsetBy(-FIVE_MINUTES_MS);

const shared = clinicServerForFile();

describe('a timed break by its length', () => {
  it('ends that many minutes after the server’s now, on a PC whose clock is slow', async () => {
    const pc = shared.openPc({ pcName: 'Slow clock', clock: slowClock });
    await connectPc(pc, shared.server);
    await settled(pc);

    const result = await pc.api.setOnline({ online: false, offlineForMinutes: timedBreakMinutes[0] });
    expect(result.ok).toBe(true);
    const presence = await waitFor(() => shared.server.presence(), (current) => !current.online && current.offlineUntil !== null);
    // changedAt is stamped by the server's clock; the Date header leaves the skew known to about a second.
    const lengthMs = Date.parse(presence.offlineUntil ?? '') - Date.parse(presence.changedAt);
    expect(lengthMs).toBeGreaterThan(15 * 60_000 - 30_000);
    expect(lengthMs).toBeLessThan(15 * 60_000 + 30_000);
  });

  it('is refused while going online or together with an end', async () => {
    const pc = shared.openPc({ pcName: 'Front desk' });
    await connectPc(pc, shared.server);
    const goingOnline = await pc.api.setOnline({ online: true, offlineForMinutes: 15 });
    expect(goingOnline).toMatchObject({ ok: false, error: { code: 'invalid-input', fields: [{ path: 'offlineForMinutes' }] } });
    const both = await pc.api.setOnline({ online: false, offlineForMinutes: 15, offlineUntil: new Date(testClock.now().getTime() + 60_000).toISOString() });
    expect(both).toMatchObject({ ok: false, error: { code: 'invalid-input', fields: [{ path: 'offlineForMinutes' }] } });
    expect(pc.controller.state.sync.pending).toBe(0);
  });
});
