// Wire shapes of what the server sends (plain JSON, no seeds, hashes or raw phone numbers): a zod schema
// each, the type inferred from it, so every shape is written once.
import { z } from 'zod';
import { ticketBreakdownDtoSchema, winnerClaimDtoSchema, youForfeitedDtoSchema } from './claimDto';
import { auditHeadDtoSchema } from './trustDto';

/** A round's entry list once frozen (round:close, or the draw of a never-closed round); nulls while open. */
export const entriesClosedFieldsSchema = z.object({
  /** When the list froze; null while entries are open. */
  entriesClosedAt: z.number().nullable(),
  /** Entries in the frozen list. */
  entryCount: z.number().nullable(),
  /** drawcast-v1 digest of the frozen list (the proof's entriesDigest). */
  entriesDigest: z.string().nullable(),
});
/** Inferred from entriesClosedFieldsSchema. */
export type EntriesClosedFields = z.infer<typeof entriesClosedFieldsSchema>;

/** Event settings as the host console edits them. */
export const eventSettingsDtoSchema = z.object({
  requirePhone: z.boolean(),
  /** 0..60000 ms: how far the phones' reveal trails the stage, for a delayed livestream. */
  streamDelayMs: z.number(),
  /** 0..60000 ms between the draw and the stage reveal, for the animation. */
  revealLeadMs: z.number(),
  excludePreviousWinnersDefault: z.boolean(),
  /** Bonus tickets: referral (per friend, capped) and early-bird (joined before a time). */
  bonus: z.object({
    referral: z.object({ enabled: z.boolean(), ticketsPerFriend: z.number(), maxBonus: z.number() }),
    earlyBird: z.object({ enabled: z.boolean(), before: z.number(), tickets: z.number() }),
  }),
  /** Epoch ms from which unredeemed wins are forfeited; null = only no-shows forfeit. */
  claimDeadline: z.number().nullable(),
  /** Online event: winners give a shipping contact. */
  collectShippingContact: z.boolean(),
  /** The stage's primary colour (#rrggbb) and logo (an uploaded image path); absent from older servers. */
  branding: z.object({ primaryColor: z.string().nullable(), logoUrl: z.string().nullable() }).optional(),
  /** The stage's language (absent from older servers = auto, see resolveDisplayLanguage). */
  displayLanguage: z.enum(['auto', 'zh-CN', 'en']).optional(),
  /** Days after the event closes before its personal data is purged (proofs keep opaque ids). */
  retentionDays: z.number(),
});
/** Inferred from eventSettingsDtoSchema. */
export type EventSettingsDto = z.infer<typeof eventSettingsDtoSchema>;

/** An event as everyone may see it. */
export const eventDtoSchema = z.object({
  id: z.string(),
  title: z.string(),
  joinCode: z.string(),
  status: z.enum(['draft', 'open', 'closed']),
  settings: eventSettingsDtoSchema,
  createdAt: z.number(),
});
/** Inferred from eventDtoSchema. */
export type EventDto = z.infer<typeof eventDtoSchema>;

/** The round a phone is entered in, as the join ack and state carry it (with its close, once closed). */
export const roundSummaryDtoSchema = z.object({
  id: z.string(),
  prizeId: z.string(),
  prizeName: z.string(),
  commitment: z.string(),
  k: z.number(),
  ...entriesClosedFieldsSchema.shape,
});
/** Inferred from roundSummaryDtoSchema. */
export type RoundSummaryDto = z.infer<typeof roundSummaryDtoSchema>;

/** A prize as the audience sees it before joining. */
export const publicPrizeDtoSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  quantity: z.number(),
  awarded: z.number(),
});
/** Inferred from publicPrizeDtoSchema. */
export type PublicPrizeDto = z.infer<typeof publicPrizeDtoSchema>;

/** What a phone sees after scanning the QR code, before it joins. */
export const publicEventInfoDtoSchema = z.object({
  id: z.string(),
  title: z.string(),
  joinCode: z.string(),
  status: z.enum(['draft', 'open', 'closed']),
  requirePhone: z.boolean(),
  participants: z.number(),
  round: roundSummaryDtoSchema.nullable(),
  /** What can be won, so the join page can say it before anyone types a name. */
  prizes: z.array(publicPrizeDtoSchema).optional(),
  /** Days after the close before personal data is purged, for the privacy note at join (issue #14). */
  retentionDays: z.number().optional(),
});
/** Inferred from publicEventInfoDtoSchema. */
export type PublicEventInfoDto = z.infer<typeof publicEventInfoDtoSchema>;

