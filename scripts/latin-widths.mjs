// `node scripts/latin-widths.mjs`: writes src/render/latin-widths.ts, the advance
// width (in em) of every printable ASCII character in the faces the deck draws with
// (Noto Sans SC 400 and 700, Noto Serif SC 700), read from the fontsource files the
// project installs. The slide-height model (src/render/estimate.ts) reads Latin text
// with it; tests/latin-widths.test.ts checks that the table still matches the fonts.
import { readFileSync, writeFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const FACES = {
  sans400: 'noto-sans-sc/files/noto-sans-sc-latin-400-normal.woff',
  sans700: 'noto-sans-sc/files/noto-sans-sc-latin-700-normal.woff',
  serif700: 'noto-serif-sc/files/noto-serif-sc-latin-700-normal.woff',
};

/** The tables of a WOFF 1.0 file (zlib-compressed where smaller), by tag. */
function woffTables(buf) {
  if (buf.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 file');
  const n = buf.readUInt16BE(12);
  const tables = {};
  for (let i = 0; i < n; i++) {
    const e = 44 + 20 * i;
    const tag = buf.toString('latin1', e, e + 4);
    const offset = buf.readUInt32BE(e + 4);
    const comp = buf.readUInt32BE(e + 8);
    const orig = buf.readUInt32BE(e + 12);
    const data = buf.subarray(offset, offset + comp);
    tables[tag] = comp < orig ? inflateSync(data) : data;
  }
  return tables;
}

/** Glyph id of each BMP character, from the cmap's format 4 subtable. */
function cmap4(cmap) {
  const count = cmap.readUInt16BE(2);
  for (let i = 0; i < count; i++) {
    const off = cmap.readUInt32BE(4 + 8 * i + 4);
    if (cmap.readUInt16BE(off) !== 4) continue;
    const segX2 = cmap.readUInt16BE(off + 6);
    const ends = off + 14;
    const starts = ends + segX2 + 2;
    const deltas = starts + segX2;
    const ranges = deltas + segX2;
    return (code) => {
      for (let s = 0; s < segX2 / 2; s++) {
        const end = cmap.readUInt16BE(ends + 2 * s);
        if (code > end) continue;
        const start = cmap.readUInt16BE(starts + 2 * s);
        if (code < start) return 0;
        const delta = cmap.readUInt16BE(deltas + 2 * s);
        const ro = cmap.readUInt16BE(ranges + 2 * s);
        if (ro === 0) return (code + delta) & 0xffff;
        const g = cmap.readUInt16BE(ranges + 2 * s + ro + 2 * (code - start));
        return g === 0 ? 0 : (g + delta) & 0xffff;
      }
      return 0;
    };
  }
  throw new Error('no format 4 cmap');
}

/** Advance width in em of each printable ASCII character in one face. */
export function faceWidths(file) {
  const t = woffTables(readFileSync(join(root, 'node_modules', '@fontsource', file)));
  const upem = t.head.readUInt16BE(18);
  const metrics = t.hhea.readUInt16BE(34);
  const glyph = cmap4(t.cmap);
  const advance = (g) => t.hmtx.readUInt16BE(4 * Math.min(g, metrics - 1));
  const out = {};
  // Printable ASCII, and the punctuation the Latin slice holds for Chinese text too
  // (curly quotes, dashes, ellipsis, middle dot): proportional there, not full-width.
  const chars = [...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)), ...'‘’“”–—…·'];
  for (const ch of chars) {
    const g = glyph(ch.codePointAt(0));
    if (g) out[ch] = Math.round((advance(g) / upem) * 1000) / 1000;
  }
  return out;
}

export function table() {
  return Object.fromEntries(Object.entries(FACES).map(([k, f]) => [k, faceWidths(f)]));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const body = Object.entries(table())
    .map(([k, w]) => `  ${k}: ${JSON.stringify(w)},`)
    .join('\n');
  writeFileSync(
    join(root, 'src', 'render', 'latin-widths.ts'),
    `// Written by scripts/latin-widths.mjs from the fontsource files: do not edit.\n` +
      `// Advance width in em of each printable ASCII character (and the Latin slice's curly quotes, dashes, ellipsis, middle dot), per face the deck draws with.\n` +
      `export const LATIN_WIDTHS: Record<'sans400' | 'sans700' | 'serif700', Record<string, number>> = {\n${body}\n};\n`,
  );
  console.log('wrote src/render/latin-widths.ts');
}
