// Writing outputs: safe and unique folder names, one set written whole or not at
// all, a full disk or a read-only folder told in one line, identical bytes for
// identical input. (Issue 8, items 2, 3, 8, 9.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { outputNames, safeName } from '../src/output/names.js';
import { preflight, writeOutputSet, TEMP_PREFIX } from '../src/output/write.js';
import { SpeechdeckError } from '../src/errors.js';
import { parseSpeech } from '../src/parse/speech.js';
import { manuscript, ROOT, scratch } from './helpers.js';

const CLI = join(ROOT, '.cache', 'cli.mjs');
const SHORT = join(ROOT, 'tests', 'fixtures', 'manuscripts', '14-zh-short-remarks.txt');
const TOAST = join(ROOT, 'tests', 'fixtures', 'manuscripts', '13-en-toast.txt');
const { work, tmpfs } = scratch('speechdeck-output-');

const cli = (args: string[], cwd = work) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, timeout: 120_000 });
const files = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f))]));

test('names: a manuscript name becomes a folder name that stays inside --out', () => {
  assert.equal(safeName('...'), 'manuscript');
  assert.equal(safeName('..'), 'manuscript');
  assert.equal(safeName('.'), 'manuscript');
  assert.equal(safeName('.hidden'), 'hidden');
  assert.equal(safeName('a/../b'), 'a_.._b');
  assert.equal(safeName('a\\b:c*?'), 'a_b_c__');
  assert.equal(safeName('CON'), 'CON_');
  assert.equal(safeName('tab\there\u0000'), 'tab_here_');
  assert.equal(safeName('讲话稿 '), '讲话稿');
  assert.ok(Buffer.byteLength(safeName('讲'.repeat(200))) <= 120);
  assert.equal(safeName('2016-03-18-讲话'), '2016-03-18-讲话');
});

test('names: a batch gets unique folders, compared without case', () => {
  const r = outputNames(['talk', 'talk', 'Talk', '..', '...', 'other']);
  assert.deepEqual(r.names, ['talk', 'talk-2', 'Talk-3', 'manuscript', 'manuscript-2', 'other']);
  assert.deepEqual(r.renamed.map((x) => [x.index, x.reason]), [[1, 'taken'], [2, 'taken'], [3, 'unsafe'], [4, 'unsafe']]);
});

test('write: a set replaces the old set, png folder whole', () => {
  const dir = join(work, 'set');
  writeOutputSet(dir, [{ name: 'a.txt', data: 'old' }, { name: 'png/1.png', data: 'o1' }, { name: 'png/2.png', data: 'o2' }]);
  writeOutputSet(dir, [{ name: 'a.txt', data: 'new' }, { name: 'png/1.png', data: 'n1' }]);
  assert.equal(readFileSync(join(dir, 'a.txt'), 'utf8'), 'new');
  assert.deepEqual(readdirSync(join(dir, 'png')), ['1.png']);
  assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith(TEMP_PREFIX)), []);
});

test('write: a full disk leaves the previous set intact and no temporaries (tmpfs)', (t) => {
  const disk = tmpfs('full', 'size=256k');
  if (!disk) return t.skip('cannot mount a tmpfs here (needs root)');
  const dir = join(disk, 'deck');
  const old = [{ name: 'index.html', data: 'x'.repeat(40_000) }, { name: 'slides.pdf', data: 'y'.repeat(40_000) }];
  writeOutputSet(dir, old);
  assert.throws(
    () => writeOutputSet(dir, [{ name: 'index.html', data: 'n'.repeat(100_000) }, { name: 'slides.pdf', data: 'm'.repeat(200_000) }]),
    (e: unknown) => e instanceof SpeechdeckError && e.kind === 'output' && /the disk is full \(ENOSPC\)/.test(e.message),
  );
  assert.equal(readFileSync(join(dir, 'index.html'), 'utf8'), old[0]!.data);
  assert.equal(readFileSync(join(dir, 'slides.pdf'), 'utf8'), old[1]!.data);
  assert.deepEqual(readdirSync(dir), ['index.html', 'slides.pdf']);
});

test('preflight: a read-only folder, a new subfolder on it, and a file in the way are told as such', (t) => {
  const file = join(work, 'a-file');
  writeFileSync(file, 'x');
  assert.throws(() => preflight(join(file, 'sub')), (e: unknown) => e instanceof SpeechdeckError && e.kind === 'output' && /a file, not a folder|ENOTDIR|EEXIST/.test(e.message));
  const ro = tmpfs('ro', 'ro,size=64k');
  if (!ro) return t.skip('cannot mount a read-only tmpfs here (needs root)');
  for (const d of [ro, join(ro, 'new', 'sub')]) {
    assert.throws(() => preflight(d), (e: unknown) => e instanceof SpeechdeckError && /read-only file system \(EROFS\)/.test(e.message), d);
  }
});

