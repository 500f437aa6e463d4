// Join-spike alert (issue #14): its wire shape and the host's commands on it, as zod schemas.
import { z } from 'zod';
import { idSchema } from './schemas';

/** An address's opaque key: a truncated keyed hash, never the address itself. */
export const ipKeySchema = z.string().regex(/^[0-9a-f]{16}$/, 'must be an address key (16 hex digits)');

/** Why: one of the busiest sources, as the host sees it (the address masked, e.g. 203.0.113.*). */
export const spikeSourceSchema = z.strictObject({
  ipKey: ipKeySchema,
  /** The address with its host part hidden (IPv4 /24, IPv6 /48). */
  ipMasked: z.string().max(64),
  /** Join attempts counted from it (refused ones too), at most `overcount` above the truth. */
  joins: z.number().int().min(0),
  overcount: z.number().int().min(0),
  /** Entries it created since the alert's `since` (all before any spike) that the batch action has not taken yet. */
  entriesSince: z.number().int().min(0),
});

/** Why: `host:joinSpike` and `GET /api/events/:id/join-spike`: rate against normal, with the top sources. */
export const joinSpikeSchema = z.strictObject({
  eventId: idSchema,
  active: z.boolean(),
  dismissed: z.boolean(),
  /** When the spike began (start of its window); null before any. */
  since: z.number().nullable(),
  ratePerMinute: z.number().min(0),
  normalPerMinute: z.number().min(0),
  thresholdPerMinute: z.number().min(0),
  topSources: z.array(spikeSourceSchema).max(20),
  /** Server time of this reading. */
  at: z.number(),
});

/** Why: the host's batch action: disqualify every entry created from one address since a time. */
export const spikeDisqualifySchema = z.strictObject({
  ipKey: ipKeySchema,
  since: z.number().int().min(0).max(8.64e15),
});

/** Socket form of the batch action (the event named in the payload). */
export const spikeDisqualifyCommandSchema = spikeDisqualifySchema.extend({ eventId: idSchema });

/** A join-spike reading. */
export type JoinSpikeDto = z.infer<typeof joinSpikeSchema>;
/** One busy source in a reading. */
export type SpikeSourceDto = z.infer<typeof spikeSourceSchema>;
/** Payload of spike:disqualify. */
export type SpikeDisqualifyCommand = z.input<typeof spikeDisqualifyCommandSchema>;

/** The batch action's answer: who was disqualified now (already disqualified ones are not repeated). */
export interface SpikeDisqualifyResultDto {
  participantIds: string[];
  /** Entries newly disqualified by this call. */
  disqualified: number;
}
