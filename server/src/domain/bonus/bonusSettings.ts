// Host-set bonus tickets per event: referral (friends who join through your link) and early-bird.
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import { z } from 'zod';

/** drawcast-v1 allows weights 1..1000; every bonus is clamped into that range. */
export const MAX_WEIGHT = 1000;

/** Largest single bonus number a host may set; with base 1 it keeps weights within MAX_WEIGHT. */
export const MAX_BONUS_TICKETS = MAX_WEIGHT - 1;

const tickets = (min: number) => z.number().int().min(min).max(MAX_BONUS_TICKETS);

/** Strict schema: unknown keys are refused, so a typo in a setting never silently does nothing. */
export const bonusSettingsSchema = z.strictObject({
  referral: z.strictObject({
    enabled: z.boolean(),
    /** Tickets added per friend who joined through the participant's share link. */
    ticketsPerFriend: tickets(1),
    /** Cap on the referral tickets of one participant (0 = referral counts but adds nothing). */
    maxBonus: tickets(0),
  }),
  earlyBird: z.strictObject({
    enabled: z.boolean(),
    /** Epoch ms; participants who joined strictly before it get `tickets` extra. */
    before: z.number().int().min(0).max(8_640_000_000_000_000),
    tickets: tickets(1),
  }),
});

/** The validated settings the weight rules read. */
export type BonusSettings = z.infer<typeof bonusSettingsSchema>;

/** What a new event starts with: no bonus at all, so every weight is 1 until the host opts in. */
export const DEFAULT_BONUS_SETTINGS: BonusSettings = {
  referral: { enabled: false, ticketsPerFriend: 1, maxBonus: 5 },
  earlyBird: { enabled: false, before: 0, tickets: 1 },
};

/** Validates host input, naming the first bad field (e.g. "bonus.referral.maxBonus"). */
export function parseBonusSettings(input: unknown): BonusSettings {
  const parsed = bonusSettingsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = ['bonus', ...issue.path.map(String)].join('.');
  throw new DrawcastError(ErrorCode.VALIDATION_FAILED, `${field}: ${issue.message}`, field);
}
