// Round rules: valid round input, public entropy, reveal timing and the state a round shows publicly.
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import { checkBoolean, checkInteger, hasLoneSurrogate } from './textRules';
import { looksLikeId } from './ids';
import type { DrawMode, EventSettings, Round } from './types';

/** The stage animations a host may pick per round. */
export const DRAW_MODES: readonly DrawMode[] = ['wheel', 'slots'];

/** Most winners per round; the prize quantity bounds it further. */
export const MAX_WINNERS_PER_ROUND = 100_000;
/** Longest blocklist of one round. */
export const MAX_BLOCKLIST_LENGTH = 10_000;
/** Longest public entropy string (a beacon value or a lottery result fits easily). */
export const MAX_PUBLIC_ENTROPY_LENGTH = 1_000;

/** A round's parameters after validation. */
export interface ValidRoundInput {
  prizeId: string;
  k: number;
  excludePreviousWinners: boolean;
  checkedInOnly: boolean;
  blocklist: string[];
  drawMode?: DrawMode;
}

/** Why: the stage animation is the host's choice per round; absent means the wheel. */
export function checkDrawMode(value: unknown): DrawMode {
  if (value === undefined) return 'wheel';
  if (typeof value === 'string' && (DRAW_MODES as readonly string[]).includes(value))
    return value as DrawMode;
  throw new DrawcastError(
    ErrorCode.VALIDATION_FAILED,
    `drawMode must be one of ${DRAW_MODES.join(', ')}`,
    'drawMode',
  );
}

/** Validates createRound input; the per-round exclusion toggle falls back to the event's default. */
export function validateRoundInput(input: unknown, settings: EventSettings): ValidRoundInput {
  if (typeof input !== 'object' || input === null) {
    throw new DrawcastError(ErrorCode.VALIDATION_FAILED, 'round must be an object', 'round');
  }
  const raw = input as Record<string, unknown>;
  if (!looksLikeId(raw.prizeId)) {
    throw new DrawcastError(ErrorCode.PRIZE_NOT_FOUND, 'no such prize', 'prizeId');
  }
  const blocklistRaw = raw.blocklist ?? [];
  if (
    !Array.isArray(blocklistRaw) ||
    blocklistRaw.length > MAX_BLOCKLIST_LENGTH ||
    !blocklistRaw.every((id) => typeof id === 'string')
  ) {
    throw new DrawcastError(
      ErrorCode.VALIDATION_FAILED,
      `blocklist must be an array of at most ${MAX_BLOCKLIST_LENGTH} participant ids`,
      'blocklist',
    );
  }
  return {
    prizeId: raw.prizeId,
    k: checkInteger(raw.winners, 'winners', 1, MAX_WINNERS_PER_ROUND),
    excludePreviousWinners:
      raw.excludePreviousWinners === undefined
        ? settings.excludePreviousWinnersDefault
        : checkBoolean(raw.excludePreviousWinners, 'excludePreviousWinners'),
    checkedInOnly: raw.checkedInOnly === undefined ? false : checkBoolean(raw.checkedInOnly, 'checkedInOnly'),
    blocklist: [...new Set(blocklistRaw as string[])],
    // Absent means the wheel; kept absent so rounds stored before the choice existed read the same.
    ...(raw.drawMode === undefined ? {} : { drawMode: checkDrawMode(raw.drawMode) }),
  };
}

/** Validates the host's public entropy: any text that encodes to UTF-8 unambiguously (it is hashed). */
export function validatePublicEntropy(value: unknown): string {
  if (typeof value !== 'string' || value.length > MAX_PUBLIC_ENTROPY_LENGTH || hasLoneSurrogate(value)) {
    throw new DrawcastError(
      ErrorCode.VALIDATION_FAILED,
      `publicEntropy must be text of at most ${MAX_PUBLIC_ENTROPY_LENGTH} characters`,
      'publicEntropy',
    );
  }
  return value;
}

/** Reveal schedule of a draw made at `drawnAt`. */
export interface RevealTimes {
  drawnAt: number;
  revealAt: number;
  phoneRevealAt: number;
}

/** The stage reveals after the animation lead; phones trail it by the stream delay so a delayed video is not spoiled. */
export function revealTimes(drawnAt: number, settings: EventSettings): RevealTimes {
  const revealAt = drawnAt + settings.revealLeadMs;
  return { drawnAt, revealAt, phoneRevealAt: revealAt + settings.streamDelayMs };
}

/** "Revealed" is derived, never stored: true once the phones' reveal time has passed. */
export function isRevealed(round: Pick<Round, 'status' | 'phoneRevealAt'>, now: number): boolean {
  return round.status === 'drawn' && round.phoneRevealAt !== null && now >= round.phoneRevealAt;
}

/** What the public may know of a round's progress. */
export type PublicRoundState = 'committed' | 'drawn' | 'revealed' | 'cancelled';

/** Public state of a round at `now`: 'drawn' means the result exists but is still under wraps. */
export function publicRoundState(
  round: Pick<Round, 'status' | 'phoneRevealAt'>,
  now: number,
): PublicRoundState {
  if (round.status === 'drawn') return isRevealed(round, now) ? 'revealed' : 'drawn';
  return round.status;
}

/** The round joins' odds refer to: the oldest committed one (rounds are drawn in the order created). */
export function currentRoundOf<R extends Pick<Round, 'status' | 'createdAt'>>(
  rounds: readonly R[],
): R | null {
  let current: R | null = null;
  for (const round of rounds) {
    if (round.status !== 'committed') continue;
    if (current === null || round.createdAt < current.createdAt) current = round;
  }
  return current;
}
