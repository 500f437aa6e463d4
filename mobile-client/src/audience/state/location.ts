// Where the phone is: the join code and referral from the URL, and the in-app view from the hash.

/** The event the URL names (/j/<code>, /join/<code>?ref=…, or ?code=… on /), and the invite's share code. */
export interface JoinLocation {
  joinCode: string | null;
  ref: string | null;
}

/** Why: the QR code opens /j/<code>; an invite link (the server's sharePath) opens /join/<code>?ref=<share>. */
export function parseJoinLocation(pathname: string, search: string): JoinLocation {
  const params = new URLSearchParams(search);
  const match = /^\/(?:j|join)\/([^/?#]+)\/?$/.exec(pathname);
  let code = match ? safeDecode(match[1]!) : params.get('code');
  code = code ? normalizeJoinCode(code) : null;
  const ref = params.get('ref');
  return { joinCode: code || null, ref: ref && ref.length <= 64 ? ref : null };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Join codes are typed by people: case, spaces and dashes are forgiven (as the server does). */
export function normalizeJoinCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

/** The in-app views, addressed by the URL hash so the back button works. */
export type AppView =
  { name: 'entry' } | { name: 'wins' } | { name: 'rules' } | { name: 'verify'; roundId: string | null };

/** `#/wins`, `#/rules`, `#/verify/<roundId>`; anything else is the entry view. */
export function parseView(hash: string): AppView {
  const parts = hash.replace(/^#\/?/, '').split('/');
  switch (parts[0]) {
    case 'wins':
      return { name: 'wins' };
    case 'rules':
      return { name: 'rules' };
    case 'verify':
      return {
        name: 'verify',
        roundId: parts[1] && /^[A-Za-z0-9_-]{1,64}$/.test(parts[1]) ? parts[1] : null,
      };
    default:
      return { name: 'entry' };
  }
}

/** The hash of a view (inverse of parseView). */
export function viewHash(view: AppView): string {
  if (view.name === 'verify') return view.roundId ? `#/verify/${view.roundId}` : '#/verify';
  return view.name === 'entry' ? '#/' : `#/${view.name}`;
}
