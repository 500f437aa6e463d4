// Wire shapes of what the server sends: plain JSON, no seeds, hashes or raw phone numbers.
import type { TicketBreakdownDto, WinnerClaimDto, YouForfeitedDto } from './claimDto';

/** Event settings as the host console edits them. */
export interface EventSettingsDto {
  requirePhone: boolean;
  /** 0..60000 ms: how far the phones' reveal trails the stage, for a delayed livestream. */
  streamDelayMs: number;
  /** 0..60000 ms between the draw and the stage reveal, for the animation. */
  revealLeadMs: number;
  excludePreviousWinnersDefault: boolean;
  /** Bonus tickets: referral (per friend, capped) and early-bird (joined before a time). */
  bonus: {
    referral: { enabled: boolean; ticketsPerFriend: number; maxBonus: number };
    earlyBird: { enabled: boolean; before: number; tickets: number };
  };
  /** Epoch ms from which unredeemed wins are forfeited; null = only no-shows forfeit. */
  claimDeadline: number | null;
  /** Online event: winners give a shipping contact. */
  collectShippingContact: boolean;
}

/** An event as everyone may see it. */
export interface EventDto {
  id: string;
  title: string;
  joinCode: string;
  status: 'draft' | 'open' | 'closed';
  settings: EventSettingsDto;
  createdAt: number;
}

/** What a phone sees after scanning the QR code, before it joins. */
export interface PublicEventInfoDto {
  id: string;
  title: string;
  joinCode: string;
  status: 'draft' | 'open' | 'closed';
  requirePhone: boolean;
  participants: number;
  round: RoundSummaryDto | null;
  /** What can be won, so the join page can say it before anyone types a name. */
  prizes?: PublicPrizeDto[];
}

/** `GET /api/join`: an event open for joining, for a phone that opened `/` without a code. */
export interface OpenEventDto {
  title: string;
  joinCode: string;
}

/** A prize as the audience sees it before joining. */
export interface PublicPrizeDto {
  id: string;
  name: string;
  description: string;
  quantity: number;
  awarded: number;
}

/** A prize as the host and screens see it. */
export interface PrizeDto {
  id: string;
  eventId: string;
  name: string;
  description: string;
  imageUrl: string | null;
  quantity: number;
  awarded: number;
  createdAt: number;
}

/** A winner on screen: the opaque id (it matches the proof) and the nickname (render as text). */
export interface WinnerDto {
  participantId: string;
  nickname: string;
}

/** The round a phone is entered in, as the join ack and state carry it. */
export interface RoundSummaryDto {
  id: string;
  prizeId: string;
  prizeName: string;
  commitment: string;
  k: number;
}

/** A round for the host and stage; `winners` is only sent to them, never to the audience early. */
export interface RoundDto {
  id: string;
  eventId: string;
  prizeId: string;
  prizeName: string;
  k: number;
  excludePreviousWinners: boolean;
  blocklist: string[];
  /** Only checked-in (imported) people enter. */
  checkedInOnly: boolean;
  /** Set on a redraw round: the forfeited slot (claim, round, place) it re-awards. */
  redrawOf: { claimId: string; roundId: string; place: number } | null;
  commitment: string;
  publicEntropy: string;
  status: 'committed' | 'drawn' | 'cancelled';
  createdAt: number;
  drawnAt: number | null;
  revealAt: number | null;
  phoneRevealAt: number | null;
  revealed: boolean;
  entriesDigest: string | null;
  winners: WinnerDto[] | null;
}

/** `round:committed` / `round:updated`: what everyone may know about a round before its reveal. */
export interface RoundPublicDto {
  eventId: string;
  roundId: string;
  prizeId: string;
  prizeName: string;
  commitment: string;
  publicEntropy: string;
  k: number;
  status: 'committed' | 'drawn' | 'cancelled';
  createdAt: number;
}

/** `odds:aggregate`: entries per weight class and the odds of each class (see oddsByWeight). */
export interface OddsAggregateDto {
  eventId: string;
  roundId: string;
  k: number;
  /** weight → number of eligible entries. */
  counts: Record<number, number>;
  total: number;
  /**
   * weight → exact probability that one entry of that weight wins, as the server computed it (null before
   * its first result). Phones show these instead of computing the integral themselves.
   */
  oddsByWeight?: Record<number, number> | null;
  /** False when `oddsByWeight` belongs to an older aggregate (still computing): say so, do not show it as exact. */
  oddsExact?: boolean;
}

