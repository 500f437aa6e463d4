// zod schemas of issue #4's inbound payloads (REST bodies and socket commands alike).
import { z } from 'zod';
import { deviceTokenSchema, idSchema } from './schemas';

/** A redemption code as staff type or scan it; the server normalises and checks its check symbol. */
export const claimCodeSchema = z.string().trim().min(1).max(64);

/** Why: staff redeem a winner's code once; `staff` names who did (audit log). */
export const redeemSchema = z.strictObject({
  code: claimCodeSchema,
  staff: z.string().trim().min(1).max(60),
});

/** Why: the host marks a no-show (any time) or a late winner (once the deadline has passed). */
export const forfeitSchema = z.strictObject({
  reason: z.enum(['no_show', 'deadline']).default('no_show'),
});

/** Socket `claim:forfeit`: the claim by id (clm_…) or by its code. */
export const forfeitCommandSchema = forfeitSchema.extend({ claim: z.string().trim().min(1).max(64) });

/** Socket `claim:redraw` / `claim:get`: one claim by id. */
export const claimRefSchema = z.strictObject({ claimId: idSchema });

/** Why: the host raises (or lowers) a participant's tickets before bonuses. */
export const baseTicketsSchema = z.strictObject({ baseTickets: z.number().int().min(1).max(1000) });

/** Why: a check-in QR scanned by the person's phone (deviceToken) or by staff at the door (staff). */
export const checkInSchema = z
  .strictObject({
    token: z.string().trim().min(1).max(128),
    deviceToken: deviceTokenSchema.optional(),
    staff: z.string().trim().min(1).max(60).optional(),
  })
  .refine((c) => c.deviceToken !== undefined || c.staff !== undefined, {
    message: 'deviceToken (a phone scan) or staff (a desk scan) is required',
    path: ['staff'],
  });

/** Why: the winner's phone gives a shipping address; it proves itself with its device token. */
export const shippingContactSubmitSchema = z.strictObject({
  eventId: idSchema,
  deviceToken: deviceTokenSchema,
  contact: z.record(z.string(), z.unknown()),
});

/** Socket `claim:contact`: the same, naming the claim. */
export const shippingContactCommandSchema = shippingContactSubmitSchema.extend({ claimId: idSchema });

/** Socket `claim:sweep`: one event, or every event when omitted. */
export const sweepSchema = z.union([z.undefined(), z.strictObject({ eventId: idSchema.optional() })]);

/** Why: the audit log is read in pages. */
export const auditPageSchema = z.strictObject({
  afterSeq: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** Payload of claim:redeem. */
export type RedeemCommand = z.input<typeof redeemSchema>;
/** Payload of claim:forfeit. */
export type ForfeitCommand = z.input<typeof forfeitCommandSchema>;
/** Payload naming a claim. */
export type ClaimRef = z.input<typeof claimRefSchema>;
/** Payload of claim:contact. */
export type ShippingContactCommand = z.input<typeof shippingContactCommandSchema>;
/** Payload of claim:sweep. */
export type SweepCommand = z.input<typeof sweepSchema>;
