import { test } from 'node:test';
import assert from 'node:assert/strict';
import subsetFont from 'subset-font';
import { sfntToWoff2 } from '../src/render/woff2.js';
import { loadAssets } from '../src/input/files.js';

/** The tables of an sfnt, by tag. */
function tables(sfnt: Uint8Array): Map<string, string> {
  const b = Buffer.from(sfnt);
  const out = new Map<string, string>();
  for (let i = 0; i < b.readUInt16BE(4); i++) {
    const r = 12 + i * 16;
    const off = b.readUInt32BE(r + 8);
    out.set(b.toString('latin1', r, r + 4), b.subarray(off, off + b.readUInt32BE(r + 12)).toString('hex'));
  }
  return out;
}

test('woff2: what our writer makes, the reference decoder (google/woff2, in subset-font) reads back table for table', async () => {
  const assets = loadAssets();
  const text = '在省直机关工会工作会议上的讲话，2016年3月18日。Speech “OK”';
  for (const face of [assets.fonts.find((f) => f.family.includes('Sans') && f.weight === 700 && f.ranges.some(([a, b]) => a <= 0x4f1a && 0x4f1a <= b)), assets.fonts.find((f) => f.family.includes('Serif') && f.ranges.some(([a, b]) => a <= 0x41 && 0x41 <= b))]) {
    assert.ok(face, 'a slice to test with');
    const sfnt = await subsetFont(Buffer.from(face.data), text, { targetFormat: 'sfnt' });
    const woff2 = sfntToWoff2(sfnt);
    assert.equal(Buffer.from(woff2).toString('latin1', 0, 4), 'wOF2');
    assert.equal(woff2.length % 4, 0);
    assert.equal(Buffer.from(woff2).readUInt32BE(8), woff2.length, 'the header gives the file length');
    assert.ok(woff2.length < sfnt.length * 0.8, `compressed (${woff2.length} of ${sfnt.length} bytes)`);
    // keepAllGlyphs with no text: the decoder's sfnt, re-serialized by harfbuzz as the original is.
    const back = await subsetFont(Buffer.from(woff2), '', { targetFormat: 'sfnt', keepAllGlyphs: true });
    const again = await subsetFont(sfnt, '', { targetFormat: 'sfnt', keepAllGlyphs: true });
    const [t1, t2] = [tables(back), tables(again)];
    assert.deepEqual([...t1.keys()].sort(), [...t2.keys()].sort());
    for (const [tag, hex] of t2) if (tag !== 'head') assert.equal(t1.get(tag), hex, `table ${tag} read back as written`);
  }
});

test('woff2: a font whose table runs past its end is refused, not written', () => {
  const b = Buffer.alloc(12 + 16);
  b.writeUInt32BE(0x00010000, 0);
  b.writeUInt16BE(1, 4);
  b.write('glyf', 12, 'latin1');
  b.writeUInt32BE(28, 12 + 8);
  b.writeUInt32BE(100, 12 + 12);
  assert.throws(() => sfntToWoff2(b), /runs past the end/);
});
