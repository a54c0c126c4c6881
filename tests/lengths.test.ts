// Lengths a person can write (issue 8, item 7), without Chromium: what the planner
// makes of many sections, many cards, a long quote, a long title.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseSpeech } from '../src/parse/speech.js';
import { chineseNumeral, cutLimit, DEFAULT_PLAN, planDeck, quotePages, QUOTE_ROWS } from '../src/plan/deck.js';
import { findQuote } from '../src/plan/condense.js';
import { notesMismatch } from '../src/plan/coverage.js';
import { displayWidth } from '../src/lang/text.js';
import { manuscript, ROOT } from './helpers.js';

const DIR = join(ROOT, 'tests', 'fixtures', 'lengths');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();
const plan = (f: string, opts = DEFAULT_PLAN) => planDeck(parseSpeech(manuscript(join(DIR, f))), opts);

test('lengths: the fixtures are all there', () => {
  assert.equal(FILES.length, 10);
});

for (const f of FILES) {
  test(`lengths: ${f} plans with every paragraph in the notes`, () => {
    const speech = parseSpeech(manuscript(join(DIR, f)));
    assert.equal(notesMismatch(speech, planDeck(speech)), null);
  });
}

test('chineseNumeral: 一 … 十, 十一, 二十, 二十五, 九十九', () => {
  assert.deepEqual([1, 9, 10, 11, 19, 20, 21, 25, 40, 99].map(chineseNumeral), ['一', '九', '十', '十一', '十九', '二十', '二十一', '二十五', '四十', '九十九']);
  assert.equal(chineseNumeral(100), '100');
});

test('agenda of 25 sections: five agenda slides, entries numbered 一 … 二十五, continued （续）', () => {
  const agenda = plan('02-agenda-25.txt').slides.filter((s) => s.layout === 'agenda');
  assert.equal(agenda.length, 5);
  assert.deepEqual(agenda.map((s) => s.title), ['目录', '目录（续）', '目录（续）', '目录（续）', '目录（续）']);
  assert.deepEqual(agenda.map((s) => s.start), [1, 6, 11, 16, 21]);
  const marks = agenda.flatMap((s) => s.marks ?? []);
  assert.deepEqual(marks, Array.from({ length: 25 }, (_, i) => chineseNumeral(i + 1)));
  assert.deepEqual(marks.slice(9, 12), ['十', '十一', '十二']);
  // Tightened by the fit loop, the entries flow on to more slides, numbers still right.
  const tight = plan('02-agenda-25.txt', { ...DEFAULT_PLAN, tighten: { agenda: 3 } }).slides.filter((s) => s.layout === 'agenda');
  assert.equal(tight.length, 9);
  assert.deepEqual(tight.flatMap((s) => s.marks ?? []), marks);
});

test('ordinal sections past 十 are numbered in words: 第十一 → 十一', () => {
  const body = Array.from({ length: 12 }, (_, i) => `第${chineseNumeral(i + 1)}，要抓好第${i + 1}项工作。这项工作很重要，要认真落实，各部门要加强协同、形成合力，确保各项任务按期完成、取得实效，以实际行动推动全市各项事业高质量发展。`).join('\n\n');
  const deck = planDeck(parseSpeech(manuscript(`在全市工作会议上的讲话\n\n同志们：\n\n${body}\n`)));
  const agenda = deck.slides.filter((s) => s.layout === 'agenda');
  const marks = agenda.flatMap((s) => s.marks ?? []);
  assert.equal(marks.length, 12);
  assert.deepEqual(marks.slice(9), ['十', '十一', '十二']);
});

