// slides.pptx (issue 11): unzipped and read part by part. Each slide's XML holds
// its texts as editable text, each notes page its notes as paragraphs; the faces
// are in their slots; the package has none of the known causes of PowerPoint's
// repair prompt. (Opening it in LibreOffice: `npm run check:pptx`.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';
import { parseSpeech } from '../src/parse/speech.js';
import { planDeck } from '../src/plan/deck.js';
import { notesMismatch } from '../src/plan/coverage.js';
import { renderPptx, PPTX_FACES, imageSize } from '../src/render/pptx.js';
import { THEMES } from '../src/render/themes.js';
import { balancedLines, lineCount } from '../src/render/textfit.js';
import { phrases } from '../src/lang/segment.js';
import { slideSeconds, totalTimeText } from '../src/render/html.js';
import type { Deck, Layout, Slide } from '../src/types.js';
import { manuscript, ROOT, SEED } from './helpers.js';

const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const DATE = new Date('2016-03-18T00:00:00Z');

function deckOf(pathOrText: string): Deck {
  return planDeck(parseSpeech(manuscript(pathOrText)));
}

async function pptxOf(deck: Deck, opts: Partial<Parameters<typeof renderPptx>[1]> = {}) {
  const bytes = await renderPptx(deck, { theme: THEMES.official!, aspect: '16:9', notes: true, date: DATE, ...opts });
  const zip = await JSZip.loadAsync(bytes);
  const part = async (name: string) => {
    const f = zip.file(name);
    assert.ok(f, `${name} is in the package`);
    return f.async('string');
  };
  return { bytes, zip, part };
}

/**
 * Well-formed: every element closed in order, no '<' or bare '&' in text or
 * attribute values, no character XML 1.0 cannot hold. (xmldom forgives all of these.)
 */
function wellFormed(text: string): string | null {
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text)) return 'a control character';
  const stack: string[] = [];
  const body = text.replace(/^<\?xml[^>]*\?>\s*/, '');
  const re = /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const m of body.matchAll(re)) {
    if (m[6]) return `a stray '<' at ${m.index}`;
    if (m[5] !== undefined) {
      if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(m[5])) return `a bare '&' at ${m.index}`;
      continue;
    }
    if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(m[3] ?? '')) return `a bare '&' in an attribute at ${m.index}`;
    if (m[1]) {
      if (stack.pop() !== m[2]) return `</${m[2]}> closes nothing open at ${m.index}`;
    } else if (!m[4]) stack.push(m[2]!);
  }
  return stack.length ? `<${stack.at(-1)}> is never closed` : null;
}

/** Parsed, after checking it is well-formed. */
function xml(text: string, name: string) {
  assert.equal(wellFormed(text), null, `${name} is well-formed XML`);
  const errors: string[] = [];
  const doc = new DOMParser({ errorHandler: { warning: () => undefined, error: (msg: string) => void errors.push(msg), fatalError: (msg: string) => void errors.push(msg) } }).parseFromString(text, 'text/xml');
  assert.deepEqual(errors, [], `${name} is well-formed XML`);
  return doc;
}

/** Each paragraph's text (its runs joined), in order. */
function paragraphs(doc: ReturnType<typeof xml>): string[] {
  return Array.from(doc.getElementsByTagNameNS(A, 'p')).map((p) => Array.from(p.getElementsByTagNameNS(A, 't')).map((t) => t.textContent).join(''));
}

/** What a slide shows, as the HTML deck shows it (the figure's head is its number and unit, as one paragraph). */
function shown(s: Slide): string[] {
  const out = [s.title && s.layout !== 'quote' ? s.title : '', s.kicker ?? '', s.badge ?? '', ...s.items];
  if ('subtitle' in s && s.subtitle) out.push(s.subtitle);
  if ('callout' in s && s.callout) out.push(s.callout);
  if ('calloutBy' in s && s.calloutBy) out.push(s.calloutBy);
  if ('lead' in s && s.lead) out.push(s.lead);
  if ('coda' in s && s.coda) out.push(s.coda);
  if ('cards' in s) for (const c of s.cards) out.push(c.head, ...c.text.split('\n'));
  return out.filter(Boolean);
}

