import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'loadtest',
    include: ['cli/**/*.test.ts', 'soak/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
