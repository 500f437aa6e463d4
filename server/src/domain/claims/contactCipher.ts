// Shipping contacts at rest: staff must read them to ship the prize, so a one-way hash (as for join
// phones) will not do; they are encrypted with AES-256-GCM under a key kept in the data dir.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import { parseShippingContact } from './shippingContact';
import type { ShippingContact } from './shippingContact';

/** AES-256 key length; the key file holds exactly this many random bytes. */
export const CONTACT_KEY_BYTES = 32;

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

function checkKey(key: Uint8Array): void {
  if (key.length !== CONTACT_KEY_BYTES) {
    throw new RangeError(`contact key must be ${CONTACT_KEY_BYTES} bytes, got ${key.length}`);
  }
}

/**
 * Encrypts a validated contact; `context` (e.g. the claim code) is bound as associated data, so a
 * sealed contact copied onto another claim's row fails to open. Output: "v1.<base64url iv|ct|tag>".
 */
export function sealContact(contact: ShippingContact, key: Uint8Array, context: string): string {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const plaintext = Buffer.from(JSON.stringify(contact), 'utf8');
  const body = Buffer.concat([iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}.${body.toString('base64url')}`;
}

/** Decrypts and re-validates a sealed contact; a wrong key, context or any flipped bit is refused. */
export function openContact(sealed: string, key: Uint8Array, context: string): ShippingContact {
  checkKey(key);
  const [version, payload, extra] = sealed.split('.');
  if (version !== VERSION || payload === undefined || extra !== undefined) {
    throw new DrawcastError(ErrorCode.INTERNAL, 'sealed shipping contact has an unknown format');
  }
  const body = Buffer.from(payload, 'base64url');
  if (body.length < IV_BYTES + TAG_BYTES + 2) {
    throw new DrawcastError(ErrorCode.INTERNAL, 'sealed shipping contact is truncated');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, body.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  let plaintext: Buffer;
  try {
    plaintext = Buffer.concat([
      decipher.update(body.subarray(IV_BYTES, body.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw new DrawcastError(
      ErrorCode.INTERNAL,
      'shipping contact cannot be decrypted: wrong key, wrong claim or tampered data',
    );
  }
  return parseShippingContact(JSON.parse(plaintext.toString('utf8')));
}
