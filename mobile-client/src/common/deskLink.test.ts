import { describe, expect, it } from 'vitest';
import { deskCodeFromHash, deskUrlFor, wantsDesk } from './deskLink';
import { codeFromScan } from '../host/logic/claimCode';

describe('desk link', () => {
  it('builds a desk URL the console reads back, whatever the origin looks like', () => {
    const url = deskUrlFor('http://192.168.1.5:3000/', 'ABCDEFGHJK');
    expect(url).toBe('http://192.168.1.5:3000/host#desk&code=ABCDEFGHJK');
    const hash = new URL(url).hash;
    expect(wantsDesk(hash)).toBe(true);
    expect(deskCodeFromHash(hash)).toBe('ABCDEFGHJK');
    expect(codeFromScan(url)).toBe('ABCDEFGHJK');
  });

  it('reads older and partial fragments, and nothing from an unrelated one', () => {
    expect(deskCodeFromHash('#code=X2Y3')).toBe('X2Y3');
    expect(wantsDesk('#desk')).toBe(true);
    expect(deskCodeFromHash('#desk')).toBeNull();
    expect(wantsDesk('#token=abc')).toBe(false);
    expect(deskCodeFromHash('')).toBeNull();
  });
});
