// Closing a round's entries and reading its frozen list: the draw, the odds of a closed round and the
// public list all use exactly what the close stored.
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import type { Entry } from '@drawcast/shared';
import { entryFilterOf } from '../domain/eligibility';
import { closeBlocker, frozenAggregate, frozenEntryList } from '../domain/entryList';
import type { Round } from '../domain/types';
import { auditMeta, requireRound, type ServiceContext } from './context';
import type { FrozenIndex } from './frozenIndex';
import { entriesNotClosedError, notCommittedError } from './roundErrors';
import type { CloseEntriesView, FrozenEntriesView, RoundView } from './types';
import { roundViews } from './entityViews';

async function viewOf(ctx: ServiceContext, round: Round): Promise<RoundView> {
  const [view] = await roundViews(ctx, round.eventId, [round]);
  return view as RoundView;
}

/** The entries a never-closed round is drawn from: the event's eligible entries right now. */
export async function entriesAtDraw(ctx: ServiceContext, round: Round): Promise<Entry[]> {
  const base = await ctx.store.listEntries(round.eventId, entryFilterOf(round));
  return frozenEntryList(base, round.blocklist).entries;
}

/** The frozen list of a closed round, loaded once per process (a crowd of joins shares one load). */
export function frozenIndexOf(ctx: ServiceContext, round: Round): Promise<FrozenIndex> {
  const cached = ctx.frozen.get(round.id);
  if (cached) return cached;
  const loading = ctx.store.getRoundEntries(round.id).then((entries) => {
    if (entries === null) throw new Error(`round ${round.id} is closed but has no stored entries`);
    const { counts, total } = frozenAggregate(entries);
    return { entries, weights: new Map(entries.map((e) => [e.id, e.weight])), counts, total };
  });
  ctx.frozen.set(round.id, loading);
  loading.catch(() => ctx.frozen.delete(round.id));
  return loading;
}

/** The frozen entries (canonical order) of a closed round. */
export async function frozenEntriesOf(ctx: ServiceContext, round: Round): Promise<Entry[]> {
  return (await frozenIndexOf(ctx, round)).entries;
}

function blockedError(block: NonNullable<ReturnType<typeof closeBlocker>>): DrawcastError {
  if (block.reason === 'EARLIER_ROUND_UNDRAWN') {
    return new DrawcastError(
      ErrorCode.CONFLICT,
      `draw or cancel the older round ${block.roundId} first: this round leaves earlier winners out`,
      'roundId',
    );
  }
  return new DrawcastError(
    ErrorCode.ROUND_NOT_REVEALED,
    `round ${block.roundId} reaches the phones at ${new Date(block.until ?? 0).toISOString()}; close after ` +
      'that (the frozen list is public and leaves its winners out)',
    'roundId',
  );
}

/**
 * Freezes the round's entry list: in one store transaction the eligible entries are listed, stored with
 * their digest and count, and audited. Serialised with draws of the event; a second call is harmless.
 */
export async function closeEntries(ctx: ServiceContext, roundId: unknown): Promise<CloseEntriesView> {
  const found = await requireRound(ctx, roundId);
  return ctx.locks.run(found.eventId, async () => {
    const round = await requireRound(ctx, found.id);
    if (round.status !== 'committed') throw notCommittedError(round);
    if (round.entriesClosedAt !== null) return { round: await viewOf(ctx, round), alreadyClosed: true };
    const block = closeBlocker(round, await ctx.store.listRounds(round.eventId), ctx.clock.now());
    if (block) throw blockedError(block);
    const result = await ctx.store.closeRoundEntries(round.id, ctx.clock.now(), auditMeta(ctx, 'host'));
    switch (result.outcome) {
      case 'closed':
        ctx.odds.forget(round.id);
        return { round: await viewOf(ctx, result.round), alreadyClosed: false };
      case 'already_closed':
        return { round: await viewOf(ctx, result.round), alreadyClosed: true };
      case 'not_found':
        throw new DrawcastError(ErrorCode.ROUND_NOT_FOUND, 'no such round', 'roundId');
      case 'not_committed':
        throw notCommittedError(result.round);
      case 'not_enough_entries':
        throw new DrawcastError(
          ErrorCode.NOT_ENOUGH_ENTRIES,
          `the round needs ${round.k} eligible entries but has ${result.entries}; entries stay open`,
          'winners',
        );
    }
  });
}

/**
 * The public frozen list of a closed round (opaque ids and tickets, as the proof will list them). Held
 * back (ROUND_NOT_REVEALED) while an earlier round's result is still under wraps on the phones, since a
 * list without earlier winners would name them.
 */
export async function getFrozenEntries(ctx: ServiceContext, roundId: unknown): Promise<FrozenEntriesView> {
  const round = await requireRound(ctx, roundId);
  const closedAt = round.entriesClosedAt;
  const digest = round.entriesDigest;
  if (closedAt === null || digest === null) {
    throw round.status === 'cancelled' ? notCommittedError(round) : entriesNotClosedError('the entry list');
  }
  if (round.excludePreviousWinners) {
    const now = ctx.clock.now();
    const hidden = (await ctx.store.listRounds(round.eventId)).find(
      (r) =>
        r.id !== round.id &&
        r.status === 'drawn' &&
        (r.drawnAt ?? 0) <= closedAt &&
        (r.phoneRevealAt ?? 0) > now,
    );
    if (hidden) {
      const until = hidden.phoneRevealAt ?? 0;
      throw blockedError({ reason: 'EARLIER_RESULT_UNREVEALED', roundId: hidden.id, until });
    }
  }
  const entries = await frozenEntriesOf(ctx, round);
  return {
    algorithm: 'drawcast-v1',
    roundId: round.id,
    commitment: round.commitment,
    entriesClosedAt: closedAt,
    entryCount: entries.length,
    entriesDigest: digest,
    entries,
  };
}
