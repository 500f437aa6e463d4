// One vitest run over every workspace that has tests; each keeps its own config.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['shared', 'server', 'mobile-client', 'stage-screen', 'loadtest'],
  },
});
