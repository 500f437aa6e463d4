// What the stage URL asks for: /stage/<joinCode>?overlay=1&chroma=green&reducedMotion=1&lang=zh#host=<token>.

/** Parsed page options. */
export interface StageOptions {
  joinCode: string | null;
  /** OBS browser source: transparent background, no lobby chrome. */
  overlay: boolean;
  /** For tools without alpha: a flat key colour instead of transparency (implies overlay). */
  chroma: number | null;
  reducedMotion: boolean;
  lang: 'zh' | 'en';
  /** The host token (from the URL fragment, never sent to the server in a URL): keyboard control and stage timing. */
  hostToken: string | null;
  muted: boolean;
  /** Branding until the event settings carry it: ?color=%23rrggbb&logo=/path/to/logo.png (same origin). */
  primaryColor: string | null;
  logoUrl: string | null;
}

const CHROMA: Record<string, number> = { green: 0x00b140, blue: 0x0047bb, magenta: 0xff00ff };

/** Why: one place reads location, media queries and storage, so scenes only see plain options. */
export function readOptions(loc: Location = window.location): StageOptions {
  const q = new URLSearchParams(loc.search);
  const hash = new URLSearchParams(loc.hash.replace(/^#/, ''));
  const parts = loc.pathname.split('/').filter(Boolean);
  const code = parts[0] === 'stage' && parts[1] ? decodeURIComponent(parts[1]) : (q.get('code') ?? null);
  const chromaName = q.get('chroma');
  const chroma = chromaName === null ? null : (CHROMA[chromaName] ?? CHROMA.green!);
  let hostToken = hash.get('host');
  try {
    if (hostToken) sessionStorage.setItem('drawcast.hostToken', hostToken);
    else hostToken = sessionStorage.getItem('drawcast.hostToken');
  } catch {
    // Storage may be blocked (OBS, private windows): the fragment still works for this load.
  }
  const lang = q.get('lang') ?? (navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en');
  return {
    joinCode: code,
    overlay: q.get('overlay') === '1' || chroma !== null,
    chroma,
    reducedMotion:
      q.get('reducedMotion') === '1' ||
      (q.get('reducedMotion') !== '0' && window.matchMedia('(prefers-reduced-motion: reduce)').matches),
    lang: lang === 'zh' ? 'zh' : 'en',
    hostToken: hostToken || null,
    muted: q.get('muted') === '1',
    primaryColor: q.get('color'),
    logoUrl: q.get('logo')?.startsWith('/') && !q.get('logo')?.startsWith('//') ? q.get('logo') : null,
  };
}
