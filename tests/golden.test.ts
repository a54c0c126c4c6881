import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { GOLDEN_DIR, goldenInputs, goldenOutputs } from './golden-lib.js';

const expected = new Set<string>();
for (const input of goldenInputs()) {
  for (const [name, text] of Object.entries(goldenOutputs(input))) {
    expected.add(name);
    test(`golden: ${name} matches (npm run golden to update, then review the diff)`, () => {
      const path = join(GOLDEN_DIR, name);
      assert.ok(existsSync(path), `missing ${name}: run npm run golden`);
      assert.equal(text, readFileSync(path, 'utf8'));
    });
  }
}

test('golden: no stale golden files', () => {
  const stale = readdirSync(GOLDEN_DIR).filter((f) => f.endsWith('.json') && !expected.has(f));
  assert.deepEqual(stale, []);
});
