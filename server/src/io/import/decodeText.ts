// Bytes of a CSV to text. UTF-8 (with or without BOM) and UTF-16 with a BOM are recognised for sure.
// GBK/GB18030 (what Chinese Excel writes for "CSV") is decoded only when the caller asks for it:
// almost any byte string is "valid" GB18030, so guessing would turn a Latin-1 or Shift-JIS file into
// wrong Chinese names instead of a clear error.
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import type { CsvEncoding } from './importTypes';

/** The text and the encoding it was read as, for the import report. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

function decode(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

const CJK = /[\u3400-\u9fff]/;

/** Decodes strictly; a byte sequence that is not valid in the chosen encoding is INVALID_ENCODING. */
export function decodeText(bytes: Uint8Array, encoding: CsvEncoding = 'auto'): DecodedText {
  const has = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  let decoded: DecodedText | null = null;
  if (encoding === 'gb18030') {
    const text = decode(bytes, 'gb18030');
    if (text === null) {
      throw new DrawcastError(
        ErrorCode.INVALID_ENCODING,
        'the file is not valid GB18030/GBK text',
        'encoding',
      );
    }
    decoded = { text, encoding: 'gb18030' };
  } else if (encoding === 'auto' && (has(0xff, 0xfe) || has(0xfe, 0xff))) {
    const label = has(0xff, 0xfe) ? 'utf-16le' : 'utf-16be';
    const text = decode(bytes.subarray(2), label);
    if (text === null) {
      throw new DrawcastError(
        ErrorCode.INVALID_ENCODING,
        `the file starts like ${label} but is not valid ${label}`,
        'encoding',
      );
    }
    decoded = { text, encoding: label };
  } else {
    const body = has(0xef, 0xbb, 0xbf) ? bytes.subarray(3) : bytes;
    const text = decode(body, 'utf-8');
    if (text === null) {
      const gb = decode(bytes, 'gb18030');
      const hint =
        gb !== null && CJK.test(gb)
          ? ' It looks like GBK/GB18030 (what Excel in Chinese saves as "CSV"): save it as "CSV UTF-8" or import it with encoding gb18030.'
          : ' Save it as "CSV UTF-8".';
      throw new DrawcastError(ErrorCode.INVALID_ENCODING, `the file is not UTF-8 text.${hint}`, 'encoding');
    }
    decoded = { text, encoding: 'utf-8' };
  }
  if (decoded.text.includes('\u0000')) {
    throw new DrawcastError(
      ErrorCode.INVALID_FILE,
      'the file contains NUL bytes: it is not a CSV text file',
      'file',
    );
  }
  return decoded;
}
