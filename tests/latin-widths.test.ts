// The table of Latin advance widths (src/render/latin-widths.ts) is written from the
// installed fonts by scripts/latin-widths.mjs: it must still be what they say.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LATIN_WIDTHS } from '../src/render/latin-widths.js';

test('latin widths: the table is what the installed fontsource files say (else run node scripts/latin-widths.mjs)', async () => {
  // @ts-expect-error: a plain .mjs script
  const { table } = await import('../scripts/latin-widths.mjs');
  assert.deepEqual(LATIN_WIDTHS, table());
  // The faces differ as they should: bold is wider, serif bold wider still for most letters.
  assert.ok(LATIN_WIDTHS.sans700['m']! > LATIN_WIDTHS.sans400['m']!);
  assert.equal(LATIN_WIDTHS.sans400[' '], 0.224);
});