test('parse: a manuscript that is only a title is titled by it', () => {
  const s = parseSpeech(manuscript('关于加强机关作风建设的几点思考\n'));
  assert.equal(s.meta.title, '关于加强机关作风建设的几点思考');
});

test('cli: --explain into a pipe that closes early stops quietly', () => {
  const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" --explain ${join(ROOT, 'slides')}/*.txt ${join(ROOT, 'tests', 'fixtures', 'manuscripts')}/*.txt | head -1`], { encoding: 'utf8' });
  assert.equal(r.stderr, '');
  assert.equal(r.status, 0);
});

test('chromium: a batch with clashing and unsafe names builds each into its own folder inside --out, and says so', () => {
  const src = join(work, 'src');
  mkdirSync(join(src, 'a'), { recursive: true });
  mkdirSync(join(src, 'b'), { recursive: true });
  // b/talk.txt is a copy of a/talk.txt: identical input, identical bytes, in one batch.
  cpSync(SHORT, join(src, 'a', 'talk.txt'));
  cpSync(SHORT, join(src, 'b', 'talk.txt'));
  cpSync(TOAST, join(src, 'a', '...txt'));
  const out = join(work, 'nested', 'out');
  const r = cli(['a/talk.txt', 'b/talk.txt', 'a/...txt', '--out', out], src);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(readdirSync(out).sort(), ['manuscript', 'talk', 'talk-2']);
  assert.deepEqual(readdirSync(join(work, 'nested')), ['out'], 'nothing written beside --out');
  assert.match(r.stderr, /note: b\/talk\.txt: another manuscript in this batch has the same name; it is built into .*talk-2\//);
  assert.match(r.stderr, /note: a\/\.\.\.txt: its name is not a safe folder name; it is built into .*manuscript\//);
  assert.equal(JSON.parse(readFileSync(join(out, 'manuscript', 'deck.json'), 'utf8')).meta.lang, 'en');
  assert.deepEqual(files(join(out, 'talk-2')), files(join(out, 'talk')), 'the same bytes');
  // The PDFs state the speech's own date or none, never the clock; SOURCE_DATE_EPOCH overrides.
  for (const d of ['talk', 'manuscript']) {
    const date = JSON.parse(readFileSync(join(out, d, 'deck.json'), 'utf8')).meta.date as string | null;
    const info = execFileSync('pdfinfo', ['-isodates', join(out, d, 'slides.pdf')], { encoding: 'utf8' });
    const created = /CreationDate:\s+(\S+)/.exec(info)?.[1] ?? null;
    assert.equal(created && created.slice(0, 10), date, d);
  }
  const env = spawnSync(process.execPath, [CLI, 'b/talk.txt', '--out', join(work, 'epoch')], { encoding: 'utf8', cwd: src, env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } });
  assert.equal(env.status, 0, env.stderr);
  assert.match(execFileSync('pdfinfo', ['-isodates', join(work, 'epoch', 'talk', 'handout.pdf')], { encoding: 'utf8' }), /CreationDate:\s+2023-11-14T22:13:20/);
});

test('chromium: a full disk keeps the previous outputs and says so in one line (tmpfs)', (t) => {
  const disk = tmpfs('fulldisk', 'size=1500k');
  if (!disk) return t.skip('cannot mount a tmpfs here (needs root)');
  // (Without PDFs: the deck alone is larger than the room left below.)
  const first = cli([SHORT, '--out', disk, '--no-pdf']);
  assert.equal(first.status, 0, first.stderr);
  const dir = join(disk, '14-zh-short-remarks');
  const before = files(dir);
  // Leave less room than a second set needs.
  const free = Number(execFileSync('df', ['-k', '--output=avail', disk], { encoding: 'utf8' }).trim().split('\n')[1]) * 1024;
  writeFileSync(join(disk, 'filler'), Buffer.alloc(Math.max(0, free - 200 * 1024)));
  const r = cli([SHORT, '--theme', 'dark', '--out', disk, '--no-pdf']);
  assert.equal(r.status, 7, r.stderr);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0]!, /cannot write the outputs: the disk is full \(ENOSPC\)/);
  assert.deepEqual(files(dir), before, 'the previous set is intact');
  assert.ok(existsSync(join(disk, 'filler')));
});
