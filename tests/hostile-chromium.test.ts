// A manuscript full of template syntax, HTML and javascript: URLs builds and shows
// all of it as text — in the deck, the speaker view, both PDFs and deck.json —
// with no dialog and no request. (Issue 8, item 1: data is never code.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';
import { ROOT } from './helpers.js';
import { findBrowser, launchArgs } from '../src/print/browser.js';

const CLI = join(ROOT, '.cache', 'cli.mjs');
const SRC = join(ROOT, 'tests', 'fixtures', 'hostile', 'template-syntax.txt');
const out = mkdtempSync(join(tmpdir(), 'speechdeck-hostile-'));
const dir = join(out, 'template-syntax');
const squash = (s: string) => s.replace(/\s+/g, '');
/** The word the injected handler would write, other than inside the literal handler text itself. */
const hacked = (s: string) => squash(s).split("textContent='HACKED'").join('').includes('HACKED');
// Strings of the manuscript that a template, a browser or a PDF would act on if they were code.
const LITERALS = ['{{{occasion}}}', '{{title}}', "<img src=x onerror=this.parentNode.textContent='HACKED'>", '{{{slides}}}', '</aside><script>alert(2)</script>', '{{^x}}各项{{/x}}', '{{{deckJs}}}'];
let build: { status: number | null; stderr: string; ms: number };
let browser: Browser;

before(async () => {
  const t = performance.now();
  const r = spawnSync(process.execPath, [CLI, SRC, '--out', out], { encoding: 'utf8', timeout: 120_000 });
  build = { status: r.status, stderr: r.stderr, ms: performance.now() - t };
  browser = await puppeteer.launch({ executablePath: findBrowser({ env: process.env, platform: process.platform, isRoot: process.getuid?.() === 0 })!, headless: true, args: launchArgs(process.getuid?.() === 0) });
});

after(async () => {
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
});

test('chromium: hostile manuscript builds promptly, exit 0', () => {
  assert.equal(build.status, 0, build.stderr);
  assert.ok(build.ms < 30_000, `took ${build.ms} ms`);
});

test('chromium: hostile manuscript — deck.json keeps every string literally', () => {
  const deck = JSON.parse(readFileSync(join(dir, 'deck.json'), 'utf8'));
  assert.equal(deck.meta.subtitle, '{{{occasion}}}');
  assert.ok(deck.meta.title.includes("<img src=x onerror=this.parentNode.textContent='HACKED'>{{title}}"));
  const notes = deck.slides.flatMap((s: { notes: string[] }) => s.notes).join('\n');
  const manuscript = readFileSync(SRC, 'utf8');
  for (const line of manuscript.split('\n').map((l) => l.trim()).filter(Boolean)) assert.ok(notes.includes(line.replace(/\s+/g, ' ').replace(/ /g, '')) || squash(notes).includes(squash(line)), line);
  for (const s of LITERALS) assert.ok(notes.includes(s), s);
});

test('chromium: hostile manuscript — the deck and its speaker view show the text, run nothing, load nothing', async () => {
  const page = await browser.newPage();
  const dialogs: string[] = [];
  const requests: string[] = [];
  const url = pathToFileURL(join(dir, 'index.html')).href;
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (r.url() !== url && !r.url().startsWith('data:')) requests.push(r.url());
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true');
  const seen = await page.evaluate(() => ({
    text: document.querySelector('.slides')!.textContent!,
    notes: Array.from(document.querySelectorAll('aside.notes')).map((n) => n.textContent).join('\n'),
    elements: Array.from(document.querySelectorAll('.slides img, .slides iframe, .slides style, .slides script, .slides svg, .slides a, .slides b:not(.fig), .slides textarea')).length,
    // Our figure marks hold a number and nothing else.
    figs: Array.from(document.querySelectorAll('.slides b.fig')).filter((b) => b.children.length > 0 || !/^\d/.test(b.textContent ?? '')).length,
    hidden: getComputedStyle(document.body).display === 'none',
    title: document.title,
  }));
  assert.equal(seen.elements, 0, 'no element from the manuscript');
  assert.equal(seen.figs, 0, 'figure marks hold only a number');
  assert.equal(seen.hidden, false);
  assert.ok(!hacked(seen.text));
  assert.ok(seen.title.includes('<img src=x'), seen.title);
  for (const s of ['{{{occasion}}}', "<img src=x onerror=this.parentNode.textContent='HACKED'>"]) assert.ok(squash(seen.text).includes(squash(s)), s);
  for (const s of LITERALS) assert.ok(seen.notes.includes(s), s);
  // The speaker view: a popup that reveal's notes plugin fills with the current slide's notes.
  const popup = new Promise<puppeteer.Page | null>((resolve) => {
    browser.once('targetcreated', (t) => resolve(t.page()));
    setTimeout(() => resolve(null), 10_000);
  });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('s');
  const view = await popup;
  assert.ok(view, 'the speaker view opened');
  view.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await view.waitForFunction(() => (document.querySelector('.speaker-controls-notes .value')?.textContent ?? '').length > 10, { timeout: 15_000 });
  const speaker = await view.evaluate(() => ({
    notes: document.querySelector('.speaker-controls-notes .value')!.textContent!,
    elements: document.querySelectorAll('.speaker-controls-notes img, .speaker-controls-notes script, .speaker-controls-notes a').length,
  }));
  assert.equal(speaker.elements, 0);
  assert.ok(speaker.notes.includes('${process.exit(1)}'), speaker.notes);
  await view.close();
  await page.close();
  assert.deepEqual(dialogs, []);
  assert.deepEqual(requests, []);
});

test('chromium: hostile manuscript — both PDFs show the text literally', () => {
  for (const f of ['slides.pdf', 'handout.pdf']) {
    const text = squash(execFileSync('pdftotext', [join(dir, f), '-'], { encoding: 'utf8' }));
    assert.ok(!hacked(text), f);
    assert.ok(text.includes(squash('{{{occasion}}}')), f);
    assert.ok(text.includes(squash("<img src=x onerror=this.parentNode")), f);
  }
  const handout = squash(execFileSync('pdftotext', [join(dir, 'handout.pdf'), '-'], { encoding: 'utf8' }));
  for (const s of LITERALS) assert.ok(handout.includes(squash(s)), s);
});
