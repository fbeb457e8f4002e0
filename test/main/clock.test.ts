// Clock skew from HTTP Date headers, and the one-slot timer the controller's timers are built on.
import { describe, expect, it } from 'vitest';
import { ClockSkew, OneShotTimer } from '../../main/controller/clock.ts';
import { watchForWake } from '../../main/sync/wake-detector.ts';
import { ManualClock } from './support/manual-clock.ts';

describe('clock skew', () => {
  const local = Date.parse('2026-11-25T10:00:00.000Z');

  it('measures a PC clock that runs five minutes slow', () => {
    const skew = new ClockSkew();
    skew.observe(new Date(local + 5 * 60_000).toUTCString(), local - 40, local + 40);
    expect(skew.offsetMs).toBeGreaterThan(5 * 60_000 - 1_000);
    expect(skew.offsetMs).toBeLessThan(5 * 60_000 + 1_000);
    expect(skew.serverTime(new Date(local)).getTime() - local).toBe(skew.offsetMs);
  });

  it('counts differences within the header’s one-second resolution as none', () => {
    const skew = new ClockSkew();
    skew.observe(new Date(local).toUTCString(), local + 100, local + 300);
    expect(skew.offsetMs).toBe(0);
  });

  it('ignores a missing or unreadable Date header, and keeps the last good measurement', () => {
    const skew = new ClockSkew();
    skew.observe(new Date(local - 120_000).toUTCString(), local, local + 10);
    const measured = skew.offsetMs;
    skew.observe(null, local, local + 10);
    skew.observe('yesterday', local, local + 10);
    expect(skew.offsetMs).toBe(measured);
    expect(measured).toBeLessThan(-110_000);
  });
});

describe('one-shot timer', () => {
  it('holds one pending callback: arming again replaces it', () => {
    const clock = new ManualClock('2026-11-25T10:00:00Z');
    const timer = new OneShotTimer(clock);
    const fired: string[] = [];
    timer.arm(() => fired.push('first'), 1_000);
    timer.arm(() => fired.push('second'), 2_000);
    clock.advance(5_000);
    expect(fired).toEqual(['second']);
    expect(timer.armed).toBe(false);
    timer.arm(() => fired.push('third'), 1_000);
    timer.cancel();
    clock.advance(5_000);
    expect(fired).toEqual(['second']);
  });
});

describe('wake detector', () => {
  it('reports a sleep once the next check fires late by the wall clock, and nothing otherwise', () => {
    const clock = new ManualClock('2026-11-25T10:00:00Z');
    let wakes = 0;
    const stop = watchForWake(clock, () => (wakes += 1), { intervalMs: 15_000, toleranceMs: 30_000 });
    clock.advance(10 * 60_000);
    expect(wakes).toBe(0);
    clock.sleep(45 * 60_000);
    clock.advance(15_000);
    expect(wakes).toBe(1);
    clock.advance(60_000);
    expect(wakes).toBe(1);
    stop();
    clock.sleep(60 * 60_000);
    clock.advance(60_000);
    expect(wakes).toBe(1);
  });
});
