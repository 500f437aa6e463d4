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

// Multi-line text: newlines and tabs allowed, other control characters and bidi overrides not.
// eslint-disable-next-line no-control-regex
const MESSAGE_CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
const messageText = (max: number) =>
  z
    .string()
    .max(max * 4)
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !MESSAGE_CONTROLS.test(s), 'must not contain control characters');

/** Why: a phone asks the host about its entry or its claim (500 characters at most). */
export const supportSendSchema = z.strictObject({
  eventId: z.string().min(1).max(64),
  deviceToken: z.string().min(8).max(200),
  body: messageText(500),
});

/** Why: a phone reloads its messages and their answers after a reconnect. */
export const supportListSchema = z.strictObject({
  eventId: z.string().min(1).max(64),
  deviceToken: z.string().min(8).max(200),
});

/** Why: the host answers one message; the phone shows it live. */
export const supportAnswerSchema = z.strictObject({ answer: messageText(1000) });

/** Payload of support:send. */
export type SupportSendPayload = z.input<typeof supportSendSchema>;
/** Payload of support:list. */
export type SupportListPayload = z.input<typeof supportListSchema>;
