import { expect, test } from 'vitest';
import {
  clearCredential,
  hashWithoutToken,
  loadCredential,
  mayOpen,
  roleOf,
  saveCredential,
  tokenFromHash,
} from './session';

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

/** A window with only what the session code touches: two storages, a location and history. */
function fakeWindow(hash: string): Window {
  const storage = () => {
    const m = new Map<string, string>();
    return {
      getItem: (k: string) => m.get(k) ?? null,
      setItem: (k: string, v: string) => void m.set(k, v),
      removeItem: (k: string) => void m.delete(k),
    };
  };
  const location = { hash, pathname: '/host', search: '' };
  return {
    location,
    sessionStorage: storage(),
    localStorage: storage(),
    history: {
      replaceState: (_s: unknown, _t: string, url: string) => (location.hash = url.replace(/^[^#]*/, '')),
    },
  } as unknown as Window;
}

test('a staff credential survives a new tab (a scanned desk link); the host token does not', () => {
  const win = fakeWindow('#token=stf_abc&desk&code=X');
  expect(loadCredential(win)).toEqual({ token: 'stf_abc', role: 'staff' });
  expect(win.location.hash).not.toContain('stf_abc');
  // A new tab: empty sessionStorage, same localStorage.
  const newTab = { ...win, sessionStorage: fakeWindow('').sessionStorage } as Window;
  expect(loadCredential(newTab)).toEqual({ token: 'stf_abc', role: 'staff' });
  clearCredential(newTab);
  expect(loadCredential(newTab)).toBeNull();

  const host = fakeWindow('');
  saveCredential('host-token-0123456789', host);
  const hostNewTab = { ...host, sessionStorage: fakeWindow('').sessionStorage } as Window;
  expect(loadCredential(hostNewTab)).toBeNull();
});
