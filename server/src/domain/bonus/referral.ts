// Share links and the rule for when a friend's join counts as a referral.
import { generateHumanCode, normalizeHumanCode, parseHumanCode } from '../claims/humanCode';
import type { RandomBytes } from '../claims/humanCode';

/** 7 random symbols + 1 check symbol: short in a link, and a mangled link is recognised as such. */
export const SHARE_CODE_LENGTH = 8;

/** The query parameter of a join link that carries the referrer's share code. */
export const REFERRAL_QUERY_PARAM = 'ref';

/** Mints a participant's share code at their first join; the store keeps it unique per event. */
export function newShareCode(randomBytes: RandomBytes): string {
  return generateHumanCode(randomBytes, SHARE_CODE_LENGTH - 1);
}

/** A bad or mangled share code must never block a join, so this returns null instead of throwing. */
export function parseShareCode(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  try {
    return parseHumanCode(input, SHARE_CODE_LENGTH, REFERRAL_QUERY_PARAM);
  } catch {
    return null;
  }
}

/** The event's join URL with the participant's code attached, for their "invite friends" button. */
export function shareLink(joinUrl: string, shareCode: string): string {
  const url = new URL(joinUrl);
  url.searchParams.set(REFERRAL_QUERY_PARAM, normalizeHumanCode(shareCode));
  return url.toString();
}

/** Why a join did not count as a referral; the join itself still succeeds. */
export type ReferralRejection =
  'UNKNOWN_CODE' | 'SELF_REFERRAL' | 'NOT_FIRST_JOIN' | 'ALREADY_REFERRED' | 'OTHER_EVENT';

/** The decision recorded at join time: `referredBy` is stored on the friend only when counted. */
export type ReferralDecision =
  { counted: true; referredBy: string } | { counted: false; reason: ReferralRejection };

/**
 * A friend counts once, for one referrer of the same event, only on the friend's first join, and
 * never for themselves. `referrer` is the store's lookup of the share code in this event (null if none).
 */
export function evaluateReferral(input: {
  eventId: string;
  friend: { id: string; isFirstJoin: boolean; referredBy: string | null };
  referrer: { id: string; eventId: string } | null;
}): ReferralDecision {
  const { friend, referrer } = input;
  if (referrer === null) return { counted: false, reason: 'UNKNOWN_CODE' };
  if (referrer.eventId !== input.eventId) return { counted: false, reason: 'OTHER_EVENT' };
  if (referrer.id === friend.id) return { counted: false, reason: 'SELF_REFERRAL' };
  if (friend.referredBy !== null) return { counted: false, reason: 'ALREADY_REFERRED' };
  if (!friend.isFirstJoin) return { counted: false, reason: 'NOT_FIRST_JOIN' };
  return { counted: true, referredBy: referrer.id };
}

/** A participant as the referral count sees them. */
export interface ReferralNode {
  id: string;
  joinedAt: number;
  referredBy: string | null;
}

/**
 * Friends per referrer as of `at`: only friends who had joined by then, each friend once, never a self
 * link, and only referrers who are themselves in the list (the same event) and had joined by then.
 */
export function countReferrals(participants: readonly ReferralNode[], at: number): Map<string, number> {
  const present = new Set<string>();
  for (const p of participants) if (p.joinedAt <= at) present.add(p.id);
  const countedFriends = new Set<string>();
  const counts = new Map<string, number>();
  for (const p of participants) {
    const referrer = p.referredBy;
    if (referrer === null || p.joinedAt > at || referrer === p.id || !present.has(referrer)) continue;
    if (countedFriends.has(p.id)) continue;
    countedFriends.add(p.id);
    counts.set(referrer, (counts.get(referrer) ?? 0) + 1);
  }
  return counts;
}
