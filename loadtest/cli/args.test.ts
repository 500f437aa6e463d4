import { describe, expect, it } from 'vitest';
import { parseLoadtestArgs, UsageError } from './args';

describe('parseLoadtestArgs', () => {
  it('reads the documented command', () => {
    const o = parseLoadtestArgs([
      '--scenario',
      'join',
      '--phones',
      '5000',
      '--target',
      'http://127.0.0.1:3000',
    ]);
    expect(o).toMatchObject({ scenario: 'join', phones: 5000, targets: ['http://127.0.0.1:3000'], nodes: 1 });
    expect(o.rampSeconds).toBe(10);
    expect(o.workers).toBe(1);
  });

  it('spreads big audiences over processes below the open-file limit', () => {
    expect(parseLoadtestArgs(['--scenario', 'steady']).workers).toBe(2);
    expect(parseLoadtestArgs(['--scenario', 'join', '--phones', '20000']).workers).toBe(3);
  });

  it('gives the steady run its targets by default', () => {
    expect(parseLoadtestArgs(['--scenario', 'steady'])).toMatchObject({
      phones: 10_000,
      rate: 5000,
      durationSeconds: 60,
    });
  });

  it('refuses an unknown scenario, option or a bad number', () => {
    expect(() => parseLoadtestArgs(['--scenario', 'nope'])).toThrow(UsageError);
    expect(() => parseLoadtestArgs(['--scenario', 'join', '--phonez', '3'])).toThrow(UsageError);
    expect(() => parseLoadtestArgs(['--scenario', 'join', '--phones', 'many'])).toThrow(/--phones/);
    expect(() => parseLoadtestArgs(['--scenario', 'join', '--nodes', '3'])).toThrow(/--nodes/);
  });
});
