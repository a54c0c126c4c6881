// Fonts: from the fontsource slices, keep only the glyphs the deck shows.
import subsetFont from 'subset-font';
import type { FontFace, FontSource } from '../types.js';

export interface FontNeed {
  family: string;
  weight: number;
  chars: Set<string>;
}

function covers(ranges: Array<[number, number]>, cp: number): boolean {
  return ranges.some(([a, b]) => cp >= a && cp <= b);
}

function unicodeRange(cps: number[]): string {
  return cps
    .sort((a, b) => a - b)
    .map((c) => 'U+' + c.toString(16))
    .join(',');
}

/**
 * woff2 for what is shipped (index.html); sfnt, four times faster to make, for
 * pages that are only measured or printed (Chromium subsets again into the PDF).
 *
 * For each face, each fontsource slice that holds a needed character is cut down
 * to exactly those characters (harfbuzz via subset-font) and kept as woff2, with
 * a unicode-range naming only them, so the browser and the PDF get all the glyphs
 * they need and nothing else.
 */
export type FontFormat = 'woff2' | 'sfnt';

// fontsource ships woff2; subset-font would decompress a slice on every call.
// Decompress each slice once per process (keepAllGlyphs: a plain re-encode) and
// subset the sfnt from then on. Bounded by the few hundred slices that exist.
const decompressed = new WeakMap<FontSource, Promise<Buffer>>();
function sfntOf(slice: FontSource): Promise<Buffer> {
  let p = decompressed.get(slice);
  if (!p) {
    p = subsetFont(Buffer.from(slice.data), '', { targetFormat: 'sfnt', keepAllGlyphs: true });
    decompressed.set(slice, p);
  }
  return p;
}

export async function subsetFonts(sources: FontSource[], needs: FontNeed[], format: FontFormat = 'woff2'): Promise<FontFace[]> {
  const jobs: Array<Promise<FontFace>> = [];
  for (const need of needs) {
    const cps = [...need.chars].map((c) => c.codePointAt(0)!).filter((c) => c >= 0x20);
    const slices = sources.filter((s) => s.family === need.family && s.weight === need.weight);
    for (const slice of slices) {
      const mine = cps.filter((c) => covers(slice.ranges, c));
      if (!mine.length) continue;
      const text = String.fromCodePoint(...mine);
      jobs.push(
        sfntOf(slice).then((sfnt) => subsetFont(sfnt, text, { targetFormat: format })).then((buf: Buffer) => ({
          family: need.family,
          weight: need.weight,
          format,
          data: new Uint8Array(buf),
          unicodeRange: unicodeRange(mine),
        })),
      );
    }
  }
  return Promise.all(jobs);
}

export function fontFaceCss(faces: FontFace[]): string {
  return faces
    .map(
      (f) =>
        `@font-face{font-family:'${f.family}';font-weight:${f.weight};font-style:normal;font-display:block;` +
        `src:url(data:font/${f.format === 'woff2' ? 'woff2' : 'ttf'};base64,${Buffer.from(f.data).toString('base64')}) format('${f.format === 'woff2' ? 'woff2' : 'truetype'}');unicode-range:${f.unicodeRange}}`,
    )
    .join('\n');
}
