// The proof document: its schema, how the server builds it, and how anyone checks it.
import { z } from 'zod';
import { commitmentOf } from './digest';
import { draw, drawPrepared, prepareDraw } from './draw';
import type { PreparedDraw } from './draw';
import { DrawInputError } from './errors';
import type { DrawInput, Entry } from './types';

/** Everything a viewer needs to replay a revealed round with nothing but SHA-256 and HMAC. */
export interface Proof {
  algorithm: 'drawcast-v1';
  roundId: string;
  commitment: string;
  serverSeed: string;
  publicEntropy: string;
  entriesDigest: string;
  entries: Entry[];
  winners: string[];
}

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex characters');

const proofFields = {
  algorithm: z.literal('drawcast-v1'),
  roundId: z.string(),
  commitment: hex64,
  serverSeed: hex64,
  publicEntropy: z.string(),
  entriesDigest: hex64,
  winners: z.array(z.string()),
};

/** Shape check for proofs from the network; extra fields (state, timestamps) are allowed. */
export const ProofSchema: z.ZodType<Proof> = z.looseObject({
  ...proofFields,
  entries: z.array(z.looseObject({ id: z.string(), weight: z.number() })),
});

// verifyProof leaves the entries to the draw's own validation, which names the bad entry's index and
// is several times faster than a schema pass over a million objects.
const ProofEnvelopeSchema = z.looseObject({ ...proofFields, entries: z.array(z.unknown()) });

/** The four independent things a proof must satisfy, in the order they are checked. */
export type ProofCheck = 'format' | 'commitment' | 'digest' | 'winners';

/** A verdict that says which check failed and why, for the CLI and any web verifier. */
export interface ProofVerdict {
  ok: boolean;
  failed: ProofCheck | null;
  checks: Array<{ check: ProofCheck; ok: boolean; message: string }>;
}

/** Assembles the document the server publishes after the reveal, from the same draw() it ran. */
export function buildProof(input: DrawInput): Proof {
  const result = draw(input);
  return {
    algorithm: 'drawcast-v1',
    roundId: input.roundId,
    commitment: result.commitment,
    serverSeed: input.serverSeed,
    publicEntropy: input.publicEntropy,
    entriesDigest: result.entriesDigest,
    entries: input.entries.map((e) => ({ id: e.id, weight: e.weight })),
    winners: result.winners,
  };
}

/** Checks a proof of unknown origin; never throws, whatever it is given. */
export function verifyProof(proof: unknown): ProofVerdict {
  const checks: ProofVerdict['checks'] = [];
  let current: ProofCheck = 'format';
  try {
    const format = checkFormat(proof);
    checks.push({ check: 'format', ok: format.ok, message: format.message });
    if (format.ok) {
      current = 'commitment';
      checks.push(checkCommitment(format.proof));
      current = 'digest';
      checks.push(checkDigest(format.proof, format.prepared));
      current = 'winners';
      checks.push(checkWinners(format.proof, format.prepared));
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    checks.push({ check: current, ok: false, message: `could not be checked: ${message}` });
  }
  const failed = checks.find((c) => !c.ok);
  return { ok: failed === undefined, failed: failed ? failed.check : null, checks };
}

type CheckOutcome = ProofVerdict['checks'][number];

function checkCommitment(p: Proof): CheckOutcome {
  const commitment = commitmentOf(p.serverSeed);
  return commitment === p.commitment
    ? { check: 'commitment', ok: true, message: 'SHA-256(serverSeed) equals the published commitment' }
    : {
        check: 'commitment',
        ok: false,
        message: `SHA-256(serverSeed) is ${commitment}, but the proof's commitment is ${p.commitment}`,
      };
}

function checkDigest(p: Proof, prepared: PreparedDraw): CheckOutcome {
  return prepared.entriesDigest === p.entriesDigest
    ? {
        check: 'digest',
        ok: true,
        message: `the ${p.entries.length} entries hash to the published entriesDigest`,
      }
    : {
        check: 'digest',
        ok: false,
        message: `the entries hash to ${prepared.entriesDigest}, but the proof's entriesDigest is ${p.entriesDigest}`,
      };
}

// Replays the draw from the entries themselves (their recomputed digest), never from the claimed one.
function checkWinners(p: Proof, prepared: PreparedDraw): CheckOutcome {
  const winners = drawPrepared(prepared).winners;
  const place = winners.findIndex((id, i) => id !== p.winners[i]);
  if (place < 0) {
    return {
      check: 'winners',
      ok: true,
      message: `replaying the draw gives the same ${winners.length} winners in order`,
    };
  }
  const expected = JSON.stringify(winners[place]);
  return {
    check: 'winners',
    ok: false,
    message: `replaying the draw puts ${expected} at place ${place + 1}, the proof says ${JSON.stringify(p.winners[place])}`,
  };
}

type FormatResult =
  { ok: true; proof: Proof; prepared: PreparedDraw; message: string } | { ok: false; message: string };

function checkFormat(proof: unknown): FormatResult {
  const parsed = ProofEnvelopeSchema.safeParse(proof);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.length > 0 ? issue.path.map((part) => String(part)).join('.') : 'proof';
    const notRevealed =
      typeof proof === 'object' && proof !== null && !('serverSeed' in proof) && 'commitment' in proof
        ? ' (no serverSeed: the round may not be revealed yet)'
        : '';
    return { ok: false, message: `${path}: ${issue.message}${notRevealed}` };
  }
  const p = parsed.data as Proof;
  let prepared: PreparedDraw;
  try {
    prepared = prepareDraw({ ...p, k: p.winners.length });
  } catch (error) {
    if (error instanceof DrawInputError) {
      const message =
        error.field === 'k'
          ? `winners must list from 1 to ${p.entries.length} (the number of entries) ids`
          : error.message;
      return { ok: false, message };
    }
    throw error;
  }
  return {
    ok: true,
    proof: p,
    prepared,
    message: `a well-formed drawcast-v1 proof with ${p.entries.length} entries`,
  };
}
