// Recognises the prize image formats the console accepts from their first bytes (never from the name).

/** Accepted prize image formats: raster only (an SVG could carry script). */
export const IMAGE_TYPES = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
} as const;

/** One of IMAGE_TYPES' keys. */
export type ImageExtension = keyof typeof IMAGE_TYPES;

/** Largest prize image: plenty for a 1200 px photo, small enough for a projector's page. */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

/** Why: the declared Content-Type is the uploader's word; the bytes decide what is stored and served. */
export function sniffImage(bytes: Uint8Array): ImageExtension | null {
  const at = (i: number) => bytes[i] ?? -1;
  const ascii = (from: number, text: string) => [...text].every((c, i) => at(from + i) === c.charCodeAt(0));
  if (at(0) === 0x89 && ascii(1, 'PNG') && at(4) === 0x0d && at(5) === 0x0a) return 'png';
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'jpg';
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return 'gif';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'webp';
  return null;
}
