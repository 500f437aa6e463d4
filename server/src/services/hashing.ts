// Keyed hashes of personal data: a stolen database alone cannot reverse phone numbers or replay device tokens.
import { createHmac } from 'node:crypto';
import type { PersonIdentifier } from '../domain/types';

/** What is hashed; the purpose keeps the hashes of different kinds of data apart. */
export type HashPurpose = 'phone' | 'device' | 'staff' | 'ip' | `person.${PersonIdentifier}`;

/** HMAC-SHA256(secret, purpose ":" value) in hex. */
export function keyedHash(secret: string, purpose: HashPurpose, value: string): string {
  return createHmac('sha256', secret).update(`${purpose}:${value}`, 'utf8').digest('hex');
}
