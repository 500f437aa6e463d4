// Pages served while an app is not built (and the 404 page): plain HTML plus a same-origin stylesheet (CSP-safe).

/** Escapes text for HTML (join codes in the URL are user input). */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/placeholder.css">
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

const LINKS = `<ul>
<li>API reference with curl examples: <a href="/docs/api">/docs/api</a> (<code>docs/API.md</code> in the repository)</li>
<li>Health: <a href="/healthz">/healthz</a> &middot; Metrics: <a href="/metrics">/metrics</a></li>
<li>Every round's proof: <code>GET /api/rounds/&lt;roundId&gt;/proof</code></li>
</ul>`;

const BUILD_HINT = `<p>Build the apps with <code>npm run build</code> (or start with <code>npm start</code>, which builds
them when missing), then reload this page.</p>`;

/** Why: a new user opening the printed URL should learn what runs there and where the API is documented. */
export const PLACEHOLDER_HTML = page(
  'Drawcast',
  `<h1>Drawcast</h1>
<p>Provably fair, real-time lucky draws for livestreams, events and shops.</p>
<p>This server is running. The phone app and the stage screen are not built yet, so this page stands in for them.</p>
${BUILD_HINT}
${LINKS}`,
);

/** /stage before the stage screen is built: the banner links here. */
export const STAGE_PLACEHOLDER_HTML = page(
  'Drawcast stage screen',
  `<h1>Stage screen</h1>
<p>The stage screen (join QR, live crowd, wheel and slot-machine draws) is not built on this server yet.</p>
${BUILD_HINT}
${LINKS}`,
);

/** /host before the host console is built. */
export const HOST_PLACEHOLDER_HTML = page(
  'Drawcast host console',
  `<h1>Host console</h1>
<p>The host console is not built on this server yet. Until it is, drive an event with the REST API and the
host token (see the API reference).</p>
${BUILD_HINT}
${LINKS}`,
);

/** /join/<code> (a participant's invite link) before the phone app is built. */
export function joinPlaceholderHtml(joinCode: string): string {
  return page(
    'Join a Drawcast draw',
    `<h1>Join event ${escapeHtml(joinCode)}</h1>
<p>This is an invite link to a Drawcast draw. The phone app that opens it is not built on this server yet,
so you cannot join from this page.</p>
${BUILD_HINT}
${LINKS}`,
  );
}

/** Any other path outside /api that names nothing. */
export function notFoundHtml(pathName: string): string {
  return page(
    'Not found - Drawcast',
    `<h1>Page not found</h1>
<p>Nothing lives at <code>${escapeHtml(pathName)}</code> on this Drawcast server.</p>
<p>Go to the <a href="/">start page</a>.</p>
${LINKS}`,
  );
}

/** Why: inline styles would need 'unsafe-inline' in the CSP; a same-origin file does not. */
export const PLACEHOLDER_CSS = `body{font-family:system-ui,sans-serif;margin:0;background:#0f172a;color:#e2e8f0}
main{max-width:40rem;margin:4rem auto;padding:0 1.5rem;line-height:1.6}
h1{font-size:2.5rem;margin-bottom:.5rem}
a{color:#fbbf24}
code{background:#1e293b;padding:.1rem .3rem;border-radius:.25rem}
`;