/** `GET /api/join`: an event open for joining, for a phone that opened `/` without a code. */
export const openEventDtoSchema = z.object({
  title: z.string(),
  joinCode: z.string(),
});
/** Inferred from openEventDtoSchema. */
export type OpenEventDto = z.infer<typeof openEventDtoSchema>;

/** A prize as the host and screens see it. */
export const prizeDtoSchema = z.object({
  id: z.string(),
  eventId: z.string(),
  name: z.string(),
  description: z.string(),
  imageUrl: z.string().nullable(),
  quantity: z.number(),
  awarded: z.number(),
  createdAt: z.number(),
});
/** Inferred from prizeDtoSchema. */
export type PrizeDto = z.infer<typeof prizeDtoSchema>;

/** A winner on screen: the opaque id (it matches the proof) and the nickname (render as text). */
export const winnerDtoSchema = z.object({
  participantId: z.string(),
  nickname: z.string(),
});
/** Inferred from winnerDtoSchema. */
export type WinnerDto = z.infer<typeof winnerDtoSchema>;

/** How the stage animates a round's draw, chosen by the host per round. */
export const drawModeDtoSchema = z.enum(['wheel', 'slots']);
/** Inferred from drawModeDtoSchema. */
export type DrawModeDto = z.infer<typeof drawModeDtoSchema>;

/** A round for the host and stage; `winners` is only sent to them, never to the audience early. */
export const roundDtoSchema = z.object({
  id: z.string(),
  eventId: z.string(),
  prizeId: z.string(),
  prizeName: z.string(),
  k: z.number(),
  excludePreviousWinners: z.boolean(),
  blocklist: z.array(z.string()),
  /** Only checked-in (imported) people enter. */
  checkedInOnly: z.boolean(),
  /** Set on a redraw round: the forfeited slot (claim, round, place) it re-awards. */
  redrawOf: z.object({ claimId: z.string(), roundId: z.string(), place: z.number() }).nullable(),
  /** Stage animation (absent from older servers = 'wheel'). */
  drawMode: drawModeDtoSchema.optional(),
  commitment: z.string(),
  publicEntropy: z.string(),
  status: z.enum(['committed', 'drawn', 'cancelled']),
  createdAt: z.number(),
  drawnAt: z.number().nullable(),
  revealAt: z.number().nullable(),
  phoneRevealAt: z.number().nullable(),
  revealed: z.boolean(),
  winners: z.array(winnerDtoSchema).nullable(),
  /** The event's audit head right after this round's draw record (also in the proof); null until drawn. */
  auditHead: auditHeadDtoSchema.nullable(),
  ...entriesClosedFieldsSchema.shape,
});
/** Inferred from roundDtoSchema. */
export type RoundDto = z.infer<typeof roundDtoSchema>;

/** `round:committed` / `round:updated`: what everyone may know about a round before its reveal. */
export const roundPublicDtoSchema = z.object({
  eventId: z.string(),
  roundId: z.string(),
  prizeId: z.string(),
  prizeName: z.string(),
  commitment: z.string(),
  publicEntropy: z.string(),
  k: z.number(),
  status: z.enum(['committed', 'drawn', 'cancelled']),
  createdAt: z.number(),
  /** Stage animation (absent = 'wheel'). */
  drawMode: drawModeDtoSchema.optional(),
  ...entriesClosedFieldsSchema.shape,
});
/** Inferred from roundPublicDtoSchema. */
export type RoundPublicDto = z.infer<typeof roundPublicDtoSchema>;

/** `odds:aggregate`: entries per weight class and the odds of each class (see oddsByWeight). */
export const oddsAggregateDtoSchema = z.object({
  eventId: z.string(),
  roundId: z.string(),
  k: z.number(),
  /** weight → number of eligible entries. */
  counts: z.record(z.string(), z.number()),
  total: z.number(),
  /**
   * weight → exact probability that one entry of that weight wins, as the server computed it (null before
   * its first result). Phones show these instead of computing the integral themselves.
   */
  oddsByWeight: z.record(z.string(), z.number()).nullable().optional(),
  /** False when `oddsByWeight` belongs to an older aggregate (still computing): say so, do not show it as exact. */
  oddsExact: z.boolean().optional(),
});
/** Inferred from oddsAggregateDtoSchema. */
export type OddsAggregateDto = z.infer<typeof oddsAggregateDtoSchema>;

