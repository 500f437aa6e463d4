// A participant's tickets (their drawcast-v1 weight) from the event's bonus settings.
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import { MAX_WEIGHT } from './bonusSettings';
import type { BonusSettings } from './bonusSettings';

/** Inputs of the weight rule; all known once a round's entries freeze. */
export interface WeightInput {
  /** Tickets everyone has (1 unless a host feature says otherwise). */
  base?: number;
  /** Friends counted for this participant (see countReferrals). */
  referralsCount: number;
  joinedAt: number;
  settings: BonusSettings;
}

/** The parts of a weight, so a phone can explain "1 + 3 referral + 2 early-bird = 6". */
export interface WeightBreakdown {
  base: number;
  referral: number;
  earlyBird: number;
  /** base + referral + earlyBird, clamped to 1..MAX_WEIGHT: the drawcast-v1 weight. */
  total: number;
}

function requireInt(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new DrawcastError(
      ErrorCode.VALIDATION_FAILED,
      `${field} must be an integer from ${min} to ${max}`,
      field,
    );
  }
  return value;
}

/** The weight and how it was made up; bad inputs are refused with the field named. */
export function weightBreakdown(input: WeightInput): WeightBreakdown {
  const base = requireInt(input.base ?? 1, 'base', 1, MAX_WEIGHT);
  const referralsCount = requireInt(input.referralsCount, 'referralsCount', 0, Number.MAX_SAFE_INTEGER);
  const joinedAt = requireInt(input.joinedAt, 'joinedAt', 0, Number.MAX_SAFE_INTEGER);
  const { referral, earlyBird } = input.settings;
  const referralTickets = referral.enabled
    ? Math.min(referralsCount * referral.ticketsPerFriend, referral.maxBonus)
    : 0;
  const earlyBirdTickets = earlyBird.enabled && joinedAt < earlyBird.before ? earlyBird.tickets : 0;
  const total = Math.min(MAX_WEIGHT, Math.max(1, base + referralTickets + earlyBirdTickets));
  return { base, referral: referralTickets, earlyBird: earlyBirdTickets, total };
}

/** The drawcast-v1 weight (integer 1..1000) of one participant. */
export function computeWeight(input: WeightInput): number {
  return weightBreakdown(input).total;
}
