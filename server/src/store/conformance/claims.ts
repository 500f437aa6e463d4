// Store contract: claims stored with the draw, redeem/forfeit compare-and-set, contacts, redraw links.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { claimsForDrawnRound } from '../../domain/claims/claim';
import type { Round } from '../../domain/types';
import type { Store } from '../store';
import { fixtures, SYS } from './kit';
import type { ConformanceKit } from './kit';

const staff = (at: number) => ({ actor: 'staff:desk-1' as const, at });

/** Registers the claims part of the Store contract. */
export function describeClaimContract(kit: ConformanceKit): void {
  const { setup, seeded } = kit;

  /** A drawn round of k winners with their claims. */
  async function drawn(store: Store, n = 5, k = 2, quantity = 3) {
    const base = await seeded(store, n, quantity);
    const round = fixtures.round(base.event.id, base.prize.id, { k });
    await store.insertRound(round, SYS);
    const winners = base.participants.slice(0, k).map((p) => p.id);
    const claims = claimsForDrawnRound({ ...round, winners }, randomBytes, 5_000);
    const result = await store.commitDrawResult(round.id, { ...fixtures.outcome(winners), claims }, SYS);
    expect(result.outcome).toBe('drawn');
    return { ...base, round, claims };
  }

  describe('claims', () => {
    it('stores one claim per winner with the draw, findable by id, code, event and participant', async () => {
      const { store, reopen } = await setup();
      const { event, participants, claims } = await drawn(store);
      const again = await reopen();
      expect(await again.getClaim(claims[0]!.id)).toEqual({ ...claims[0], contact: null });
      expect(await again.getClaimByCode(claims[1]!.code)).toEqual({ ...claims[1], contact: null });
      expect((await again.listClaims(event.id)).map((c) => c.place)).toEqual([1, 2]);
      expect(await again.listClaimsOfParticipant(participants[1]!.id)).toEqual([
        { ...claims[1], contact: null },
      ]);
      expect(await again.getClaim('clm_missing')).toBeNull();
      expect(await again.getClaimByCode('NOPE')).toBeNull();
    });

    it('refuses a draw whose claim code is taken, leaving the round committed', async () => {
      const { store } = await setup();
      const { event, prize, participants, claims } = await drawn(store, 5, 1);
      const round = fixtures.round(event.id, prize.id, { createdAt: 4_500 });
      await store.insertRound(round, SYS);
      const winner = participants[3]!.id;
      const clash = {
        ...claimsForDrawnRound({ ...round, winners: [winner] }, randomBytes, 1)[0]!,
        code: claims[0]!.code,
      };
      const result = await store.commitDrawResult(
        round.id,
        { ...fixtures.outcome([winner]), claims: [clash] },
        SYS,
      );
      expect(result).toMatchObject({ outcome: 'claim_code_taken' });
      expect((await store.getRound(round.id))?.status).toBe('committed');
      expect((await store.getParticipant(winner))?.hasWon).toBe(false);
      expect((await store.getPrize(prize.id))?.awarded).toBe(1);
    });

    it('redeems once, even when two desks race; a redeemed claim cannot be forfeited', async () => {
      const { store } = await setup();
      const { claims } = await drawn(store);
      const [a, b] = await Promise.all([
        store.redeemClaim(claims[0]!.id, staff(10)),
        store.redeemClaim(claims[0]!.id, staff(11)),
      ]);
      const results = [a, b];
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({
        reason: 'NOT_PENDING',
        claim: { status: 'redeemed' },
      });
      expect(await store.getClaim(claims[0]!.id)).toMatchObject({ status: 'redeemed', redeemedBy: 'desk-1' });
      expect(await store.forfeitClaim(claims[0]!.id, 'no_show', SYS)).toMatchObject({
        ok: false,
        reason: 'NOT_PENDING',
      });
      expect(await store.redeemClaim('clm_missing', staff(1))).toEqual({
        ok: false,
        reason: 'CLAIM_NOT_FOUND',
      });
    });

    it('forfeiting frees the prize unit; contacts are kept only on pending claims', async () => {
      const { store } = await setup();
      const { prize, claims } = await drawn(store);
      const contact = {
        sealed: 'v1.x',
        masked: { recipient: '张*', phone: '138****5678', address: '北京市海淀区**' },
        submittedAt: 7,
      };
      expect(await store.setClaimContact(claims[1]!.id, contact, SYS)).toMatchObject({
        ok: true,
        claim: { contact },
      });
      const forfeited = await store.forfeitClaim(claims[1]!.id, 'no_show', { actor: 'host', at: 20 });
      expect(forfeited).toMatchObject({
        ok: true,
        claim: { status: 'forfeited', forfeitedAt: 20, forfeitReason: 'no_show' },
      });
      expect((await store.getPrize(prize.id))?.awarded).toBe(1);
      expect(await store.setClaimContact(claims[1]!.id, contact, SYS)).toMatchObject({
        ok: false,
        reason: 'NOT_PENDING',
      });
      expect(await store.forfeitClaim(claims[1]!.id, 'deadline', SYS)).toMatchObject({
        ok: false,
        reason: 'NOT_PENDING',
      });
      expect((await store.getPrize(prize.id))?.awarded).toBe(1);
    });

    it('links a redraw round to its forfeited claim once; cancelling the redraw unlinks it', async () => {
      const { store } = await setup();
      const { event, prize, round, claims } = await drawn(store, 5, 2, 2);
      const redrawOf = (i: number) => ({
        claimId: claims[i]!.id,
        roundId: round.id,
        place: claims[i]!.place,
      });
      const redrawRound = (i: number): Round =>
        fixtures.round(event.id, prize.id, { redrawOf: redrawOf(i), createdAt: 6_000 });
      expect(await store.insertRound(redrawRound(0), SYS)).toMatchObject({
        ok: false,
        reason: 'NOT_FORFEITED',
      });
      await store.forfeitClaim(claims[0]!.id, 'no_show', SYS);
      const first = redrawRound(0);
      expect(await store.insertRound(first, SYS)).toEqual({ ok: true });
      expect(await store.getRound(first.id)).toEqual(first);
      expect((await store.getClaim(claims[0]!.id))?.redrawRoundId).toBe(first.id);
      expect(await store.insertRound(redrawRound(0), SYS)).toMatchObject({
        ok: false,
        reason: 'ALREADY_REDRAWN',
      });
      expect(
        await store.insertRound(
          fixtures.round(event.id, prize.id, { redrawOf: { ...redrawOf(0), claimId: 'clm_none' } }),
          SYS,
        ),
      ).toEqual({ ok: false, reason: 'CLAIM_NOT_FOUND' });
      await store.cancelRound(first.id, SYS);
      expect((await store.getClaim(claims[0]!.id))?.redrawRoundId).toBeNull();
      expect(await store.insertRound(redrawRound(0), SYS)).toEqual({ ok: true });
    });
  });
}
