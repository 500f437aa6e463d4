import { describe, expect, it } from 'vitest';
import { formatAuditHead, parseAuditHead } from './auditHead';

const hash = '0123456789abcdef'.repeat(4);

describe('audit head text', () => {
  it('round-trips seq:hash in full and reads the short form a screen shows', () => {
    expect(parseAuditHead(formatAuditHead({ seq: 42, hash }))).toEqual({ seq: 42, hash });
    expect(formatAuditHead({ seq: 42, hash }, true)).toBe('42:01234567');
    expect(parseAuditHead(' 42:0123ABCD ')).toEqual({ seq: 42, hash: '0123abcd' });
  });

  it('refuses anything else', () => {
    for (const bad of ['42', ':abcdefgh', '0:abcdefgh', '42:abc', `42:${hash}0`, '42:ghijklmn', 42, null]) {
      expect(parseAuditHead(bad)).toBeNull();
    }
  });
});
