// The entry of the installed command: `speechdeck FILE...` (npx speechdeck speech.docx).
// Outputs go beside each manuscript unless --out names a folder.
import { INSTALLED, run } from './cli.js';

await run(process.argv.slice(2), INSTALLED);
