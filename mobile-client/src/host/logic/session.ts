// The host or staff credential: read once from the URL fragment (never a query string), then kept in
// sessionStorage and wiped from the address bar so it is not bookmarked or shared by accident.

/** Who signed in: the host token, or a staff credential limited to one event's desk and door. */
export type Role = 'host' | 'staff';

/** A credential as the console keeps it. */
export interface Credential {
  token: string;
  role: Role;
}

/** Staff credentials start with this prefix (the server mints them so); anything else is a host token. */
export const STAFF_PREFIX = 'stf_';

/** Why: one place decides the role of a credential, so the UI hides host-only screens from staff. */
export function roleOf(token: string): Role {
  return token.startsWith(STAFF_PREFIX) ? 'staff' : 'host';
}

/** Reads `#token=…` (other fragment parts are kept for routing, e.g. `#token=…&code=…`). */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token');
  return token && token.trim() ? token.trim() : null;
}

/** The fragment with the token removed, to put back in the address bar. */
export function hashWithoutToken(hash: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  params.delete('token');
  const rest = params.toString();
  return rest ? `#${rest}` : '';
}

/** Which screens a role may open; the server enforces the same split on every route and command. */
export function mayOpen(role: Role, screen: string): boolean {
  return role === 'host' || screen === 'desk';
}

const KEY = 'drawcast.host.credential';
/**
 * A staff credential is also kept in localStorage: a camera app opens each scanned desk link in a new tab,
 * which must land signed in. It is limited to one event's desk and revocable; the host token never is.
 */
const STAFF_KEY = 'drawcast.staff.credential';

/** Loads the fragment's token (and clears it) or the one kept for this tab. */
export function loadCredential(win: Window = window): Credential | null {
  const fromHash = tokenFromHash(win.location.hash);
  if (fromHash) {
    win.sessionStorage.setItem(KEY, fromHash);
    win.history.replaceState(
      null,
      '',
      win.location.pathname + win.location.search + hashWithoutToken(win.location.hash),
    );
  }
  const token = fromHash ?? win.sessionStorage.getItem(KEY) ?? win.localStorage.getItem(STAFF_KEY);
  if (token && roleOf(token) === 'staff') win.localStorage.setItem(STAFF_KEY, token);
  return token ? { token, role: roleOf(token) } : null;
}

/** Keeps a typed token for this tab. */
export function saveCredential(token: string, win: Window = window): Credential {
  win.sessionStorage.setItem(KEY, token);
  if (roleOf(token) === 'staff') win.localStorage.setItem(STAFF_KEY, token);
  return { token, role: roleOf(token) };
}

/** Signs out of this tab. */
export function clearCredential(win: Window = window): void {
  win.sessionStorage.removeItem(KEY);
  win.localStorage.removeItem(STAFF_KEY);
}
