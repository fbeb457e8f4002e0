// core/same-json.ts: "the same settings" whatever key order or object identity each side built.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameJson } from '../../core/same-json.ts';

describe('sameJson', () => {
  it('compares JSON structurally', () => {
    expect(sameJson({ a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { d: 3, c: 2 }], a: 1 })).toBe(true);
    expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
  });

  it('treats a key holding undefined as absent, as JSON does', () => {
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(sameJson({ a: 1, b: undefined }, { a: 1, c: 2 })).toBe(false);
  });

  it('tells apart values JSON tells apart', () => {
    expect(sameJson(null, {})).toBe(false);
    expect(sameJson([], {})).toBe(false);
    expect(sameJson({}, [])).toBe(false);
    expect(sameJson({ 0: 'x' }, ['x'])).toBe(false);
    expect(sameJson('1', 1)).toBe(false);
    expect(sameJson({ a: null }, { a: 0 })).toBe(false);
    expect(sameJson({ a: { b: [1, { c: null }] } }, { a: { b: [1, { c: null }] } })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  });

  it('agrees with comparing canonical JSON text, and ignores key order', () => {
    const canonical = (input: unknown): string =>
      JSON.stringify(input, (_key, inner: unknown) =>
        inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([x], [y]) => (x < y ? -1 : 1))) : inner,
      );
    const reordered = (input: unknown): unknown =>
      Array.isArray(input) ? input.map(reordered) : input !== null && typeof input === 'object' ? Object.fromEntries(Object.entries(input).reverse().map(([key, inner]) => [key, reordered(inner)])) : input;
    fc.assert(fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => sameJson(a, b) === (canonical(a) === canonical(b))));
    fc.assert(fc.property(fc.jsonValue(), (a) => sameJson(a, reordered(a))));
  });
});
