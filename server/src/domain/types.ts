// Domain entities of a live draw: what the store persists and the service reasons about.
import type { BrandingDto, DisplayLanguage } from '@drawcast/shared';
import type { ChainHead } from './audit/auditChain';
import type { BonusSettings } from './bonus/bonusSettings';
import type { Claim } from './claims/claim';
import type { MaskedShippingContact } from './claims/shippingContact';

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
  /** Bonus tickets (referral, early-bird); changing them re-weighs every participant in one transaction. */
  bonus: BonusSettings;
  /** Epoch ms from which a pending win may be forfeited for lateness; null = only no-shows forfeit. */
  claimDeadline: number | null;
  /** Online event: prizes are shipped, so winners submit a shipping contact (stored encrypted). */
  collectShippingContact: boolean;
  /** The stage's primary colour (#rrggbb) and logo (an uploaded image's path); nulls = the stage's own look. */
  branding: BrandingDto;
  /** The stage's language; 'auto' follows the title's script (resolveDisplayLanguage). */
  displayLanguage: DisplayLanguage;
  /** Days after the event closes before the retention timer purges its personal data (1..3650). */
  retentionDays: number;
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

/** Something to win; `awarded` counts wins not forfeited, never beyond `quantity`. */
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

/** How an entry came to be: a phone joining with the event code, or a row of an imported list. */
export type ParticipantSource = 'join' | 'import';

/** One device's (or one imported person's) entry in one event; the id is opaque and is what proofs list. */
export interface Participant {
  /** URL-safe random, no ':' or newline, so it is a valid drawcast-v1 entry id. */
  id: string;
  eventId: string;
  /** 1..24 characters after trimming, no control characters; stored as given, rendered as text. */
  nickname: string;
  /**
   * HMAC-SHA256 of the device token with the server secret; the raw token is never stored. An imported
   * person not yet linked to a phone has UNLINKED_DEVICE_PREFIX + their id here.
   */
  deviceTokenHash: string;
  /** HMAC-SHA256 of the normalised phone with the server secret, or null when none was given. */
  phoneHash: string | null;
  /** Display form like 138****5678, or null. */
  phoneMasked: string | null;
  /** Tickets before any bonus (1 unless the host raised it); the bonus rule adds to it. */
  baseWeight: number;
  /** Tickets now: computeWeight(baseWeight, referrals, joinedAt, event bonus); the drawcast-v1 weight. */
  weight: number;
  /** True once this participant has won any round of the event (drives "exclude earlier winners"). */
  hasWon: boolean;
  joinedAt: number;
  source: ParticipantSource;
  /** The code of this participant's invite link (unique in the event); null until they have a phone. */
  shareCode: string | null;
  /** The participant whose share link this one joined through (counted once, on the first join only). */
  referredBy: string | null;
  /** Friends counted for this participant; the bonus rule turns them into (capped) tickets. */
  referrals: number;
  /** When an imported person checked in at the venue; null for everyone else. */
  checkedInAt: number | null;
}

/** Marks the device hash of an imported person no phone has claimed yet (real hashes are 64 hex digits). */
export const UNLINKED_DEVICE_PREFIX = 'unlinked:';

/** True while an imported person's entry has no phone linked to it. */
export function isUnlinkedDevice(deviceTokenHash: string): boolean {
  return deviceTokenHash.startsWith(UNLINKED_DEVICE_PREFIX);
}

/** A round is committed at creation (seed stored, commitment published), then drawn once, or cancelled. */
export type RoundStatus = 'committed' | 'drawn' | 'cancelled';

/** Where a redraw round's single slot comes from: a forfeited claim of an earlier round. */
export interface RedrawLink {
  claimId: string;
  roundId: string;
  /** The place of the forfeited slot, kept by the replacement winner. */
  place: number;
}

/** One drawcast-v1 draw of `k` winners of one prize. */
export interface Round {
  id: string;
  eventId: string;
  prizeId: string;
  k: number;
  excludePreviousWinners: boolean;
  /** Only checked-in (imported) people enter the round. */
  checkedInOnly: boolean;
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
  /** When the entry list froze (round:close, or the draw of a never-closed round); null while open. */
  entriesClosedAt: number | null;
  /** Size of the frozen entry list; null while open. */
  entryCount: number | null;
  /** Digest of the frozen entry list, set at the close (published then, before any entropy). */
  entriesDigest: string | null;
  /** Participant ids in draw order (first = first place); null until drawn. */
  winners: string[] | null;
  /** Set on a k=1 round that re-awards a forfeited slot. */
  redrawOf: RedrawLink | null;
  /** How the stage animates the draw; absent = 'wheel' (rounds stored before the choice existed). */
  drawMode?: DrawMode;
  /** The event's audit head right after this round's draw record; null until drawn (or drawn before #9). */
  auditHead: ChainHead | null;
}

/** Stage animation of a round, chosen by the host per round. */
export type DrawMode = 'wheel' | 'slots';

/** What the store records atomically when a round is drawn. */
export interface DrawOutcome {
  /** The publicEntropy the draw was computed with; the store refuses the outcome if the round's has changed. */
  publicEntropy: string;
  /** The frozen, eligible entry list the draw used, weights as of the draw (kept for the proof). */
  entries: { id: string; weight: number }[];
  entriesDigest: string;
  winners: string[];
  /** One claim per winner, stored in the same transaction so a revealed winner always has a code. */
  claims: Claim[];
  drawnAt: number;
  revealAt: number;
  phoneRevealAt: number;
}

/** A winner's shipping contact as stored: sealed for staff who ship, masked for lists. */
export interface StoredContact {
  /** contactCipher output, bound to the claim id. */
  sealed: string;
  masked: MaskedShippingContact;
  submittedAt: number;
}

/** A claim as the store keeps it: the domain claim plus the (optional) shipping contact. */
export interface ClaimRecord extends Claim {
  contact: StoredContact | null;
}

/** Identifier kinds of an imported list that are kept (hashed and masked), never in clear. */
export type PersonIdentifier = 'employeeId' | 'receipt' | 'phone' | 'email' | 'code';

/** The import details of an imported participant (1:1 with its participant row). */
export interface ImportedPerson {
  participantId: string;
  eventId: string;
  importId: string;
  /** Spreadsheet row it came from, for the host's questions ("why is row 812 missing?"). */
  row: number;
  /** The full name as imported (the nickname may be cut to 24 characters). */
  name: string;
  /** What the person's check-in QR carries; unguessable, unique. */
  checkinToken: string;
  /** The actor who checked the person in ('participant:…' for a phone scan, 'staff:…' for a desk scan). */
  checkedInBy: string | null;
  /** Display forms such as E00****12, for host lists. */
  masked: Partial<Record<PersonIdentifier, string>>;
  /** Keyed hashes, so the same person imported twice is found without keeping the identifier. */
  hashes: Partial<Record<PersonIdentifier, string>>;
}
