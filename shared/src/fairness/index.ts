// drawcast-v1: the draw engine, exact odds and proof verification (Node and browsers alike).
export type { Entry, DrawInput, DrawResult } from './types';
export { DrawErrorCode, DrawInputError } from './errors';
export { draw, validateDrawInput } from './draw';
export { commitmentOf, computeEntriesDigest, canonicalEntries } from './digest';
export { compareUtf8 } from './validate';
export { DrawStream } from './stream';
export {
  oddsByWeight,
  oddsByWeightByConvolution,
  oddsByWeightUsing,
  oddsCost,
  ODDS_COST_PER_CLASS,
} from './odds';
export type { OddsMethod } from './odds';
export { exactInclusion } from './oddsExact';
export { checkFrozenEntries } from './frozenEntries';
export type { FrozenListCheck } from './frozenEntries';
export { ProofSchema, verifyProof, buildProof } from './proof';
export type { Proof, ProofCheck, ProofVerdict } from './proof';
