import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { after } from 'node:test';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Manuscript } from '../src/types.js';
import { decodeBytes } from '../src/input/decode.js';
import { SpeechdeckError } from '../src/errors.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SEED = join(ROOT, 'slides', '2016-03-18-union-work-conference.txt');

/** A manuscript from a file (decoded like the CLI does), or from a string. */
export function manuscript(pathOrText: string, name = 'test'): Manuscript {
  if (pathOrText.includes('\n')) return { path: `${name}.txt`, name, encoding: 'utf-8', text: pathOrText };
  const path = pathOrText.includes('/') ? pathOrText : join(ROOT, 'tests', 'fixtures', pathOrText);
  const { text, encoding } = decodeBytes(readFileSync(path), path);
  return { path, name: path.replace(/^.*\//, '').replace(/\.[^.]+$/, ''), encoding, text };
}

/**
 * A scratch folder for a test file, removed after it (with any tmpfs mounted in it):
 * `tmpfs(name, opts)` mounts a small one (root only) or returns null where the
 * machine cannot, so the test can skip with a message.
 */
export function scratch(prefix: string): { work: string; tmpfs: (name: string, opts: string) => string | null } {
  const work = mkdtempSync(join(tmpdir(), prefix));
  const mounts: string[] = [];
  after(() => {
    for (const m of mounts) spawnSync('umount', [m]);
    rmSync(work, { recursive: true, force: true });
  });
  const tmpfs = (name: string, opts: string): string | null => {
    const dir = join(work, name);
    mkdirSync(dir, { recursive: true });
    if (process.getuid?.() !== 0 || spawnSync('mount', ['-t', 'tmpfs', '-o', opts, 'tmpfs', dir]).status !== 0) return null;
    mounts.push(dir);
    return dir;
  };
  return { work, tmpfs };
}

/** The message of the one-line SpeechdeckError of `kind` that `fn` throws; fails when it throws none. */
export async function oneLineError(fn: () => unknown, kind: string): Promise<string> {
  try {
    await fn();
  } catch (err) {
    if (!(err instanceof SpeechdeckError) || err.kind !== kind) throw new Error(`not a ${kind} error: ${String(err)}`);
    if (err.format().includes('\n')) throw new Error(`not one line: ${err.format()}`);
    return err.message;
  }
  throw new Error('no error');
}
