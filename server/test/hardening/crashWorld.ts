// What the crash matrix's client side was told before each SIGKILL (acks, broadcasts), and the checks run
// after every restart: nothing acknowledged lost, no revealed winner changed, no prize unit given twice or
// beyond its quantity, every proof verifying against its round's commitment, the audit chain whole.
import { expect } from 'vitest';
import { verifyProof } from '@drawcast/shared';
import type { ClaimDto, PrizeDto, RoundDto } from '@drawcast/shared';
import { apiCall } from '../harness';

/** A round as the client knew it: the commitment from the create ack, then the close and the result. */
export interface KnownRound {
  commitment: string;
  prizeId: string;
  /** From the close ack (or the first check that saw it closed). */
  entriesDigest: string | null;
  /** Winner ids in place order, from a draw ack, a broadcast or the first check that saw it drawn. */
  winners: string[] | null;
}

/** An import of `rows` people into an event of its own: after a kill it counts all of them or none. */
export interface KnownImport {
  eventId: string;
  rows: number;
  acked: boolean;
}

/** Everything acknowledged so far, kept across kills. */
export class CrashWorld {
  readonly joins = new Map<string, string>(); // participantId → device token (acked joins)
  readonly tokens = new Set<string>(); // every device token ever sent, acked or not
  readonly rounds = new Map<string, KnownRound>();
  readonly prizes = new Map<string, number>(); // prizeId → quantity (acked)
  readonly redeemed = new Set<string>(); // claim ids with an acked redeem
  readonly contacts = new Map<string, string>(); // claim id → recipient (acked contact)
  readonly imports: KnownImport[] = [];
  /** The audit head the last check saw (seq:hash); the next check verifies the chain still reaches it. */
  auditHead: string | null = null;
  checks = 0;
  proofsVerified = 0;
  private readonly verified = new Set<string>();

  constructor(
    readonly eventId: string,
    readonly joinCode: string,
    private readonly token: string,
  ) {}

