import { expect, test } from 'vitest';
import { hashWithoutToken, mayOpen, roleOf, tokenFromHash } from './session';

test('the token comes from the fragment and is removed from it', () => {
  expect(tokenFromHash('#token=abc%2Bdef')).toBe('abc+def');
  expect(tokenFromHash('#code=X&token=t1')).toBe('t1');
  expect(tokenFromHash('')).toBeNull();
  expect(tokenFromHash('#token=')).toBeNull();
  expect(hashWithoutToken('#token=t1')).toBe('');
  expect(hashWithoutToken('#token=t1&code=ABC')).toBe('#code=ABC');
});

test('staff credentials only open the desk; the host opens everything', () => {
  expect(roleOf('stf_abc')).toBe('staff');
  expect(roleOf('some-host-token')).toBe('host');
  for (const screen of ['event', 'prizes', 'rounds', 'participants', 'dashboard', 'records', 'support']) {
    expect(mayOpen('staff', screen)).toBe(false);
    expect(mayOpen('host', screen)).toBe(true);
  }
  expect(mayOpen('staff', 'desk')).toBe(true);
});
