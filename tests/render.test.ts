import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSpeech } from '../src/parse/speech.js';
import { planDeck } from '../src/plan/deck.js';
import { renderDeck } from '../src/render/html.js';
import { speakingSeconds } from '../src/lang/text.js';
import { loadAssets } from '../src/input/files.js';
import { html, renderTemplate } from '../src/render/template.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { manuscript, ROOT, SEED } from './helpers.js';

const build = async (text: string, notes = true) => (await renderDeck(planDeck(parseSpeech(manuscript(text))), loadAssets(), { theme: 'official', aspect: '16:9', notes, steps: false })).html;

test('manuscript text is escaped: <script> shows as text', async () => {
  const html = await build('关于<script>alert(1)</script>的讲话\n2020年1月1日\n\n一、要防止<img src=x onerror=alert(2)>注入。内容<b>加粗</b>。\n谢谢大家！\n');
  const slides = html.slice(html.indexOf('<div class="slides">'), html.indexOf('<script type="application/json"'));
  assert.ok(slides.length > 100);
  assert.ok(!/<script|<img|<b>/i.test(slides), 'no markup from the manuscript');
  assert.ok(slides.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(html.includes('<title>关于&lt;script&gt;alert(1)&lt;/script&gt;的讲话</title>'));
});

test('seed deck: lang, CSP, notes, inlined fonts, nothing from a network', async () => {
  const html = await build(manuscript(SEED).text);
  assert.ok(html.includes('<html lang="zh-CN">'));
  const csp = /Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
  assert.ok(csp.startsWith("default-src 'none'; script-src 'sha256-"), csp);
  assert.ok(!/unsafe-inline[^;]*;/.test(csp.split('; ').find((d) => d.startsWith('script-src'))! + ';'), 'no unsafe-inline scripts');
  assert.ok(csp.includes('font-src data:') && !csp.includes('http'), csp);
  // The title slide's notes: the total speaking time for the speaker, then the manuscript.
  assert.ok(/<aside class="notes"><p class="pace">【全篇约 \d+ 分钟，按每分钟 220 字计】<\/p><p>在省直机关工会工作会议上的讲话<\/p>/.test(html));
  assert.ok(html.includes("@font-face{font-family:'Noto Sans SC'"));
  assert.ok(html.includes("@font-face{font-family:'Noto Serif SC'"));
  // Outside the bundled deck code (whose libraries contain markup in strings), no element loads a file.
  const markup = html.replace(/<script>[\s\S]*?<\/script>/, '');
  assert.ok(!/<(?:link|img|iframe|script)[^>]+(?:src|href)\s*=/i.test(markup), 'no element loads a file');
  assert.ok(!/url\((?!data:)/.test(html.slice(0, html.indexOf('<script'))), 'CSS loads nothing but data: URLs');
  assert.ok(Buffer.byteLength(html) < 1.5 * 1024 * 1024, 'seed index.html under 1.5 MB');
});

test('--no-notes leaves the manuscript out', async () => {
  const html = await build(manuscript(SEED).text, false);
  assert.ok(!html.includes('class="notes"'));
});

test('pacing: about 220 Chinese characters or 130 English words a minute', () => {
  assert.equal(speakingSeconds(['字'.repeat(220)], 'zh'), 60);
  assert.equal(speakingSeconds([Array(130).fill('word').join(' ')], 'en'), 60);
});

test('template: escapes by default, loops, conditions', () => {
  assert.equal(renderTemplate('{{a}}|{{{m}}}', { a: '<b>', m: html('<b>') }), '&lt;b&gt;|<b>');
  assert.equal(renderTemplate('{{#xs}}[{{.}}]{{/xs}}{{^ys}}none{{/ys}}', { xs: ['1', '2'], ys: [] }), '[1][2]none');
});

test('template: data is inserted once and never read as a template', () => {
  const tpl = '<p>{{a}}</p>{{#xs}}<i>{{.}}</i>{{/xs}}{{{m}}}';
  const ctx = { a: '{{{b}}} {{a}} {{#xs}}x{{/xs}}', b: '<img src=x>', xs: ['{{{b}}}', '{{/xs}}'], m: html('<hr>') };
  assert.equal(renderTemplate(tpl, ctx), '<p>{{{b}}} {{a}} {{#xs}}x{{/xs}}</p><i>{{{b}}}</i><i>{{/xs}}</i><hr>');
  // A raw slot takes only markup our code made, never a plain (manuscript) string.
  assert.throws(() => renderTemplate('{{{b}}}', { b: '<img src=x>' }), /plain string/);
  assert.throws(() => renderTemplate('{{#a}}x', {}), /never closed/);
});

test('handout and contact sheet pages carry a CSP that allows no script', async () => {
  const { renderHandout, renderContactSheet, PRINT_ONLY_CSP } = await import('../src/render/handout.js');
  const deck = planDeck(parseSpeech(manuscript(SEED)));
  assert.ok(PRINT_ONLY_CSP.includes("script-src 'none'") && PRINT_ONLY_CSP.startsWith("default-src 'none'"));
  for (const page of [await renderHandout(deck, loadAssets(), { theme: 'official', aspect: '16:9', perPage: 2 }), await renderContactSheet(deck, loadAssets(), { theme: 'official', aspect: '16:9' })]) {
    assert.ok(page.includes(`<meta http-equiv="Content-Security-Policy" content="${PRINT_ONLY_CSP}">`));
  }
});

test('a callout is attributed with the dash its language writes: —— in Chinese, — in English', async () => {
  const en = await build(readFileSync(join(ROOT, 'tests', 'fixtures', 'manuscripts', '12-en-ordinals-quote.txt'), 'utf8'));
  assert.ok(/<span class="callout-by">— [^<]*Borges/.test(en), 'English: an em dash');
  assert.ok(!en.includes('<span class="callout-by">——'));
  const zh = await build(manuscript(join(ROOT, 'tests', 'fixtures', 'manuscripts', '04-zh-welcome-no-numbering.txt')).text);
  assert.ok(zh.includes('<span class="callout-by">—— '), 'Chinese: a double dash');
});

test('figures in slide text are set off; a time of day is not a figure', async () => {
  const { wordsWithFigures } = await import('../src/render/html.js');
  const figs = (t: string) => [...wordsWithFigures(t).markup.matchAll(/<b class="fig">([^<]*)<\/b>/g)].map((m) => m[1]);
  assert.deepEqual(figs("We will be open until 8 p.m. on weekdays and 9 o'clock on Fridays, for 4,312 readers"), ['4,312']);
  assert.deepEqual(figs('会议10:30开始，到会120人，比去年增长15.3%'), ['120人', '15.3%']);
  // Money with its sign, the sign set off with the number.
  assert.deepEqual(figs('Revenue was £61.4 million, up 6.8 per cent'), ['£61.4 million', '6.8 per cent']);
});

test('a theme is one definition: its colours, title face and sizes reach the CSS as variables, and base.css draws with them', async () => {
  const { THEMES, SIZES, themeRules } = await import('../src/render/themes.js');
  const { themeCss } = await import('../src/render/html.js');
  assert.deepEqual(Object.keys(THEMES).sort(), ['dark', 'modern', 'official']);
  for (const [name, def] of Object.entries(THEMES)) {
    const css = themeCss(name);
    assert.equal(css, themeRules(def));
    assert.match(css, new RegExp(`--red: #${def.colours.accent};`));
    assert.match(css, new RegExp(`--badge: #${def.colours.badge};`));
    assert.match(css, def.titleFace === 'serif' ? /--title-font: 'Noto Serif SC'/ : /--title-font: 'Noto Sans SC'/);
    assert.match(css, new RegExp(`--fs-title: ${SIZES.title}px;`));
  }
  // Every size role is used by the shared layout CSS, and no font size is written there as a number.
  const base = readFileSync(join(ROOT, 'templates', 'base.css'), 'utf8');
  for (const role of Object.keys(SIZES)) assert.ok(base.includes(`var(--fs-${role})`), `base.css does not use --fs-${role}`);
  assert.doesNotMatch(base, /font-size:\s*\d/);
  assert.throws(() => themeCss('constructor'), /unknown theme "constructor"/);
});
