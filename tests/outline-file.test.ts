// outline.md (issue 12, item 2): the planned deck as an outline a person edits,
// and the deck an outline describes, its notes still taken from the manuscript.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSpeech } from '../src/parse/speech.js';
import { planDeck } from '../src/plan/deck.js';
import { deckFromOutline, manuscriptHash, outlineStamp, outlineText, splitOverflowing } from '../src/plan/outline.js';
import { editOutline, outlineSlides, type OutlineEdit } from '../src/plan/outline-edit.js';
import { allParagraphs } from '../src/tree.js';
import { SpeechdeckError } from '../src/errors.js';
import { withOutline } from '../src/input/files.js';
import type { Deck, Speech } from '../src/types.js';
import { manuscript, ROOT, SEED } from './helpers.js';

const FIXTURES = [join(ROOT, 'tests', 'fixtures'), join(ROOT, 'tests', 'fixtures', 'manuscripts'), join(ROOT, 'slides')].flatMap((d) =>
  readdirSync(d).filter((f) => /\.(txt|md)$/.test(f)).map((f) => join(d, f)),
);

function planned(path: string): { speech: Speech; deck: Deck; md: string; text: string } {
  const ms = manuscript(path);
  const speech = parseSpeech(ms);
  const deck = planDeck(speech);
  return { speech, deck, md: outlineText(deck, speech, { name: ms.path.replace(/^.*\//, ''), text: ms.text }), text: ms.text };
}

/** The whole manuscript, and what the notes of `deck` hold, in manuscript order (slides may have moved). */
function notesInOrder(speech: Speech, deck: Deck): { want: string; got: string } {
  const paras = allParagraphs(speech);
  const want = paras.map((p) => p.text).join('');
  // Each note is a paragraph or part of one; put them back where the manuscript has them.
  const taken = new Set<number>();
  const again = deck.slides.flatMap((s) => s.notes).map((n) => {
    let at = want.indexOf(n);
    while (at >= 0 && taken.has(at)) at = want.indexOf(n, at + 1);
    taken.add(at);
    return { at, n };
  });
  return { want, got: again.sort((a, b) => a.at - b.at).map((x) => x.n).join('') };
}

test('outline: every fixture deck, written as outline.md and read back, is the same deck.json byte for byte', () => {
  assert.ok(FIXTURES.length >= 35, `${FIXTURES.length} fixtures`);
  for (const f of FIXTURES) {
    const { speech, deck, md } = planned(f);
    const back = deckFromOutline(md, speech);
    assert.equal(JSON.stringify(back, null, 2), JSON.stringify(deck, null, 2), f);
  }
});

test('outline: its first line names the manuscript and the version it was made from', () => {
  const { md, text } = planned(SEED);
  assert.deepEqual(outlineStamp(md), { manuscript: '2016-03-18-union-work-conference.txt', hash: manuscriptHash(text) });
  assert.notEqual(manuscriptHash(text + ' '), manuscriptHash(text));
  assert.equal(outlineStamp('# 标题\n正文'), null);
});

/** The outline's slides as blocks of lines (the header first), to edit. */
function blocks(md: string): string[][] {
  const out: string[][] = [[]];
  for (const l of md.trimEnd().split('\n')) {
    if (l.startsWith('## ')) out.push([]);
    out.at(-1)!.push(l);
  }
  return out;
}
const join2 = (b: string[][]) => b.map((x) => x.join('\n')).join('\n') + '\n';

test('outline: an edited title, a deleted bullet, a merged pair and a moved slide come out as edited, the notes complete', () => {
  const { speech, deck, md } = planned(SEED);
  const b = blocks(md);
  // Slide 3 (2015年工作成效): retitled, its second bullet deleted.
  const s3 = b[3]!;
  assert.equal(s3[0], '## 2015年工作成效');
  s3[0] = '## 去年工作的五个“全”';
  s3.splice(s3.indexOf('- 全力推进机关文化建设'), 1);
  // Slides 6 and 7 merged: 7's heading line deleted, and its subtitle (a slide has one).
  assert.equal(b[7]![0], '## 围绕中心');
  b[7]!.splice(0, 2);
  // Slide 9 (感谢与问候) moved to the end, after the closing slide.
  const [thanks] = b.splice(9, 1);
  b.push(thanks!);
  const out = deckFromOutline(join2(b), speech);
  assert.equal(out.slides.length, deck.slides.length - 1);
  assert.equal(out.slides[2]!.title, '去年工作的五个“全”');
  assert.deepEqual(out.slides[2]!.items, deck.slides[2]!.items.filter((i) => i !== '全力推进机关文化建设'));
  assert.deepEqual(out.slides[2]!.notes, deck.slides[2]!.notes);
  // The merged slide: 6's title and subtitle, both slides' bullets and notes.
  assert.equal(out.slides[5]!.title, '高端引领');
  assert.deepEqual(out.slides[5]!.items, [...deck.slides[5]!.items, ...deck.slides[6]!.items]);
  assert.deepEqual(out.slides[5]!.notes, [...deck.slides[5]!.notes, ...deck.slides[6]!.notes]);
  // The moved slide is last, with its notes; the ids follow the new order.
  assert.equal(out.slides.at(-1)!.title, '感谢与问候');
  assert.deepEqual(out.slides.at(-1)!.notes, deck.slides[8]!.notes);
  assert.deepEqual(out.slides.map((s) => s.id), out.slides.map((_, i) => `s${i + 1}`));
  const { want, got } = notesInOrder(speech, out);
  assert.equal(got, want);
  // Written out again (the moved slide's notes found where they are) and read back: the same deck.
  const again = outlineText(out, speech, { name: 'seed.txt', text: '' });
  assert.equal(JSON.stringify(deckFromOutline(again, speech)), JSON.stringify(out));
});

test('outline: a deleted slide\'s notes join the slide before it; a slide split in two keeps its notes with the notes line', () => {
  const { speech, deck, md } = planned(SEED);
  const b = blocks(md);
  // Slide 5 (站位高远) deleted: its notes go to slide 4 (the overview before it).
  assert.equal(b[5]![0], '## 站位高远');
  b.splice(5, 1);
  // Slide 6 (高端引领) split after its first bullet.
  const s = b[5]!;
  assert.equal(s[0], '## 高端引领');
  s.splice(s.findIndex((l) => l.startsWith('- ')) + 1, 0, '', '## 高端引领：载体', '- 载体来自创新');
  const out = deckFromOutline(join2(b), speech);
  assert.equal(out.slides[3]!.notes.join(''), [...deck.slides[3]!.notes, ...deck.slides[4]!.notes].join(''));
  const split = out.slides[4]!;
  assert.equal(split.title, '高端引领');
  assert.equal(split.items.length, 1);
  const added = out.slides[5]!;
  assert.equal(added.title, '高端引领：载体');
  assert.equal(added.items[0], '载体来自创新');
  // The bullets after the cut went with the new slide, and so did the notes line below them.
  assert.equal(added.items.length, deck.slides[5]!.items.length);
  assert.deepEqual(added.items.slice(1), deck.slides[5]!.items.slice(1));
  assert.deepEqual(split.notes, []);
  assert.deepEqual(added.notes, deck.slides[5]!.notes);
  assert.equal(split.section, added.section);
  const { want, got } = notesInOrder(speech, out);
  assert.equal(got, want);
});

test('outline: a layout changed and a callout added are drawn as written', () => {
  const { speech, deck, md } = planned(SEED);
  const b = blocks(md);
  // (The quote slide and the points slide before it; block k is slide k, counted from 1.)
  const at = deck.slides.findIndex((s) => s.layout === 'quote');
  b[at]!.splice(1, 0, 'callout: 众人划桨，同舟共济');
  const q = b[at + 1]!;
  assert.equal(q[1], 'layout: quote');
  q[1] = 'layout: statement';
  // (A statement has no attribution, lead-in or coda: their lines go.)
  for (const key of ['subtitle:', 'lead:', 'coda:']) if (q.some((l) => l.startsWith(key))) q.splice(q.findIndex((l) => l.startsWith(key)), 1);
  const out = deckFromOutline(join2(b), speech);
  assert.equal((out.slides[at - 1] as { callout?: string }).callout, '众人划桨，同舟共济');
  assert.equal(out.slides[at]!.layout, 'statement');
  assert.deepEqual(out.slides[at]!.items.slice(0, 2), ['万山不许一溪奔，', '拦得溪声日夜喧，']);
});

test('outline: what cannot be read is one input error naming the outline line and what to do', () => {
  const { speech, md } = planned(SEED);
  const lines = md.split('\n');
  const at = (re: RegExp) => lines.findIndex((l) => re.test(l));
  const cases: Array<[string, (l: string[]) => void, RegExp]> = [
    ['unknown key', (l) => l.splice(at(/^## 会议任务/) + 1, 0, 'colour: red'), /line \d+: unknown key "colour:"\. A slide's keys: layout, kicker, badge/],
    ['unknown layout', (l) => (l[at(/^layout: overview/)] = 'layout: grid'), /unknown layout "grid"\. Choose one of: title, agenda/],
    ['no such line', (l) => (l[at(/^notes: 6 /)] = 'notes: 7 · group loose-6'), /notes: no paragraph of the manuscript starts on line 7\./],
    ['two slides, same words', (l) => (l[at(/^notes: 6 /)] = 'notes: 6–8 · group loose-6'), /its notes and those of the slide on line \d+ hold the same words\. Give each stretch/],
    ['a key twice', (l) => l.splice(at(/^subtitle: 省直/) + 1, 0, 'subtitle: 又一个'), /a second "subtitle:" line in this slide \(the first is line \d+\)\. A slide has one: delete either\./],
    ['a key the layout lacks', (l) => l.splice(at(/^## 会议任务/) + 1, 0, 'coda: 好'), /a points slide has no "coda:"\. Its keys: kicker, badge, subtitle, callout/],
    ['text outside a bullet', (l) => l.splice(at(/^## 会议任务/) + 1, 0, '总结去年工作'), /"总结去年工作" is not a bullet or a "key: value" line\. Start a bullet with "- "/],
    ['a character past the end', (l) => (l[at(/^notes: 6 /)] = 'notes: 6:999 · group loose-6'), /line 6's paragraph has \d+ characters, not 999/],
  ];
  for (const [name, edit, want] of cases) {
    const copy = [...lines];
    edit(copy);
    assert.throws(
      () => deckFromOutline(copy.join('\n'), speech, 'deck/outline.md'),
      (err: unknown) => err instanceof SpeechdeckError && err.kind === 'input' && want.test(err.format()) && err.format().startsWith('speechdeck: deck/outline.md: line ') && !err.format().includes('\n'),
      name,
    );
  }
});

test('outline: the input stage takes the outline.md beside the outputs only when it was made from this very text, and says why not', () => {
  const dir = mkdtempSync(join(tmpdir(), 'speechdeck-outline-'));
  const ms = manuscript(SEED);
  const { md } = planned(SEED);
  assert.equal(withOutline(ms, dir), ms, 'no outline.md: the manuscript as it was');
  writeFileSync(join(dir, 'outline.md'), md);
  assert.deepEqual(withOutline(ms, dir).outline, { path: join(dir, 'outline.md'), text: md });
  const changed = { ...ms, text: ms.text + '补一句。\n' };
  const stale = withOutline(changed, dir);
  assert.equal(stale.outline, undefined);
  assert.match(stale.warnings!.at(-1)!.message, /outline\.md was made from another version of this manuscript: the deck is planned afresh \(build with --outline to write a new outline, or delete it\)\./);
  writeFileSync(join(dir, 'outline.md'), '# My notes\n- not an outline\n');
  assert.match(withOutline(ms, dir).warnings!.at(-1)!.message, /is not an outline speechdeck wrote/);
});

test('outline edits (the web page\'s): each one gives the deck it says, the notes complete', () => {
  const { speech, deck, md } = planned(SEED);
  const read = (text: string) => deckFromOutline(text, speech);
  const complete = (d: Deck) => {
    const { want, got } = notesInOrder(speech, d);
    assert.equal(got, want);
  };
  const slides = outlineSlides(md);
  assert.equal(slides.length, deck.slides.length);
  assert.deepEqual(slides[2], { title: '2015年工作成效', layout: 'points', entries: deck.slides[2]!.items });
  assert.deepEqual(slides[3]!.entries[0], '站位高远\n在筹划思考重点工作中展示出很强的前瞻思维能力');
  const cases: Array<[OutlineEdit, (d: Deck) => void]> = [
    [{ op: 'retitle', slide: 2, title: '去年：五个“全”' }, (d) => assert.equal(d.slides[2]!.title, '去年：五个“全”')],
    [{ op: 'delete-slide', slide: 4 }, (d) => assert.equal(d.slides.length, deck.slides.length - 1)],
    [{ op: 'move-slide', slide: 8, to: 1 }, (d) => assert.equal(d.slides[1]!.title, '感谢与问候')],
    [{ op: 'merge-next', slide: 5 }, (d) => assert.deepEqual(d.slides[5]!.items, [...deck.slides[5]!.items, ...deck.slides[6]!.items])],
    [{ op: 'split', slide: 2, item: 3 }, (d) => assert.deepEqual([d.slides[2]!.items.length, d.slides[3]!.items.length, d.slides[3]!.title], [3, 2, '2015年工作成效'])],
    [{ op: 'edit-item', slide: 2, item: 0, text: '拓展职能' }, (d) => assert.equal(d.slides[2]!.items[0], '拓展职能')],
    [{ op: 'delete-item', slide: 2, item: 1 }, (d) => assert.deepEqual(d.slides[2]!.items, deck.slides[2]!.items.filter((_, i) => i !== 1))],
    [{ op: 'move-item', slide: 2, item: 4, to: 0 }, (d) => assert.equal(d.slides[2]!.items[0], deck.slides[2]!.items[4])],
    [{ op: 'move-item', slide: 2, item: 0, to: 2 }, (d) => assert.equal(d.slides[2]!.items[2], deck.slides[2]!.items[0])],
    [{ op: 'callout', slide: 10, item: 1 }, (d) => assert.equal((d.slides[10] as { callout?: string }).callout, deck.slides[10]!.items[1])],
    [{ op: 'quote', slide: 11, item: 1 }, (d) => assert.deepEqual([d.slides[12]!.layout, d.slides[12]!.items], ['quote', [deck.slides[11]!.items[1]]])],
  ];
  for (const [edit, check] of cases) {
    const d = read(editOutline(md, edit));
    check(d);
    complete(d);
  }
  // A callout made and made a bullet again: the bullets as they were, the moved one last.
  const back = read(editOutline(editOutline(md, { op: 'callout', slide: 10, item: 1 }), { op: 'uncallout', slide: 10 }));
  assert.deepEqual(back.slides[10]!.items, [...deck.slides[10]!.items.filter((_, i) => i !== 1), deck.slides[10]!.items[1]]);
  assert.equal((back.slides[10] as { callout?: string }).callout, undefined);
  assert.equal(outlineSlides(editOutline(md, { op: 'callout', slide: 10, item: 1 }))[10]!.callout, deck.slides[10]!.items[1]);
  assert.throws(() => editOutline(md, { op: 'delete-item', slide: 2, item: 9 }), /the outline has no bullet 10 on slide 3\./);
  assert.throws(() => editOutline(md, { op: 'retitle', slide: 99, title: 'x' }), /the outline has no slide 100\./);
});

test('outline: a slide of an outline deck too full for its slide is cut in two between its entries, the notes with the first half', () => {
  const { deck } = planned(SEED);
  const ids = [deck.slides[2]!.id, deck.slides[3]!.id];
  const out = splitOverflowing(deck, ids, 'zh')!;
  assert.equal(out.slides.length, deck.slides.length + 2);
  assert.deepEqual([out.slides[2]!.items, out.slides[3]!.items], [deck.slides[2]!.items.slice(0, 3), deck.slides[2]!.items.slice(3)]);
  assert.deepEqual([out.slides[3]!.title, out.slides[3]!.continued, out.slides[3]!.notes], ['2015年工作成效（续）', true, []]);
  assert.deepEqual(out.slides[2]!.notes, deck.slides[2]!.notes);
  const cards = (i: number) => (out.slides[i] as { cards: unknown[] }).cards.length;
  assert.deepEqual([cards(4), cards(5)], [2, 2]);
  assert.deepEqual(out.slides.map((s) => s.id), out.slides.map((_, i) => `s${i + 1}`));
  assert.equal(out.slides.flatMap((s) => s.notes).join(''), deck.slides.flatMap((s) => s.notes).join(''));
  // A title slide has nothing to cut between.
  assert.equal(splitOverflowing(deck, [deck.slides[0]!.id], 'zh'), null);
});
