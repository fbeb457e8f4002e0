import { describe, expect, it } from 'vitest';
import { presenceUpdateSchema } from '../../core/schemas/http-api.ts';
import { fieldErrorsFromIssues } from '../../core/schemas/schedule.ts';

describe('presenceUpdateSchema', () => {
  it('takes a time to come back online only when going offline', () => {
    const until = '2026-11-25T14:30:00Z';
    expect(presenceUpdateSchema.safeParse({ online: false, offlineUntil: until }).success).toBe(true);
    expect(presenceUpdateSchema.safeParse({ online: true, offlineUntil: null }).success).toBe(true);
    expect(presenceUpdateSchema.safeParse({ online: true }).success).toBe(true);
    const contradictory = presenceUpdateSchema.safeParse({ online: true, offlineUntil: until });
    if (contradictory.success) throw new Error('expected errors');
    expect(fieldErrorsFromIssues(contradictory.error.issues)).toEqual([{ path: 'offlineUntil', message: 'A time to come back online only applies when going offline' }]);
  });
});
