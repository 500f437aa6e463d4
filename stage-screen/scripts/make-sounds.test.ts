import { describe, expect, it } from 'vitest';
import { makeSounds } from './make-sounds';

describe('makeSounds', () => {
  it('writes four non-silent 16-bit mono WAVs, the same bytes each time', () => {
    const a = makeSounds();
    expect([...a.keys()].sort()).toEqual(['drumroll', 'fanfare', 'lobby', 'tick']);
    for (const [name, buf] of a) {
      expect(buf.subarray(0, 4).toString()).toBe('RIFF');
      expect(buf.readUInt16LE(22)).toBe(1);
      expect(buf.readUInt16LE(34)).toBe(16);
      let peak = 0;
      for (let i = 44; i < buf.length; i += 2) peak = Math.max(peak, Math.abs(buf.readInt16LE(i)));
      expect(peak, name).toBeGreaterThan(3000);
      expect(peak, name).toBeLessThanOrEqual(32_000);
    }
    expect(makeSounds().get('lobby')!.equals(a.get('lobby')!)).toBe(true);
  });
});
