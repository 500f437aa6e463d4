// Wire shapes of issue #4: tickets breakdown, claims, forfeits, redemptions, imports, check-in, audit.

/** How a participant's tickets are made up ("1 + 3 referral + 1 early-bird = 5"), for the phone to explain. */
export interface TicketBreakdownDto {
  base: number;
  referral: number;
  earlyBird: number;
  total: number;
}

/** Why a win was given up: the claim deadline passed, or the host marked a no-show. */
export type ForfeitReasonDto = 'deadline' | 'no_show';

/** A winner's own claim: the code and its QR only while it can still be redeemed. */
export interface WinnerClaimDto {
  id: string;
  status: 'pending' | 'redeemed' | 'forfeited';
  code: string | null;
  displayCode: string | null;
  /** Inline SVG of the code's QR, for staff to scan. */
  qrSvg: string | null;
  deadline: number | null;
  redeemedAt: number | null;
  forfeitedAt: number | null;
  forfeitReason: ForfeitReasonDto | null;
  /** The event ships prizes and this claim may (still) be given a shipping contact. */
  contactRequested: boolean;
  contact: MaskedContactDto | null;
}

/** A shipping contact as lists show it (138****5678); the full one is host-only. */
export interface MaskedContactDto {
  recipient: string;
  phone: string;
  address: string;
  city?: string;
  region?: string;
  country?: string;
}

/** `you:forfeited` to the forfeited winner's sockets (and in the reconnect state). */
export interface YouForfeitedDto {
  eventId: string;
  roundId: string;
  claimId: string;
  prize: { id: string; name: string };
  place: number;
  reason: ForfeitReasonDto;
  forfeitedAt: number;
}

/** `claim:redeemed` to the winner's sockets: staff handed the prize over. */
export interface ClaimRedeemedDto {
  eventId: string;
  roundId: string;
  claimId: string;
  redeemedAt: number;
}

/** A claim as the host and staff see it (code included: host transports only). */
export interface ClaimDto {
  id: string;
  code: string;
  displayCode: string;
  eventId: string;
  roundId: string;
  prizeId: string;
  prizeName: string;
  place: number;
  participantId: string;
  nickname: string;
  status: 'pending' | 'redeemed' | 'forfeited';
  createdAt: number;
  redeemedAt: number | null;
  redeemedBy: string | null;
  forfeitedAt: number | null;
  forfeitReason: ForfeitReasonDto | null;
  redrawRoundId: string | null;
  contact: MaskedContactDto | null;
  contactSubmittedAt: number | null;
}

/** `import:progress` to host sockets while a list imports. */
export interface ImportProgressDto {
  eventId: string;
  phase: 'reading' | 'storing' | 'done';
  /** Rows read (reading) or stored (storing, done) so far. */
  done: number;
  /** Known once the whole file has been read; null before. */
  total: number | null;
}
