import { describe, expect, it } from 'vitest';
import type { RoundView } from '../../services/types';
import { isDrawn, toRoundDrawnDto, toRoundPublicDto, toRoundRevealDto, youWonMessages } from './roundMapper';

// Cast: later issues add fields the mappers ignore.
const committed = {
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
  entriesDigest: null,
  winners: null,
} as RoundView;
const drawn: RoundView = {
  ...committed,
  status: 'drawn',
  drawnAt: 1000,
  revealAt: 4000,
  phoneRevealAt: 9000,
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
});
