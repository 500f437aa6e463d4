import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'loadtest',
    include: ['probe/**/*.test.ts', 'cli/**/*.test.ts', 'soak/**/*.test.ts', 'smoke*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
