import { randomBytes } from 'node:crypto';
import { commitmentOf, computeEntriesDigest, draw } from '@drawcast/shared';
import { describe, expect, it } from 'vitest';
import { appendRecord } from '../../domain/audit/auditChain';
import type { AuditRecord } from '../../domain/audit/auditChain';
import type { BonusSettings } from '../../domain/bonus/bonusSettings';
import { freezeEntries } from '../../domain/bonus/freezeEntries';
import { claimsForDrawnRound, forfeitClaim, redeemClaim } from '../../domain/claims/claim';
import { planRedraw } from '../../domain/claims/redraw';
import { BACKUP_FORMAT, BACKUP_VERSION } from './backupSchema';
import type { BackupDocument } from './backupSchema';
import { validateBackup } from './validateBackup';

const T0 = Date.UTC(2026, 0, 20, 12, 0, 0);
const bonus: BonusSettings = {
  referral: { enabled: true, ticketsPerFriend: 2, maxBonus: 4 },
  earlyBird: { enabled: true, before: T0 + 5_000, tickets: 1 },
};

/** A whole event made with the real rules: referrals, a draw, a redeem, a forfeit and its redraw. */
function buildBackup(): BackupDocument {
  const participants = Array.from({ length: 20 }, (_, i) => ({
    id: `p${String(i).padStart(2, '0')}`,
    eventId: 'e1',
    nickname: `参与者${i}`,
    joinedAt: T0 + i * 1000,
    referredBy: i > 0 && i < 4 ? 'p00' : null,
    checkedInAt: i % 2 === 0 ? T0 + 50_000 : null,
    weight: 1,
  }));
  const entries1 = freezeEntries(participants, bonus, T0 + 60_000);
  for (const p of participants) p.weight = entries1.find((e) => e.id === p.id)!.weight;
  const seed1 = randomBytes(32).toString('hex');
  const drawn1 = draw({
    roundId: 'r1',
    serverSeed: seed1,
    publicEntropy: 'beacon-42',
    entries: entries1,
    k: 3,
  });
  const round1 = {
    id: 'r1',
    eventId: 'e1',
    prizeId: 'prize1',
    k: 3,
    status: 'drawn' as const,
    serverSeed: seed1,
    commitment: drawn1.commitment,
    publicEntropy: 'beacon-42',
    entriesDigest: drawn1.entriesDigest,
    entries: entries1,
    winners: drawn1.winners,
    createdAt: T0 + 59_000,
    drawnAt: T0 + 61_000,
  };
  const settings = { deadline: T0 + 3_600_000 };
  let claims = claimsForDrawnRound({ ...round1, winners: drawn1.winners }, randomBytes, T0 + 61_000);
  claims[0] = redeemClaim(claims[0], { code: claims[0]!.code, at: T0 + 70_000, staff: 'desk-1', settings });
  claims[1] = forfeitClaim(claims[1], {
    code: claims[1]!.code,
    at: T0 + 80_000,
    reason: 'no_show',
    settings,
  });
  const plan = planRedraw(claims[1], {
    code: claims[1]!.code,
    candidates: participants,
    eventClaims: claims,
    checkedInOnly: true,
  });
  const entries2 = freezeEntries(participants, bonus, T0 + 90_000, (p) => plan.eligibleIds.includes(p.id));
  const seed2 = randomBytes(32).toString('hex');
  const drawn2 = draw({ roundId: 'r2', serverSeed: seed2, publicEntropy: '', entries: entries2, k: 1 });
  const round2 = {
    ...round1,
    id: 'r2',
    k: 1,
    serverSeed: seed2,
    commitment: drawn2.commitment,
    publicEntropy: '',
    entriesDigest: drawn2.entriesDigest,
    entries: entries2,
    winners: drawn2.winners,
    replacesClaimCode: plan.replacesClaimCode,
  };
  claims[1] = { ...claims[1]!, redrawRoundId: 'r2' };
  claims = [
    ...claims,
    ...claimsForDrawnRound({ ...round2, winners: drawn2.winners }, randomBytes, T0 + 91_000),
  ];
  const seed3 = randomBytes(32).toString('hex');
  const round3 = {
    ...round1,
    id: 'r3',
    k: 2,
    status: 'committed' as const,
    serverSeed: seed3,
    commitment: commitmentOf(seed3),
    publicEntropy: '',
    entriesDigest: null,
    entries: null,
    winners: null,
    drawnAt: null,
  };
  const audit: AuditRecord[] = [];
  const log = (action: string, subject: string, data: AuditRecord['data']) =>
    audit.push(
      appendRecord(audit.at(-1) ?? null, { at: T0 + audit.length, actor: 'host', action, subject, data }),
    );
  log('event.create', 'event:e1', { title: '年会' });
  log('round.draw', 'round:r1', { winners: drawn1.winners });
  log('claim.forfeit', `claim:${claims[1]!.code}`, { reason: 'no_show' });
  log('round.draw', 'round:r2', { winners: drawn2.winners });
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: T0 + 100_000,
    event: { id: 'e1', title: '2026 年会', createdAt: T0, bonus, claims: settings, joinCode: 'ABC234' },
    prizes: [{ id: 'prize1', eventId: 'e1', name: '一等奖', quantity: 3 }],
    participants,
    rounds: [round1, round2, round3],
    claims: claims.map((c) => ({ ...c, sealedContact: null })),
    audit,
  };
}

