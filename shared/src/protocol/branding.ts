// Event branding and the stage's display language: the zod shapes the server checks and the console and
// stage read, plus the one rule that picks a language when the host left it on "auto".
import { z } from 'zod';

/** A colour as the console's colour picker gives it: `#rrggbb` (stored lower case). */
export const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/**
 * An image uploaded through `POST /api/events/:id/prize-images` (stored in the data dir, type- and
 * size-checked, served same-origin). Only these may be a logo: the stage works offline, under a CSP that
 * allows same-origin images only.
 */
export const UPLOADED_IMAGE_URL = /^\/media\/prize-images\/[A-Za-z0-9_-]{22}\.(png|jpg|gif|webp)$/;

/** Why: the stage takes the event's colour and logo, not only URL parameters. Replaced whole in a patch. */
export const brandingSchema = z.strictObject({
  primaryColor: z
    .string()
    .regex(HEX_COLOR, 'must be a colour #rrggbb')
    .transform((c) => c.toLowerCase())
    .nullable(),
  logoUrl: z
    .string()
    .regex(UPLOADED_IMAGE_URL, 'must be an image uploaded to this server (/media/prize-images/…)')
    .nullable(),
});
/** Branding as stored and sent: nulls mean the stage's own colour and no logo. */
export type BrandingDto = z.output<typeof brandingSchema>;

/** No branding: the stage's default colour, no logo. */
export const DEFAULT_BRANDING: Readonly<BrandingDto> = Object.freeze({ primaryColor: null, logoUrl: null });

/** The languages the stage speaks; 'auto' follows the event title's script. */
export const displayLanguageSchema = z.enum(['auto', 'zh-CN', 'en']);
/** Inferred from displayLanguageSchema. */
export type DisplayLanguage = z.infer<typeof displayLanguageSchema>;

// Han ideographs, CJK punctuation and full-width forms: a title with any of them is written for Chinese readers.
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const LATIN_LETTER = /[A-Za-z]/;

/**
 * The language the stage speaks for an event. 'auto' reads the title: any Chinese character → zh-CN;
 * Latin letters and no Chinese → en (an English title with Chinese words around it looks wrong on a show);
 * anything else (digits, emoji only) → zh-CN, the audience this system is made for.
 */
export function resolveDisplayLanguage(setting: DisplayLanguage | undefined, title: string): 'zh-CN' | 'en' {
  if (setting === 'zh-CN' || setting === 'en') return setting;
  if (CJK.test(title)) return 'zh-CN';
  return LATIN_LETTER.test(title) ? 'en' : 'zh-CN';
}
