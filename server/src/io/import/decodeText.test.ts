import { describe, expect, it } from 'vitest';
import { decodeText } from './decodeText';

const gbk = (hex: string) => Buffer.from(hex.replace(/\s/g, ''), 'hex');
// "姓名\n张三\n" in GBK: D0D5 C3FB 0A D5C5 C8FD 0A
const GBK_SAMPLE = gbk('D0D5 C3FB 0A D5C5 C8FD 0A');

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeText(Buffer.from('\uFEFF姓名\n张三\n', 'utf8'))).toEqual({
      text: '姓名\n张三\n',
      encoding: 'utf-8',
    });
    expect(decodeText(Buffer.from('姓名\n张三\n', 'utf8'))).toEqual({
      text: '姓名\n张三\n',
      encoding: 'utf-8',
    });
  });

  it('reads UTF-16 when it starts with a BOM (Excel "Unicode text")', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('姓名\t工号\n', 'utf16le')]);
    expect(decodeText(le)).toEqual({ text: '姓名\t工号\n', encoding: 'utf-16le' });
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({
      text: '姓名\t工号\n',
      encoding: 'utf-16be',
    });
  });

  it('refuses GBK by default, saying what it looks like and what to do', () => {
    expect(() => decodeText(GBK_SAMPLE)).toThrow(
      expect.objectContaining({
        code: 'INVALID_ENCODING',
        field: 'encoding',
        message: expect.stringMatching(/GBK\/GB18030.*CSV UTF-8/),
      }),
    );
  });

  it('decodes GBK when asked for gb18030', () => {
    expect(decodeText(GBK_SAMPLE, 'gb18030')).toEqual({ text: '姓名\n张三\n', encoding: 'gb18030' });
    expect(() => decodeText(gbk('D0 0A'), 'gb18030')).toThrow(
      expect.objectContaining({ code: 'INVALID_ENCODING' }),
    );
  });

  it('refuses other non-UTF-8 bytes without guessing', () => {
    const latin1 = Buffer.from('name\nJos\xe9\n', 'latin1');
    expect(() => decodeText(latin1)).toThrow(
      expect.objectContaining({ code: 'INVALID_ENCODING', message: expect.not.stringMatching(/GBK/) }),
    );
  });

  it('refuses binary content', () => {
    expect(() => decodeText(Buffer.from([0x6e, 0x00, 0x61]))).toThrow(
      expect.objectContaining({ code: 'INVALID_FILE' }),
    );
  });
});