/** A fresh backup through JSON text (as a file would be), then changed by `edit`. */
function tampered(edit: (doc: BackupDocument) => void): unknown {
  const doc = JSON.parse(JSON.stringify(buildBackup())) as BackupDocument;
  edit(doc);
  return doc;
}

describe('validateBackup', () => {
  it('accepts a real event, re-deriving every proof, and keeps fields it does not know', () => {
    const doc = buildBackup();
    const parsed = validateBackup(JSON.parse(JSON.stringify(doc)));
    expect(parsed).toEqual(doc);
    expect(parsed.event.joinCode).toBe('ABC234');
    expect(parsed.rounds[1]!.winners).toHaveLength(1);
  });

  it('accepts the heads it carries and a closed, undrawn round with its frozen list', () => {
    const doc = JSON.parse(JSON.stringify(buildBackup())) as BackupDocument;
    doc.auditHead = { seq: doc.audit.at(-1)!.seq, hash: doc.audit.at(-1)!.hash };
    doc.rounds[0]!.auditHead = { seq: 2, hash: doc.audit[1]!.hash };
    const open = doc.rounds[2]!;
    open.entries = doc.rounds[0]!.entries!.slice(0, 4);
    open.entriesDigest = computeEntriesDigest(open.entries);
    open.entriesClosedAt = T0 + 99_000;
    open.entryCount = 4;
    expect(validateBackup(doc)).toEqual(doc);
  });

  it.each<[string, (doc: BackupDocument) => void, string]>([
    ['a random JSON file', (d) => Object.assign(d, { format: 'something' }), 'format'],
    ['a newer version', (d) => Object.assign(d, { version: 2 }), 'version'],
    ['an unknown top-level key', (d) => Object.assign(d, { extra: 1 }), 'backup'],
    [
      'a missing participant field',
      (d) => delete (d.participants[0] as { joinedAt?: number }).joinedAt,
      'participants[0].joinedAt',
    ],
    ['a weight out of range', (d) => (d.participants[3]!.weight = 1001), 'participants[3].weight'],
    ['another event’s prize', (d) => (d.prizes[0]!.eventId = 'e2'), 'prizes[0].eventId'],
    ['a duplicate participant', (d) => d.participants.push({ ...d.participants[0]! }), 'participants[20]'],
    [
      'a referral to a stranger',
      (d) => (d.participants[5]!.referredBy = 'ghost'),
      'participants[5].referredBy',
    ],
    ['an edited seed', (d) => (d.rounds[0]!.serverSeed = '0'.repeat(64)), 'rounds[0].commitment'],
    ['an edited entry weight', (d) => (d.rounds[0]!.entries![0]!.weight += 1), 'rounds[0].entriesDigest'],
    ['an unknown prize', (d) => (d.rounds[2]!.prizeId = 'nope'), 'rounds[2].prizeId'],
    [
      'an entry who is not a participant',
      (d) => (d.rounds[0]!.entries![0]!.id = 'zz'),
      'rounds[0].entries[0]',
    ],
    ['edited entropy', (d) => (d.rounds[0]!.publicEntropy = 'beacon-43'), 'rounds[0].winners'],
    ['swapped winners', (d) => d.rounds[0]!.winners!.reverse(), 'rounds[0].winners'],
    ['a drawn round without entries', (d) => (d.rounds[1]!.entries = null), 'rounds[1]'],
    ['winners on an undrawn round', (d) => (d.rounds[2]!.winners = ['p01', 'p02']), 'rounds[2].winners'],
    [
      'a claim for someone who did not win',
      // Someone who did not win round 1 (the seeds are random, so no fixed id is safe to pick).
      (d) =>
        (d.claims[0]!.participantId = d.participants.find((p) => !d.rounds[0]!.winners!.includes(p.id))!.id),
      'claims[0].participantId',
    ],
    ['a claim on an undrawn round', (d) => (d.claims[0]!.roundId = 'r3'), 'claims[0].roundId'],
    ['a duplicate claim code', (d) => (d.claims[1]!.code = d.claims[0]!.code), 'claims[1]'],
    ['an edited audit row', (d) => (d.audit[2]!.actor = 'mallory'), 'audit[2]'],
    ['a deleted audit row', (d) => d.audit.splice(1, 1), 'audit[1]'],
    [
      'audit rows cut off the end below its head',
      (d) => {
        d.auditHead = { seq: d.audit.at(-1)!.seq, hash: d.audit.at(-1)!.hash };
        d.audit.pop();
      },
      'auditHead',
    ],
    [
      "a round's audit head that is not in the chain",
      (d) => (d.rounds[0]!.auditHead = { seq: 2, hash: 'f'.repeat(64) }),
      'rounds[0].auditHead',
    ],
    [
      'a closed round without its frozen entries',
      (d) => (d.rounds[2]!.entriesClosedAt = T0 + 99_000),
      'rounds[2].entries',
    ],
    [
      'a frozen list whose count differs',
      (d) => (d.rounds[0]!.entryCount = d.rounds[0]!.entries!.length + 1),
      'rounds[0].entryCount',
    ],
  ])('refuses %s, naming the field', (_name, edit, field) => {
    expect(() => validateBackup(tampered(edit))).toThrow(
      expect.objectContaining({ code: 'INVALID_BACKUP', field }),
    );
  });

  it('refuses something that is not an object', () => {
    expect(() => validateBackup('[]')).toThrow(
      expect.objectContaining({ code: 'INVALID_BACKUP', field: 'backup' }),
    );
    expect(() => validateBackup(null)).toThrow(expect.objectContaining({ code: 'INVALID_BACKUP' }));
  });
});
