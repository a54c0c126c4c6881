// Property tests (fast-check) for hostile and mutated text: random manuscripts
// salted with template syntax, HTML, `${…}`, javascript: URLs and control
// characters never crash reading, planning or rendering; every line comes back
// verbatim from the notes; no markup but our own reaches a slide.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSpeech } from '../src/parse/speech.js';
import { planDeck } from '../src/plan/deck.js';
import { notesMismatch } from '../src/plan/coverage.js';
import { deckFromOutline, outlineText } from '../src/plan/outline.js';
import { slidesMarkup } from '../src/render/html.js';
import { loadAssets } from '../src/input/files.js';
import { decodeBytes } from '../src/input/decode.js';
import { SpeechdeckError } from '../src/errors.js';
import { manuscript, ROOT } from './helpers.js';

const DIR = join(ROOT, 'tests', 'fixtures', 'manuscripts');
const paragraphs = readdirSync(DIR)
  .filter((f) => /^(0|1[0-6])\d?-.*\.txt$/.test(f) && !f.includes('gbk'))
  .flatMap((f) => readFileSync(join(DIR, f), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/))
  .map((l) => l.trim())
  .filter((l) => l.length > 4);

const HOSTILE = [
  '{{title}}', '{{{occasion}}}', '{{#items}}x{{/items}}', '{{^x}}', '{{/slides}}', '{{.}}', '${process.exit(1)}', '${x}', '`${y}`',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">a</a>', 'javascript:void(0)',
  '<style>*{display:none}</style>', '</aside>', '</section>', '<!--', '-->', ']]>', '&amp;', '&lt;', '&#x3C;', '"\'', '<wbr>',
  '\u0001', '\u0007', '\u001b[31m', '\u200b', '\u202e', '\ufeff', '\u2028', '\ud83d\ude00', '\t', '\\', '$&', '$1',
];

/** A paragraph with hostile pieces put in at random places. */
const salted = fc
  .tuple(fc.integer({ min: 0, max: paragraphs.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...HOSTILE)), { maxLength: 4 }))
  .map(([k, ins]) => {
    let p = paragraphs[k]!;
    for (const [at, h] of ins) {
      const chars = [...p];
      const i = at % (chars.length + 1);
      p = chars.slice(0, i).join('') + h + chars.slice(i).join('');
    }
    return p;
  });

const line = fc.oneof({ weight: 6, arbitrary: salted }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE) });

const squash = (s: string) => s.replace(/[\s\u3000\u200b\u2028\ufeff]+/g, '');
const OUR_TAGS = new Set(['section', 'div', 'header', 'footer', 'h1', 'h2', 'h3', 'p', 'ul', 'ol', 'li', 'span', 'aside', 'blockquote', 'wbr', 'b']);

test('property: hostile and random text never crashes parse, plan or render, comes back whole from the notes, and through outline.md unchanged', () => {
  const assets = loadAssets();
  fc.assert(
    fc.property(fc.array(line, { minLength: 1, maxLength: 16 }), fc.boolean(), (lines, blank) => {
      const text = lines.join(blank ? '\n\n' : '\n') + '\n';
      // The input stage's own normalisation first (what the CLI would hand on).
      const decoded = decodeBytes(new TextEncoder().encode(text), 'gen.txt').text;
      let speech;
      try {
        speech = parseSpeech(manuscript(decoded.includes('\n') ? decoded : decoded + '\n', 'gen'));
      } catch (err) {
        // Nothing to build (all blank) is the one refusal allowed, as a user error.
        assert.ok(err instanceof SpeechdeckError, String(err));
        assert.equal(decoded.trim().replace(/[\u200b\u2028\ufeff]/g, ''), '');
        return;
      }
      const deck = planDeck(speech);
      assert.equal(notesMismatch(speech, deck), null);
      // Written as outline.md and read back: the same deck, whatever the text holds.
      const md = outlineText(deck, speech, { name: 'gen.txt', text: decoded });
      assert.equal(JSON.stringify(deckFromOutline(md, speech)), JSON.stringify(deck));
      const notes = squash(deck.slides.flatMap((s) => s.notes).join(''));
      for (const l of decoded.split('\n')) assert.ok(notes.includes(squash(l)), `lost: ${JSON.stringify(l)}`);
      for (const markup of slidesMarkup(deck, assets, '16:9')) {
        for (const tag of markup.match(/<\/?[a-zA-Z][^>]*>/g) ?? []) {
          const name = /^<\/?([a-zA-Z0-9]+)/.exec(tag)![1]!.toLowerCase();
          assert.ok(OUR_TAGS.has(name), `foreign element ${tag}`);
          // <b> only as we write it: a figure set off in a bullet.
          if (name === 'b') assert.ok(tag === '<b class="fig">' || tag === '</b>', `foreign element ${tag}`);
          assert.ok(!/\son\w+\s*=|javascript:/i.test(tag), `handler in ${tag}`);
        }
      }
    }),
    { numRuns: Number(process.env.PROP_RUNS ?? 200) },
  );
});
