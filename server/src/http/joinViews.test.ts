import { expect, test } from 'vitest';
import { JoinViewCounter } from './joinViews';

test('counts views per normalised join code, ignores junk, stays bounded', () => {
  const c = new JoinViewCounter(2);
  c.record('k7m2qx');
  c.record('K7M-2QX');
  c.record('<script>');
  c.record('AB');
  expect(c.views('K7M2QX')).toBe(2);
  c.record('OTHER1');
  c.record('THIRD1');
  expect(c.views('OTHER1')).toBe(1);
  expect(c.views('THIRD1')).toBe(0);
});
