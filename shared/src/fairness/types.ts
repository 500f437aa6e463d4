// The data shapes of drawcast-v1, shared by engine, odds, proof and their callers.

/** One frozen entry of a round: an opaque participant id and its integer weight (1..1000). */
export interface Entry {
  id: string;
  weight: number;
}

/** Everything drawcast-v1 needs to pick a round's winners, and nothing else. */
export interface DrawInput {
  roundId: string;
  /** 64 lowercase hex characters (32 bytes). */
  serverSeed: string;
  publicEntropy: string;
  entries: readonly Entry[];
  k: number;
}

/** What a draw publishes: the seed commitment, the entry-list digest and the winners in order drawn. */
export interface DrawResult {
  commitment: string;
  entriesDigest: string;
  winners: string[];
}
