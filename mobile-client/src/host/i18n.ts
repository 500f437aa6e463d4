// vue-i18n for the console: English and Simplified Chinese, the choice kept per browser.
import { createI18n } from 'vue-i18n';
import en from './locales/en';
import zhCN from './locales/zh-CN';

/** The console's languages. */
export const LOCALES = ['en', 'zh-CN'] as const;
/** One of LOCALES. */
export type ConsoleLocale = (typeof LOCALES)[number];

const KEY = 'drawcast.host.locale';

/** Why: a saved choice wins, else the browser's language (zh* → zh-CN), else English. */
export function initialLocale(saved: string | null, browser: readonly string[]): ConsoleLocale {
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return browser.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

/** The i18n instance (composition mode). */
export function createConsoleI18n() {
  const locale = initialLocale(localStorage.getItem(KEY), navigator.languages ?? [navigator.language]);
  document.documentElement.lang = locale;
  return createI18n({ legacy: false, locale, fallbackLocale: 'en', messages: { en, 'zh-CN': zhCN } });
}

/** Switches language, remembers it, and sets <html lang> for screen readers and fonts. */
export function rememberLocale(locale: ConsoleLocale): void {
  localStorage.setItem(KEY, locale);
  document.documentElement.lang = locale;
}
