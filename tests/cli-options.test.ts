// The command line and the configuration resolved in one place (src/cli/options.ts),
// without a process: flags over the file over the defaults, outputs beside the
// manuscript for the installed command, one usage error per bad value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INSTALLED, parseCommand, REPOSITORY, resolveSettings } from '../src/cli/options.js';
import { manuscript, oneLineError, ROOT, scratch } from './helpers.js';

const { work } = scratch('speechdeck-options-');

test('cli options: the repository build takes slides/ when no file is named; the installed command wants one', async () => {
  const repo = parseCommand([], REPOSITORY, ROOT);
  assert.ok(repo.kind === 'build' && repo.files.some((f) => f.endsWith('2016-03-18-union-work-conference.txt')));
  assert.match(await oneLineError(() => parseCommand([], INSTALLED, ROOT), 'usage'), /no manuscripts to build/);
  assert.throws(() => parseCommand([], INSTALLED, ROOT), (e: Error & { format(): string }) => /speechdeck speech\.docx/.test(e.format()));
  assert.equal(parseCommand(['--version'], INSTALLED, ROOT).kind, 'version');
  const help = parseCommand(['-h'], INSTALLED, ROOT);
  assert.ok(help.kind === 'help' && help.text.startsWith('usage: speechdeck FILE...'));
  assert.match(await oneLineError(() => parseCommand(['--bogus'], INSTALLED, ROOT), 'usage'), /Unknown option '--bogus'/);
  assert.throws(() => parseCommand(['--bogus'], INSTALLED, ROOT), (e: Error & { format(): string }) => /speechdeck --help/.test(e.format()));
});

test('cli options: flags over the configuration over the defaults; outputs in dist/ or beside the manuscript', async () => {
  const dir = join(work, 'office');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'speechdeck.config.json'), '{ "theme": "dark", "aspect": "4:3", "pptx": true, "handout": 6, "notes": false }');
  const file = join(dir, 'talk.txt');
  writeFileSync(file, '关于做好工作的讲话\n\n同志们：\n\n一、要做好工作\n\n谢谢大家！');
  const cmd = parseCommand([file, '--theme', 'modern'], INSTALLED, ROOT);
  assert.equal(cmd.kind, 'build');
  if (cmd.kind !== 'build') return;
  const s = resolveSettings(cmd.flags, cmd.files, INSTALLED, { cwd: work, env: { SOURCE_DATE_EPOCH: '1458259200' }, root: ROOT });
  assert.equal(s.configPath, join(dir, 'speechdeck.config.json'));
  assert.equal(s.build.render.theme, 'modern', 'the flag over the file');
  assert.equal(s.build.render.aspect, '4:3', 'the file over the default');
  assert.equal(s.build.handout, 6);
  assert.equal(s.build.render.notes, false);
  assert.equal(s.write.pptx, true);
  assert.equal(s.build.sourceDateEpoch, 1458259200);
  const ms = manuscript(file);
  assert.equal(s.outBase({ ...ms, path: file }), dir, 'beside the manuscript');
  const repo = resolveSettings(cmd.flags, cmd.files, REPOSITORY, { cwd: work, env: {}, root: ROOT });
  assert.equal(repo.outBase({ ...ms, path: file }), join(ROOT, 'dist'));
  const out = resolveSettings({ ...cmd.flags, out: '/tmp/x' }, cmd.files, INSTALLED, { cwd: work, env: {}, root: ROOT });
  assert.equal(out.outBase(ms), '/tmp/x');
  assert.match(await oneLineError(() => resolveSettings({ ...cmd.flags, aspect: '21:9' }, cmd.files, INSTALLED, { cwd: work, env: {}, root: ROOT }), 'usage'), /unknown aspect "21:9"/);
  assert.match(await oneLineError(() => resolveSettings({ ...cmd.flags, handout: '4' }, cmd.files, INSTALLED, { cwd: work, env: {}, root: ROOT }), 'usage'), /--handout takes 2, 3 or 6/);
  assert.match(await oneLineError(() => resolveSettings({ ...cmd.flags, theme: 'neon' }, cmd.files, INSTALLED, { cwd: work, env: {}, root: ROOT }), 'usage'), /unknown theme "neon"/);
});

test('cli options: preview takes one manuscript and a port; --port alone is a usage error', async () => {
  const p = parseCommand(['preview', 'talk.docx', '--theme', 'dark'], INSTALLED, ROOT);
  assert.ok(p.kind === 'preview');
  assert.deepEqual([p.files, p.port, p.flags.theme], [['talk.docx'], 5757, 'dark']);
  const any = parseCommand(['preview', 'talk.docx', '--port', '0'], INSTALLED, ROOT);
  assert.ok(any.kind === 'preview' && any.port === 0);
  assert.match(await oneLineError(() => parseCommand(['preview'], INSTALLED, ROOT), 'usage'), /preview takes one manuscript, not 0\./);
  assert.match(await oneLineError(() => parseCommand(['preview', 'a.txt', 'b.txt'], INSTALLED, ROOT), 'usage'), /preview takes one manuscript, not 2/);
  assert.match(await oneLineError(() => parseCommand(['preview', 'a.txt', '--port', 'http'], INSTALLED, ROOT), 'usage'), /--port takes a number from 0 to 65535, not "http"/);
  assert.match(await oneLineError(() => parseCommand(['a.txt', '--port', '80'], INSTALLED, ROOT), 'usage'), /--port is for preview and serve\./);
  assert.throws(() => parseCommand(['a.txt', '--port', '80'], INSTALLED, ROOT), (e: Error & { format(): string }) => /speechdeck serve --port 80/.test(e.format()));
  const help = parseCommand(['--help'], INSTALLED, ROOT);
  assert.ok(help.kind === 'help' && /speechdeck preview FILE \[--port N\]/.test(help.text));
});