const fixtures = [SEED, ...readdirSync(join(ROOT, 'tests', 'fixtures', 'manuscripts')).filter((f) => f.endsWith('.txt')).map((f) => join(ROOT, 'tests', 'fixtures', 'manuscripts', f))];

test('pptx: the seed has one slide and one notes page per slide of the deck, each notes page its notes as paragraphs in Chinese', async () => {
  const deck = deckOf(SEED);
  const { zip, part } = await pptxOf(deck);
  const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
  const notes = Object.keys(zip.files).filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n));
  assert.equal(slides.length, deck.slides.length);
  assert.equal(notes.length, deck.slides.length);
  const seconds = slideSeconds(deck);
  for (let i = 0; i < deck.slides.length; i++) {
    const s = deck.slides[i]!;
    const doc = xml(await part(`ppt/notesSlides/notesSlide${i + 1}.xml`), `notes ${i + 1}`);
    const want = s.layout === 'title' ? [totalTimeText(deck, seconds), ...s.notes] : s.notes;
    assert.deepEqual(paragraphs(doc).filter(Boolean), want, `notes of slide ${i + 1}`);
    for (const r of Array.from(doc.getElementsByTagNameNS(A, 'rPr'))) assert.equal(r.getAttribute('lang'), 'zh-CN');
  }
  // The deck's notes give back the manuscript (checked for every deck in deck-checks.test.ts), so the file's do too.
  assert.equal(notesMismatch(parseSpeech(manuscript(SEED)), deck), null);
});

