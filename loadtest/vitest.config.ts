import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'loadtest',
    include: ['probe/**/*.test.ts', 'smoke*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
