// zod schemas of the console's added REST bodies and queries.
import { z } from 'zod';

/** Why: the host names who holds a staff credential ("Desk 1"); the name appears in the audit log. */
export const createStaffSchema = z.strictObject({ label: z.string().trim().min(1).max(160) });

/** Why: disqualify (true) or re-admit (false) one participant. */
export const disqualifySchema = z.strictObject({ disqualified: z.boolean() });

/** Why: the participant list's search box and pager. */
export const participantSearchSchema = z.strictObject({
  q: z.string().max(100).default(''),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

/** Why: the prize desk redeems with a typed or scanned code; `staff` is the person at the desk. */
export const deskRedeemSchema = z.strictObject({
  code: z.string().trim().min(1).max(64),
  staff: z.string().trim().min(1).max(40).optional(),
});
