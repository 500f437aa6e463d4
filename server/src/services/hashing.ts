// Keyed hashes of personal data: a stolen database alone cannot reverse phone numbers or replay device tokens.
import { createHmac } from 'node:crypto';

/** HMAC-SHA256(secret, purpose ":" value) in hex; the purpose keeps phone and device hashes apart. */
export function keyedHash(secret: string, purpose: 'phone' | 'device', value: string): string {
  return createHmac('sha256', secret).update(`${purpose}:${value}`, 'utf8').digest('hex');
}
