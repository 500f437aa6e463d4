// zod schemas and DTOs of privacy deletion: a phone erasing its own data, the host erasing one person's.
import { z } from 'zod';

/** Longest retention a host may set (ten years); the default is RETENTION_DAYS_DEFAULT. */
export const RETENTION_DAYS_MAX = 3650;
/** Days after an event closes before its personal data is purged, unless the host sets otherwise. */
export const RETENTION_DAYS_DEFAULT = 30;

/** Why: a phone deletes its own data; the device token proves the entry, `confirm` guards against accidents. */
export const forgetMeSchema = z.strictObject({
  eventId: z.string().min(1).max(64),
  deviceToken: z.string().min(8).max(200),
  confirm: z.literal(true),
});

/** Why: the host deletes one person's data (socket form; REST names the ids in the path). */
export const eraseParticipantSchema = z.strictObject({
  eventId: z.string().min(1).max(64),
  participantId: z.string().min(1).max(64),
  confirm: z.literal(true),
});

/** Why: the REST body of DELETE /api/events/:eventId/participants/:participantId. */
export const eraseConfirmSchema = z.strictObject({ confirm: z.literal(true) });

/** Payload of privacy:forgetMe. */
export type ForgetMePayload = z.input<typeof forgetMeSchema>;
/** Payload of privacy:erase. */
export type EraseParticipantPayload = z.input<typeof eraseParticipantSchema>;

/** What an erasure removed: the opaque id stays in proofs, everything else of the person is gone. */
export const erasureDtoSchema = z.object({
  eventId: z.string(),
  participantId: z.string(),
  /** Pending wins forfeited (reason no_show): nobody is left to claim them; the slot can be redrawn. */
  claimsForfeited: z.array(z.string()),
  /** Support messages deleted. */
  supportMessages: z.number(),
  erasedAt: z.number(),
});
/** Inferred from erasureDtoSchema. */
export type ErasureDto = z.infer<typeof erasureDtoSchema>;
