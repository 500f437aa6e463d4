import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openContact, sealContact } from './contactCipher';
import { parseShippingContact } from './shippingContact';

const contact = parseShippingContact({
  recipient: '李四',
  phone: '13912345678',
  address: '北京市海淀区中关村大街1号',
});
const key = randomBytes(32);

describe('contact cipher (AES-256-GCM)', () => {
  it('round-trips a contact and hides it at rest', () => {
    const sealed = sealContact(contact, key, 'CLAIM12345');
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    const raw = Buffer.from(sealed.slice(3), 'base64url').toString('utf8');
    expect(raw).not.toContain('13912345678');
    expect(raw).not.toContain('李四');
    expect(openContact(sealed, key, 'CLAIM12345')).toEqual(contact);
  });

  it('uses a fresh IV each time', () => {
    expect(sealContact(contact, key, 'c')).not.toBe(sealContact(contact, key, 'c'));
  });

  it('refuses the wrong key, another claim, a flipped bit and garbage', () => {
    const sealed = sealContact(contact, key, 'CLAIM12345');
    const refused = expect.objectContaining({ code: 'INTERNAL' });
    expect(() => openContact(sealed, randomBytes(32), 'CLAIM12345')).toThrow(refused);
    expect(() => openContact(sealed, key, 'OTHERCLAIM')).toThrow(refused);
    const body = Buffer.from(sealed.slice(3), 'base64url');
    body[20]! ^= 1;
    expect(() => openContact(`v1.${body.toString('base64url')}`, key, 'CLAIM12345')).toThrow(refused);
    expect(() => openContact('v2.abc', key, 'CLAIM12345')).toThrow(/unknown format/);
    expect(() => openContact('v1.abc', key, 'CLAIM12345')).toThrow(/truncated/);
  });

  it('refuses a key of the wrong length', () => {
    expect(() => sealContact(contact, randomBytes(16), 'c')).toThrow(/32 bytes/);
  });
});
