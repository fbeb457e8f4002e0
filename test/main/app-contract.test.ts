import { describe, expect, expectTypeOf, it } from 'vitest';
import { appApiArguments, appApiOperations, connectInputSchema, preferenceInputSchema, setOnlineInputSchema } from '../../core/schemas/app-api.ts';
import { appApiChannels, appStateChannel } from '../../core/app-channels.ts';
import { fieldErrorsFromIssues } from '../../core/schemas/schedule.ts';
import type { AppApi, AppApiArguments, AppApiOperation } from '../../core/schemas/app-api.ts';
import { MAX_TIMED_BREAK_MINUTES, timedBreakMinutes } from '../../core/timed-breaks.ts';

describe('AppApi contract', () => {
  it('names every operation once, on distinct channels, with the push channel apart', () => {
    const channels = Object.values(appApiChannels);
    expect(new Set(channels).size).toBe(channels.length);
    expect(channels).not.toContain(appStateChannel);
    expect(Object.keys(appApiArguments).sort()).toEqual([...appApiOperations].sort());
    expect(appApiOperations).not.toContain('subscribe');
  });

  it('keeps the renderer-side signatures and the validated arguments in step', () => {
    type Same<K extends AppApiOperation> = Parameters<NonNullable<AppApi[K]>>;
    expectTypeOf<AppApiArguments<'connect'>>().toEqualTypeOf<Same<'connect'>>();
    expectTypeOf<AppApiArguments<'setOnline'>>().toEqualTypeOf<Same<'setOnline'>>();
    expectTypeOf<AppApiArguments<'resolveConflict'>>().toEqualTypeOf<Same<'resolveConflict'>>();
    expectTypeOf<AppApiArguments<'setPreference'>>().toEqualTypeOf<Same<'setPreference'>>();
    expectTypeOf<AppApiArguments<'dismissNotice'>>().toEqualTypeOf<Same<'dismissNotice'>>();
    expectTypeOf<AppApiArguments<'getState'>>().toEqualTypeOf<Same<'getState'>>();
    expectTypeOf<AppApiArguments<'snoozeReminder'>>().toEqualTypeOf<Same<'snoozeReminder'>>();
    expectTypeOf<AppApiArguments<'getHistory'>>().toEqualTypeOf<Same<'getHistory'>>();
  });

  it('accepts only http(s) server addresses and trims ids and tokens', () => {
    expect(connectInputSchema.parse({ serverUrl: 'https://chat.example.test', clinicId: ' c1 ', token: ' t ' })).toEqual({
      serverUrl: 'https://chat.example.test',
      clinicId: 'c1',
      token: 't',
    });
    for (const serverUrl of ['file:///etc/passwd', 'javascript:alert(1)', 'chat.example.test', '']) {
      expect(connectInputSchema.safeParse({ serverUrl, clinicId: 'c1', token: 't' }).success).toBe(false);
    }
  });

  it('reports field paths the UI can put beside the field', () => {
    const result = connectInputSchema.safeParse({ serverUrl: 'ftp://x', clinicId: '', token: '' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrorsFromIssues(result.error.issues)).toEqual([
      { path: 'serverUrl', message: 'Enter the server address, starting with https://' },
      { path: 'clinicId', message: 'Enter the clinic ID' },
      { path: 'token', message: 'Enter the access token' },
    ]);
  });

  it('allows a timed break only when going offline', () => {
    expect(setOnlineInputSchema.safeParse({ online: false, offlineUntil: '2026-11-25T12:00:00+01:00' }).success).toBe(true);
    expect(setOnlineInputSchema.safeParse({ online: false }).success).toBe(true);
    expect(setOnlineInputSchema.safeParse({ online: true, offlineUntil: '2026-11-25T12:00:00Z' }).success).toBe(false);
  });

  it('takes a timed break by its length: whole minutes, at most a day, never with an end too', () => {
    for (const minutes of timedBreakMinutes) expect(setOnlineInputSchema.safeParse({ online: false, offlineForMinutes: minutes }).success).toBe(true);
    expect(setOnlineInputSchema.safeParse({ online: false, offlineForMinutes: MAX_TIMED_BREAK_MINUTES }).success).toBe(true);
    for (const offlineForMinutes of [0, -15, 2.5, MAX_TIMED_BREAK_MINUTES + 1, '15']) {
      expect(setOnlineInputSchema.safeParse({ online: false, offlineForMinutes }).success).toBe(false);
    }
    expect(setOnlineInputSchema.safeParse({ online: true, offlineForMinutes: 15 }).success).toBe(false);
    expect(setOnlineInputSchema.safeParse({ online: false, offlineForMinutes: 15, offlineUntil: '2026-11-25T12:00:00Z' }).success).toBe(false);
  });


  it('types each preference by its key', () => {
    expect(preferenceInputSchema.safeParse({ key: 'pcName', value: '  Reception ' })).toEqual({ success: true, data: { key: 'pcName', value: 'Reception' } });
    expect(preferenceInputSchema.safeParse({ key: 'pcName', value: '   ' }).success).toBe(false);
    expect(preferenceInputSchema.safeParse({ key: 'offlineReminderMinutes', value: 0 }).success).toBe(true);
    expect(preferenceInputSchema.safeParse({ key: 'offlineReminderMinutes', value: 2.5 }).success).toBe(false);
    expect(preferenceInputSchema.safeParse({ key: 'offlineReminderMinutes', value: 481 }).success).toBe(false);
  });
});