  private async get<T>(url: string, route: string, token: string | null = this.token): Promise<T> {
    const res = await apiCall<T>(url, 'GET', route, undefined, token);
    if (res.status !== 200) throw new Error(`GET ${route} -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** Every stored participant id of an event, page by page. */
  async participantIds(url: string, eventId: string): Promise<{ total: number; ids: Set<string> }> {
    const ids = new Set<string>();
    let total = 0;
    for (let offset = 0; ; offset += 1000) {
      const page = await this.get<{ total: number; participants: Array<{ id: string }> }>(
        url,
        `/api/events/${eventId}/participants?offset=${offset}&limit=1000`,
      );
      total = page.total;
      for (const p of page.participants) ids.add(p.id);
      if (page.participants.length < 1000) break;
    }
    return { total, ids };
  }

  /** All the invariants, against a freshly restarted server. */
  async check(url: string): Promise<void> {
    this.checks += 1;
    const { ids } = await this.participantIds(url, this.eventId);
    for (const id of this.joins.keys()) expect(ids.has(id), `acked join ${id} lost`).toBe(true);

    const rounds = new Map(
      (await this.get<RoundDto[]>(url, `/api/events/${this.eventId}/rounds`)).map((r) => [r.id, r]),
    );
    for (const [id, known] of this.rounds) {
      const round = rounds.get(id);
      expect(round, `acked round ${id} lost`).toBeDefined();
      expect(round!.commitment).toBe(known.commitment);
      if (known.entriesDigest !== null) expect(round!.entriesDigest).toBe(known.entriesDigest);
      if (known.winners !== null) {
        expect(round!.status).toBe('drawn');
        expect(round!.winners!.map((w) => w.participantId)).toEqual(known.winners);
      }
    }
    for (const round of rounds.values()) {
      // A round whose create ack the kill cut is known from now on, so a later kill cannot change it.
      const known = this.rounds.get(round.id) ?? {
        commitment: round.commitment,
        prizeId: round.prizeId,
        entriesDigest: null,
        winners: null,
      };
      this.rounds.set(round.id, known);
      if (round.entriesDigest !== null) known.entriesDigest ??= round.entriesDigest;
      if (round.status !== 'drawn') continue;
      const fresh = known.winners === null || !this.verified.has(round.id);
      known.winners ??= round.winners!.map((w) => w.participantId);
      // Each proof is verified at every check while there are few; with many (a long matrix run), the new
      // ones and a random sample of the others (each round's winners, commitment and digest are still
      // compared above at every check).
      if (!fresh && this.verified.size > 12 && Math.random() > 6 / this.verified.size) continue;
      this.verified.add(round.id);
      this.proofsVerified += 1;
      const proof = await this.get<Record<string, unknown> & { winners: string[] }>(
        url,
        `/api/rounds/${round.id}/proof`,
        null,
      );
      expect(verifyProof(proof), `proof of ${round.id}`).toMatchObject({ ok: true });
      expect(proof).toMatchObject({ commitment: known.commitment, entriesDigest: known.entriesDigest });
      expect(proof.winners).toEqual(known.winners);
    }

    await this.checkPrizesAndClaims(url, rounds);
    this.auditHead = await this.verifyAudit(url, this.eventId, this.auditHead);

    for (const imp of this.imports) {
      const page = await this.get<{ total: number; participants: unknown[] }>(
        url,
        `/api/events/${imp.eventId}/participants?limit=1`,
      );
      // All or none, and no rows of an unfinished run left in the raw pages either.
      expect([0, imp.rows], `import into ${imp.eventId}`).toContain(page.total);
      expect(page.participants).toHaveLength(Math.min(1, page.total));
      if (imp.acked) expect(page.total).toBe(imp.rows);
      await this.verifyAudit(url, imp.eventId, null);
    }
  }

  private async checkPrizesAndClaims(url: string, rounds: Map<string, RoundDto>): Promise<void> {
    const prizes = await this.get<PrizeDto[]>(url, `/api/events/${this.eventId}/prizes`);
    for (const [id, quantity] of this.prizes) {
      const prize = prizes.find((p) => p.id === id);
      expect(prize, `acked prize ${id} lost`).toBeDefined();
      expect(prize!.quantity).toBe(quantity);
    }
    const claims = await this.get<ClaimDto[]>(url, `/api/events/${this.eventId}/claims`);
    const perPrize = new Map<string, number>();
    const slots = new Set<string>();
    for (const claim of claims) {
      perPrize.set(claim.prizeId, (perPrize.get(claim.prizeId) ?? 0) + 1);
      const slot = `${claim.roundId}#${claim.place}`;
      expect(slots.has(slot), `slot ${slot} awarded twice`).toBe(false);
      slots.add(slot);
      const round = rounds.get(claim.roundId);
      expect(round?.status).toBe('drawn');
      expect(round!.winners![claim.place - 1]!.participantId).toBe(claim.participantId);
    }
    expect(new Set(claims.map((c) => c.code)).size).toBe(claims.length);
    for (const prize of prizes) {
      expect(prize.awarded).toBeLessThanOrEqual(prize.quantity);
      expect(perPrize.get(prize.id) ?? 0).toBeLessThanOrEqual(prize.quantity);
    }
    // Every drawn round has one claim per winner.
    for (const round of rounds.values()) {
      if (round.status !== 'drawn') continue;
      expect(claims.filter((c) => c.roundId === round.id)).toHaveLength(round.winners!.length);
    }
    for (const id of this.redeemed) {
      expect(claims.find((c) => c.id === id)?.status, `acked redeem of ${id} lost`).toBe('redeemed');
    }
    for (const [id, recipient] of this.contacts) {
      const { contact } = await this.get<{ contact: { recipient: string } | null }>(
        url,
        `/api/claims/${id}/contact`,
      );
      expect(contact?.recipient, `acked contact of ${id} lost`).toBe(recipient);
    }
  }

  /** Verifies an event's chain, anchored at a head seen before the kill; returns the head now. */
  private async verifyAudit(url: string, eventId: string, anchor: string | null): Promise<string> {
    const query = anchor === null ? '' : `?head=${anchor}`;
    const result = await this.get<{ ok: boolean; head: { seq: number; hash: string } | null }>(
      url,
      `/api/events/${eventId}/audit/verify${query}`,
    );
    expect(result, `audit chain of ${eventId}`).toMatchObject({ ok: true });
    return `${result.head!.seq}:${result.head!.hash}`;
  }
}
