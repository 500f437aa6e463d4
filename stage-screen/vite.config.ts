// The stage is served by the server under /stage/ (index.html for /stage/<joinCode>).
import type { Plugin } from 'vite';
import { defineConfig } from 'vite';
import { makeSounds } from './scripts/make-sounds.ts';

/** Why: the sounds are synthesized at build time (no binary files in git, nothing downloaded). */
function generatedSounds(): Plugin {
  return {
    name: 'drawcast-sounds',
    generateBundle() {
      for (const [name, source] of makeSounds())
        this.emitFile({ type: 'asset', fileName: `sounds/${name}.wav`, source });
    },
    configureServer(server) {
      const sounds = makeSounds();
      server.middlewares.use('/stage/sounds', (req, res, next) => {
        const buf = sounds.get((req.url ?? '').replace(/^\//, '').replace(/\.wav$/, ''));
        if (!buf) return next();
        res.setHeader('Content-Type', 'audio/wav');
        res.end(buf);
      });
    },
  };
}

export default defineConfig({
  base: '/stage/',
  plugins: [generatedSounds()],
  // Pixi is one large chunk by nature; the stage is a single screen, loaded once.
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2020', chunkSizeWarningLimit: 1500 },
});
