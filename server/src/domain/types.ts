// Domain entities of a live draw: what the store persists and the service reasons about.

/** An event's lifecycle: prepared as draft, joinable while open, frozen for joins when closed. */
export type EventStatus = 'draft' | 'open' | 'closed';

/** Host-tunable behaviour of an event, kept together so one patch can change several at once. */
export interface EventSettings {
  /** Joins must carry a valid phone number. */
  requirePhone: boolean;
  /** Extra hold-back of the phones' reveal behind the stage (0..60000 ms), for delayed livestreams. */
  streamDelayMs: number;
  /** Time between the draw and the stage reveal (0..60000 ms), so animations can run in sync. */
  revealLeadMs: number;
  /** Default of a new round's "exclude earlier winners of this event" toggle. */
  excludePreviousWinnersDefault: boolean;
}

/** One lucky-draw event (a livestream, a shop opening); named DrawEvent to avoid clashing with DOM Event. */
export interface DrawEvent {
  id: string;
  title: string;
  /** 6 characters from JOIN_CODE_ALPHABET, unique across events; what the QR code carries. */
  joinCode: string;
  status: EventStatus;
  settings: EventSettings;
  createdAt: number;
}

/** Something to win; `awarded` only grows, and never beyond `quantity`. */
export interface Prize {
  id: string;
  eventId: string;
  name: string;
  description: string;
  imageUrl: string | null;
  quantity: number;
  awarded: number;
  createdAt: number;
}

/** One device's entry in one event; the id is opaque and is what proofs list. */
export interface Participant {
  /** URL-safe random, no ':' or newline, so it is a valid drawcast-v1 entry id. */
  id: string;
  eventId: string;
  /** 1..24 characters after trimming, no control characters; stored as given, rendered as text. */
  nickname: string;
  /** HMAC-SHA256 of the device token with the server secret; the raw token is never stored. */
  deviceTokenHash: string;
  /** HMAC-SHA256 of the normalised phone with the server secret, or null when none was given. */
  phoneHash: string | null;
  /** Display form like 138****5678, or null. */
  phoneMasked: string | null;
  /** Tickets: integer 1..1000, the drawcast-v1 weight. */
  weight: number;
  /** True once this participant has won any round of the event (drives "exclude earlier winners"). */
  hasWon: boolean;
  joinedAt: number;
}

/** A round is committed at creation (seed stored, commitment published), then drawn once, or cancelled. */
export type RoundStatus = 'committed' | 'drawn' | 'cancelled';

/** One drawcast-v1 draw of `k` winners of one prize. */
export interface Round {
  id: string;
  eventId: string;
  prizeId: string;
  k: number;
  excludePreviousWinners: boolean;
  /** Participant ids never eligible in this round. */
  blocklist: string[];
  /** 64 lowercase hex; secret until phoneRevealAt has passed. */
  serverSeed: string;
  commitment: string;
  publicEntropy: string;
  status: RoundStatus;
  createdAt: number;
  drawnAt: number | null;
  /** Server ms at which the stage shows the result. */
  revealAt: number | null;
  /** revealAt + the event's streamDelayMs at draw time: when phones show it and the proof opens. */
  phoneRevealAt: number | null;
  entriesDigest: string | null;
  /** Participant ids in draw order (first = first place); null until drawn. */
  winners: string[] | null;
}

/** What the store records atomically when a round is drawn. */
export interface DrawOutcome {
  /** The publicEntropy the draw was computed with; the store refuses the outcome if the round's has changed. */
  publicEntropy: string;
  /** The frozen, eligible entry list the draw used (kept for the proof). */
  entries: { id: string; weight: number }[];
  entriesDigest: string;
  winners: string[];
  drawnAt: number;
  revealAt: number;
  phoneRevealAt: number;
}
