// `npm run golden`: rewrite tests/golden/ from the current parser and planner.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GOLDEN_DIR, goldenInputs, goldenOutputs } from './golden-lib.js';

mkdirSync(GOLDEN_DIR, { recursive: true });
for (const f of readdirSync(GOLDEN_DIR)) if (f.endsWith('.json')) rmSync(join(GOLDEN_DIR, f));
let n = 0;
for (const input of goldenInputs()) {
  for (const [name, text] of Object.entries(goldenOutputs(input))) {
    writeFileSync(join(GOLDEN_DIR, name), text);
    n++;
  }
}
process.stderr.write(`golden: wrote ${n} files to tests/golden/; review with: git diff --stat tests/golden\n`);
