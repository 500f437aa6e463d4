import { describe, expect, it } from 'vitest';
import { brandingSchema, resolveDisplayLanguage } from './branding';

describe('brandingSchema', () => {
  it('takes #rrggbb (lower-cased) and an uploaded image path, or nulls', () => {
    expect(
      brandingSchema.parse({
        primaryColor: '#A1B2C3',
        logoUrl: '/media/prize-images/AAAAAAAAAAAAAAAAAAAAAA.png',
      }),
    ).toEqual({ primaryColor: '#a1b2c3', logoUrl: '/media/prize-images/AAAAAAAAAAAAAAAAAAAAAA.png' });
    expect(brandingSchema.parse({ primaryColor: null, logoUrl: null })).toEqual({
      primaryColor: null,
      logoUrl: null,
    });
  });

  it.each([
    { primaryColor: 'red', logoUrl: null },
    { primaryColor: '#abc', logoUrl: null },
    { primaryColor: '#abcdeg', logoUrl: null },
    { primaryColor: null, logoUrl: 'https://cdn.test/logo.png' },
    { primaryColor: null, logoUrl: '//evil.test/media/prize-images/AAAAAAAAAAAAAAAAAAAAAA.png' },
    { primaryColor: null, logoUrl: '/media/prize-images/../../etc/passwd' },
    { primaryColor: null },
    { primaryColor: null, logoUrl: null, extra: 1 },
  ])('refuses %j', (value) => {
    expect(brandingSchema.safeParse(value).success).toBe(false);
  });
});

describe('resolveDisplayLanguage', () => {
  it('keeps an explicit choice', () => {
    expect(resolveDisplayLanguage('en', '年会')).toBe('en');
    expect(resolveDisplayLanguage('zh-CN', 'Spring Gala')).toBe('zh-CN');
  });
  it('auto: Chinese title → zh-CN, Latin title → en, neither → zh-CN', () => {
    expect(resolveDisplayLanguage('auto', '2026 年会')).toBe('zh-CN');
    expect(resolveDisplayLanguage('auto', 'Gala 抽奖')).toBe('zh-CN');
    expect(resolveDisplayLanguage(undefined, 'Spring Gala 2026')).toBe('en');
    expect(resolveDisplayLanguage('auto', '2026 🎉')).toBe('zh-CN');
  });
});
