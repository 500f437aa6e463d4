import { describe, expect, it } from 'vitest';
import { lastVisibleResult, planReveal, revealedBeforeJoining, suspenseProgress } from './reveal';

describe('planReveal', () => {
  it('ends the suspense exactly at revealAt on the server clock', () => {
    // This phone runs 3 s ahead of the server: offset (server − local) is −3000.
    const plan = planReveal(100_000, -3000, 99_000);
    expect(plan).toEqual({ showAtLocal: 103_000, suspenseMs: 4000, late: false });
  });
  it('shows at once, without suspense, when revealAt has passed (late or offline phone)', () => {
    expect(planReveal(100_000, 0, 100_500)).toEqual({ showAtLocal: 100_500, suspenseMs: 0, late: true });
    expect(planReveal(100_000, 0, 100_000).late).toBe(true);
  });
  it('two phones with different clocks show at the same true instant', () => {
    const trueNow = 50_000;
    const a = planReveal(55_000, 0, trueNow); // exact clock
    const b = planReveal(55_000, 7000, trueNow - 7000); // 7 s behind
    expect(a.showAtLocal - trueNow).toBe(b.showAtLocal - (trueNow - 7000));
  });
});

describe('suspenseProgress', () => {
  it('runs 0 → 1 over the suspense', () => {
    const plan = planReveal(10_000, 0, 6000);
    expect(suspenseProgress(plan, 6000)).toBe(0);
    expect(suspenseProgress(plan, 8000)).toBe(0.5);
    expect(suspenseProgress(plan, 12_000)).toBe(1);
    expect(suspenseProgress(planReveal(0, 0, 1), 1)).toBe(1);
  });
});

describe('revealedBeforeJoining', () => {
  const result = (revealAt: number, winners: string[]) => ({
    revealAt,
    winners: winners.map((participantId) => ({ participantId })),
  });
  it('skips a result revealed before this phone joined, unless it names this phone', () => {
    expect(revealedBeforeJoining(result(1000, ['p_a']), 2000, 'p_me')).toBe(true);
    expect(revealedBeforeJoining(result(1000, ['p_me']), 2000, 'p_me')).toBe(false);
  });
  it('shows results revealed after joining, and everything when the join time is unknown (a reload)', () => {
    expect(revealedBeforeJoining(result(3000, ['p_a']), 2000, 'p_me')).toBe(false);
    expect(revealedBeforeJoining(result(2000, ['p_a']), 2000, 'p_me')).toBe(false);
    expect(revealedBeforeJoining(result(1000, ['p_a']), null, 'p_me')).toBe(false);
  });
});

describe('lastVisibleResult', () => {
  const result = (revealAt: number, winners: string[]) => ({
    revealAt,
    winners: winners.map((participantId) => ({ participantId })),
  });
  it('hides results revealed before this phone joined that do not name it', () => {
    expect(lastVisibleResult([result(1000, ['p_a'])], 2000, 'p_me')).toBeNull();
    const won = result(1000, ['p_me']);
    expect(lastVisibleResult([won, result(1500, ['p_a'])], 2000, 'p_me')).toBe(won);
    const later = result(3000, ['p_a']);
    expect(lastVisibleResult([result(1000, ['p_a']), later], 2000, 'p_me')).toBe(later);
  });
  it('shows the last result when the join time is unknown (a reload), and null for none', () => {
    const last = result(1500, ['p_a']);
    expect(lastVisibleResult([result(1000, ['p_a']), last], null, 'p_me')).toBe(last);
    expect(lastVisibleResult([], 2000, 'p_me')).toBeNull();
  });
});
