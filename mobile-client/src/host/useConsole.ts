// Composables the screens share: the injected store and error messages in the user's language.
import { inject } from 'vue';
import { useI18n } from 'vue-i18n';
import { ApiError } from './api';
import { STORE_KEY } from './consoleStore';
import type { ConsoleStore } from './consoleStore';

/** Why: screens get the one store App created, typed. */
export function useStore(): ConsoleStore {
  const store = inject<ConsoleStore>(STORE_KEY);
  if (!store) throw new Error('console store not provided');
  return store;
}

const KNOWN = [
  'UNAUTHORIZED',
  'FORBIDDEN',
  'ALREADY_REDEEMED',
  'NOT_ENOUGH_ENTRIES',
  'PRIZE_EXHAUSTED',
  'CLAIM_NOT_FOUND',
  'CLAIM_FORFEITED',
  'INVALID_CODE',
  'VALIDATION_FAILED',
  'NETWORK',
];

/** Turns a thrown error into a sentence: a known code in the user's language, else the server's text. */
export function useErrorText() {
  const { t } = useI18n();
  return (err: unknown): string => {
    const code = err instanceof ApiError ? err.code : (err as { code?: string } | null)?.code;
    const msg = err instanceof Error ? err.message : String(err);
    if (code && KNOWN.includes(code)) return t(`errors.${code}`, { msg });
    return t('errors.generic', { msg });
  };
}

/** Formats a server time for the current language. */
export function useTime() {
  const { locale } = useI18n();
  return (at: number | null | undefined): string =>
    at ? new Date(at).toLocaleString(locale.value, { dateStyle: 'short', timeStyle: 'medium' }) : '–';
}
