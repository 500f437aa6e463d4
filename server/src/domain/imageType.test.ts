import { expect, test } from 'vitest';
import { sniffImage } from './imageType';

const bytes = (...xs: Array<number | string>) =>
  Uint8Array.from(xs.flatMap((x) => (typeof x === 'string' ? [...x].map((c) => c.charCodeAt(0)) : [x])));

test('recognises PNG, JPEG, GIF and WebP by their bytes, nothing else', () => {
  expect(sniffImage(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a))).toBe('png');
  expect(sniffImage(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('jpg');
  expect(sniffImage(bytes('GIF89a', 1, 0))).toBe('gif');
  expect(sniffImage(bytes('RIFF', 0, 0, 0, 0, 'WEBPVP8 '))).toBe('webp');
  expect(sniffImage(bytes('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'))).toBeNull();
  expect(sniffImage(bytes('<html>'))).toBeNull();
  expect(sniffImage(new Uint8Array())).toBeNull();
});
