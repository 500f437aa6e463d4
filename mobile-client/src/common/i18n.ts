// vue-i18n setup: Simplified Chinese or English from the browser's language, a remembered switch.
import { createI18n } from 'vue-i18n';
import en from './locales/en';
import zhCN from './locales/zh-CN';

/** The languages the apps speak. */
export type AppLocale = 'zh-CN' | 'en';

const STORAGE_KEY = 'drawcast.locale';

/** A stored choice wins; otherwise the first browser language that is Chinese or English decides. */
export function detectLocale(languages: readonly string[], stored: string | null): AppLocale {
  if (stored === 'zh-CN' || stored === 'en') return stored;
  for (const lang of languages) {
    const l = lang.toLowerCase();
    if (l.startsWith('zh')) return 'zh-CN';
    if (l.startsWith('en')) return 'en';
  }
  return 'en';
}

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Why: one i18n instance per app, created before mount so the first paint is in the right language. */
export function createAppI18n() {
  const locale = detectLocale(typeof navigator === 'undefined' ? [] : navigator.languages, readStored());
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { en, 'zh-CN': zhCN },
  });
}

/** Switches the language, remembers it, and tells assistive tech via <html lang>. */
export function rememberLocale(locale: AppLocale): void {
  document.documentElement.lang = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // private mode: the switch still works for this page
  }
}
