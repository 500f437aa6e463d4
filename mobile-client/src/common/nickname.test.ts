import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nicknameSchema } from '../../../shared/src/protocol/schemas';
import { nicknameProblem } from './nickname';

describe('nicknameProblem', () => {
  it('names the problem', () => {
    expect(nicknameProblem('Ann')).toBeNull();
    expect(nicknameProblem('   ')).toBe('empty');
    expect(nicknameProblem('x'.repeat(25))).toBe('tooLong');
    expect(nicknameProblem('a\u0007b')).toBe('control');
    expect(nicknameProblem('a\u202Eb')).toBe('control');
    expect(nicknameProblem('小明👍🏽')).toBeNull();
    expect(nicknameProblem('<img src=x onerror=alert(1)>')).toBe('tooLong');
    expect(nicknameProblem('<img src=x onerror=1>')).toBeNull();
  });

  it('agrees with the server schema on any text', () => {
    const pieces = fc.constantFrom('a', ' ', '\u0000', '\u202E', '👍🏽', '中', '\n', 'é', '\uD800', '-');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(nicknameProblem(text) === null).toBe(nicknameSchema.safeParse(text).success);
      }),
      { numRuns: 2000 },
    );
  });
});