/** `round:drawn` to the stage (and host) at once: start the animation, land on the winners at revealAt. */
export interface RoundDrawnDto {
  eventId: string;
  roundId: string;
  prizeId: string;
  prizeName: string;
  commitment: string;
  publicEntropy: string;
  entriesDigest: string;
  winners: WinnerDto[];
  drawnAt: number;
  /** Server ms at which the stage shows the winners. */
  revealAt: number;
  /** Server ms at which the phones show them (revealAt + stream delay). */
  phoneRevealAt: number;
  proofUrl: string;
}

/** `round:reveal` to the audience, sent no earlier than the animation lead before `revealAt`. */
export interface RoundRevealDto {
  eventId: string;
  roundId: string;
  prizeId: string;
  prizeName: string;
  commitment: string;
  winners: WinnerDto[];
  /** Server ms at which phones show the result (the round's phoneRevealAt). */
  revealAt: number;
  proofUrl: string;
}

/** `you:won` to the winner's own sockets; show it at revealAt (server time). */
export interface YouWonDto {
  eventId: string;
  roundId: string;
  prize: { id: string; name: string };
  /** 1 = first drawn. */
  place: number;
  revealAt: number;
  /** The redemption claim (code + QR while pending); sent no earlier than the phones' reveal. */
  claim?: WinnerClaimDto | null;
}

/** A drawn round whose result is not out yet: the phone may start a "drawing…" screen. */
export interface PendingRevealDto {
  roundId: string;
  prizeId: string;
  prizeName: string;
  revealAt: number;
}

/** Ack of `event:join`: the entry id, tickets, and the odds for the round it is entered in. */
export interface JoinAckDto {
  participantId: string;
  eventId: string;
  nickname: string;
  tickets: number;
  /** False when this device had already joined: the same entry is returned. */
  created: boolean;
  event: EventDto;
  round: RoundSummaryDto | null;
  aggregate: OddsAggregateDto | null;
  eligible: boolean;
  /** Exact probability of winning `round`; null when no round is open or while it is being computed. */
  odds: number | null;
  /** False when `odds` is from a slightly older aggregate (or still computing): recompute from `aggregate`. */
  oddsExact: boolean;
  /** This phone's invite code and link path (`/join/<joinCode>?ref=<code>`), for "invite friends". */
  shareCode: string | null;
  sharePath: string | null;
  /** How the tickets are made up. */
  ticketBreakdown: TicketBreakdownDto;
  /** Null without a ref; otherwise whether the friend's referral counted, and why not. */
  referral: { counted: boolean; reason?: string } | null;
}

/** Ack of `participant:state` and the push after a reconnect: everything to rebuild the phone screen. */
export interface ParticipantStateDto {
  event: EventDto;
  participant: {
    id: string;
    nickname: string;
    tickets: number;
    phoneMasked: string | null;
    shareCode: string | null;
    sharePath: string | null;
    referrals: number;
    checkedInAt: number | null;
  };
  ticketBreakdown: TicketBreakdownDto;
  round: RoundSummaryDto | null;
  aggregate: OddsAggregateDto | null;
  eligible: boolean;
  odds: number | null;
  /** As in the join ack: false when `odds` lags the aggregate; the phone recomputes from `aggregate`. */
  oddsExact: boolean;
  pendingReveals: PendingRevealDto[];
  results: RoundRevealDto[];
  /** Every win, with its claim (code + QR while pending; status and reason once forfeited). */
  wins: YouWonDto[];
  /** Wins that were forfeited (deadline or no-show), so the phone can say so after a reconnect. */
  forfeits: YouForfeitedDto[];
  serverNow: number;
}

/** Ack of `stage:watch`: the event, its open round and aggregate, and the rounds already drawn. */
export interface StageStateDto {
  event: EventDto;
  prizes: PrizeDto[];
  round: RoundPublicDto | null;
  aggregate: OddsAggregateDto | null;
  audienceCount: number;
  participants: number;
  drawn: RoundDrawnDto[];
  serverNow: number;
}

/** A participant row for the host: masked phone only, never the raw phone or the device token. */
export interface ParticipantRowDto {
  id: string;
  nickname: string;
  phoneMasked: string | null;
  tickets: number;
  joinedAt: number;
}

/** `audience:count`: how many phones are connected to an event right now. */
export interface AudienceCountDto {
  eventId: string;
  count: number;
}
