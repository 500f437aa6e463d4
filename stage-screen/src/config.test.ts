import { describe, expect, it } from 'vitest';
import type { EventDto } from '@drawcast/shared';
import { eventSettingsFixture } from '@drawcast/shared/testing';
import { lookChanged, readOptions, stageLook } from './config';

const LOGO = '/media/prize-images/AAAAAAAAAAAAAAAAAAAAAA.png';

function event(title: string, settings: Partial<EventDto['settings']> = {}): EventDto {
  return {
    id: 'evt_1',
    title,
    joinCode: 'ABCDEF',
    status: 'open',
    createdAt: 0,
    settings: eventSettingsFixture(settings),
  };
}
const none = { lang: null, primaryColor: null, logoUrl: null };

describe('stageLook', () => {
  it("follows the event: its language setting, else the title's script; its colour and logo", () => {
    expect(stageLook(none, event('2026 年会'))).toEqual({ lang: 'zh', primaryColor: null, logoUrl: null });
    expect(stageLook(none, event('Spring Gala')).lang).toBe('en');
    expect(stageLook(none, event('Spring Gala', { displayLanguage: 'zh-CN' })).lang).toBe('zh');
    expect(
      stageLook(
        none,
        event('年会', { displayLanguage: 'en', branding: { primaryColor: '#1e88e5', logoUrl: LOGO } }),
      ),
    ).toEqual({ lang: 'en', primaryColor: '#1e88e5', logoUrl: LOGO });
  });

  it('lets the URL override each part (an OBS scene), and ignores a logo that is not an uploaded image', () => {
    const ev = event('年会', { branding: { primaryColor: '#1e88e5', logoUrl: LOGO } });
    expect(stageLook({ lang: 'en', primaryColor: '#000000', logoUrl: '/x.png' }, ev)).toEqual({
      lang: 'en',
      primaryColor: '#000000',
      logoUrl: '/x.png',
    });
    expect(
      stageLook(none, event('年会', { branding: { primaryColor: null, logoUrl: 'https://x.test/l.png' } }))
        .logoUrl,
    ).toBeNull();
  });

  it('notices a change of any part', () => {
    const a = stageLook(none, event('年会'));
    expect(lookChanged(a, { ...a })).toBe(false);
    expect(lookChanged(a, { ...a, primaryColor: '#ffffff' })).toBe(true);
    expect(lookChanged(a, { ...a, lang: 'en' })).toBe(true);
  });
});

describe('readOptions', () => {
  const at = (href: string) => new URL(href) as unknown as Location;
  it("takes the host token from #host= or from the console's #token= link", () => {
    expect(readOptions(at('http://x/stage/ABCDEF?reducedMotion=0#host=secret-1')).hostToken).toBe('secret-1');
    expect(readOptions(at('http://x/stage/ABCDEF?reducedMotion=0#token=secret%2B2')).hostToken).toBe(
      'secret+2',
    );
    expect(readOptions(at('http://x/stage/ABCDEF?reducedMotion=0')).hostToken).toBeNull();
  });
});