/** `round:drawn` to the stage (and host) at once: start the animation, land on the winners at revealAt. */
export const roundDrawnDtoSchema = z.object({
  eventId: z.string(),
  roundId: z.string(),
  prizeId: z.string(),
  prizeName: z.string(),
  commitment: z.string(),
  publicEntropy: z.string(),
  entriesDigest: z.string(),
  winners: z.array(winnerDtoSchema),
  drawnAt: z.number(),
  /** Server ms at which the stage shows the winners. */
  revealAt: z.number(),
  /** Server ms at which the phones show them (revealAt + stream delay). */
  phoneRevealAt: z.number(),
  proofUrl: z.string(),
  /** Stage animation (absent = 'wheel'). */
  drawMode: drawModeDtoSchema.optional(),
  entriesClosedAt: z.number(),
  entryCount: z.number(),
  /** The event's audit head right after the draw record (the proof carries the same). */
  auditHead: auditHeadDtoSchema.nullable(),
});
/** Inferred from roundDrawnDtoSchema. */
export type RoundDrawnDto = z.infer<typeof roundDrawnDtoSchema>;

/** `round:reveal` to the audience, sent no earlier than the animation lead before `revealAt`. */
export const roundRevealDtoSchema = z.object({
  eventId: z.string(),
  roundId: z.string(),
  prizeId: z.string(),
  prizeName: z.string(),
  commitment: z.string(),
  winners: z.array(winnerDtoSchema),
  /** Server ms at which phones show the result (the round's phoneRevealAt). */
  revealAt: z.number(),
  proofUrl: z.string(),
});
/** Inferred from roundRevealDtoSchema. */
export type RoundRevealDto = z.infer<typeof roundRevealDtoSchema>;

/** `you:won` to the winner's own sockets; show it at revealAt (server time). */
export const youWonDtoSchema = z.object({
  eventId: z.string(),
  roundId: z.string(),
  prize: z.object({ id: z.string(), name: z.string() }),
  /** 1 = first drawn. */
  place: z.number(),
  revealAt: z.number(),
  /** The redemption claim (code + QR while pending); sent no earlier than the phones' reveal. */
  claim: winnerClaimDtoSchema.nullable().optional(),
});
/** Inferred from youWonDtoSchema. */
export type YouWonDto = z.infer<typeof youWonDtoSchema>;

/** A drawn round whose result is not out yet: the phone may start a "drawing…" screen. */
export const pendingRevealDtoSchema = z.object({
  roundId: z.string(),
  prizeId: z.string(),
  prizeName: z.string(),
  revealAt: z.number(),
});
/** Inferred from pendingRevealDtoSchema. */
export type PendingRevealDto = z.infer<typeof pendingRevealDtoSchema>;

/** Ack of `event:join`: the entry id, tickets, and the odds for the round it is entered in. */
export const joinAckDtoSchema = z.object({
  participantId: z.string(),
  eventId: z.string(),
  nickname: z.string(),
  tickets: z.number(),
  /** False when this device had already joined: the same entry is returned. */
  created: z.boolean(),
  event: eventDtoSchema,
  round: roundSummaryDtoSchema.nullable(),
  aggregate: oddsAggregateDtoSchema.nullable(),
  eligible: z.boolean(),
  /** Exact probability of winning `round`; null when no round is open or while it is being computed. */
  odds: z.number().nullable(),
  /** False when `odds` is from a slightly older aggregate (or still computing): recompute from `aggregate`. */
  oddsExact: z.boolean(),
  /** This phone's invite code and link path (`/join/<joinCode>?ref=<code>`), for "invite friends". */
  shareCode: z.string().nullable(),
  sharePath: z.string().nullable(),
  /** How the tickets are made up. */
  ticketBreakdown: ticketBreakdownDtoSchema,
  /** Null without a ref; otherwise whether the friend's referral counted, and why not. */
  referral: z.object({ counted: z.boolean(), reason: z.string().optional() }).nullable(),
});
/** Inferred from joinAckDtoSchema. */
export type JoinAckDto = z.infer<typeof joinAckDtoSchema>;

