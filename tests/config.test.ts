// speechdeck.config.json (issue 10): an office's settings, checked with zod;
// flags over the file, front matter over both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { findConfig, parseConfig, CONFIG_NAME } from '../src/input/config.js';
import { configuredFooter } from '../src/pipeline.js';
import { oneLineError, ROOT, scratch } from './helpers.js';

const { work } = scratch('speechdeck-config-');
const CLI = join(ROOT, '.cache', 'cli.mjs');
const SHORT = join(ROOT, 'tests', 'fixtures', 'manuscripts', '14-zh-short-remarks.txt');

test('config: the settings it may hold, each checked; anything else is one line naming the key', async () => {
  assert.deepEqual(parseConfig('{"theme":"dark","aspect":"4:3","handout":6,"notes":false,"steps":true,"pptx":true,"organisation":"市财政局","footer":"内部资料 注意保存","rate":180}', 'c.json'), {
    theme: 'dark', aspect: '4:3', handout: 6, notes: false, steps: true, pptx: true, organisation: '市财政局', footer: '内部资料 注意保存', rate: 180,
  });
  const bad = (text: string) => oneLineError(() => parseConfig(text, 'c.json'), 'usage');
  assert.match(await bad('{"them":"dark"}'), /unknown key "them"/);
  assert.match(await bad('{"handout":4}'), /"handout"/);
  assert.match(await bad('{"aspect":"21:9"}'), /"aspect"/);
  assert.match(await bad('{"notes":"no"}'), /"notes"/);
  assert.match(await bad('{"pptx":"yes"}'), /"pptx"/);
  assert.match(await bad('{"rate":5000}'), /"rate"/);
  assert.match(await bad('{"theme": "dark",}'), /not valid JSON/);
  assert.match(await bad('[]'), /expected object/);
});

test('config: found beside the first manuscript, else in the working folder', () => {
  const here = join(work, 'office');
  const talks = join(here, 'talks');
  mkdirSync(talks, { recursive: true });
  writeFileSync(join(here, CONFIG_NAME), '{}');
  assert.equal(findConfig([join(talks, 'a.txt')], here), join(here, CONFIG_NAME));
  writeFileSync(join(talks, CONFIG_NAME), '{}');
  assert.equal(findConfig([join(talks, 'a.txt')], here), join(talks, CONFIG_NAME));
  assert.equal(findConfig(['a.txt'], join(work, 'nowhere')), null);
});

test('config: the organisation before title and date in every footer, or the footer text itself', () => {
  const meta = { title: '在全市工作会议上的讲话', dateText: '2024年3月1日' } as Parameters<typeof configuredFooter>[0];
  assert.equal(configuredFooter(meta, { organisation: '市财政局' }), '市财政局 · 在全市工作会议上的讲话 · 2024年3月1日');
  assert.equal(configuredFooter(meta, { organisation: '市财政局', text: '内部资料' }), '内部资料');
  assert.equal(configuredFooter(meta, undefined), undefined);
});

test('config (cli): a bad setting stops the build before any work, in one line naming the file and key', () => {
  const dir = join(work, 'bad');
  mkdirSync(dir, { recursive: true });
  copyFileSync(SHORT, join(dir, 'short.txt'));
  writeFileSync(join(dir, CONFIG_NAME), '{"theme":"dark","handout":5}');
  const r = spawnSync(process.execPath, [CLI, join(dir, 'short.txt'), '--out', join(dir, 'out'), '--no-pdf'], { encoding: 'utf8', cwd: dir, timeout: 60_000 });
  assert.equal(r.status, 2, r.stderr);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0]!, new RegExp(`${CONFIG_NAME}.*"handout"`));
});

test('config: the speaking rate sets the timings and the total in the notes', async () => {
  const { planDeck } = await import('../src/plan/deck.js');
  const { parseSpeech } = await import('../src/parse/speech.js');
  const { slideSeconds, totalTimeText } = await import('../src/render/html.js');
  const { manuscript } = await import('./helpers.js');
  const deck = planDeck(parseSpeech(manuscript(SHORT)));
  const slow = { ...deck, meta: { ...deck.meta, rate: 110 } };
  const total = (d: typeof deck) => slideSeconds(d).reduce((a, b) => a + b, 0);
  assert.ok(total(slow) > total(deck) * 1.5, `${total(slow)} vs ${total(deck)}`);
  assert.match(totalTimeText(slow), /按每分钟 110 字计/);
  assert.match(totalTimeText(deck), /按每分钟 220 字计/);
});

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

test('config: a logo is a PNG or JPEG beside the configuration, checked by its bytes; it shows on the title slide and in every footer', async () => {
  const { readLogo } = await import('../src/input/config.js');
  const dir = join(work, 'logo');
  mkdirSync(dir, { recursive: true });
  const cfg = join(dir, CONFIG_NAME);
  writeFileSync(join(dir, 'logo.png'), PNG);
  writeFileSync(join(dir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  writeFileSync(join(dir, 'big.png'), Buffer.concat([PNG, Buffer.alloc(600 * 1024)]));
  const logo = readLogo({ logo: 'logo.png' }, cfg)!;
  assert.equal(logo.mime, 'image/png');
  assert.equal(Buffer.from(logo.base64, 'base64').length, PNG.length);
  for (const [name, says] of [['logo.svg', /not a PNG or JPEG/], ['missing.png', /not found/], ['big.png', /KB/]] as const) {
    assert.match(await oneLineError(() => readLogo({ logo: name }, cfg), 'usage'), says);
  }
  const { planDeck } = await import('../src/plan/deck.js');
  const { parseSpeech } = await import('../src/parse/speech.js');
  const { logoCss, slidesMarkup } = await import('../src/render/html.js');
  const { manuscript } = await import('./helpers.js');
  const { loadAssets } = await import('../src/input/files.js');
  const deck = planDeck(parseSpeech(manuscript(SHORT)));
  const markup = slidesMarkup(deck, loadAssets(), '16:9', logo);
  // (The image once, in the page's style; each slide names it.)
  assert.equal(logoCss(logo), `img.logo { content: url("data:image/png;base64,${logo.base64}"); }`);
  assert.equal(logoCss(undefined), '');
  assert.ok(markup[0]!.includes('<img class="logo logo-title" alt="">'), 'on the title slide');
  assert.ok(markup.slice(1, -1).every((m) => m.includes('<span class="foot-text"><img class="logo" alt="">')), 'in every footer');
  assert.ok(markup.every((m) => !m.includes('base64')), 'no copy of the image in any slide');
  assert.ok(slidesMarkup(deck, loadAssets(), '16:9').every((m) => !m.includes('class="logo')), 'none without one');
});
