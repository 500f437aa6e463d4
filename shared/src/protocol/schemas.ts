// A zod schema for every inbound payload: the server validates with these before anything else,
// and clients may validate forms with the same rules before sending.
import { z } from 'zod';
import { brandingSchema, displayLanguageSchema } from './branding';

/** Opaque ids (events, prizes, rounds, participants): URL-safe, bounded, so junk never reaches the store. */
export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be an id (letters, digits, _ or -)');

/** Join codes are typed by people, so case, spaces and dashes are forgiven. */
export const joinCodeSchema = z
  .string()
  .max(32)
  .regex(/^[A-Za-z0-9\s-]+$/, 'must be letters and digits')
  .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
  .refine((s) => s.length >= 3 && s.length <= 16, 'must be 3 to 16 letters and digits');

// C0/C1 controls, line separators and the bidi overrides/isolates that can reorder text on other screens.
const CONTROL_OR_BIDI = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
const LONE_SURROGATE = /\p{Cs}/u;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Characters as a person counts them (an emoji with a skin tone is one), the unit of every text limit. */
export function visibleLength(text: string): number {
  // Printable ASCII is one character per code unit; only other text needs the (slower) segmenter.
  if (/^[\x20-\x7E]*$/.test(text)) return text.length;
  let count = 0;
  for (const _ of graphemes.segment(text)) count += 1;
  return count;
}

/** A single line of user-typed text, trimmed, `min..max` visible characters, no control characters. */
export function singleLineText(min: number, max: number) {
  return z
    .string()
    .max(max * 16, `must be at most ${max} characters`)
    .trim()
    .refine((s) => !CONTROL_OR_BIDI.test(s) && !LONE_SURROGATE.test(s), 'must not contain control characters')
    .refine((s) => {
      const n = visibleLength(s);
      return n >= min && n <= max;
    }, `must be ${min} to ${max} characters after trimming`);
}

/** The nickname rule of issue #3 (1..24 characters after trimming, no control characters). */
export const nicknameSchema = singleLineText(1, 24);

/** A random secret the phone keeps in localStorage; one device is one entry per event. */
export const deviceTokenSchema = z
  .string()
  .min(8)
  .max(200)
  .regex(/^[\x21-\x7E]+$/, 'must be printable ASCII');

/** Loose shape only; the domain normalises and checks the number itself. */
export const phoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[0-9+()\- .]+$/, 'must be a phone number');

const bonusTickets = (min: number) => z.number().int().min(min).max(999);
const epochMs = z.number().int().min(0).max(8_640_000_000_000_000);

/** Bonus tickets as a whole (referral + early-bird), so one patch never leaves half a rule behind. */
export const bonusSettingsSchema = z.strictObject({
  referral: z.strictObject({
    enabled: z.boolean(),
    ticketsPerFriend: bonusTickets(1),
    maxBonus: bonusTickets(0),
  }),
  earlyBird: z.strictObject({
    enabled: z.boolean(),
    before: epochMs,
    tickets: bonusTickets(1),
  }),
});

/** Host-tunable settings; each is optional in a patch. */
export const eventSettingsPatchSchema = z.strictObject({
  requirePhone: z.boolean().optional(),
  streamDelayMs: z.number().int().min(0).max(60_000).optional(),
  revealLeadMs: z.number().int().min(0).max(60_000).optional(),
  excludePreviousWinnersDefault: z.boolean().optional(),
  bonus: bonusSettingsSchema.optional(),
  claimDeadline: epochMs.nullable().optional(),
  collectShippingContact: z.boolean().optional(),
  /** Stage colour and logo (replaced whole). */
  branding: brandingSchema.optional(),
  /** The stage's words: zh-CN, en, or auto (from the title's script). */
  displayLanguage: displayLanguageSchema.optional(),
  retentionDays: z.number().int().min(1).max(3650).optional(),
});

/** Why: a host creating an event from the console or curl. */
export const createEventSchema = z.strictObject({
  title: singleLineText(1, 120),
  settings: eventSettingsPatchSchema.optional(),
});

/** Why: the host renames, opens/closes an event or changes its settings (stream delay included). */
export const updateEventSchema = z.strictObject({
  title: singleLineText(1, 120).optional(),
  status: z.enum(['draft', 'open', 'closed']).optional(),
  settings: eventSettingsPatchSchema.optional(),
});

/** Why: the stream delay has its own REST route and console control, 0..60 s as the issue says. */
export const streamDelaySchema = z.strictObject({
  streamDelayMs: z.number().int().min(0).max(60_000),
});

/** Why: adding a prize; `quantity` bounds how many winners it can ever have. */
export const addPrizeSchema = z.strictObject({
  name: singleLineText(1, 120),
  description: z.string().max(2000).optional(),
  imageUrl: z.string().trim().max(2048).nullable().optional(),
  quantity: z.number().int().min(1).max(1_000_000),
});

