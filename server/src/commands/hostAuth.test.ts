import { describe, expect, it } from 'vitest';
import { HostAuthenticator, bearerToken } from './hostAuth';

describe('HostAuthenticator', () => {
  it('accepts the token and refuses others', async () => {
    const auth = new HostAuthenticator('correct-horse-battery-staple', { maxFailures: 3, windowMs: 60_000 });
    expect(await auth.check('1.1.1.1', 'correct-horse-battery-staple')).toEqual({ ok: true });
    expect(await auth.check('1.1.1.1', 'wrong')).toMatchObject({ ok: false, code: 'UNAUTHORIZED' });
    expect(await auth.check('1.1.1.1', undefined)).toMatchObject({ ok: false, code: 'UNAUTHORIZED' });
  });

  it('locks an IP out after maxFailures, even for the right token, and only that IP', async () => {
    const auth = new HostAuthenticator('correct-horse-battery-staple', { maxFailures: 3, windowMs: 60_000 });
    expect(await auth.check('2.2.2.2', 'a')).toMatchObject({ ok: false, code: 'UNAUTHORIZED' });
    expect(await auth.check('2.2.2.2', 'b')).toMatchObject({ ok: false, code: 'UNAUTHORIZED' });
    expect(await auth.check('2.2.2.2', 'c')).toMatchObject({ ok: false, code: 'UNAUTHORIZED' });
    expect(await auth.check('2.2.2.2', 'd')).toMatchObject({ ok: false, code: 'LOCKED_OUT' });
    const locked = await auth.check('2.2.2.2', 'correct-horse-battery-staple');
    expect(locked).toMatchObject({ ok: false, code: 'LOCKED_OUT' });
    if (!locked.ok) expect(locked.retryAfterMs).toBeGreaterThan(0);
    expect(await auth.check('3.3.3.3', 'correct-horse-battery-staple')).toEqual({ ok: true });
  });
});

describe('bearerToken', () => {
  it('parses only well-formed Bearer headers', () => {
    expect(bearerToken('Bearer abc.def')).toBe('abc.def');
    expect(bearerToken('bearer  xyz ')).toBe('xyz');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken('Bearer')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
