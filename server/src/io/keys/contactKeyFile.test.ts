import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTACT_KEY_FILE, loadOrCreateContactKey } from './contactKeyFile';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'drawcast-key-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('contact key file', () => {
  it('creates a 32-byte key readable by the owner only, then reads the same key back', () => {
    const dataDir = path.join(dir, 'data');
    const first = loadOrCreateContactKey(dataDir);
    expect(first.created).toBe(true);
    expect(first.key).toHaveLength(32);
    expect(statSync(path.join(dataDir, CONTACT_KEY_FILE)).mode & 0o777).toBe(0o600);
    const second = loadOrCreateContactKey(dataDir);
    expect(second.created).toBe(false);
    expect(second.key.equals(first.key)).toBe(true);
  });

  it('refuses a damaged key file instead of replacing it', () => {
    writeFileSync(path.join(dir, CONTACT_KEY_FILE), 'not a key\n');
    expect(() => loadOrCreateContactKey(dir)).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
    expect(() => loadOrCreateContactKey(dir)).toThrow(/damaged/);
  });
});
