import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Manuscript } from '../src/types.js';
import { decodeBytes } from '../src/input/decode.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SEED = join(ROOT, 'slides', '2016-03-18-union-work-conference.txt');

/** A manuscript from a file (decoded like the CLI does), or from a string. */
export function manuscript(pathOrText: string, name = 'test'): Manuscript {
  if (pathOrText.includes('\n')) return { path: `${name}.txt`, name, encoding: 'utf-8', text: pathOrText };
  const path = pathOrText.includes('/') ? pathOrText : join(ROOT, 'tests', 'fixtures', pathOrText);
  const { text, encoding } = decodeBytes(readFileSync(path), path);
  return { path, name: path.replace(/^.*\//, '').replace(/\.[^.]+$/, ''), encoding, text };
}
