// Service shapes for participants: joins, the phone's own view and its full state after a reconnect.
import type { ReferralRejection } from '../domain/bonus/referral';
import type { WeightBreakdown } from '../domain/bonus/weight';
import type { DrawEvent, ParticipantSource } from '../domain/types';
import type { WinnerClaimView } from './claimTypes';
import type { RoundAggregate, WinnerView } from './roundTypes';

/** Input of join (the phone's self-registration after scanning the QR code). */
export interface JoinInput {
  joinCode: string;
  nickname: string;
  /** Opaque per-device secret kept by the phone (8..200 chars); one device = one entry per event. */
  deviceToken: string;
  phone?: string;
  /** The share code of the friend whose invite link was used (?ref=); a bad one never blocks the join. */
  ref?: string;
}

/** A participant as shown to itself and the host: no hashes. */
export interface ParticipantView {
  id: string;
  eventId: string;
  nickname: string;
  phoneMasked: string | null;
  /** drawcast-v1 weight. */
  tickets: number;
  joinedAt: number;
  source: ParticipantSource;
  /** The code of this participant's invite link (shareLink(joinUrl, code)); null for unlinked imports. */
  shareCode: string | null;
  /** Friends counted for this participant. */
  referrals: number;
  checkedInAt: number | null;
}

/** The round phones are currently entered in (the oldest committed round of the event). */
export interface OpenRoundView {
  roundId: string;
  prizeId: string;
  prizeName: string;
  commitment: string;
  k: number;
  /** Set once the round's entries are closed: then `eligible` means "in the frozen list". */
  entriesClosedAt: number | null;
  entryCount: number | null;
  entriesDigest: string | null;
  aggregate: RoundAggregate;
  /** Whether this participant is eligible (not blocklisted, not excluded as an earlier winner). */
  eligible: boolean;
  /**
   * This participant's probability of winning the round (0 when not eligible). Null while the first
   * computation of an expensive round is still running in the background.
   */
  odds: number | null;
  /**
   * Whether `odds` belongs to exactly this `aggregate`. False while a newer figure is being computed (or
   * throttled): the phone also receives the aggregate and can compute the exact figure itself.
   */
  oddsExact: boolean;
}

/** A revealed round's result as every phone may see it. */
export interface RevealedResultView {
  roundId: string;
  prizeId: string;
  prizeName: string;
  commitment: string;
  revealAt: number;
  phoneRevealAt: number;
  winners: WinnerView[];
}

/** A drawn round whose phone reveal time has not come yet: phones schedule the animation, result comes later. */
export interface PendingRevealView {
  roundId: string;
  prizeId: string;
  prizeName: string;
  revealAt: number;
  phoneRevealAt: number;
}

/** One of this participant's wins (only of revealed rounds). */
export interface WinView {
  roundId: string;
  prizeId: string;
  prizeName: string;
  /** 1 = first drawn (a redraw winner keeps the place of the slot they re-won). */
  place: number;
  /** The redemption claim (code + QR while pending); null only for rounds drawn before claims existed. */
  claim: WinnerClaimView | null;
}

/** Everything a phone needs to rebuild its screen after (re)connecting. */
export interface ParticipantStateView {
  event: DrawEvent;
  participant: ParticipantView;
  tickets: number;
  /** How the tickets are made up ("1 + 3 referral + 1 early-bird"), for the phone to explain. */
  ticketBreakdown: WeightBreakdown;
  openRound: OpenRoundView | null;
  pendingReveals: PendingRevealView[];
  results: RevealedResultView[];
  wins: WinView[];
  /** Server time the state was computed at. */
  serverNow: number;
}

/** Result of join. */
export interface JoinResult {
  participant: ParticipantView;
  /** False when this device had already joined: the same entry is returned. */
  created: boolean;
  event: DrawEvent;
  /** The current round with this participant's eligibility and odds, for the join ack; null if none. */
  openRound: OpenRoundView | null;
  /** Null when no ref was given; otherwise whether the friend's referral counted, and why not. */
  referral: { counted: true } | { counted: false; reason: ReferralRejection } | null;
  /** The participant whose invite counted for this new entry (told live, so its phone shows the bonus). */
  referrerId?: string | null;
}
