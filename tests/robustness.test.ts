// Bad input and faults through the CLI, as a user meets them: one clear line on
// stderr, the right exit status, nothing left on disk that should not be. Each
// test is a row of docs/robustness.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { ROOT, scratch } from './helpers.js';
import { pageFault } from '../src/print/browser.js';
import { SpeechdeckError } from '../src/errors.js';

const CLI = join(ROOT, '.cache', 'cli.mjs');
const SHORT = join(ROOT, 'tests', 'fixtures', 'manuscripts', '14-zh-short-remarks.txt');
const { work, tmpfs } = scratch('speechdeck-robust-');

const cli = (args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: opts.cwd ?? work, env: opts.env ?? process.env, timeout: 120_000 });

/** One line on stderr, starting `speechdeck:`, no stack trace; the exit status; no output folder. */
function oneLine(r: ReturnType<typeof cli>, status: number, says: RegExp): void {
  assert.equal(r.status, status, r.stderr);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0]!, /^speechdeck: /);
  assert.match(lines[0]!, says);
  assert.ok(!/\n\s+at /.test(r.stderr), 'no stack trace');
}

function file(name: string, data: string | Uint8Array): string {
  const p = join(work, name);
  writeFileSync(p, data);
  return p;
}

const cases: Array<[string, () => string, RegExp]> = [
  ['a file that does not exist', () => join(work, 'missing.txt'), /file not found/],
  ['a folder given as a manuscript', () => (mkdirSync(join(work, 'afolder'), { recursive: true }), join(work, 'afolder')), /is a folder, not a manuscript/],
  ['an empty file', () => file('empty.txt', ''), /the manuscript is empty/],
  ['a file of spaces and blank lines', () => file('blank.txt', ' \n\u3000\u3000\n\t\r\n'), /the manuscript is empty/],
  ['binary data (NUL bytes)', () => file('binary.txt', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 0, 0x14, 0, 0, 0])), /binary data/],
  ['a zip (a Word file) named .txt', () => file('renamed.txt', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0x14, 0, 0, 0])), /zip archive, not text/],
  ['an old binary .doc', () => file('old.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])), /old binary Word or WPS document/],
  ['a PDF', () => file('speech.pdf', '%PDF-1.7\n'), /is a PDF/],
  ['a damaged .docx', () => file('broken.docx', 'PK\u0003\u0004 not really a zip'), /damaged|not a zip/],
  ['random bytes', () => file('random.txt', new Uint8Array(Array.from({ length: 3000 }, (_, i) => (i * 7919 + 13) % 251 + 1))), /cannot tell the text encoding/],
  ['a file over the size limit', () => file('huge.txt', '字'.repeat(300_000)), /too large for a manuscript/],
];

for (const [what, make, says] of cases) {
  test(`robustness: ${what}: one line, exit 3, nothing written`, () => {
    const out = join(work, 'out-' + what.replace(/\W+/g, '-'));
    oneLine(cli([make(), '--out', out]), 3, says);
    assert.ok(!existsSync(out) || readdirSync(out).length === 0, 'no output');
  });
}

test('robustness: an unknown option: one usage line, exit 2', () => {
  oneLine(cli(['--bogus']), 2, /Unknown option|unknown/i);
});

test('robustness: an output folder on a read-only file system: one line before any build, exit 7 (tmpfs)', (t) => {
  const ro = tmpfs('ro', 'ro,size=64k');
  if (!ro) return t.skip('cannot mount a read-only tmpfs here (needs root)');
  // No browser is needed to say so: the check comes before Chromium starts.
  const env = { ...process.env, CHROME_PATH: '/nonexistent/chrome' };
  oneLine(cli([SHORT, '--out', join(ro, 'new', 'sub')], { env }), 7, /read-only file system \(EROFS\)/);
  oneLine(cli([SHORT, '--out', ro], { env }), 7, /read-only file system \(EROFS\)/);
});

test('robustness: an output path through a file: one line, exit 7', () => {
  const f = file('not-a-folder', 'x');
  oneLine(cli([SHORT, '--out', join(f, 'out')], { env: { ...process.env, CHROME_PATH: '/nonexistent/chrome' } }), 7, /a file, not a folder|a file is in the way/);
});

test('robustness: a page that hangs in a healthy browser is a one-line layout error of its file, not an internal error', () => {
  const timeout = Object.assign(new Error('Waiting failed: 30000ms exceeded'), { name: 'TimeoutError' });
  const e = pageFault(timeout, {} as Browser, 'a.txt', 'printing');
  assert.ok(e instanceof SpeechdeckError && e.kind === 'layout', String(e));
  assert.match(e.format(), /^speechdeck: a\.txt: Chromium did not finish printing this deck within 30 s\. .*SPEECHDECK_PAGE_TIMEOUT_MS/);
  const bug = new TypeError('x is undefined');
  assert.equal(pageFault(bug, {} as Browser, 'a.txt', 'printing'), bug, 'a bug keeps its stack trace');
});

test('chromium: robustness: file names with spaces, quotes and $(…) run nothing and build', () => {
  const dir = join(work, 'odd');
  mkdirSync(dir, { recursive: true });
  const names = ['my talk.txt', "it's \"quoted\".txt", '$(touch pwned).txt'];
  for (const n of names) cpSync(SHORT, join(dir, n));
  const out = join(work, 'odd-out');
  const r = cli([...names.map((n) => join(dir, n)), '--out', out, '--no-pdf'], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  assert.ok(!existsSync(join(dir, 'pwned')) && !existsSync(join(work, 'pwned')), 'nothing ran');
  assert.deepEqual(readdirSync(out).sort(), ['$(touch pwned)', 'it\'s _quoted_', 'my talk'].sort());
});
