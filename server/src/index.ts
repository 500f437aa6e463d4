// Placeholder entry: reads config and listens. Replaced by the server issue.
import http from 'node:http';

const port = Number(process.env.PORT ?? 3000);
http
  .createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Drawcast</title><h1>Drawcast</h1><p>The server is coming.</p>');
  })
  .listen(port, () => console.log(`Drawcast listening on http://localhost:${port}`));
