// drawcast-v1 end to end: validate, canonical order, digest, HMAC stream, weighted selection.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { digestOfCanonical } from './digest';
import { DrawErrorCode, DrawInputError } from './errors';
import { fenwickPicker, selectIndices } from './selection';
import type { UniformFn, WeightedPicker } from './selection';
import { DrawStream } from './stream';
import type { DrawInput, DrawResult, Entry } from './types';
import { assertEntropy, assertK, assertRoundId, assertSeed, prepareEntries } from './validate';

/** A draw input after validation, with the canonical list and digest computed exactly once. */
export interface PreparedDraw {
  roundId: string;
  serverSeed: string;
  publicEntropy: string;
  canonical: Entry[];
  entriesDigest: string;
  k: number;
}

/** Validates a draw input field by field (first bad field wins) and prepares it for drawing. */
export function prepareDraw(input: DrawInput): PreparedDraw {
  const source: Partial<Record<keyof DrawInput, unknown>> =
    typeof input === 'object' && input !== null ? (input as Partial<Record<keyof DrawInput, unknown>>) : {};
  const { roundId, serverSeed, publicEntropy, entries, k } = source;
  assertRoundId(roundId);
  assertSeed(serverSeed);
  assertEntropy(publicEntropy);
  const { canonical, allAscii } = prepareEntries(entries);
  if (canonical.length === 0) {
    throw new DrawInputError(
      DrawErrorCode.INVALID_K,
      'k',
      'a draw needs at least one entry, so no k is valid',
    );
  }
  assertK(k, canonical.length);
  return {
    roundId,
    serverSeed,
    publicEntropy,
    canonical,
    entriesDigest: digestOfCanonical(canonical, allAscii),
    k,
  };
}

/** Lets the server reject bad input before it stores anything, with the same rules draw() applies. */
export function validateDrawInput(input: DrawInput): void {
  prepareDraw(input);
}

/** Runs the published algorithm; the server calls this at reveal and every verifier repeats it. */
export function draw(input: DrawInput): DrawResult {
  return drawPrepared(prepareDraw(input));
}

/** The two parts of a sampler; tests swap in a naive walk, or a planted bias, to check the checks. */
export interface SamplerParts {
  makePicker: (weights: ArrayLike<number>) => WeightedPicker;
  uniformFrom: (stream: DrawStream) => UniformFn;
}

/** The spec's sampler: the Fenwick picker (same answers as the walk) and rejection-sampled uniform(T). */
export const FAIR_SAMPLER: SamplerParts = {
  makePicker: fenwickPicker,
  uniformFrom: (stream) => (total) => stream.uniform(total),
};

/** The draw after validation, with the sampler injectable for tests. */
export function drawPrepared(prepared: PreparedDraw, sampler: SamplerParts = FAIR_SAMPLER): DrawResult {
  const seedBytes = hexToBytes(prepared.serverSeed);
  const stream = new DrawStream(seedBytes, prepared.roundId, prepared.entriesDigest, prepared.publicEntropy);
  const weights = new Float64Array(prepared.canonical.length);
  for (let i = 0; i < weights.length; i++) weights[i] = prepared.canonical[i].weight;
  const indices = selectIndices(sampler.makePicker(weights), prepared.k, sampler.uniformFrom(stream));
  return {
    commitment: bytesToHex(sha256(seedBytes)),
    entriesDigest: prepared.entriesDigest,
    winners: indices.map((i) => prepared.canonical[i].id),
  };
}
