// Serves the built UIs when they exist (stage at /stage, phone and console at / and /host),
// otherwise the placeholder page; plus docs/API.md as text.
import { existsSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import type { Express } from 'express';
import { PLACEHOLDER_CSS, PLACEHOLDER_HTML } from './placeholder';

/** Why: one process on one port serves everything, with no build step needed for the API alone. */
export function mountUi(app: Express, dirs: { stage: string; mobile: string }, apiDocFile: string): void {
  const stageIndex = path.join(dirs.stage, 'index.html');
  if (existsSync(stageIndex)) {
    app.use('/stage', express.static(dirs.stage, { index: 'index.html' }));
    app.get('/stage/{*rest}', (_req, res) => res.sendFile(stageIndex));
  }
  const mobileIndex = path.join(dirs.mobile, 'index.html');
  if (existsSync(mobileIndex)) {
    const hostIndex = path.join(dirs.mobile, 'host.html');
    app.use(express.static(dirs.mobile, { index: 'index.html' }));
    app.get(['/host', '/host/{*rest}'], (_req, res) =>
      res.sendFile(existsSync(hostIndex) ? hostIndex : mobileIndex),
    );
    // /join/<code>?ref=… is the invite link (sharePath) the server hands out: the same phone app.
    app.get(['/j/{*rest}', '/join/{*rest}'], (_req, res) => res.sendFile(mobileIndex));
  } else {
    app.get('/', (_req, res) => {
      res.type('html').send(PLACEHOLDER_HTML);
    });
  }
  app.get('/placeholder.css', (_req, res) => {
    res.type('css').send(PLACEHOLDER_CSS);
  });
  app.get('/docs/api', (_req, res) => {
    if (existsSync(apiDocFile)) res.type('text/plain; charset=utf-8').sendFile(apiDocFile);
    else res.status(404).type('text/plain').send('docs/API.md is not shipped with this build');
  });
}
