import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readManuscript } from '../src/input/files.js';
import { markdownToText } from '../src/input/markdown.js';
import { parseSpeech } from '../src/parse/speech.js';
import { sectionsOf } from '../src/tree.js';
import { planDeck } from '../src/plan/deck.js';
import { notesMismatch } from '../src/plan/coverage.js';
import { ROOT } from './helpers.js';

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
