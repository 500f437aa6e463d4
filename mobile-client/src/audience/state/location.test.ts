import { describe, expect, it } from 'vitest';
import { parseJoinLocation, parseView, viewHash } from './location';

describe('parseJoinLocation', () => {
  it('reads the QR path and the invite path with its referral', () => {
    expect(parseJoinLocation('/j/k7m2qx', '')).toEqual({ joinCode: 'K7M2QX', ref: null });
    expect(parseJoinLocation('/join/K7M2QX', '?ref=abc123')).toEqual({ joinCode: 'K7M2QX', ref: 'abc123' });
    expect(parseJoinLocation('/j/K7-M2 QX/', '')).toEqual({ joinCode: 'K7M2QX', ref: null });
    expect(parseJoinLocation('/', '?code=ab-cd')).toEqual({ joinCode: 'ABCD', ref: null });
  });
  it('has no code on the bare page or junk', () => {
    expect(parseJoinLocation('/', '')).toEqual({ joinCode: null, ref: null });
    expect(parseJoinLocation('/j/', '')).toEqual({ joinCode: null, ref: null });
    expect(parseJoinLocation('/j/%E0%A4%A', '?ref=' + 'x'.repeat(65)).ref).toBeNull();
  });
});

describe('parseView / viewHash', () => {
  it('round-trips every view', () => {
    for (const hash of ['#/', '#/wins', '#/rules', '#/verify', '#/verify/rnd_abc-1']) {
      expect(viewHash(parseView(hash))).toBe(hash);
    }
    expect(parseView('')).toEqual({ name: 'entry' });
    expect(parseView('#/verify/<script>')).toEqual({ name: 'verify', roundId: null });
  });
});
