// The random stream, checked against Node's own HMAC-SHA256 as an independent implementation.
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DrawStream } from './stream';

const seedHex = '7971089fabf914db4a53a339a1a04b1a68583f8bc92089a7f491da6764b15efd';
const digest = 'b784c5ff380fde0bb3c088d34870f8f97805f1b63b6fae573bf85fec0d307fc7';

function referenceStream(roundId: string, entropy: string, blocks: number): Buffer {
  const parts: Buffer[] = [];
  for (let j = 0; j < blocks; j++) {
    parts.push(
      createHmac('sha256', Buffer.from(seedHex, 'hex'))
        .update(`${roundId}:${digest}:${entropy}:${j}`, 'utf8')
        .digest(),
    );
  }
  return Buffer.concat(parts);
}

function newStream(roundId: string, entropy: string): DrawStream {
  return new DrawStream(Uint8Array.from(Buffer.from(seedHex, 'hex')), roundId, digest, entropy);
}

describe('DrawStream', () => {
  it('yields HMAC block 0, 1, 2, … byte for byte, across block boundaries (UTF-8 messages)', () => {
    const expected = referenceStream('中文-round', '观众喊数:42', 4);
    const stream = newStream('中文-round', '观众喊数:42');
    const actual = Array.from({ length: expected.length }, () => stream.nextByte());
    expect(Buffer.from(actual)).toEqual(expected);
  });

  it('reads 48-bit big-endian integers, the 6th read straddling blocks 0 and 1', () => {
    const expected = referenceStream('r1', '', 2);
    const stream = newStream('r1', '');
    for (let i = 0; i < 10; i++) expect(stream.next48()).toBe(expected.readUIntBE(6 * i, 6));
  });

  it('uniform(T) returns x mod T for accepted reads and skips reads at or above 2^48 − (2^48 mod T)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 48 }), (total) => {
        const bytes = referenceStream('r1', '', 8);
        const limit = 2 ** 48 - (2 ** 48 % total);
        const stream = newStream('r1', '');
        let offset = 0;
        for (let draw = 0; draw < 5; draw++) {
          let x = bytes.readUIntBE(offset, 6);
          offset += 6;
          while (x >= limit) {
            x = bytes.readUIntBE(offset, 6);
            offset += 6;
          }
          expect(stream.uniform(total)).toBe(x % total);
        }
      }),
    );
  });

  it('rejects reads in the biased zone: with T = 2^47 + 1 about half of all reads are skipped', () => {
    // T = 2^47 + 1: limit = 2^48 − (2^47 − 1) = 2^47 + 1, so every x above 2^47 is rejected.
    const total = 2 ** 47 + 1;
    const bytes = referenceStream('r2', '', 64);
    const stream = newStream('r2', '');
    let offset = 0;
    let rejected = 0;
    for (let i = 0; i < 100; i++) {
      let x = bytes.readUIntBE(offset, 6);
      offset += 6;
      while (x >= total) {
        rejected++;
        x = bytes.readUIntBE(offset, 6);
        offset += 6;
      }
      expect(stream.uniform(total)).toBe(x);
    }
    expect(rejected).toBeGreaterThan(50);
  });
});
