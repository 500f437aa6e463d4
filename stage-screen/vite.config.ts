// The stage is served by the server under /stage/ (index.html for /stage/<joinCode>).
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/stage/',
  // Pixi is one large chunk by nature; the stage is a single screen, loaded once.
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2020', chunkSizeWarningLimit: 1500 },
});
