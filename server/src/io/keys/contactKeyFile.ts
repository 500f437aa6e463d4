// The shipping-contact key lives in the data dir beside the database, created once, readable by the
// server's user only. Losing it loses the contacts, so a damaged file is an error, never replaced.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import { CONTACT_KEY_BYTES } from '../../domain/claims/contactCipher';

/** File name inside the data dir; a backup restored elsewhere needs this file copied with it. */
export const CONTACT_KEY_FILE = 'contact.key';

/** Reads the key, or creates it (mode 0600) on first use; refuses a file that is not 32 bytes of hex. */
export function loadOrCreateContactKey(dataDir: string): { key: Buffer; created: boolean } {
  const file = path.join(dataDir, CONTACT_KEY_FILE);
  let text: string | null = null;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  if (text !== null) {
    const hex = text.trim();
    if (!new RegExp(`^[0-9a-f]{${CONTACT_KEY_BYTES * 2}}$`).test(hex)) {
      throw new DrawcastError(
        ErrorCode.INTERNAL,
        `${file} is damaged (expected ${CONTACT_KEY_BYTES * 2} hex digits); restore it from a backup`,
      );
    }
    return { key: Buffer.from(hex, 'hex'), created: false };
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(CONTACT_KEY_BYTES);
  try {
    // 'wx' fails if another process created the file in the meantime, instead of overwriting its key.
    writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateContactKey(dataDir);
    throw err;
  }
  chmodSync(file, 0o600);
  return { key, created: true };
}
