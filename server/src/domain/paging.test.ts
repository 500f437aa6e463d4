import { DrawcastError } from '@drawcast/shared';
import { describe, expect, it } from 'vitest';
import { checkPage, MAX_PAGE } from './paging';

describe('checkPage', () => {
  it('defaults to the first 100', () => {
    expect(checkPage()).toEqual({ offset: 0, limit: 100 });
    expect(checkPage({ offset: 5, limit: MAX_PAGE })).toEqual({ offset: 5, limit: MAX_PAGE });
  });

  it.each([
    [{ offset: -1 }, 'offset'],
    [{ offset: 1.5 }, 'offset'],
    [{ limit: 0 }, 'limit'],
    [{ limit: MAX_PAGE + 1 }, 'limit'],
  ])('refuses %j naming %s', (page, field) => {
    try {
      checkPage(page);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DrawcastError);
      expect((error as DrawcastError).field).toBe(field);
    }
  });
});
