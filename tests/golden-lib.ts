// Golden files at the stage boundaries: the speech tree (parse) and the planned
// deck (plan) of every fixture manuscript. `npm run golden` rewrites them; review
// the change with `git diff tests/golden`.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseSpeech } from '../src/parse/speech.js';
import { planDeck } from '../src/plan/deck.js';
import { manuscript, ROOT, SEED } from './helpers.js';

export const GOLDEN_DIR = join(ROOT, 'tests', 'golden');

/** Every manuscript the golden files cover: the seed and all fixtures. */
export function goldenInputs(): string[] {
  const dirs = [join(ROOT, 'tests', 'fixtures'), join(ROOT, 'tests', 'fixtures', 'manuscripts')];
  const files = dirs.filter(existsSync).flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).sort().map((f) => join(d, f)));
  return [SEED, ...files];
}

export function goldenOutputs(path: string): Record<string, string> {
  const ms = manuscript(path);
  const speech = parseSpeech(ms);
  const deck = planDeck(speech);
  const json = (x: unknown) => JSON.stringify(x, null, 2) + '\n';
  return {
    [`${ms.name}.speech.json`]: json(speech),
    [`${ms.name}.deck.json`]: json(deck),
  };
}
