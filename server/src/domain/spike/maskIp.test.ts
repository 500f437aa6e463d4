import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskIp } from './maskIp';

describe('maskIp', () => {
  it('hides the host part of IPv4, IPv4-mapped and IPv6 addresses', () => {
    expect(maskIp('203.0.113.9')).toBe('203.0.113.*');
    expect(maskIp('::ffff:198.51.100.77')).toBe('198.51.100.*');
    expect(maskIp('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:*');
    expect(maskIp('2001:db8::1')).toBe('2001:db8:0:*');
    expect(maskIp('::1')).toBe('0:0:0:*');
    expect(maskIp('unix-socket')).toBe('*');
  });

  it('never shows the last IPv4 octet (property)', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        const masked = maskIp(ip);
        expect(masked.endsWith('.*')).toBe(true);
        expect(masked.split('.')).toHaveLength(4);
        expect(ip.startsWith(masked.slice(0, -1))).toBe(true);
      }),
    );
  });
});
