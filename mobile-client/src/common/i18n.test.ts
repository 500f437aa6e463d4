import { describe, expect, it } from 'vitest';
import { detectLocale } from './i18n';
import en from './locales/en';
import zhCN from './locales/zh-CN';

describe('detectLocale', () => {
  it('prefers the stored choice, then the browser languages', () => {
    expect(detectLocale(['en-US'], 'zh-CN')).toBe('zh-CN');
    expect(detectLocale(['zh-TW', 'en'], null)).toBe('zh-CN');
    expect(detectLocale(['fr', 'en-GB'], null)).toBe('en');
    expect(detectLocale(['de'], 'xx')).toBe('en');
  });
});

/** English messages with singular | plural forms (called with a count). */
const PLURAL_KEYS = new Set([
  'join.people',
  'entry.drawOf',
  'entry.entries',
  'entry.closed',
  'rules.chartRow',
]);

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('messages', () => {
  it('zh-CN and en have the same keys and placeholders', () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort());
    const get = (o: object, path: string) =>
      path.split('.').reduce<unknown>((x, k) => (x as Record<string, unknown>)[k], o) as string;
    for (const key of keys(en)) {
      const names = (s: string) => [...new Set(s.match(/\{\w+\}/g) ?? [])].sort();
      expect(names(get(zhCN, key)), key).toEqual(names(get(en, key)));
      // vue-i18n syntax characters that would break a message ('|' only where English has plurals)
      expect(get(en, key) + get(zhCN, key), key).not.toMatch(PLURAL_KEYS.has(key) ? /[@$]/ : /[@|$]/);
      if (PLURAL_KEYS.has(key)) expect(get(en, key).split('|'), key).toHaveLength(2);
    }
  });
});
