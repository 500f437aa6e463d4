// Subsets Noto Sans CJK SC (Debian's fonts-noto-cjk) to the glyphs the stage's own words need (printable
// ASCII, punctuation, and every character of the Chinese UI strings), with harfbuzz's hb-subset (wasm).
// The result is committed (src/assets/), so a fresh clone needs neither the system font nor this script;
// re-run it after changing ui/strings.ts:  npx tsx stage-screen/scripts/make-font.ts
// Nicknames may use any character: the font stack falls back to the system's CJK fonts for those.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
/** Face 2 of the Noto CJK collections is Simplified Chinese (JP, KR, SC, TC, HK). */
const SC_FACE = 2;
const SOURCES = {
  regular: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  bold: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
};

/** Every character the stage prints itself. */
export function uiCharacters(): string {
  const strings = readFileSync(path.join(here, '../src/ui/strings.ts'), 'utf8');
  const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
  return [...new Set(ascii + '…★×←→·•—' + strings.replace(/[ -~\s]/g, ''))].join('');
}

interface HbSubset {
  memory: WebAssembly.Memory;
  malloc(n: number): number;
  free(p: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(b: number): void;
  hb_blob_get_length(b: number): number;
  hb_blob_get_data(b: number, lengthOut: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(f: number): void;
  hb_face_reference_blob(f: number): number;
  hb_set_add(set: number, codepoint: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(i: number): void;
  hb_subset_input_unicode_set(i: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

/** Why: a 20 MB collection cannot ship; the subset of a few hundred glyphs is tens of kB. */
export async function subsetFace(font: Buffer, faceIndex: number, text: string): Promise<Buffer> {
  const wasm = readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
  const { instance } = await WebAssembly.instantiate(wasm);
  const hb = instance.exports as unknown as HbSubset;
  const ptr = hb.malloc(font.length);
  new Uint8Array(hb.memory.buffer).set(font, ptr);
  const blob = hb.hb_blob_create(ptr, font.length, 2, 0, 0);
  const face = hb.hb_face_create(blob, faceIndex);
  hb.hb_blob_destroy(blob);
  const input = hb.hb_subset_input_create_or_fail();
  const unicodes = hb.hb_subset_input_unicode_set(input);
  for (const ch of text) hb.hb_set_add(unicodes, ch.codePointAt(0)!);
  const subset = hb.hb_subset_or_fail(face, input);
  hb.hb_subset_input_destroy(input);
  if (!subset) throw new Error('hb_subset_or_fail failed');
  const out = hb.hb_face_reference_blob(subset);
  const data = hb.hb_blob_get_data(out, 0);
  const length = hb.hb_blob_get_length(out);
  const result = Buffer.from(new Uint8Array(hb.memory.buffer, data, length));
  hb.hb_blob_destroy(out);
  hb.hb_face_destroy(subset);
  hb.hb_face_destroy(face);
  hb.free(ptr);
  return result;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = uiCharacters();
  for (const [weight, file] of Object.entries(SOURCES)) {
    const out = await subsetFace(readFileSync(file), SC_FACE, text);
    const target = path.join(here, `../src/assets/drawcast-sans-${weight}.otf`);
    writeFileSync(target, out);
    process.stdout.write(`${target}: ${out.length} bytes, ${[...text].length} characters\n`);
  }
}
