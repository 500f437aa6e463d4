// The desk URL a winner's QR holds: any camera app on a staff phone opens the prize desk with the code
// filled in. The code rides in the URL fragment, so it never reaches a server log.

/** The fragment key naming the desk screen; the console opens its desk when the fragment has it. */
export const DESK_FRAGMENT = 'desk';

/** Why: one place builds the link the phone shows and the console parses (`/host#desk&code=…`). */
export function deskUrlFor(origin: string, code: string): string {
  return `${origin.replace(/\/+$/, '')}/host#${DESK_FRAGMENT}&code=${encodeURIComponent(code)}`;
}

/** The code a desk fragment carries (`#desk&code=…`, `#code=…`), or null when it carries none. */
export function deskCodeFromHash(hash: string): string | null {
  const code = new URLSearchParams(hash.replace(/^#/, '')).get('code');
  return code && code.trim() ? code.trim() : null;
}

/** Whether a fragment asks for the desk screen (a scanned desk link, or `#desk`). */
export function wantsDesk(hash: string): boolean {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.has(DESK_FRAGMENT) || params.has('code');
}
