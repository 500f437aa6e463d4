// The page at `/` until the phone UI is built: plain HTML plus a same-origin stylesheet (CSP-safe).

/** Why: a new user opening the printed URL should learn what runs there and where the API is documented. */
export const PLACEHOLDER_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Drawcast</title>
<link rel="stylesheet" href="/placeholder.css">
</head>
<body>
<main>
<h1>Drawcast</h1>
<p>Provably fair, real-time lucky draws for livestreams, events and shops.</p>
<p>This server is running. The phone app and the stage screen are not built yet, so this page stands in for them.</p>
<ul>
<li>API reference with curl examples: <a href="/docs/api">/docs/api</a> (<code>docs/API.md</code> in the repository)</li>
<li>Health: <a href="/healthz">/healthz</a> &middot; Metrics: <a href="/metrics">/metrics</a></li>
<li>Every round's proof: <code>GET /api/rounds/&lt;roundId&gt;/proof</code></li>
</ul>
</main>
</body>
</html>
`;

/** Why: inline styles would need 'unsafe-inline' in the CSP; a same-origin file does not. */
export const PLACEHOLDER_CSS = `body{font-family:system-ui,sans-serif;margin:0;background:#0f172a;color:#e2e8f0}
main{max-width:40rem;margin:4rem auto;padding:0 1.5rem;line-height:1.6}
h1{font-size:2.5rem;margin-bottom:.5rem}
a{color:#fbbf24}
code{background:#1e293b;padding:.1rem .3rem;border-radius:.25rem}
`;
