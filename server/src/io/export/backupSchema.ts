// The whole-event JSON backup, version 1: enough to restore an event into an empty data dir and
// reproduce every proof. Objects are "loose" (unknown keys kept) so store fields added later survive
// a backup/restore round trip; the fields listed here are the ones proofs and claims depend on.
import { z } from 'zod';
import { bonusSettingsSchema } from '../../domain/bonus/bonusSettings';
import { claimSettingsSchema } from '../../domain/claims/claim';

/** The `format` marker, so a random JSON file is refused before anything else is looked at. */
export const BACKUP_FORMAT = 'drawcast-backup';
/** The only version this server writes and reads; a newer file is refused with a clear message. */
export const BACKUP_VERSION = 1;

const epoch = z.number().int().nonnegative();
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits');
const id = z.string().min(1).max(200);
/** drawcast-v1 entry ids: no ':' and no newline. */
const entryId = id.regex(/^[^:\n]+$/, "must not contain ':' or a newline");
const weight = z.number().int().min(1).max(1000);

const entrySchema = z.strictObject({ id: entryId, weight });

const identifiers = z.partialRecord(z.enum(['employeeId', 'receipt', 'phone', 'email', 'code']), z.string());

// Fields marked optional below are written by this server but may be missing from hand-made or older
// documents; the restore fills them in (derived where possible) and says so in its docs.
const eventSchema = z.looseObject({
  id,
  title: z.string(),
  createdAt: epoch,
  joinCode: z.string().optional(),
  status: z.enum(['draft', 'open', 'closed']).optional(),
  /** Checked again by the event rules on restore (unknown settings are refused there). */
  settings: z.record(z.string(), z.unknown()).optional(),
  bonus: bonusSettingsSchema.optional(),
  claims: claimSettingsSchema.optional(),
});

const prizeSchema = z.looseObject({
  id,
  eventId: id,
  name: z.string(),
  quantity: z.number().int().nonnegative(),
  description: z.string().optional(),
  imageUrl: z.string().nullable().optional(),
  awarded: z.number().int().nonnegative().optional(),
  createdAt: epoch.optional(),
});

const personSchema = z.looseObject({
  importId: id,
  row: z.number().int().min(1),
  name: z.string(),
  checkinToken: z.string().min(1).max(64),
  checkedInBy: z.string().nullable(),
  masked: identifiers,
  hashes: identifiers,
});

const participantSchema = z.looseObject({
  id: entryId,
  eventId: id,
  nickname: z.string(),
  joinedAt: epoch,
  weight,
  referredBy: entryId.nullable().optional(),
  checkedInAt: epoch.nullable().optional(),
  baseWeight: weight.optional(),
  deviceTokenHash: z.string().min(1).max(200).optional(),
  phoneHash: z.string().nullable().optional(),
  phoneMasked: z.string().nullable().optional(),
  hasWon: z.boolean().optional(),
  source: z.enum(['join', 'import']).optional(),
  shareCode: z.string().nullable().optional(),
  referrals: z.number().int().nonnegative().optional(),
  /** Import details of an imported person (identifiers only hashed and masked). */
  person: personSchema.nullable().optional(),
});

const redrawLinkSchema = z.strictObject({ claimId: id, roundId: id, place: z.number().int().min(1) });

const roundSchema = z.looseObject({
  id,
  eventId: id,
  prizeId: id,
  k: z.number().int().min(1),
  status: z.enum(['committed', 'drawn', 'cancelled']),
  /** Included even before the reveal, so a committed round can still be drawn after a restore. */
  serverSeed: hex64,
  commitment: hex64,
  publicEntropy: z.string(),
  entriesDigest: hex64.nullable(),
  entries: z.array(entrySchema).nullable(),
  winners: z.array(entryId).nullable(),
  createdAt: epoch,
  drawnAt: epoch.nullable(),
  /** Set on a k=1 redraw round: the forfeited claim it re-awards. */
  replacesClaimCode: z.string().nullable().optional(),
  redrawOf: redrawLinkSchema.nullable().optional(),
  excludePreviousWinners: z.boolean().optional(),
  checkedInOnly: z.boolean().optional(),
  blocklist: z.array(entryId).optional(),
  revealAt: epoch.nullable().optional(),
  phoneRevealAt: epoch.nullable().optional(),
  /** Issue #9: when the entry list froze (entries are kept from then on), its size, the draw's audit head. */
  entriesClosedAt: epoch.nullable().optional(),
  entryCount: z.number().int().nonnegative().nullable().optional(),
  auditHead: z
    .strictObject({ seq: z.number().int().min(1), hash: hex64 })
    .nullable()
    .optional(),
});

const claimSchema = z.looseObject({
  code: id,
  eventId: id,
  roundId: id,
  prizeId: id,
  place: z.number().int().min(1),
  participantId: entryId,
  status: z.enum(['pending', 'redeemed', 'forfeited']),
  createdAt: epoch,
  redeemedAt: epoch.nullable(),
  redeemedBy: z.string().nullable(),
  forfeitedAt: epoch.nullable(),
  forfeitReason: z.enum(['deadline', 'no_show']).nullable(),
  redrawRoundId: id.nullable(),
  /** AES-GCM sealed shipping contact (see contactCipher); opening it needs the data dir's contact.key. */
  sealedContact: z.string().nullable().optional(),
  id: id.optional(),
  contactMasked: z.record(z.string(), z.string()).nullable().optional(),
  contactSubmittedAt: epoch.nullable().optional(),
});

/** A phone's support message and the host's answer (console issue): backed up and restored with the event. */
const supportMessageSchema = z.strictObject({
  id,
  eventId: id,
  participantId: entryId,
  body: z.string().max(2000),
  createdAt: epoch,
  answer: z.string().max(4000).nullable(),
  answeredAt: epoch.nullable(),
  readAt: epoch.nullable(),
});

const jsonValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([
    z.null(),
    z.boolean(),
    z.number(),
    z.string(),
    z.array(jsonValue),
    z.record(z.string(), jsonValue),
  ]),
);

const auditSchema = z.strictObject({
  seq: z.number().int().min(1),
  at: epoch,
  actor: z.string(),
  action: z.string(),
  subject: z.string(),
  data: jsonValue,
  prevHash: hex64,
  hash: hex64,
});

/** The document, checked field by field; cross-references are checked by validateBackup. */
export const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: epoch,
  event: eventSchema,
  prizes: z.array(prizeSchema),
  participants: z.array(participantSchema),
  rounds: z.array(roundSchema),
  claims: z.array(claimSchema),
  audit: z.array(auditSchema),
  /** Support inbox of the event; absent in backups made before it existed (restored as none). */
  supportMessages: z.array(supportMessageSchema).optional(),
  /** The chain's head when the backup was made (seq:hash), to check a live log against later. */
  auditHead: z
    .strictObject({ seq: z.number().int().min(1), hash: hex64 })
    .nullable()
    .optional(),
});

/** A structurally valid backup. */
export type BackupDocument = z.infer<typeof backupSchema>;
/** One round as stored in a backup. */
export type BackupRound = BackupDocument['rounds'][number];
