// Service shapes for what happens after a draw: claims, forfeits, shipping contacts, and the audit log.
import type { ClaimStatus, ForfeitReason } from '../domain/claims/claim';
import type { MaskedShippingContact } from '../domain/claims/shippingContact';

export type { AuditRecord, ChainVerdict } from '../domain/audit/auditChain';
export type { BackupDocument } from '../io/export/backupSchema';
export type { ShippingContact, MaskedShippingContact } from '../domain/claims/shippingContact';
export type { ClaimStatus, ForfeitReason } from '../domain/claims/claim';

/** A claim as hosts and staff see it; carries the redemption code, so only host/staff transports send it. */
export interface ClaimStaffView {
  id: string;
  code: string;
  /** The code grouped for reading aloud ("ABCDE-FGHJK"). */
  displayCode: string;
  eventId: string;
  roundId: string;
  prizeId: string;
  prizeName: string;
  place: number;
  participantId: string;
  nickname: string;
  status: ClaimStatus;
  createdAt: number;
  redeemedAt: number | null;
  redeemedBy: string | null;
  forfeitedAt: number | null;
  forfeitReason: ForfeitReason | null;
  /** The k=1 round that re-awards this forfeited slot. */
  redrawRoundId: string | null;
  /** The shipping contact, masked (138****5678); staff open the full one with getShippingContact. */
  contact: MaskedShippingContact | null;
  contactSubmittedAt: number | null;
}

/** A winner's own claim as their phone shows it (only after the phone reveal). */
export interface WinnerClaimView {
  id: string;
  status: ClaimStatus;
  /** The redemption code, its display form and QR (inline SVG): only while the claim is pending. */
  code: string | null;
  displayCode: string | null;
  qrSvg: string | null;
  /** From this time on an unredeemed win may be forfeited; null = no deadline. */
  deadline: number | null;
  redeemedAt: number | null;
  forfeitedAt: number | null;
  /** Set once forfeited: the phone tells the winner why. */
  forfeitReason: ForfeitReason | null;
  /** The event ships prizes and this pending claim may (still) be given a shipping contact. */
  contactRequested: boolean;
  contact: MaskedShippingContact | null;
}

/** Result of a forfeit: the transport tells `participantId` (e.g. pushes their refreshed state). */
export interface ForfeitResult {
  claim: ClaimStaffView;
  participantId: string;
  eventId: string;
  roundId: string;
  reason: ForfeitReason;
}

/** Input of submitShippingContact: the winner's phone proves itself with its device token. */
export interface ShippingContactInput {
  eventId: string;
  deviceToken: string;
  claimId: string;
  /** recipient, phone, address (+ city, region, postalCode, country, note); see shippingContactSchema. */
  contact: unknown;
}

/** A page request of the audit log. */
export interface AuditPage {
  /** Records with seq > afterSeq (default 0: from the start). */
  afterSeq?: number;
  /** 1..1000, default 100. */
  limit?: number;
}

/** What restoreEvent wrote. */
export interface RestoreSummary {
  eventId: string;
  participants: number;
  rounds: number;
  claims: number;
  /** Records copied from the backup (the restore record comes after them). */
  auditRecords: number;
  /** Support messages restored with their answers. */
  supportMessages: number;
}