/** Why: editing a prize after creation (any subset; `imageUrl: null` removes the picture). */
export const updatePrizeSchema = z
  .strictObject({
    name: singleLineText(1, 120).optional(),
    description: z.string().max(2000).optional(),
    imageUrl: z.string().trim().max(2048).nullable().optional(),
    quantity: z.number().int().min(1).max(1_000_000).optional(),
  })
  .refine((p) => Object.keys(p).length > 0, { message: 'nothing to change' });

/** Why: creating a round commits to its seed; `winners` is k (500 at once must work). */
export const createRoundSchema = z.strictObject({
  prizeId: idSchema,
  winners: z.number().int().min(1).max(100_000),
  excludePreviousWinners: z.boolean().optional(),
  blocklist: z.array(idSchema).max(10_000).optional(),
  checkedInOnly: z.boolean().optional(),
  /** The stage's animation for this round (default wheel). */
  drawMode: z.enum(['wheel', 'slots']).optional(),
});

/** Why: the public entropy a host types before the draw (a called-out number, a lottery result). */
export const publicEntropySchema = z.strictObject({
  publicEntropy: z.string().max(1000),
});

/** Why: the stage pages through nicknames (wheel and reel names, the lobby's new joiners), 1000 at most a call. */
export const stageNamesSchema = z.strictObject({
  eventId: idSchema,
  offset: z.number().int().min(0).max(100_000_000).optional(),
  limit: z.number().int().min(1).max(1000).optional(),
});

/** Socket form of the event commands, which carry the ids REST puts in the path. */
export const eventRefSchema = z.strictObject({ eventId: idSchema });
/** Why: a round command over the socket names its round. */
export const roundRefSchema = z.strictObject({ roundId: idSchema });
/** Socket `event:update`. */
export const updateEventCommandSchema = updateEventSchema.extend({ eventId: idSchema });
/** Socket `prize:add`. */
export const addPrizeCommandSchema = addPrizeSchema.extend({ eventId: idSchema });
/** Socket `prize:update`. */
export const updatePrizeCommandSchema = z.strictObject({
  eventId: idSchema,
  prizeId: idSchema,
  patch: updatePrizeSchema,
});
/** Socket `round:create`. */
export const createRoundCommandSchema = createRoundSchema.extend({ eventId: idSchema });
/** Socket `round:entropy`. */
export const publicEntropyCommandSchema = publicEntropySchema.extend({ roundId: idSchema });

/** Why: the phone's self-registration after scanning the QR code. */
export const joinSchema = z.strictObject({
  joinCode: joinCodeSchema,
  nickname: nicknameSchema,
  deviceToken: deviceTokenSchema,
  phone: phoneSchema.optional(),
  /** The share code of the invite link used (?ref=); a bad one never blocks the join. */
  ref: z.string().max(64).optional(),
});

/** Why: a phone (re)loading its full state names its event by id or join code plus its device token. */
export const participantStateSchema = z
  .strictObject({
    eventId: idSchema.optional(),
    joinCode: joinCodeSchema.optional(),
    deviceToken: deviceTokenSchema,
  })
  .refine((p) => p.eventId !== undefined || p.joinCode !== undefined, {
    message: 'eventId or joinCode is required',
    path: ['eventId'],
  });

/** Why: clock:ping carries nothing, but a client may send `{}`; anything else is junk. */
export const clockPingSchema = z.union([z.undefined(), z.strictObject({})]);

/** Payload types as the client sends them (before trimming/normalising). */
export type JoinPayload = z.input<typeof joinSchema>;
/** Payload of participant:state. */
export type ParticipantStatePayload = z.input<typeof participantStateSchema>;
/** Payload of event:create / POST /api/events. */
export type CreateEventPayload = z.input<typeof createEventSchema>;
/** Payload of event:update. */
export type UpdateEventCommand = z.input<typeof updateEventCommandSchema>;
/** Payload of prize:add. */
export type AddPrizeCommand = z.input<typeof addPrizeCommandSchema>;
/** Payload of prize:update. */
export type UpdatePrizeCommand = z.input<typeof updatePrizeCommandSchema>;
/** Body of PATCH /api/events/:eventId/prizes/:prizeId. */
export type UpdatePrizePayload = z.input<typeof updatePrizeSchema>;
/** Payload of round:create. */
export type CreateRoundCommand = z.input<typeof createRoundCommandSchema>;
/** Payload of round:entropy. */
export type PublicEntropyCommand = z.input<typeof publicEntropyCommandSchema>;
/** Payload of stage:names. */
export type StageNamesPayload = z.input<typeof stageNamesSchema>;
/** Payload naming an event. */
export type EventRef = z.input<typeof eventRefSchema>;
/** Payload naming a round. */
export type RoundRef = z.input<typeof roundRefSchema>;
