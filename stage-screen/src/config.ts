// What the stage URL asks for: /stage/<joinCode>?overlay=1&chroma=green&reducedMotion=1&lang=zh#host=<token>,
// and the look (language, colour, logo) that follows from it and the event's settings.
import { UPLOADED_IMAGE_URL, resolveDisplayLanguage } from '@drawcast/shared';
import type { EventDto } from '@drawcast/shared';

/** Parsed page options. */
export interface StageOptions {
  joinCode: string | null;
  /** OBS browser source: transparent background, no lobby chrome. */
  overlay: boolean;
  /** For tools without alpha: a flat key colour instead of transparency (implies overlay). */
  chroma: number | null;
  reducedMotion: boolean;
  /** ?lang= (zh, zh-CN or en) overrides the event's display language; null = the event decides. */
  lang: 'zh' | 'en' | null;
  /** The host token (from the URL fragment, never sent to the server in a URL): keyboard control and stage timing. */
  hostToken: string | null;
  muted: boolean;
  /** Overrides of the event's branding (an OBS scene may want its own): ?color=%23rrggbb&logo=/path.png. */
  primaryColor: string | null;
  logoUrl: string | null;
  /**
   * Frame savers (default on): the wheel's disc cached as one texture, reels without stencil masks.
   * ?cache=0 turns them off, so the bench can measure both ways in one run.
   */
  frameSavers: boolean;
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
  // #host= (the stage's own) or #token= (the console's links, like the printed console link).
  let hostToken = hash.get('host') || hash.get('token');
  try {
    if (hostToken) sessionStorage.setItem('drawcast.hostToken', hostToken);
    else hostToken = sessionStorage.getItem('drawcast.hostToken');
  } catch {
    // Storage may be blocked (OBS, private windows): the fragment still works for this load.
  }
  const lang = q.get('lang')?.toLowerCase() ?? null;
  return {
    joinCode: code,
    overlay: q.get('overlay') === '1' || chroma !== null,
    chroma,
    reducedMotion:
      q.get('reducedMotion') === '1' ||
      (q.get('reducedMotion') !== '0' && window.matchMedia('(prefers-reduced-motion: reduce)').matches),
    lang: lang === null ? null : lang.startsWith('zh') ? 'zh' : lang.startsWith('en') ? 'en' : null,
    hostToken: hostToken || null,
    muted: q.get('muted') === '1',
    primaryColor: q.get('color'),
    logoUrl: q.get('logo')?.startsWith('/') && !q.get('logo')?.startsWith('//') ? q.get('logo') : null,
    frameSavers: q.get('cache') !== '0',
  };
}

/** How the stage looks and speaks for an event: the URL's overrides first, then the event's settings. */
export interface StageLook {
  lang: 'zh' | 'en';
  /** '#rrggbb' or null for the stage's own colour. */
  primaryColor: string | null;
  /** A same-origin image path or null. */
  logoUrl: string | null;
}

/**
 * Why: the stage speaks the event's language (not the projector browser's) and wears its branding; an OBS
 * scene can still override each with ?lang=, ?color= and ?logo=.
 */
export function stageLook(
  opts: Pick<StageOptions, 'lang' | 'primaryColor' | 'logoUrl'>,
  event: EventDto,
): StageLook {
  const branding = event.settings.branding;
  const eventLogo = branding?.logoUrl && UPLOADED_IMAGE_URL.test(branding.logoUrl) ? branding.logoUrl : null;
  return {
    lang:
      opts.lang ??
      (resolveDisplayLanguage(event.settings.displayLanguage, event.title) === 'en' ? 'en' : 'zh'),
    primaryColor: opts.primaryColor ?? branding?.primaryColor ?? null,
    logoUrl: opts.logoUrl ?? eventLogo,
  };
}

/** True when two looks differ (the host changed the branding or language while the stage runs). */
export function lookChanged(a: StageLook, b: StageLook): boolean {
  return a.lang !== b.lang || a.primaryColor !== b.primaryColor || a.logoUrl !== b.logoUrl;
}
