// The show's keyboard: space draws the armed round, N arms the next prize, D picks wheel or slots for it,
// M mutes, F toggles fullscreen, arrows page the winners. Space/N/D need the host token.

/** What the keys do; the app supplies them. */
export interface KeyActions {
  draw(): void;
  armNext(): void;
  toggleMode(): void;
  mute(): void;
  fullscreen(): void;
  page(delta: number): void;
}

/** Why: a shop counter runs the whole show from one laptop without a mouse. */
export function bindKeys(target: Window, actions: KeyActions, isHost: boolean): void {
  target.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
    const key = e.key.toLowerCase();
    if (key === ' ' && isHost) actions.draw();
    else if (key === 'n' && isHost) actions.armNext();
    else if (key === 'd' && isHost) actions.toggleMode();
    else if (key === 'm') actions.mute();
    else if (key === 'f') actions.fullscreen();
    else if (key === 'arrowright' || key === 'arrowdown' || key === 'pagedown') actions.page(1);
    else if (key === 'arrowleft' || key === 'arrowup' || key === 'pageup') actions.page(-1);
    else return;
    e.preventDefault();
  });
}

/** Why: the host arms "the next prize": the first after the current one (in list order) with units left. */
export function nextPrize<P extends { id: string; quantity: number; awarded: number }>(
  prizes: readonly P[],
  reserved: ReadonlyMap<string, number>,
  currentPrizeId: string | null,
): P | null {
  const start = currentPrizeId === null ? 0 : prizes.findIndex((p) => p.id === currentPrizeId) + 1;
  for (let i = 0; i < prizes.length; i++) {
    const p = prizes[(start + i) % prizes.length]!;
    if (p.quantity - p.awarded - (reserved.get(p.id) ?? 0) > 0) return p;
  }
  return null;
}
