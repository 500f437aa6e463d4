import { describe, expect, it } from 'vitest';
import { MAX_ODDS_INTERVAL_MS, oddsInterval } from './live-hub';

describe('oddsInterval', () => {
  const options = { oddsIntervalMs: 250, oddsMessagesPerSecond: 4000 };
  it('is ~4 a second for small audiences', () => {
    expect(oddsInterval(0, options)).toBe(250);
    expect(oddsInterval(1000, options)).toBe(250);
  });
  it('keeps a big audience within the message budget', () => {
    expect(oddsInterval(2000, options)).toBe(500);
    expect(oddsInterval(20_000, options)).toBe(5000);
    expect(oddsInterval(1_000_000, options)).toBe(MAX_ODDS_INTERVAL_MS);
  });
});
