// The stage's entry: reads the URL, creates the one Pixi Application (WebGL preferred, autoDensity),
// connects to the event and starts the scenes.
// The server's CSP forbids eval; Pixi's unsafe-eval module swaps in eval-free shader/uniform code.
import 'pixi.js/unsafe-eval';
import { Application } from 'pixi.js';
import './style.css';
import { StageApp } from './app';
import { readOptions, stageLook } from './config';
import { StageConnection, resolveEvent } from './net/connection';
import { Sound } from './sound/sound';
import { Caption } from './ui/caption';
import { stringsFor } from './ui/strings';
import { DEFAULT_PRIMARY, FONT_STACK, makeTheme, parseColor } from './ui/theme';

async function main(): Promise<void> {
  const opts = readOptions();
  // Until the event is known (or when there is none), ?lang= or the browser's language.
  const fallbackLang = opts.lang ?? (navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en');
  const fallback = stringsFor(fallbackLang);
  const caption = new Caption(document.body);
  if (opts.overlay) document.documentElement.classList.add(opts.chroma === null ? 'overlay' : 'chroma');
  if (!opts.joinCode) {
    document.documentElement.lang = fallbackLang === 'zh' ? 'zh-CN' : 'en';
    caption.say(fallback.notFound);
    document.getElementById('fallback')!.textContent = fallback.notFound;
    return;
  }
  const info = await resolveEvent(opts.joinCode);
  if (!info) {
    document.documentElement.lang = fallbackLang === 'zh' ? 'zh-CN' : 'en';
    caption.say(fallback.notFound);
    document.getElementById('fallback')!.textContent = fallback.notFound;
    return;
  }
  // The event's settings decide language, colour and logo (URL parameters may override each).
  const conn = new StageConnection(info.id, opts.hostToken);
  const initial = await conn.watch();
  const look = stageLook(opts, initial.event);
  const t = stringsFor(look.lang);
  document.documentElement.lang = look.lang === 'zh' ? 'zh-CN' : 'en';
  // Pixi draws text on a canvas: the bundled faces must be loaded before the first Text renders.
  await Promise.all(
    ['400', '700'].map((w) =>
      document.fonts.load(`${w} 40px ${FONT_STACK}`, '抽奖 Aa').catch(() => undefined),
    ),
  );
  const theme = makeTheme(parseColor(look.primaryColor, DEFAULT_PRIMARY));
  const app = new Application();
  await app.init({
    preference: 'webgl',
    resizeTo: window,
    autoDensity: true,
    resolution: Math.min(2, window.devicePixelRatio || 1),
    antialias: new URLSearchParams(window.location.search).get('antialias') !== '0',
    background: opts.chroma ?? theme.background,
    backgroundAlpha: opts.overlay && opts.chroma === null ? 0 : 1,
  });
  app.canvas.setAttribute('aria-hidden', 'true');
  document.getElementById('stage')!.appendChild(app.canvas);
  const sound = new Sound(import.meta.env.BASE_URL, opts.muted);
  const stage = new StageApp(app, opts, look, conn, info, sound, caption, theme, t);
  await stage.start(initial);
  window.__stage!.ready = true;
}

void main();