/** Ack of `participant:state` and the push after a reconnect: everything to rebuild the phone screen. */
export const participantStateDtoSchema = z.object({
  event: eventDtoSchema,
  participant: z.object({
    id: z.string(),
    nickname: z.string(),
    tickets: z.number(),
    phoneMasked: z.string().nullable(),
    shareCode: z.string().nullable(),
    sharePath: z.string().nullable(),
    referrals: z.number(),
    checkedInAt: z.number().nullable(),
  }),
  ticketBreakdown: ticketBreakdownDtoSchema,
  round: roundSummaryDtoSchema.nullable(),
  aggregate: oddsAggregateDtoSchema.nullable(),
  eligible: z.boolean(),
  odds: z.number().nullable(),
  /** As in the join ack: false when `odds` lags the aggregate; the phone recomputes from `aggregate`. */
  oddsExact: z.boolean(),
  pendingReveals: z.array(pendingRevealDtoSchema),
  results: z.array(roundRevealDtoSchema),
  /** Every win, with its claim (code + QR while pending; status and reason once forfeited). */
  wins: z.array(youWonDtoSchema),
  /** Wins that were forfeited (deadline or no-show), so the phone can say so after a reconnect. */
  forfeits: z.array(youForfeitedDtoSchema),
  serverNow: z.number(),
});
/** Inferred from participantStateDtoSchema. */
export type ParticipantStateDto = z.infer<typeof participantStateDtoSchema>;

/** Stage: a winner of a round forfeited (no-show or deadline); the winners history marks them. No personal data. */
export const stageForfeitDtoSchema = z.object({
  eventId: z.string(),
  roundId: z.string(),
  participantId: z.string(),
});
/** Inferred from stageForfeitDtoSchema. */
export type StageForfeitDto = z.infer<typeof stageForfeitDtoSchema>;

/** Ack of `stage:watch`: the event, its open round and aggregate, and the rounds already drawn. */
export const stageStateDtoSchema = z.object({
  event: eventDtoSchema,
  prizes: z.array(prizeDtoSchema),
  round: roundPublicDtoSchema.nullable(),
  aggregate: oddsAggregateDtoSchema.nullable(),
  audienceCount: z.number(),
  participants: z.number(),
  drawn: z.array(roundDrawnDtoSchema),
  serverNow: z.number(),
  /** The event's audit head now (the stage shows it short beside the commitment); absent from older servers. */
  auditHead: auditHeadDtoSchema.nullable().optional(),
  /** Forfeited winners of the rounds in `drawn` (ids only), so a reloaded stage labels them; absent from older servers. */
  forfeited: z.array(stageForfeitDtoSchema).optional(),
});
/** Inferred from stageStateDtoSchema. */
export type StageStateDto = z.infer<typeof stageStateDtoSchema>;

/** Ack of `stage:names`: a page of nicknames in join order (render as text) and the event's total. */
export const stageNamesDtoSchema = z.object({
  total: z.number(),
  offset: z.number(),
  names: z.array(z.object({ id: z.string(), nickname: z.string() })),
  /** The event's audit head as this page was read: the stage's lobby keeps it live with the joiners. */
  auditHead: auditHeadDtoSchema.nullable().optional(),
});
/** Inferred from stageNamesDtoSchema. */
export type StageNamesDto = z.infer<typeof stageNamesDtoSchema>;

/** A participant row for the host: masked phone only, never the raw phone or the device token. */
export const participantRowDtoSchema = z.object({
  id: z.string(),
  nickname: z.string(),
  phoneMasked: z.string().nullable(),
  tickets: z.number(),
  joinedAt: z.number(),
});
/** Inferred from participantRowDtoSchema. */
export type ParticipantRowDto = z.infer<typeof participantRowDtoSchema>;

/** `audience:count`: how many phones are connected to an event right now. */
export const audienceCountDtoSchema = z.object({
  eventId: z.string(),
  count: z.number(),
});
/** Inferred from audienceCountDtoSchema. */
export type AudienceCountDto = z.infer<typeof audienceCountDtoSchema>;
