import { describe, expect, it } from 'vitest';
import { maskPhone, maskShippingContact, parseShippingContact } from './shippingContact';

const valid = {
  recipient: ' 张三 ',
  phone: '+86 138-0013-8000',
  address: '上海市浦东新区世纪大道100号 20楼',
  city: '上海',
  postalCode: '200120',
};

describe('shipping contact', () => {
  it('trims, normalises the phone and keeps optional fields', () => {
    expect(parseShippingContact(valid)).toEqual({
      recipient: '张三',
      phone: '+8613800138000',
      address: '上海市浦东新区世纪大道100号 20楼',
      city: '上海',
      postalCode: '200120',
    });
  });

  it.each([
    [{ ...valid, recipient: '   ' }, 'VALIDATION_FAILED', 'shippingContact.recipient'],
    [{ ...valid, address: 'x'.repeat(201) }, 'VALIDATION_FAILED', 'shippingContact.address'],
    [{ ...valid, city: 'a\u0007b' }, 'VALIDATION_FAILED', 'shippingContact.city'],
    [{ ...valid, postalCode: '<script>' }, 'VALIDATION_FAILED', 'shippingContact.postalCode'],
    [{ ...valid, extra: 1 }, 'VALIDATION_FAILED', 'shippingContact'],
    [{ ...valid, phone: '12ab' }, 'INVALID_PHONE', 'shippingContact.phone'],
    [{ ...valid, phone: 13800138000 }, 'VALIDATION_FAILED', 'shippingContact.phone'],
    [null, 'VALIDATION_FAILED', 'shippingContact'],
  ])('refuses bad input with a typed error naming the field (%#)', (input, code, field) => {
    expect(() => parseShippingContact(input)).toThrow(expect.objectContaining({ code, field }));
  });

  it('masks phones like the join phone and contacts for staff lists', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskPhone('+8613800138000')).toBe('+861******8000');
    expect(maskPhone('12345')).toBe('***45');
    const masked = maskShippingContact(parseShippingContact(valid));
    expect(masked).toEqual({
      recipient: '张*',
      phone: '+861******8000',
      address: '上海市浦东新********',
      city: '上海',
    });
    expect(JSON.stringify(masked)).not.toContain('世纪大道');
  });
});
