// Serves the built UIs when they exist (stage at /stage, phone at /, /j/ and /join/, console at /host),
// otherwise a page per app saying it is not built yet; docs/API.md as text; a 404 page for the rest.
import { existsSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import type { Express, RequestHandler } from 'express';
import {
  HOST_PLACEHOLDER_HTML,
  PLACEHOLDER_CSS,
  PLACEHOLDER_HTML,
  STAGE_PLACEHOLDER_HTML,
  joinPlaceholderHtml,
  notFoundHtml,
} from './placeholder';

const html =
  (body: string): RequestHandler =>
  (_req, res) => {
    res.type('html').send(body);
  };

/** Why: one process on one port serves everything, with no build step needed for the API alone. */
export function mountUi(app: Express, dirs: { stage: string; mobile: string }, apiDocFile: string): void {
  const stageIndex = path.join(dirs.stage, 'index.html');
  if (existsSync(stageIndex)) {
    app.use('/stage', express.static(dirs.stage, { index: 'index.html' }));
    app.get('/stage/{*rest}', (_req, res) => res.sendFile(stageIndex));
  } else {
    app.get(['/stage', '/stage/{*rest}'], html(STAGE_PLACEHOLDER_HTML));
  }
  const mobileIndex = path.join(dirs.mobile, 'index.html');
  if (existsSync(mobileIndex)) {
    const hostIndex = path.join(dirs.mobile, 'host.html');
    app.use(express.static(dirs.mobile, { index: 'index.html' }));
    app.get(['/host', '/host/{*rest}'], (_req, res) =>
      existsSync(hostIndex) ? res.sendFile(hostIndex) : res.type('html').send(HOST_PLACEHOLDER_HTML),
    );
    // The join QR (/j/…) and a participant's invite link (/join/<code>?ref=…) open the phone app.
    app.get(['/j/{*rest}', '/join/{*rest}'], (_req, res) => res.sendFile(mobileIndex));
  } else {
    app.get('/', html(PLACEHOLDER_HTML));
    app.get(['/host', '/host/{*rest}'], html(HOST_PLACEHOLDER_HTML));
    app.get('/join/:joinCode', (req, res) => {
      res.type('html').send(joinPlaceholderHtml(String(req.params.joinCode)));
    });
  }
  app.get('/placeholder.css', (_req, res) => {
    res.type('css').send(PLACEHOLDER_CSS);
  });
  app.get('/docs/api', (_req, res) => {
    if (existsSync(apiDocFile)) res.type('text/plain; charset=utf-8').sendFile(apiDocFile);
    else res.status(404).type('text/plain').send('docs/API.md is not shipped with this build');
  });
  // Unknown pages outside /api (which answers JSON) get an HTML 404; Socket.IO's own paths are left alone.
  app.use((req, res, next) => {
    if (req.path.startsWith('/socket.io/')) return next();
    res.status(404).type('html').send(notFoundHtml(req.path));
  });
}
