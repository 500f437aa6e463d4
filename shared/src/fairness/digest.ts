// Commitment and entries digest: the two SHA-256 values that bind a round before its draw.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import type { Entry } from './types';
import { assertSeed, prepareEntries } from './validate';

/** Published at round creation: binds the server to its seed before entries or entropy exist. */
export function commitmentOf(serverSeedHex: string): string {
  assertSeed(serverSeedHex);
  return bytesToHex(sha256(hexToBytes(serverSeedHex)));
}

/** The spec's canonical order (UTF-8 bytes of id), so every verifier hashes the same list. */
export function canonicalEntries(entries: readonly Entry[]): Entry[] {
  return prepareEntries(entries).canonical.map((e) => ({ id: e.id, weight: e.weight }));
}

/** Publishes the frozen entry list as one hash that anyone can recompute from the proof. */
export function computeEntriesDigest(entries: readonly Entry[]): string {
  const { canonical, allAscii } = prepareEntries(entries);
  return digestOfCanonical(canonical, allAscii);
}

const CHUNK_CHARS = 1 << 16;

/** Hashes already-validated canonical entries; split out so draw() validates and sorts only once. */
export function digestOfCanonical(canonical: readonly Entry[], allAscii: boolean): string {
  return bytesToHex(allAscii ? sha256(asciiDigestBytes(canonical)) : utf8DigestHash(canonical));
}

// ASCII ids: every UTF-16 unit is one byte, so the whole `${id}:${weight}\n` list is written directly.
function asciiDigestBytes(canonical: readonly Entry[]): Uint8Array {
  let size = 0;
  for (const e of canonical) size += e.id.length + digitCount(e.weight) + 2;
  const out = new Uint8Array(size);
  let at = 0;
  for (const e of canonical) {
    const id = e.id;
    for (let i = 0; i < id.length; i++) out[at++] = id.charCodeAt(i);
    out[at++] = 0x3a;
    at = writeDecimal(out, at, e.weight);
    out[at++] = 0x0a;
  }
  return out;
}

// Any text: encode bounded chunks and feed them to one incremental hash, never one huge string.
function utf8DigestHash(canonical: readonly Entry[]): Uint8Array {
  const hash = sha256.create();
  const encoder = new TextEncoder();
  let chunk = '';
  for (const e of canonical) {
    chunk += `${e.id}:${e.weight}\n`;
    if (chunk.length >= CHUNK_CHARS) {
      hash.update(encoder.encode(chunk));
      chunk = '';
    }
  }
  if (chunk.length > 0) hash.update(encoder.encode(chunk));
  return hash.digest();
}

function digitCount(value: number): number {
  return value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : 4;
}

function writeDecimal(out: Uint8Array, at: number, value: number): number {
  const digits = digitCount(value);
  for (let i = digits - 1; i >= 0; i--) {
    out[at + i] = 0x30 + (value % 10);
    value = Math.floor(value / 10);
  }
  return at + digits;
}
