// The entry that builds decks: `npm run build -- [FILE...] [--out DIR]`.
import { run } from './src/cli.js';

await run(process.argv.slice(2));
