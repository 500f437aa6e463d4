// What the audit log records for a prize edit, the same for SQLite and PostgreSQL.
import type { JsonValue } from '../../domain/audit/canonicalJson';
import type { Prize } from '../../domain/types';

/** Why: the audit entry names each changed field with its old and new value (unchanged ones are left out). */
export function prizeEditAudit(before: Prize, after: Prize): JsonValue {
  const changed: { [key: string]: JsonValue } = {};
  for (const key of ['name', 'description', 'imageUrl', 'quantity'] as const) {
    if (before[key] !== after[key]) changed[key] = { from: before[key], to: after[key] };
  }
  return { prizeId: before.id, changed };
}
