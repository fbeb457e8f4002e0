import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../core/schedule-model.ts';
import { draftState } from '../../main/controller/draft-state.ts';

const updatedAt = '2026-11-25T09:30:00.000Z';

describe('draft state', () => {
  const saved = defaultSettings('Europe/London');

  it('is absent when nothing is being edited', () => {
    expect(draftState(null, { settings: saved })).toBeNull();
  });

  it('is unchanged and valid when it equals the server copy, whatever the key order', () => {
    const reordered = Object.fromEntries(Object.entries(structuredClone(saved)).reverse());
    expect(draftState({ value: reordered, baseVersion: 3, updatedAt }, { settings: saved })).toEqual({
      value: reordered,
      baseVersion: 3,
      errors: [],
      changed: false,
    });
  });

  it('reports core’s field errors for an invalid edit and keeps the edit as typed', () => {
    const broken = { ...structuredClone(saved), timezone: 'Mars/Olympus_Mons' };
    const state = draftState({ value: broken, baseVersion: 3, updatedAt }, { settings: saved });
    expect(state?.value).toEqual(broken);
    expect(state?.changed).toBe(true);
    expect(state?.errors.length).toBeGreaterThan(0);
    expect(state?.errors.every((error) => typeof error.path === 'string' && error.message.length > 0)).toBe(true);
  });

  it('counts as changed when there is no server copy yet', () => {
    expect(draftState({ value: saved, baseVersion: null, updatedAt }, null)?.changed).toBe(true);
  });
});
