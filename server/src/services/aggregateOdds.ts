// The odds of every weight class of an aggregate, for the broadcast: phones show them instead of each
// computing an expensive integral (hundreds of winners over several classes) on a cheap CPU.
import type { ServiceContext } from './context';
import type { AggregateOdds, RoundAggregate } from './roundTypes';

/** Why: the server already computes these (worker thread when expensive); sending them costs a few bytes. */
export function aggregateOdds(ctx: ServiceContext, aggregate: RoundAggregate): AggregateOdds {
  if (aggregate.total === 0) return { byWeight: {}, exact: true };
  const cached = ctx.odds.lookup(aggregate.roundId, aggregate.counts, aggregate.k);
  return { byWeight: cached.odds, exact: cached.exact };
}
