// The one reveal scheduler: for every drawn round, one list of what is due when (stage, audience,
// winners' notices), its due state stored through the Store, so a restart or a second node never sends
// a part twice.
import type { Logger } from 'pino';
import { revealDuesOf } from '../domain/revealDues';
import type { RevealDue, RevealKind } from '../domain/revealDues';
import type { Clock } from '../services/types';
import type { DrawnRoundView } from './mappers/roundMapper';

/** How long before a part's due time its stored state is claimed, so the send itself waits on no disk. */
export const CLAIM_LEAD_MS = 100;

/** The Store's reveal-schedule methods (any Store has them; declared here so commands need no store import). */
export interface RevealDueStore {
  addRevealDues(dues: readonly RevealDue[]): Promise<void>;
  listPendingRevealDues(): Promise<RevealDue[]>;
  claimRevealDue(roundId: string, kind: RevealKind, sentAt: number): Promise<boolean>;
}

/** What the scheduler needs; `deliver` sends one part (the live hub emits it). */
export interface RevealSchedulerDeps {
  store: RevealDueStore;
  clock: Clock;
  logger: Logger;
  deliver(due: RevealDue, round: DrawnRoundView): void | Promise<void>;
  /** Defaults to CLAIM_LEAD_MS. */
  claimLeadMs?: number;
  /**
   * Several nodes (each hears of every draw from the database): every node sends each part to its own
   * sockets, once (its in-memory sent set); the store's claim only records that the part went out, so a
   * restart does not re-arm it, and a store error does not hold back this node's sockets.
   */
  localDelivery?: boolean;
}

const keyOf = (roundId: string, kind: RevealKind) => `${roundId}\u0000${kind}`;

/**
 * Why: a timer per part, armed at the draw (or at a restart from the store). A part is claimed in the
 * store shortly before it is due (only one caller wins the claim), then sent exactly at its due time.
 */
export class RevealScheduler {
  private readonly timers = new Map<string, { kind: RevealKind; timer: ReturnType<typeof setTimeout> }>();
  private readonly sent = new Set<string>();
  private readonly chains = new Map<string, Promise<unknown>>();
  private closed = false;

  constructor(private readonly deps: RevealSchedulerDeps) {}

  /**
   * A round was drawn and stored (on the one node whose draw won the store's compare-and-set): parts
   * already due (the trusted stage; all of them without a lead or delay) go out at once and are recorded
   * as sent; the others are recorded, then armed (synchronously, so counts are exact at once).
   */
  plan(round: DrawnRoundView): void {
    const now = this.deps.clock.now();
    const dues = revealDuesOf(round).map((due): RevealDue => {
      const key = keyOf(due.roundId, due.kind);
      if (this.closed || due.dueAt > now || this.sent.has(key)) return due;
      this.sent.add(key);
      this.inOrder(due.roundId, async () => {
        try {
          await this.deps.deliver(due, round);
        } catch (err) {
          this.deps.logger.error({ err, roundId: due.roundId, kind: due.kind }, 'reveal failed');
        }
      });
      return { ...due, sentAt: now };
    });
    // Started now, not on a later tick: another node re-arming this round must see the sent parts.
    const stored = this.deps.store.addRevealDues(dues).then(
      () => true,
      (err: unknown) => {
        this.deps.logger.error({ err, roundId: round.id }, 'reveal schedule not stored');
        return false;
      },
    );
    for (const due of dues) if (due.sentAt === null) this.arm(due, round, stored);
  }

  /**
   * After a restart: records the parts of every round given (drawn rounds whose phone reveal is still
   * ahead; parts already recorded keep their state), then arms the parts not sent yet. Returns how many
   * rounds still have their audience release ahead.
   */
  async rearm(rounds: readonly DrawnRoundView[]): Promise<number> {
    if (rounds.length === 0) return 0;
    await this.deps.store.addRevealDues(rounds.flatMap((r) => revealDuesOf(r)));
    const byId = new Map(rounds.map((r) => [r.id, r]));
    for (const due of await this.deps.store.listPendingRevealDues()) {
      const round = byId.get(due.roundId);
      if (round) this.arm(due, round, Promise.resolve(true));
    }
    return this.pendingCount('audience');
  }

  private arm(due: RevealDue, round: DrawnRoundView, stored: Promise<boolean>): void {
    const key = keyOf(due.roundId, due.kind);
    if (this.closed || this.timers.has(key) || this.sent.has(key)) return;
    const lead = this.deps.claimLeadMs ?? CLAIM_LEAD_MS;
    const delay = Math.max(0, due.dueAt - lead - this.deps.clock.now());
    const timer = setTimeout(
      () => this.inOrder(due.roundId, () => this.fire(key, due, round, stored)),
      delay,
    );
    this.timers.set(key, { kind: due.kind, timer });
  }

  /** A round's parts go out in their list's order even when due at the same instant (no stream delay). */
  private inOrder(roundId: string, run: () => Promise<unknown>): void {
    const before = this.chains.get(roundId);
    // Nothing ahead: start now (a part due at the draw goes out before the draw's ack does).
    const next = before ? before.then(run) : run();
    this.chains.set(roundId, next);
    void next.finally(() => {
      if (this.chains.get(roundId) === next) this.chains.delete(roundId);
    });
  }

  private async fire(key: string, due: RevealDue, round: DrawnRoundView, stored: Promise<boolean>) {
    try {
      const local = this.deps.localDelivery === true;
      if (!(await stored) && !local) {
        this.timers.delete(key);
        return;
      }
      const sentAt = Math.max(this.deps.clock.now(), due.dueAt);
      if (!(await this.claim(due, sentAt)) && !local) {
        this.timers.delete(key);
        this.sent.add(key);
        return;
      }
      // Node's timers may fire a millisecond before Date.now() reaches the due time: wait again until it has.
      for (let wait = due.dueAt - this.deps.clock.now(); wait > 0; wait = due.dueAt - this.deps.clock.now()) {
        if (this.closed) return;
        await new Promise<void>((resolve) => {
          this.timers.set(key, { kind: due.kind, timer: setTimeout(resolve, wait) });
        });
      }
      if (this.closed) return;
      this.timers.delete(key);
      this.sent.add(key);
      await this.deps.deliver(due, round);
    } catch (err) {
      this.timers.delete(key);
      if (!this.closed)
        this.deps.logger.error({ err, roundId: due.roundId, kind: due.kind }, 'reveal failed');
    }
  }

  /** The store's claim; with local delivery a store error is logged and the part still goes out here. */
  private async claim(due: RevealDue, sentAt: number): Promise<boolean> {
    if (!this.deps.localDelivery) return this.deps.store.claimRevealDue(due.roundId, due.kind, sentAt);
    try {
      return await this.deps.store.claimRevealDue(due.roundId, due.kind, sentAt);
    } catch (err) {
      this.deps.logger.warn({ err, roundId: due.roundId, kind: due.kind }, 'reveal not recorded as sent');
      return false;
    }
  }

  /** True once this process sent (or saw sent) the part. */
  hasSent(roundId: string, kind: RevealKind): boolean {
    return this.sent.has(keyOf(roundId, kind));
  }

  /** Parts of one kind still waiting here, for logs and tests. */
  pendingCount(kind: RevealKind): number {
    let n = 0;
    for (const t of this.timers.values()) if (t.kind === kind) n += 1;
    return n;
  }

  /** Cancels every timer (shutdown); a restart re-arms what was not sent from the store. */
  close(): void {
    this.closed = true;
    for (const t of this.timers.values()) clearTimeout(t.timer);
    this.timers.clear();
  }
}
