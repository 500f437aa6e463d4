// The stage's entry: reads the URL, creates the one Pixi Application (WebGL preferred, autoDensity),
// connects to the event and starts the scenes.
// The server's CSP forbids eval; Pixi's unsafe-eval module swaps in eval-free shader/uniform code.
import 'pixi.js/unsafe-eval';
import { Application } from 'pixi.js';
import './style.css';
import { StageApp } from './app';
import { readOptions } from './config';
import { StageConnection, resolveEvent } from './net/connection';
import { Sound } from './sound/sound';
import { Caption } from './ui/caption';
import { stringsFor } from './ui/strings';
import { FONT_STACK, makeTheme, parseColor } from './ui/theme';

async function main(): Promise<void> {
  const opts = readOptions();
  const t = stringsFor(opts.lang);
  document.documentElement.lang = opts.lang === 'zh' ? 'zh-CN' : 'en';
  const caption = new Caption(document.body);
  if (opts.overlay) document.documentElement.classList.add(opts.chroma === null ? 'overlay' : 'chroma');
  if (!opts.joinCode) {
    caption.say(t.notFound);
    document.getElementById('fallback')!.textContent = t.notFound;
    return;
  }
  const info = await resolveEvent(opts.joinCode);
  if (!info) {
    caption.say(t.notFound);
    document.getElementById('fallback')!.textContent = t.notFound;
    return;
  }
  // Pixi draws text on a canvas: the bundled faces must be loaded before the first Text renders.
  await Promise.all(
    ['400', '700'].map((w) =>
      document.fonts.load(`${w} 40px ${FONT_STACK}`, '抽奖 Aa').catch(() => undefined),
    ),
  );
  const theme = makeTheme(parseColor(opts.primaryColor, 0xe23d5a));
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
  const conn = new StageConnection(info.id, opts.hostToken);
  const sound = new Sound(import.meta.env.BASE_URL, opts.muted);
  const stage = new StageApp(app, opts, conn, info, sound, caption, theme, t);
  await stage.start();
  window.__stage!.ready = true;
}

void main();
