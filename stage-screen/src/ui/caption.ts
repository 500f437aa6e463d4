// The accessible caption beside the canvas: screen readers (and tests) read the round and its winners.

/** Why: a canvas says nothing to assistive technology; this live region does. */
export class Caption {
  private readonly status: HTMLElement;
  private readonly result: HTMLElement;

  constructor(root: HTMLElement) {
    this.status = root.querySelector('#caption-status')!;
    this.result = root.querySelector('#caption-result')!;
  }

  /** Announces a state change (lobby, round armed, drawing). */
  say(text: string): void {
    this.status.textContent = text;
  }

  /** Announces the result (set as text, never HTML: nicknames are user-typed). */
  winners(roundId: string, text: string, names: string[]): void {
    this.result.dataset.roundId = roundId;
    this.result.dataset.winners = JSON.stringify(names);
    this.result.textContent = text;
  }
}
