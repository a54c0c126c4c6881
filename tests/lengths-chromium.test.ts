// Lengths a person can write (issue 8, item 7), end to end: every manuscript in
// tests/fixtures/lengths/ (made by its make.mjs) builds in one batch through the
// CLI and Chromium, nothing overflows, the notes and the handout keep every word.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

const CLI = join(ROOT, '.cache', 'cli.mjs');
const DIR = join(ROOT, 'tests', 'fixtures', 'lengths');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();
const out = mkdtempSync(join(tmpdir(), 'speechdeck-lengths-'));
let stderr = '';
let status: number | null = null;

before(() => {
  const r = spawnSync(process.execPath, [CLI, ...FILES.map((f) => join(DIR, f)), '--out', out], { encoding: 'utf8', timeout: 120_000 });
  stderr = r.stderr;
  status = r.status;
});

const dirOf = (f: string) => join(out, f.replace(/\.txt$/, ''));
const squash = (s: string) => s.replace(/\s+/g, '');

test('lengths: every manuscript builds, exit 0, nothing overflows', () => {
  assert.equal(status, 0, stderr);
  for (const f of FILES) {
    const name = f.replace(/\.txt$/, '');
    const report = new RegExp(`built [^\\n]*${name}[^\\n]*\\n\\s+layout: [^\\n]*nothing overflows`);
    assert.match(stderr, report, `${f}: no "nothing overflows" line`);
  }
  assert.equal((stderr.match(/nothing overflows/g) ?? []).length, FILES.length);
});

for (const f of FILES) {
  test(`lengths: ${f}: the notes hold every paragraph, handout.pdf written`, () => {
    const deck = JSON.parse(readFileSync(join(dirOf(f), 'deck.json'), 'utf8'));
    const notes = squash(deck.slides.flatMap((s: { notes: string[] }) => s.notes).join(''));
    for (const line of readFileSync(join(DIR, f), 'utf8').split('\n')) {
      if (line.trim()) assert.ok(notes.includes(squash(line)), `${f}: not in the notes: ${line.slice(0, 40)}`);
    }
    assert.ok(existsSync(join(dirOf(f), 'handout.pdf')));
    assert.ok(existsSync(join(dirOf(f), 'slides.pdf')));
  });
}

test('lengths: the handout prints the 1,000-character sentence whole, across pages', () => {
  const f = '01-sentence-1000.txt';
  const sentence = readFileSync(join(DIR, f), 'utf8').split('\n').find((l) => [...l].length >= 1000)!;
  assert.ok(sentence, 'the fixture has its long sentence');
  const deck = JSON.parse(readFileSync(join(dirOf(f), 'deck.json'), 'utf8'));
  // The words in content order, in the type of the speech text (as tall as the foot's
  // 页; the slide thumbnails beside the text are much smaller), less the
  // head (meeting, date) and foot (第 X 页 共 Y 页) of each page.
  const xml = execFileSync('pdftotext', ['-raw', '-bbox', join(dirOf(f), 'handout.pdf'), '-'], { encoding: 'utf8' });
  const words = [...xml.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ h: Number(m[2]) - Number(m[1]), text: m[3]! }));
  const body = words.find((w) => w.text === '页')!.h;
  let text = squash(words.filter((w) => w.h >= body * 0.98).map((w) => w.text).join(''));
  text = text.split(squash((deck.meta.occasion ?? deck.meta.title) + (deck.meta.dateText ?? ''))).join('');
  text = text.replace(/第\d+页共\d+页/g, '');
  assert.ok(text.includes(squash(sentence)), 'the long sentence is not complete in handout.pdf');
});
