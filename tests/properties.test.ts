// Property tests (fast-check): rules that must hold for any manuscript, checked on
// many generated ones: messy whitespace changes nothing; the notes always give
// back every paragraph in order; the planner's limits always hold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSpeech } from '../src/parse/speech.js';
import { closingParagraphs } from '../src/tree.js';
import { planDeck } from '../src/plan/deck.js';
import { notesMismatch } from '../src/plan/coverage.js';
import { hardLimit } from '../src/plan/condense.js';
import { displayWidth } from '../src/lang/text.js';
import { manuscript, ROOT } from './helpers.js';

const DIR = join(ROOT, 'tests', 'fixtures', 'manuscripts');
const texts = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt') && !f.includes('gbk'))
  .map((f) => readFileSync(join(DIR, f), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'));
// Paragraph-sized pieces of real speeches, to assemble new ones from.
const paragraphs = texts.flatMap((t) => t.split('\n').map((l) => l.trim()).filter((l) => l.length > 8));

const INDENT = ['', '  ', '    ', '\t', '\t\t', '\u3000\u3000', ' \u3000'];

/** The same manuscript as a careless typist saves it. */
function messUp(text: string, r: { indent: number[]; crlf: boolean; blank: number[]; spaces: boolean[] }): string {
  const lines = text.split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    let l = line.trim() ? INDENT[r.indent[i % r.indent.length]! % INDENT.length]! + line : '';
    if (r.spaces[i % r.spaces.length]) l = l.replace(/([\u3400-\u9fff])([，。])/, '$1 $2');
    out.push(l);
    if (!line.trim()) return;
    for (let k = 0; k < (r.blank[i % r.blank.length]! % 3); k++) out.push(k === 1 ? '   ' : '');
  });
  const joined = out.join('\n');
  return r.crlf ? joined.replace(/\n/g, '\r\n') : joined;
}

const messArb = fc.record({
  indent: fc.array(fc.nat(10), { minLength: 1, maxLength: 12 }),
  crlf: fc.boolean(),
  blank: fc.array(fc.nat(5), { minLength: 1, maxLength: 12 }),
  spaces: fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }),
});

/** What the parser found, without source lines (which messing up legitimately moves). */
function shape(text: string) {
  const s = parseSpeech(manuscript(text + '\n', 'gen'));
  const strip = (x: unknown): unknown =>
    Array.isArray(x) ? x.map(strip) : x && typeof x === 'object' ? Object.fromEntries(Object.entries(x).filter(([k]) => k !== 'source').map(([k, v]) => [k, strip(v)])) : x;
  return strip({ meta: s.meta, body: s.body, closing: closingParagraphs(s.closing).map((p) => p.text) });
}

test('property: messy whitespace, blank lines and CRLF change nothing the parser finds', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: texts.length - 1 }), messArb, (i, mess) => {
      const clean = texts[i]!;
      // Blank lines are not meaning in these manuscripts: compare against the text with one blank between paragraphs.
      const base = clean.split('\n').filter((l) => l.trim()).join('\n\n');
      assert.deepEqual(shape(messUp(base, mess)), shape(base));
    }),
    { numRuns: 60 },
  );
});

test('property: any speech assembled from real paragraphs keeps every paragraph in its notes, within limits', () => {
  const head = fc.constantFrom('', '在全市工作会议上的讲话\n（2024年3月1日）\n市长  王强\n\n同志们：\n', 'Remarks at the Opening\nJune 1, 2024\nAnn Lee, Director\n\nGood morning.\n');
  const marker = fc.constantFrom('', '一、', '二、', '（一）', '1.', '第一，', '首先，', '一是', 'First, ');
  fc.assert(
    fc.property(head, fc.array(fc.tuple(marker, fc.integer({ min: 0, max: paragraphs.length - 1 })), { minLength: 1, maxLength: 14 }), (h, parts) => {
      const text = h + '\n' + parts.map(([m, k]) => m + paragraphs[k]!.replace(/^[一二三四五六七八九十（）()\d.、，,]+/, '')).join('\n\n') + '\n';
      const speech = parseSpeech(manuscript(text, 'gen'));
      const deck = planDeck(speech);
      assert.equal(notesMismatch(speech, deck), null);
      for (const s of deck.slides) {
        assert.ok(s.items.length <= 5 || s.layout === 'overview' || s.layout === 'figure', `${s.id}: ${s.items.length} items`);
        // A card's text may be two points, a line each: each is a bullet's length at most.
        for (const it of s.items.flatMap((x) => x.split('\n'))) assert.ok(displayWidth(it) <= hardLimit(deck.meta.lang) + 2, `${s.id}: ${it}`);
        assert.ok(s.title.length > 0, `${s.id} has a title`);
      }
      assert.equal(deck.slides[0]!.layout, 'title');
      assert.equal(deck.slides[deck.slides.length - 1]!.layout, 'closing');
    }),
    { numRuns: Number(process.env.PROP_RUNS ?? 150) },
  );
});
