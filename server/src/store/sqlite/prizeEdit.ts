// A prize edit, the same for SQLite and PostgreSQL: the patched prize and what the audit log records of it.
import type { JsonValue } from '../../domain/audit/canonicalJson';
import { minimumPrizeQuantity } from '../../domain/prizeRules';
import type { Prize } from '../../domain/types';
import type { PrizePatch, UpdatePrizeResult } from '../store';

/** Why: the audit entry names each changed field with its old and new value (unchanged ones are left out). */
export function prizeEditAudit(before: Prize, after: Prize): JsonValue {
  const changed: { [key: string]: JsonValue } = {};
  for (const key of ['name', 'description', 'imageUrl', 'quantity'] as const) {
    if (before[key] !== after[key]) changed[key] = { from: before[key], to: after[key] };
  }
  return { prizeId: before.id, changed };
}

/** Why: both stores apply a patch inside their transaction the same way: refused below awarded + reserved, else merged. */
export function patchedPrize(
  current: Prize,
  patch: PrizePatch,
  reservedByOpenRounds: number,
): Exclude<UpdatePrizeResult, { outcome: 'not_found' }> {
  const minimum = minimumPrizeQuantity(current.awarded, reservedByOpenRounds);
  if (patch.quantity !== undefined && patch.quantity < minimum)
    return { outcome: 'quantity_too_low', prize: current, minimum };
  const next: Prize = {
    ...current,
    name: patch.name ?? current.name,
    description: patch.description ?? current.description,
    imageUrl: patch.imageUrl === undefined ? current.imageUrl : patch.imageUrl,
    quantity: patch.quantity ?? current.quantity,
  };
  return { outcome: 'updated', prize: next };
}
