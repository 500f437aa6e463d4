// The round form's pure rules: which prizes can still be drawn, and what the form holds after a draw.

/** The prize fields the round form needs (quantity and units awarded so far). */
export interface PrizeUnits {
  id: string;
  quantity: number;
  awarded: number;
}

/** Units still to give; never negative, so a prize edited below its awards reads as none left. */
export function unitsLeft(p: PrizeUnits): number {
  return Math.max(0, p.quantity - p.awarded);
}

/** The prize the form should offer first: the chosen one while it has units, else the first with units. */
export function pickPrize(prizes: readonly PrizeUnits[], current: string): string {
  const chosen = prizes.find((p) => p.id === current);
  if (chosen && unitsLeft(chosen) > 0) return chosen.id;
  return prizes.find((p) => unitsLeft(p) > 0)?.id ?? '';
}

/** The round form's fields that a draw resets (the mode and the checkboxes stay as the host set them). */
export interface RoundFormReset {
  prizeId: string;
  winners: number;
}

/** After a draw: one winner again, and a prize that still has units (the drawn one may have none left). */
export function resetAfterDraw(prizes: readonly PrizeUnits[], current: string): RoundFormReset {
  return { prizeId: pickPrize(prizes, current), winners: 1 };
}
