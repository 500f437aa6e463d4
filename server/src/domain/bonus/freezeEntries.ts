// The moment a round's entries freeze: every entrant's weight is computed once, from the state at that
// instant, and the list is put in drawcast-v1 canonical order.
import { compareUtf8, DrawcastError, ErrorCode } from '@drawcast/shared';
import type { BonusSettings } from './bonusSettings';
import { countReferrals } from './referral';
import type { ReferralNode } from './referral';
import { computeWeight } from './weight';

/** A frozen drawcast-v1 entry. */
export interface FrozenEntry {
  id: string;
  weight: number;
}

/**
 * Entries of a round frozen at `at`: participants who had joined by then and pass `eligible`, with
 * weights from referrals counted over ALL given participants of the event (eligible or not).
 * Deterministic: the same inputs give the same list in canonical order.
 */
export function freezeEntries(
  participants: readonly ReferralNode[],
  settings: BonusSettings,
  at: number,
  eligible: (participant: ReferralNode) => boolean = () => true,
): FrozenEntry[] {
  const ids = new Set<string>();
  participants.forEach((p, i) => {
    if (typeof p.id !== 'string' || p.id.length === 0 || /[:\n]/.test(p.id)) {
      throw new DrawcastError(
        ErrorCode.VALIDATION_FAILED,
        `participants[${i}].id must be a non-empty string without ':' or newline`,
        `participants[${i}].id`,
      );
    }
    if (ids.has(p.id)) {
      throw new DrawcastError(
        ErrorCode.VALIDATION_FAILED,
        `participant id ${p.id} appears twice`,
        `participants[${i}].id`,
      );
    }
    ids.add(p.id);
  });
  const referrals = countReferrals(participants, at);
  const entries: FrozenEntry[] = [];
  for (const p of participants) {
    if (p.joinedAt > at || !eligible(p)) continue;
    const weight = computeWeight({
      referralsCount: referrals.get(p.id) ?? 0,
      joinedAt: p.joinedAt,
      settings,
    });
    entries.push({ id: p.id, weight });
  }
  // drawcast-v1 canonical order compares the ids' UTF-8 bytes, not UTF-16 code units.
  return entries.sort((a, b) => compareUtf8(a.id, b.id));
}
