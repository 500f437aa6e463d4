// The drawcast-v1 random stream: HMAC-SHA256 blocks read front to back, and unbiased uniform(T).
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';

const TWO_POW_48 = 2 ** 48;

/** The only randomness a draw uses, so anyone holding the seed can replay it byte for byte. */
export class DrawStream {
  private readonly key: Uint8Array;
  private readonly messagePrefix: string;
  private block: Uint8Array = new Uint8Array(0);
  private offset = 0;
  private nextBlockIndex = 0;

  constructor(seedBytes: Uint8Array, roundId: string, entriesDigest: string, publicEntropy: string) {
    this.key = seedBytes;
    this.messagePrefix = `${roundId}:${entriesDigest}:${publicEntropy}:`;
  }

  /** One byte of the stream; reads continue across block boundaries as the spec requires. */
  nextByte(): number {
    if (this.offset >= this.block.length) {
      this.block = hmac(sha256, this.key, utf8ToBytes(`${this.messagePrefix}${this.nextBlockIndex}`));
      this.nextBlockIndex++;
      this.offset = 0;
    }
    return this.block[this.offset++];
  }

  /** Six bytes as a big-endian integer below 2^48; exact, because doubles hold integers to 2^53. */
  next48(): number {
    let x = 0;
    for (let i = 0; i < 6; i++) x = x * 256 + this.nextByte();
    return x;
  }

  /** uniform(T) of the spec: rejection sampling, so every value below T is exactly equally likely. */
  uniform(total: number): number {
    if (!Number.isInteger(total) || total < 1 || total > TWO_POW_48) {
      throw new RangeError(`uniform(T) needs an integer T from 1 to 2^48, got ${total}`);
    }
    const limit = TWO_POW_48 - (TWO_POW_48 % total);
    for (;;) {
      const x = this.next48();
      if (x < limit) return x % total;
    }
  }
}
