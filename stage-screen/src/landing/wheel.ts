// The prize wheel's landing maths: which segment sits under the pointer, and the final angle that puts
// the server's winner there at a varied point inside its segment (never on a boundary).
import type { Rng } from './random';

/** A full turn, in radians. */
export const TAU = Math.PI * 2;

/** Screen angle of the pointer (top of the wheel, y axis pointing down as in Pixi). */
export const POINTER_ANGLE = -Math.PI / 2;

/** Keeps the landing this far (as a fraction of a segment) from either edge. */
export const EDGE_MARGIN = 0.12;

/** x mod TAU in [0, TAU). */
export function normalizeAngle(x: number): number {
  const r = x % TAU;
  return r < 0 ? r + TAU : r;
}

/**
 * Wheel-local angle under the pointer when the wheel is rotated by `rotation`. Segment i covers local
 * angles [i, i+1) × TAU/n, drawn clockwise from the wheel's local x axis.
 */
export function localAngleAtPointer(rotation: number): number {
  return normalizeAngle(POINTER_ANGLE - rotation);
}

/** Why: tests and the tick sound need to know which segment the pointer shows at a rotation. */
export function segmentAtPointer(rotation: number, segments: number): number {
  const s = TAU / segments;
  return Math.min(segments - 1, Math.floor(localAngleAtPointer(rotation) / s));
}

/** Where inside its segment the pointer is (0 = leading edge, 1 = trailing edge). */
export function fractionInSegment(rotation: number, segments: number): number {
  const s = TAU / segments;
  const a = localAngleAtPointer(rotation);
  return a / s - Math.floor(a / s);
}

/** What the wheel needs to land: segment count, the winner's segment, where it starts. */
export interface WheelLandingInput {
  segments: number;
  winnerSegment: number;
  startRotation: number;
  /** Whole turns at least before landing (more turns for longer spins). */
  minTurns: number;
  rng: Rng;
}

/**
 * Why: the wheel must land exactly on the server's winner, each time at a different spot in the segment
 * so it never looks staged. Returns a rotation ≥ start + minTurns turns (clockwise, increasing).
 */
export function wheelFinalRotation(input: WheelLandingInput): number {
  const { segments, winnerSegment, startRotation, minTurns, rng } = input;
  if (!Number.isInteger(segments) || segments < 1)
    throw new RangeError('segments must be a positive integer');
  if (!Number.isInteger(winnerSegment) || winnerSegment < 0 || winnerSegment >= segments)
    throw new RangeError('winnerSegment out of range');
  const s = TAU / segments;
  const fraction = EDGE_MARGIN + rng() * (1 - 2 * EDGE_MARGIN);
  const targetLocal = (winnerSegment + fraction) * s;
  // rotation ≡ POINTER_ANGLE − targetLocal (mod TAU), and at least start + minTurns turns.
  const base = POINTER_ANGLE - targetLocal;
  const least = startRotation + Math.max(0, minTurns) * TAU;
  const k = Math.ceil((least - base) / TAU);
  return base + k * TAU;
}

/** Segment boundaries the pointer passed going from one rotation to the next (for the tick sound). */
export function boundariesCrossed(from: number, to: number, segments: number): number {
  const s = TAU / segments;
  const a = Math.floor((from - POINTER_ANGLE) / s);
  const b = Math.floor((to - POINTER_ANGLE) / s);
  return Math.abs(b - a);
}
