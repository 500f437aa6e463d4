import { describe, expect, it } from 'vitest';
import { countdownParts, countdownText, oddsWords } from './format';

describe('oddsWords', () => {
  it('reads like the examples', () => {
    expect(oddsWords(1 / 37, 'en')).toEqual({ kind: 'chance', oneIn: '37', percent: '2.7' });
    expect(oddsWords(0.4, 'en')).toEqual({ kind: 'chance', oneIn: '2.5', percent: '40' });
    expect(oddsWords(0.5, 'en')).toEqual({ kind: 'chance', oneIn: '2', percent: '50' });
  });
  it('rounds N to whole numbers from 10 up and groups thousands by locale', () => {
    expect(oddsWords(1 / 9.96, 'en')).toMatchObject({ oneIn: '10' });
    expect(oddsWords(1 / 12345.4, 'en')).toMatchObject({ oneIn: '12,345', percent: '0.0081' });
    expect(oddsWords(1 / 3.04, 'en')).toMatchObject({ oneIn: '3' });
  });
  it('never shows a real chance as 0 % or an uncertain one as 100 %', () => {
    expect(oddsWords(1e-9, 'en')).toMatchObject({ percent: '0.0000001' });
    expect(oddsWords(0.99999, 'en')).toMatchObject({ percent: '>99.9', oneIn: '1' });
    expect(oddsWords(0.9994, 'en')).toMatchObject({ percent: '99.9' });
  });
  it('has edge cases for no chance and certainty', () => {
    expect(oddsWords(0, 'en')).toEqual({ kind: 'none' });
    expect(oddsWords(Number.NaN, 'en')).toEqual({ kind: 'none' });
    expect(oddsWords(1, 'en')).toEqual({ kind: 'certain' });
  });
});

describe('countdown', () => {
  const units = { d: 'd', h: 'h', min: 'min', s: 's' };
  it('rounds up and keeps the two largest units', () => {
    expect(countdownText(countdownParts(10_200, 10_000), units)).toBe('1 s');
    expect(countdownText(countdownParts(5 * 60_000 + 3000, 0), units)).toBe('5 min 03 s');
    expect(countdownText(countdownParts(2 * 3_600_000 + 5 * 60_000, 0), units)).toBe('2 h 05 min');
    expect(countdownText(countdownParts(3 * 86_400_000 + 4 * 3_600_000, 0), units)).toBe('3 d 4 h');
  });
  it('says when it has expired', () => {
    expect(countdownParts(1000, 1000).expired).toBe(true);
    expect(countdownParts(1000, 999).expired).toBe(false);
  });
});