test('an announced list of 30 items: five overview slides of six cards, the notes cut between them', () => {
  const deck = plan('10-cards-30.txt');
  const over = deck.slides.filter((s) => s.layout === 'overview');
  assert.equal(over.length, 5);
  assert.deepEqual(over.map((s) => s.cards!.length), [6, 6, 6, 6, 6]);
  assert.ok(over.slice(1).every((s) => s.continued && s.title.endsWith('（续）')));
  // The announcement is cut where each slide's first card is named: each slide has its part.
  assert.ok(over.every((s, k) => s.notes.length > 0 && (k === 0 || s.notes[0]!.startsWith(s.cards![0]!.head))));
  assert.equal(new Set(over.map((s) => s.group)).size, 1);
  // The fit loop lowers the cards a slide: 30 at most 4 → 8 slides, evenly.
  const tight = plan('10-cards-30.txt', { ...DEFAULT_PLAN, tighten: { [over[0]!.group]: 4 } }).slides.filter((s) => s.layout === 'overview');
  assert.equal(tight.length, 8);
  assert.ok(tight.every((s) => s.cards!.length <= 4 && s.cards!.length >= 3));
  assert.equal(cutLimit(over[0]!), 6);
});

test('a quotation of 500 characters goes on over several quote slides, every character kept', () => {
  const text = manuscript(join(DIR, '09-quote-500.txt')).text;
  const q = findQuote(text.split('\n').find((l) => l.includes('共勉'))!)!;
  assert.ok(q, 'the long quotation is found');
  assert.ok(q.lines.join('').length >= 490);
  const deck = plan('09-quote-500.txt');
  const quotes = deck.slides.filter((s) => s.layout === 'quote');
  assert.ok(quotes.length >= 3, `${quotes.length} quote slides`);
  assert.equal(quotes.map((s) => s.items.join('')).join(''), q.lines.join(''));
  assert.ok(quotes.slice(1).every((s) => s.continued && s.title.endsWith('（续）')));
  // The attribution goes on the last slide only.
  assert.ok(quotes.slice(0, -1).every((s) => !s.subtitle));
  // Fewer lines a slide when the fit loop says so: more slides, same text.
  const tight = plan('09-quote-500.txt', { ...DEFAULT_PLAN, tighten: { [quotes[0]!.group]: QUOTE_ROWS - 2 } }).slides.filter((s) => s.layout === 'quote');
  assert.ok(tight.length > quotes.length);
  assert.equal(tight.map((s) => s.items.join('')).join(''), q.lines.join(''));
});

test('quotePages: a short quote keeps a line per clause; no page taller than the room', () => {
  const short = ['万山不许一溪奔，', '拦得溪声日夜喧。'];
  assert.deepEqual(quotePages(short, QUOTE_ROWS, 'zh'), [short]);
  const long = Array.from({ length: 40 }, (_, i) => `第${i}句话说的是一件事情，`);
  const pages = quotePages(long, 4, 'zh');
  assert.equal(pages.flat().join(''), long.join(''));
  for (const p of pages) assert.ok(p.reduce((n, l) => n + Math.ceil(displayWidth(l) / 24), 0) <= 4, JSON.stringify(p));
  // A clause longer than a slide is cut, nothing lost.
  const huge = ['字'.repeat(400) + '。'];
  assert.equal(quotePages(huge, 3, 'zh').flat().join(''), huge[0]);
  const en = ['We shall go on to the end ' + 'and we shall fight on the beaches '.repeat(20) + 'and we shall never surrender.'];
  assert.equal(quotePages(en, 4, 'en').flat().join(' ').replace(/\s+/g, ' '), en[0]!.replace(/\s+/g, ' ').trim());
});

test('a title of 80 characters is kept whole on the title slide; shortened at a clause only when tightened', () => {
  const deck = plan('03-title-80.txt');
  const title = deck.slides[0]!;
  assert.equal(title.title, deck.meta.title);
  assert.equal([...title.title].length, 80);
  const shorter = plan('03-title-80.txt', { ...DEFAULT_PLAN, tighten: { title: 1 } }).slides[0]!;
  assert.ok(displayWidth(shorter.title) <= 40, shorter.title);
  assert.ok(deck.meta.title.startsWith(shorter.title.replace(/…$/, '')));
  // The notes keep the whole title line.
  assert.ok(shorter.notes.includes(deck.meta.title));
});
