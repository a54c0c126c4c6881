#!/usr/bin/env node
// `speechdeck FILE...`: the installed command (package.json "bin"). The code is the
// bundle scripts/bundle.mjs makes (it is in the published package; in a clone of the
// repository, `npm run setup` makes it).
import { existsSync } from 'node:fs';

const bundle = new URL('../.cache/bin.mjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('speechdeck: this copy is not built yet.\n  hint: in a clone of the repository, run `npm run setup` first.\n');
  process.exit(1);
}
await import(bundle.href);
