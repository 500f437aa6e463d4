import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonicalJson';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ 名: '张三', a: null, t: true })).toBe('{"a":null,"t":true,"名":"张三"}');
  });

  it('is the same for any key order and survives a JSON round trip', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        const reversed = JSON.parse(JSON.stringify(value), (_k, v) =>
          v && typeof v === 'object' && !Array.isArray(v)
            ? Object.fromEntries(Object.entries(v).reverse())
            : v,
        );
        expect(canonicalJson(reversed)).toBe(text);
      }),
    );
  });

  it.each([
    [{ a: Number.NaN }, 'data.a'],
    [{ a: [1, Infinity] }, 'data.a[1]'],
    [{ a: undefined }, 'data.a'],
    [{ a: () => 1 }, 'data.a'],
    [{ a: 1n }, 'data.a'],
    [{ a: new Date(0) }, 'data.a'],
  ])('refuses values that are not plain JSON, naming where (%#)', (value, field) => {
    expect(() => canonicalJson(value)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field }));
  });

  it('writes deeply nested values (past the fast writer depth) the same way', () => {
    let value: unknown = { z: 1, a: [true, null] };
    let expected = '{"a":[true,null],"z":1}';
    for (let depth = 0; depth < 40; depth += 1) {
      value = depth % 2 ? { k: value, b: 'x' } : [value];
      expected = depth % 2 ? `{"b":"x","k":${expected}}` : `[${expected}]`;
    }
    expect(canonicalJson(value)).toBe(expected);
  });

  it('refuses cycles but allows the same object twice', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/circular/);
  });
});
