import { describe, expect, it } from 'vitest';
import { ownerLocale } from '../../server/widget/browser/owner-locale.ts';

describe('ownerLocale', () => {
  it('keeps English day names and takes the clock habit from the browser', () => {
    expect(ownerLocale(['de-DE', 'de'])).toEqual({ locale: 'en-GB', hour12: false });
    expect(ownerLocale(['en-US'])).toEqual({ locale: 'en-US', hour12: true });
    expect(ownerLocale(['fr-FR', 'en-GB'])).toEqual({ locale: 'en-GB', hour12: false });
  });

  it('falls back to en-GB for missing or malformed languages', () => {
    expect(ownerLocale([])).toEqual({ locale: 'en-GB', hour12: false });
    expect(ownerLocale(['not a tag!'])).toEqual({ locale: 'en-GB', hour12: false });
  });
});