const byLayout = new Map<Layout, Array<{ deck: Deck; index: number; name: string }>>();
for (const f of fixtures) {
  const deck = deckOf(f);
  deck.slides.forEach((s, index) => {
    const list = byLayout.get(s.layout) ?? [];
    if (list.length < 3) list.push({ deck, index, name: f.replace(/^.*\//, '') });
    byLayout.set(s.layout, list);
  });
}

// A figure whose unit is long (3个工作日以内): its number and unit stay one line.
{
  const f15 = join(ROOT, 'tests', 'fixtures', 'manuscripts', '15-zh-bom-yishi-paragraphs.txt');
  const deck = deckOf(f15);
  const index = deck.slides.findIndex((s) => s.layout === 'figure' && s.cards.some((c) => c.head.startsWith('3个工作日')));
  if (index >= 0) byLayout.get('figure')!.push({ deck, index, name: '15-zh-bom-yishi-paragraphs.txt' });
}

// The planner draws no section dividers today (a part's first slide carries its badge); the writer still can.
if (!byLayout.has('section')) {
  const deck = deckOf(SEED);
  const s = deck.slides[1]!;
  deck.slides[1] = { id: s.id, group: s.group, source: s.source, notes: s.notes, layout: 'section', title: '要紧密结合省直机关的特点谋篇布局', badge: '一', items: ['任务已经部署，重点已经明确'] };
  byLayout.set('section', [{ deck, index: 1, name: 'seed, slide 2 as a divider' }]);
}

for (const layout of ['title', 'agenda', 'section', 'overview', 'points', 'statement', 'quote', 'figure', 'closing'] as Layout[]) {
  test(`pptx: a ${layout} slide holds every text it shows as editable text, in the faces named for it`, async () => {
    const found = byLayout.get(layout);
    assert.ok(found?.length, `a fixture has a ${layout} slide`);
    for (const { deck, index, name } of found) {
      const { part } = await pptxOf(deck);
      const doc = xml(await part(`ppt/slides/slide${index + 1}.xml`), `${name} slide ${index + 1}`);
      const paras = paragraphs(doc);
      const all = paras.join('\n');
      for (const t of shown(deck.slides[index]!)) assert.ok(all.includes(t), `${name} slide ${index + 1} (${layout}) shows "${t}"`);
      // A figure's number and unit are one line, never broken by the writer.
      const sl = deck.slides[index]!;
      if (sl.layout === 'figure') {
        for (const c of sl.cards) {
          const p = Array.from(doc.getElementsByTagNameNS(A, 'p')).find((p) => Array.from(p.getElementsByTagNameNS(A, 't')).map((t) => t.textContent).join('') === c.head);
          assert.ok(p, `${name}: figure ${c.head} is one paragraph`);
          assert.equal(p.getElementsByTagNameNS(A, 'br').length, 0, `${name}: figure ${c.head} is not broken`);
        }
      }
      // Text is text: in shapes' text bodies, never a picture of it.
      assert.equal(doc.getElementsByTagName('p:pic').length, 0, 'no pictures on a slide without a logo');
      const ea = new Set(Array.from(doc.getElementsByTagNameNS(A, 'ea')).map((e) => e.getAttribute('typeface')));
      const latin = new Set(Array.from(doc.getElementsByTagNameNS(A, 'latin')).map((e) => e.getAttribute('typeface')));
      for (const f of ea) assert.ok([PPTX_FACES.sans.ea, PPTX_FACES.serif.ea].includes(f as never), `East Asian face ${f}`);
      for (const f of latin) assert.ok([PPTX_FACES.sans.latin, PPTX_FACES.serif.latin].includes(f as never), `Latin face ${f}`);
      const lang = deck.meta.lang === 'zh' ? 'zh-CN' : 'en-US';
      for (const r of Array.from(doc.getElementsByTagNameNS(A, 'rPr'))) assert.equal(r.getAttribute('lang'), lang);
    }
  });
}

test('pptx: a figure with a long unit (3个工作日以内) in a narrow 4:3 column stays one line, its number and unit never broken apart', async () => {
  const deck = deckOf(join(ROOT, 'tests', 'fixtures', 'manuscripts', '15-zh-bom-yishi-paragraphs.txt'));
  const index = deck.slides.findIndex((s) => s.layout === 'figure' && s.cards.some((c) => c.head === '3个工作日以内'));
  assert.ok(index >= 0);
  const { part } = await pptxOf(deck, { aspect: '4:3' });
  const doc = xml(await part(`ppt/slides/slide${index + 1}.xml`), 'figure slide');
  const p = Array.from(doc.getElementsByTagNameNS(A, 'p')).find((p) => Array.from(p.getElementsByTagNameNS(A, 't')).map((t) => t.textContent).join('') === '3个工作日以内')!;
  assert.ok(p);
  assert.equal(p.getElementsByTagNameNS(A, 'br').length, 0);
});

test('pptx: none of the known causes of PowerPoint\'s repair prompt (content types, notes master, empty lines, text bodies, backgrounds)', async () => {
  const { zip, part } = await pptxOf(deckOf(SEED));
  const names = new Set(Object.keys(zip.files).filter((n) => !zip.files[n]!.dir));
  const types = xml(await part('[Content_Types].xml'), 'content types');
  const overrides = Array.from(types.getElementsByTagName('Override')).map((o) => o.getAttribute('PartName')!.slice(1));
  for (const o of overrides) assert.ok(names.has(o), `content types name ${o}, which exists`);
  const defaults = Array.from(types.getElementsByTagName('Default')).map((d) => d.getAttribute('Extension'));
  for (const n of names) {
    if (n === '[Content_Types].xml') continue;
    assert.ok(overrides.includes(n) || defaults.includes(n.split('.').pop()!), `${n} has a content type`);
  }
  const master = xml(await part('ppt/notesMasters/notesMaster1.xml'), 'notes master');
  assert.equal(master.getElementsByTagName('p:sp').length, 0, 'the notes master has no placeholders for PowerPoint to strip');
  assert.match(await part('ppt/notesMasters/_rels/notesMaster1.xml.rels'), /theme2\.xml/);
  for (const n of [...names].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))) {
    const doc = xml(await part(n), n);
    for (const sp of Array.from(doc.getElementsByTagName('p:sp'))) assert.equal(sp.getElementsByTagName('p:txBody').length, 1, `${n}: every shape has a text body`);
    for (const ln of Array.from(doc.getElementsByTagNameNS(A, 'ln'))) assert.ok(ln.childNodes.length > 0 || ln.hasAttribute('w'), `${n}: no empty line element`);
    for (const bg of Array.from(doc.getElementsByTagName('p:bgPr'))) assert.equal(bg.getElementsByTagNameNS(A, 'effectLst').length, 1, `${n}: background has an effect list`);
    // (The schema: a paragraph's properties once, before its runs.)
    for (const para of Array.from(doc.getElementsByTagNameNS(A, 'p'))) {
      const kids = Array.from(para.childNodes).filter((k) => k.nodeType === 1) as Element[];
      const props = kids.filter((k) => k.localName === 'pPr');
      assert.ok(props.length <= 1 && (props.length === 0 || kids[0] === props[0]), `${n}: a paragraph's properties once and first`);
    }
  }
  // The theme's fonts: new text a user types is in the same faces.
  const theme = xml(await part('ppt/theme/theme1.xml'), 'theme');
  const minor = theme.getElementsByTagNameNS(A, 'minorFont')[0]!;
  assert.equal(minor.getElementsByTagNameNS(A, 'ea')[0]!.getAttribute('typeface'), PPTX_FACES.sans.ea);
  assert.equal(minor.getElementsByTagNameNS(A, 'latin')[0]!.getAttribute('typeface'), PPTX_FACES.sans.latin);
});

test('pptx: manuscript text is escaped once, and characters XML cannot hold are left out', async () => {
  const deck = deckOf('关于<script>alert(1)</script>的讲话\n\n同志们：\n\n一、要把A&B<b>做好</b>\n\n这是第一段\u000b话，含有控制字符\u0001和“引号”&amp;。\n\n谢谢大家！');
  const { part, zip } = await pptxOf(deck);
  for (const n of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) xml(await part(n), n);
  const all = (await Promise.all(deck.slides.map((_, i) => part(`ppt/slides/slide${i + 1}.xml`)))).map((t) => paragraphs(xml(t, 'slide')).join('\n')).join('\n');
  assert.ok(all.includes('<script>alert(1)</script>'), 'the title shows the angle brackets as text');
  const notes = (await Promise.all(deck.slides.map((_, i) => part(`ppt/notesSlides/notesSlide${i + 1}.xml`)))).join('');
  assert.ok(notes.includes('含有控制字符和“引号”&amp;amp;。'), 'notes: the control characters gone, the ampersand escaped once');
  assert.doesNotMatch(notes, /<script>/);
});

test('pptx: 4:3 decks, the modern theme, a logo, no notes; the same deck gives the same bytes', async () => {
  const deck = deckOf(join(ROOT, 'tests', 'fixtures', '2024-06-14-welcome-remarks-en.txt'));
  // A 2×1 PNG.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGP4z8DwnwEIGAEb3QL+x6JzFQAAAABJRU5ErkJggg==', 'base64');
  assert.deepEqual(imageSize(png), { w: 2, h: 1 });
  const { bytes, part, zip } = await pptxOf(deck, { aspect: '4:3', theme: THEMES.modern!, notes: false, logo: { mime: 'image/png', base64: png.toString('base64') } });
  assert.match(await part('ppt/presentation.xml'), /<p:sldSz cx="9144000" cy="6858000"/);
  assert.ok(Object.keys(zip.files).some((n) => n.startsWith('ppt/media/')), 'the logo is in the package');
  const s2 = await part('ppt/slides/slide2.xml');
  assert.match(s2, /<a:srgbClr val="1F5FBF"\/>/i, 'the modern theme\'s accent');
  assert.match(s2, /<p:pic>/, 'the logo in the footer');
  assert.deepEqual(paragraphs(xml(await part('ppt/notesSlides/notesSlide2.xml'), 'notes')).filter(Boolean), [], 'no notes asked for, none written');
  const again = await renderPptx(deck, { theme: THEMES.modern!, aspect: '4:3', notes: false, date: DATE, logo: { mime: 'image/png', base64: png.toString('base64') } });
  assert.ok(Buffer.from(bytes).equals(Buffer.from(again)), 'reproducible');
});

test('pptx: the well-formedness check catches what a broken writer would leave', () => {
  assert.equal(wellFormed('<?xml version="1.0"?>\n<a x="1"><b/>t &amp; u</a>'), null);
  assert.match(wellFormed('<a><b></a>')!, /closes nothing/);
  assert.match(wellFormed('<a>A&B</a>')!, /bare '&'/);
  assert.match(wellFormed('<a>x < y</a>')!, /stray '<'/);
  assert.match(wellFormed('<a>\u0001</a>')!, /control/);
  assert.match(wellFormed('<a>')!, /never closed/);
});

test('pptx text fit: the estimate wraps Chinese by the character, English by the word, and keeps closing punctuation on its line', () => {
  // 10 characters at 30px in 150px: 5 a line.
  assert.equal(lineCount('一二三四五六七八九十', 30, 150), 2);
  assert.equal(lineCount('一二三四五六七八九十', 30, 300), 1);
  // The comma does not start a line: it goes with 五.
  assert.equal(lineCount('一二三四五，六', 30, 150), 2);
  assert.equal(lineCount('Water has moved from the engineering pages', 20, 10000), 1);
  assert.ok(lineCount('Water has moved from the engineering pages', 20, 200) >= 3);
  assert.equal(lineCount('', 20, 100), 1);
});

test('pptx text fit: Chinese bullets are filled line by line between phrases, a figure run cut where its line ends, no character alone on a last line', async () => {
  const { filledLines } = await import('../src/render/textfit.js');
  const t = '这是落实市直机关工委关于开展“七一”系列主题活动的具体举措，也是推进局机关作风建设';
  const lines = filledLines(phrases(t), 34, 600)!;
  assert.equal(lines.join(''), t);
  assert.ok(lines.length >= 2);
  const bounds = new Set(phrases(t).map((_, i, all) => all.slice(0, i + 1).join('').length));
  let at = 0;
  for (const l of lines.slice(0, -1)) assert.ok(bounds.has((at += l.length)), `a line ends between phrases: ${lines.join(' / ')}`);
  assert.ok(lines.at(-1)!.length >= 3, lines.join(' / '));
  // In the file: each bullet of the seed is one paragraph whose runs give back its text; figures keep their colour.
  const deck = deckOf(SEED);
  const i = deck.slides.findIndex((s) => s.items.some((x) => x.includes('100家')));
  const { part } = await pptxOf(deck);
  const doc = xml(await part(`ppt/slides/slide${i + 1}.xml`), 'slide');
  const paras = paragraphs(doc);
  for (const it of deck.slides[i]!.items) assert.ok(paras.includes(it), `bullet "${it}" is one paragraph`);
  const red = Array.from(doc.getElementsByTagNameNS(A, 'r')).filter((r) => r.getElementsByTagNameNS(A, 'srgbClr')[0]?.getAttribute('val') === THEMES.official!.colours.accent.toUpperCase());
  assert.ok(red.some((r) => r.textContent === '100家'), 'the figure is a run of its own in the accent colour');
});

test('pptx text fit: titles are broken between phrases into balanced lines, never one character alone', async () => {
  const title = '要按照服务中心、建设队伍的总要求高标准的履行职责';
  // 24 characters at 46px in 1000px: greedy filling would leave 职责 or 责 alone; balanced gives 12 + 12-ish.
  const lines = balancedLines(phrases(title), 46, 1000)!;
  assert.equal(lines.length, 2);
  assert.equal(lines.join(''), title);
  assert.ok(Math.min(...lines.map((l) => l.length)) >= 8, lines.join(' / '));
  const en = balancedLines(phrases('Welcome Remarks at the Regional Library Summer Reading Launch'), 60, 1100)!;
  assert.equal(en.join(''), 'Welcome Remarks at the Regional Library Summer Reading Launch', 'spaces kept at the line ends');
  assert.ok(en.length === 2 && Math.abs(en[0]!.length - en[1]!.length) < 12, en.join(' / '));
  // In the file: a line break inside the title's paragraph, the words whole.
  const deck = deckOf(SEED);
  const i = deck.slides.findIndex((s) => s.title.startsWith('要按照服务中心'));
  const { part } = await pptxOf(deck);
  const xmlText = await part(`ppt/slides/slide${i + 1}.xml`);
  const doc = xml(xmlText, 'slide');
  const p = Array.from(doc.getElementsByTagNameNS(A, 'p')).find((p) => Array.from(p.getElementsByTagNameNS(A, 't')).map((t) => t.textContent).join('') === deck.slides[i]!.title)!;
  assert.ok(p, 'the title is one paragraph');
  assert.equal(p.getElementsByTagNameNS(A, 'br').length, 1, 'broken once, between phrases');
});
