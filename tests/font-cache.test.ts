import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheDirFor, cacheRead, cacheWrite, pruneCache, sha256 } from '../src/render/font-cache.js';
import { subsetFonts, stopSubsetWorkers, useSubsetWorkers } from '../src/render/fonts.js';
import { loadAssets } from '../src/input/files.js';

const files = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));

test('font cache: what is written is read back; a damaged or foreign file is a miss, not a font', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sd-fc-'));
  try {
    const key = sha256('k');
    assert.equal(cacheRead(dir, key), null);
    cacheWrite(dir, key, new Uint8Array([1, 2, 3, 250]));
    assert.deepEqual([...cacheRead(dir, key)!], [1, 2, 3, 250]);
    const [file] = files(dir);
    // One byte changed, a file cut short, another file put in its place: all misses.
    const good = readFileSync(file!);
    writeFileSync(file!, Buffer.concat([good.subarray(0, -1), Buffer.from([0])]));
    assert.equal(cacheRead(dir, key), null);
    writeFileSync(file!, good.subarray(0, 20));
    assert.equal(cacheRead(dir, key), null);
    writeFileSync(file!, 'not a font, not ours');
    assert.equal(cacheRead(dir, key), null);
    // No temporary files left behind.
    cacheWrite(dir, sha256('other'), new Uint8Array(10));
    assert.ok(files(dir).every((f) => !f.endsWith('.tmp')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('font cache: a cache that cannot be written is no cache, not an error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sd-fc-'));
  try {
    // A file where the cache folder should be.
    const blocked = join(dir, 'file');
    writeFileSync(blocked, 'x');
    assert.doesNotThrow(() => cacheWrite(blocked, sha256('k'), new Uint8Array(4)));
    assert.equal(cacheRead(blocked, sha256('k')), null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('font cache: pruned to three quarters of its bound, the files used longest ago first', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sd-fc-'));
  try {
    const keys = Array.from({ length: 8 }, (_, i) => sha256(String(i)));
    keys.forEach((k, i) => {
      cacheWrite(dir, k, new Uint8Array(1000 - 32));
      const t = new Date(Date.UTC(2026, 0, 1 + i));
      const f = files(dir).find((p) => p.endsWith(k))!;
      utimesSync(f, t, t);
    });
    // Key 0 is read now: it becomes the newest.
    assert.ok(cacheRead(dir, keys[0]!));
    pruneCache(dir, 8000);
    assert.equal(files(dir).length, 8, 'within the bound: nothing goes');
    pruneCache(dir, 6000);
    const left = files(dir);
    assert.ok(left.reduce((n, f) => n + statSync(f).size, 0) <= 4500);
    assert.ok(left.some((f) => f.endsWith(keys[0]!)), 'the one just used stays');
    assert.ok(!left.some((f) => f.endsWith(keys[1]!)), 'the oldest goes');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('font cache folder: SPEECHDECK_CACHE, off, then the platform cache folder', () => {
  assert.equal(cacheDirFor({ SPEECHDECK_CACHE: '/c' }, 'linux', '/home/a'), '/c');
  assert.equal(cacheDirFor({ SPEECHDECK_CACHE: 'off' }, 'linux', '/home/a'), null);
  assert.equal(cacheDirFor({}, 'linux', '/home/a'), '/home/a/.cache/speechdeck');
  assert.equal(cacheDirFor({ XDG_CACHE_HOME: '/x' }, 'linux', '/home/a'), '/x/speechdeck');
  assert.equal(cacheDirFor({}, 'darwin', '/Users/a'), '/Users/a/Library/Caches/speechdeck');
  assert.equal(cacheDirFor({ LOCALAPPDATA: 'C:/L' }, 'win32', 'C:/U'), join('C:/L', 'speechdeck'));
});

test('font subsets: the same bytes made, from the cache on disk, or with no cache', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sd-fc-'));
  const fonts = loadAssets().fonts;
  // (A text of its own, so that this process has not made these subsets before.)
  const needs = (extra: string) => [
    { family: 'Noto Sans SC', weight: 400, chars: new Set(`工会组织服务职工${extra}`) },
    { family: 'Noto Serif SC', weight: 700, chars: new Set(`标题${extra}`) },
  ];
  const bytes = async (extra: string, format: 'woff2' | 'sfnt') => (await subsetFonts(fonts, needs(extra), format)).map((f) => Buffer.from(f.data).toString('base64'));
  try {
    // (useSubsetWorkers starts a run: what earlier runs made in memory is forgotten.)
    useSubsetWorkers(null, null);
    const plain = await bytes('乙', 'woff2');
    assert.equal(files(dir).length, 0);
    useSubsetWorkers(null, dir);
    assert.deepEqual(await bytes('乙', 'woff2'), plain, 'made with a cache: the same');
    assert.ok(files(dir).length >= 4, 'slices and subsets are on disk');
    const old = new Date(Date.UTC(2020, 0, 1));
    for (const f of files(dir)) utimesSync(f, old, old);
    useSubsetWorkers(null, dir);
    assert.deepEqual(await bytes('乙', 'woff2'), plain, 'read from the cache: the same');
    assert.ok(files(dir).some((f) => statSync(f).mtimeMs > old.getTime()), 'it was read from disk');
    // Damaged files on disk: made again, right.
    for (const f of files(dir)) writeFileSync(f, readFileSync(f).subarray(0, 40));
    useSubsetWorkers(null, dir);
    assert.deepEqual(await bytes('乙', 'woff2'), plain, 'damaged files: made again');
  } finally {
    await stopSubsetWorkers();
    rmSync(dir, { recursive: true, force: true });
  }
});
