// The stage is served by the server under /stage/ (index.html for /stage/<joinCode>).
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/stage/',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2020' },
});
