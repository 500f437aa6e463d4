import { describe, expect, it } from 'vitest';
import {
  roundDrawnDtoSchema,
  roundDtoSchema,
  roundPublicDtoSchema,
  roundRevealDtoSchema,
} from '@drawcast/shared';
import type { RoundView } from '../../services/types';
import {
  isDrawn,
  toAggregateDto,
  toRoundDrawnDto,
  toRoundDto,
  toRoundPublicDto,
  toRoundRevealDto,
  youWonMessages,
} from './roundMapper';

// Cast: later issues add fields the mappers ignore.
const committed = {
  checkedInOnly: false,
  redrawOf: null,
  id: 'rnd_1',
  eventId: 'evt_1',
  prizeId: 'prz_1',
  prizeName: 'TV',
  k: 2,
  excludePreviousWinners: true,
  blocklist: ['p_blocked'],
  commitment: 'c'.repeat(64),
  publicEntropy: '',
  status: 'committed',
  createdAt: 1,
  drawnAt: null,
  revealAt: null,
  phoneRevealAt: null,
  revealed: false,
  entriesClosedAt: null,
  entryCount: null,
  entriesDigest: null,
  winners: null,
  auditHead: null,
  drawMode: 'wheel',
} as RoundView;
const drawn: RoundView = {
  ...committed,
  status: 'drawn',
  drawnAt: 1000,
  revealAt: 4000,
  phoneRevealAt: 9000,
  entriesClosedAt: 1000,
  entryCount: 2,
  entriesDigest: 'd'.repeat(64),
  winners: [
    { participantId: 'p_b', nickname: 'Bo' },
    { participantId: 'p_a', nickname: 'Ann' },
  ],
};

describe('views', () => {
  it('tells drawn rounds apart', () => {
    expect(isDrawn(committed)).toBe(false);
    expect(isDrawn(drawn)).toBe(true);
    expect(isDrawn({ ...drawn, winners: null })).toBe(false);
  });

  it('never puts winners or the blocklist in the public round', () => {
    const dto = toRoundPublicDto(drawn);
    expect(dto).not.toHaveProperty('winners');
    expect(dto).not.toHaveProperty('blocklist');
    expect(dto.roundId).toBe('rnd_1');
  });

  it('gives the stage its revealAt and the audience the phones revealAt', () => {
    if (!isDrawn(drawn)) throw new Error('fixture');
    expect(toRoundDrawnDto(drawn)).toMatchObject({
      revealAt: 4000,
      phoneRevealAt: 9000,
      proofUrl: '/api/rounds/rnd_1/proof',
    });
    expect(toRoundRevealDto(drawn).revealAt).toBe(9000);
  });

  it('numbers places in draw order', () => {
    if (!isDrawn(drawn)) throw new Error('fixture');
    expect(youWonMessages(drawn).map(([id, w]) => [id, w.place, w.revealAt])).toEqual([
      ['p_b', 1, 9000],
      ['p_a', 2, 9000],
    ]);
  });

  it('produces exactly the shared wire shapes, no field more or less', () => {
    if (!isDrawn(drawn)) throw new Error('fixture');
    for (const round of [committed, drawn]) {
      expect(roundDtoSchema.strict().parse(toRoundDto(round))).toEqual(toRoundDto(round));
      expect(roundPublicDtoSchema.strict().parse(toRoundPublicDto(round))).toEqual(toRoundPublicDto(round));
    }
    expect(roundDrawnDtoSchema.strict().parse(toRoundDrawnDto(drawn))).toEqual(toRoundDrawnDto(drawn));
    expect(roundRevealDtoSchema.strict().parse(toRoundRevealDto(drawn))).toEqual(toRoundRevealDto(drawn));
  });

  it('carries the odds per weight class only when given, null before the first result', () => {
    const aggregate = { roundId: 'rnd_1', k: 2, counts: { 1: 3, 2: 1 }, total: 4 };
    expect(toAggregateDto('evt_1', aggregate)).not.toHaveProperty('oddsByWeight');
    const odds = { byWeight: { 1: 0.4, 2: 0.8 }, exact: false };
    const dto = toAggregateDto('evt_1', aggregate, odds);
    expect(dto).toMatchObject({ oddsByWeight: { 1: 0.4, 2: 0.8 }, oddsExact: false });
    expect(dto.oddsByWeight).not.toBe(odds.byWeight);
    expect(toAggregateDto('evt_1', aggregate, { byWeight: null, exact: false }).oddsByWeight).toBeNull();
  });
});
