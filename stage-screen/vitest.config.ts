import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'stage-screen',
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
