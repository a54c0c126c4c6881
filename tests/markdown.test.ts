import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readManuscript } from '../src/input/files.js';
import { markdownToText } from '../src/input/markdown.js';
import { parseSpeech } from '../src/parse/speech.js';
import { sectionsOf } from '../src/tree.js';
import { planDeck } from '../src/plan/deck.js';
import { notesMismatch } from '../src/plan/coverage.js';
import { oneLineError, ROOT } from './helpers.js';

const MD = join(ROOT, 'tests', 'fixtures', 'markdown', '2024-03-01-city-work.md');

test('markdown: markup goes, line numbers stay', () => {
  const md = '## 一、要**抓好**落实\n\n这是*关键*，见[文件](x)。\n\n- 一是加强领导；\n- 二是压实责任。\n\n> 引文\n\n---\n';
  const text = markdownToText(md);
  assert.equal(text.split('\n').length, md.split('\n').length);
  assert.equal(text, '一、要抓好落实\n\n这是关键，见文件。\n\n一是加强领导；\n二是压实责任。\n\n引文\n\n\n');
});

test('markdown: a .md manuscript reads like its plain-text twin', async () => {
  const speech = parseSpeech(await readManuscript(MD));
  assert.equal(speech.meta.title, '在全市工作会议上的讲话');
  assert.equal(speech.meta.date, '2024-03-01');
  assert.deepEqual(speech.meta.speaker, { role: '市长', name: '王强' });
  assert.deepEqual(sectionsOf(speech.body).map((s) => [s.number, s.heading, s.source.startLine]), [
    ['一', '要抓好落实', 11],
    ['二', '要改进作风', 18],
  ]);
  assert.deepEqual(speech.closing.words.map((p) => p.text), ['谢谢大家！']);
  const deck = planDeck(speech);
  assert.equal(notesMismatch(speech, deck), null);
  assert.ok(!deck.slides.some((s) => /[*#>\[\]]/.test(s.title + s.items.join(''))), 'no markdown left on slides');
});

test('markdown: front matter says the title, speaker, date and language; ## and ### are parts and their subsections without numbering', async () => {
  const ms = await readManuscript(join(ROOT, 'tests', 'fixtures', 'markdown', 'keynote-front-matter.md'));
  assert.deepEqual(ms.meta, { title: 'Remarks at the Regional Libraries Conference', subtitle: 'Opening keynote', speaker: 'Helen Park', role: 'Chair, Regional Libraries Board', date: '2025-05-14', lang: 'en', theme: 'modern', aspect: '16:9' });
  const speech = parseSpeech(ms);
  assert.equal(speech.meta.title, 'Remarks at the Regional Libraries Conference');
  assert.equal(speech.meta.subtitle, 'Opening keynote');
  assert.deepEqual(speech.meta.speaker, { name: 'Helen Park', role: 'Chair, Regional Libraries Board' });
  assert.equal(speech.meta.date, '2025-05-14');
  assert.equal(speech.meta.dateText, '14 May 2025');
  const parts = sectionsOf(speech.body);
  assert.deepEqual(parts.map((s) => s.heading), ['Reading is changing', 'Money follows need']);
  assert.deepEqual(sectionsOf(parts[0]!.children).map((s) => s.heading), ['Digital first', 'Spaces for people']);
  const deck = planDeck(speech);
  assert.equal(notesMismatch(speech, deck), null);
  // (Counted in the speech's language: 1, 2, not 一, 二.)
  assert.deepEqual(deck.slides.filter((s) => s.badge).map((s) => s.badge), ['1', '2']);
  assert.ok(!deck.slides.some((s) => /title:|speaker:|---/.test(s.title + s.items.join(''))), 'no front matter on slides');
});

test('markdown: front matter with an unknown key or a bad value is one line naming the key', async () => {
  const { readMarkdown } = await import('../src/input/markdown.js');
  const bad = (fm: string) => oneLineError(() => readMarkdown(`---\n${fm}\n---\n\n# 讲话\n\n正文。\n`, 'x.md'), 'input');
  assert.match(await bad('titel: 讲话'), /unknown key "titel"/);
  assert.match(await bad('date: 3月1日'), /"date"/);
  assert.match(await bad('aspect: 21:9'), /"aspect"/);
  assert.match(await bad('title: [unclosed'), /not valid YAML/);
  // Lines are kept: the text after the front matter is where it was.
  const { text, meta } = readMarkdown('---\ntitle: 在全市工作会议上的讲话\nlang: zh\n---\n\n正文第一段。\n', 'x.md');
  assert.deepEqual(meta, { title: '在全市工作会议上的讲话', lang: 'zh' });
  assert.equal(text.split('\n')[5], '正文第一段。');
});

test('markdown: a comment and a Note: paragraph are for the speaker: in the notes, never on a slide', async () => {
  const { readMarkdown } = await import('../src/input/markdown.js');
  const md = '# 在全市工作会议上的讲话\n\n同志们：\n\n## 一、要抓好落实\n\n<!-- 这里停顿一下，看看时间 -->\n\n今年全市要新建公办幼儿园30所，新增学位1.2万个。各县区要在6月底前完成选址。\n\n注：此处可根据现场情况增加案例。\n\n## 二、要改进作风\n\n要坚决整治形式主义、官僚主义，全年会议数量压减15%。\n\nNote: pause for questions here.\n\n谢谢大家！\n';
  const r = readMarkdown(md, 'x.md');
  const lines = r.text.split('\n');
  assert.deepEqual(r.asides.map((n) => lines[n - 1]), ['这里停顿一下，看看时间', '注：此处可根据现场情况增加案例。', 'Note: pause for questions here.']);
  const ms = { path: 'x.md', name: 'x', encoding: 'utf-8', text: r.text, asides: r.asides, headings: r.headings };
  const speech = parseSpeech(ms);
  const deck = planDeck(speech);
  assert.equal(notesMismatch(speech, deck), null);
  const shown = deck.slides.flatMap((s) => [s.title, ...s.items]).join('|');
  const notes = deck.slides.flatMap((s) => s.notes).join('|');
  for (const t of ['看看时间', '增加案例', 'pause for questions']) {
    assert.ok(!shown.includes(t), `${t} shown`);
    assert.ok(notes.includes(t), `${t} not in the notes`);
  }
});

test('markdown: a blockquote with its attribution line is a quotation by its author, on a slide of its own', async () => {
  const { readMarkdown } = await import('../src/input/markdown.js');
  const md = '# 党课讲稿\n\n同志们：\n\n## 一、坚定理想信念\n\n理想信念是共产党人精神上的“钙”，每年参加集中培训不少于56学时。\n\n> 千锤万凿出深山，烈火焚烧若等闲。\n> 粉骨碎身浑不怕，要留清白在人间。\n> —— 明代 · 于谦《石灰吟》\n\n这首诗我们从小就会背，但真正做到很不容易。\n\n## 二、改进作风\n\n全年会议数量压减15%。\n\n谢谢大家！\n';
  const r = readMarkdown(md, 'x.md');
  assert.equal(r.text.split('\n').length, md.split('\n').length, 'lines kept');
  const speech = parseSpeech({ path: 'x.md', name: 'x', encoding: 'utf-8', text: r.text, headings: r.headings });
  const deck = planDeck(speech);
  const q = deck.slides.find((s) => s.layout === 'quote');
  assert.ok(q && q.layout === 'quote', deck.slides.map((s) => s.layout).join(' '));
  assert.deepEqual(q.items, ['千锤万凿出深山，', '烈火焚烧若等闲。', '粉骨碎身浑不怕，', '要留清白在人间。']);
  assert.match(q.subtitle ?? '', /于谦/);
  assert.equal(notesMismatch(speech, deck), null);
});

test('markdown: --- is a slide break where the author wants one', async () => {
  const { readMarkdown } = await import('../src/input/markdown.js');
  const md = '# 在全市工作会议上的讲话\n\n同志们：\n\n## 一、要抓好落实\n\n要加强组织领导，各县区主要负责同志要亲自抓。\n\n---\n\n要强化督查考核，每季度开展一次专项督查，结果全市通报。\n\n## 二、要改进作风\n\n全年会议数量压减15%。\n\n谢谢大家！\n';
  const r = readMarkdown(md, 'x.md');
  assert.deepEqual(r.breaks, [9]);
  const speech = parseSpeech({ path: 'x.md', name: 'x', encoding: 'utf-8', text: r.text, headings: r.headings, breaks: r.breaks });
  const deck = planDeck(speech);
  const where = (t: string) => deck.slides.findIndex((s) => [s.title, ...s.items].some((x) => x.includes(t)));
  assert.ok(where('加强组织领导') >= 0 && where('强化督查考核') > where('加强组织领导'), deck.slides.map((s) => `${s.title}: ${s.items.join(' / ')}`).join('\n'));
  // Without the break, one slide holds both.
  const joined = planDeck(parseSpeech({ path: 'x.md', name: 'x', encoding: 'utf-8', text: r.text, headings: r.headings }));
  const at = (d: typeof deck, t: string) => d.slides.findIndex((s) => [s.title, ...s.items].some((x) => x.includes(t)));
  assert.equal(at(joined, '加强组织领导'), at(joined, '强化督查考核'));
  assert.equal(notesMismatch(speech, deck), null);
});
