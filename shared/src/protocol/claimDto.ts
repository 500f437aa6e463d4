// Wire shapes of issue #4 (tickets breakdown, claims, forfeits, redemptions, imports): a zod schema each,
// the type inferred from it, so the shape is written once.
import { z } from 'zod';

/** How a participant's tickets are made up ("1 + 3 referral + 1 early-bird = 5"), for the phone to explain. */
export const ticketBreakdownDtoSchema = z.object({
  base: z.number(),
  referral: z.number(),
  earlyBird: z.number(),
  total: z.number(),
});
/** Inferred from ticketBreakdownDtoSchema. */
export type TicketBreakdownDto = z.infer<typeof ticketBreakdownDtoSchema>;

/** Why a win was given up: the claim deadline passed, or the host marked a no-show. */
export const forfeitReasonDtoSchema = z.enum(['deadline', 'no_show']);
/** Inferred from forfeitReasonDtoSchema. */
export type ForfeitReasonDto = z.infer<typeof forfeitReasonDtoSchema>;

/** A shipping contact as lists show it (138****5678); the full one is host-only. */
export const maskedContactDtoSchema = z.object({
  recipient: z.string(),
  phone: z.string(),
  address: z.string(),
  city: z.string().optional(),
  region: z.string().optional(),
  country: z.string().optional(),
});
/** Inferred from maskedContactDtoSchema. */
export type MaskedContactDto = z.infer<typeof maskedContactDtoSchema>;

/** A winner's own claim: the code and its QR only while it can still be redeemed. */
export const winnerClaimDtoSchema = z.object({
  id: z.string(),
  status: z.enum(['pending', 'redeemed', 'forfeited']),
  code: z.string().nullable(),
  displayCode: z.string().nullable(),
  /** Inline SVG of the code's QR, for staff to scan. */
  qrSvg: z.string().nullable(),
  deadline: z.number().nullable(),
  redeemedAt: z.number().nullable(),
  forfeitedAt: z.number().nullable(),
  forfeitReason: forfeitReasonDtoSchema.nullable(),
  /** The event ships prizes and this claim may (still) be given a shipping contact. */
  contactRequested: z.boolean(),
  contact: maskedContactDtoSchema.nullable(),
});
/** Inferred from winnerClaimDtoSchema. */
export type WinnerClaimDto = z.infer<typeof winnerClaimDtoSchema>;

/** `you:forfeited` to the forfeited winner's sockets (and in the reconnect state). */
export const youForfeitedDtoSchema = z.object({
  eventId: z.string(),
  roundId: z.string(),
  claimId: z.string(),
  prize: z.object({ id: z.string(), name: z.string() }),
  place: z.number(),
  reason: forfeitReasonDtoSchema,
  forfeitedAt: z.number(),
});
/** Inferred from youForfeitedDtoSchema. */
export type YouForfeitedDto = z.infer<typeof youForfeitedDtoSchema>;

/** `claim:redeemed` to the winner's sockets: staff handed the prize over. */
export const claimRedeemedDtoSchema = z.object({
  eventId: z.string(),
  roundId: z.string(),
  claimId: z.string(),
  redeemedAt: z.number(),
});
/** Inferred from claimRedeemedDtoSchema. */
export type ClaimRedeemedDto = z.infer<typeof claimRedeemedDtoSchema>;

/** A claim as the host and staff see it (code included: host transports only). */
export const claimDtoSchema = z.object({
  id: z.string(),
  code: z.string(),
  displayCode: z.string(),
  eventId: z.string(),
  roundId: z.string(),
  prizeId: z.string(),
  prizeName: z.string(),
  place: z.number(),
  participantId: z.string(),
  nickname: z.string(),
  status: z.enum(['pending', 'redeemed', 'forfeited']),
  createdAt: z.number(),
  redeemedAt: z.number().nullable(),
  redeemedBy: z.string().nullable(),
  forfeitedAt: z.number().nullable(),
  forfeitReason: forfeitReasonDtoSchema.nullable(),
  redrawRoundId: z.string().nullable(),
  contact: maskedContactDtoSchema.nullable(),
  contactSubmittedAt: z.number().nullable(),
});
/** Inferred from claimDtoSchema. */
export type ClaimDto = z.infer<typeof claimDtoSchema>;

/** `import:progress` to host sockets while a list imports. */
export const importProgressDtoSchema = z.object({
  eventId: z.string(),
  phase: z.enum(['reading', 'storing', 'done']),
  /** Rows read (reading) or stored (storing, done) so far. */
  done: z.number(),
  /** Known once the whole file has been read; null before. */
  total: z.number().nullable(),
});
/** Inferred from importProgressDtoSchema. */
export type ImportProgressDto = z.infer<typeof importProgressDtoSchema>;
