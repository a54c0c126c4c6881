// Bundles the CLI (node: `npm run build`'s .cache/cli.mjs and the installed command's
// .cache/bin.mjs) and the deck's browser code (one IIFE to inline) with esbuild.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** A Node ESM bundle of `entry`, its packages left to node_modules. */
const nodeBundle = (entry, out, extra = {}) =>
  build({ entryPoints: [join(root, ...entry)], outfile: join(root, '.cache', out), bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning', ...extra });

await Promise.all([
  nodeBundle(['build.ts'], 'cli.mjs', { sourcemap: 'linked' }),
  nodeBundle(['src', 'bin.ts'], 'bin.mjs'),
  nodeBundle(['src', 'render', 'font-worker.ts'], 'font-worker.mjs'),
  // The web page of `speechdeck serve`.
  build({ entryPoints: [join(root, 'src', 'web', 'main.ts')], outfile: join(root, '.cache', 'web.js'), bundle: true, platform: 'browser', format: 'iife', target: 'es2020', minify: true, legalComments: 'none', logLevel: 'warning' }),
  build({
    entryPoints: [join(root, 'src', 'deck', 'main.ts')],
    outfile: join(root, '.cache', 'deck.js'),
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  }),
]);

// reveal's speaker view is an about:blank popup that the notes plugin fills with
// document.write(); the popup inherits the deck's Content-Security-Policy, so its
// inline script must be allowed by hash. Read that HTML from the plugin itself.
const require = createRequire(import.meta.url);
const notesSrc = readFileSync(join(dirname(require.resolve('reveal.js')), 'plugin', 'notes.mjs'), 'utf8');
const marker = '.document.write("';
const start = notesSrc.indexOf(marker);
if (start < 0) throw new Error('bundle: speaker view HTML not found in reveal.js/plugin/notes.mjs (reveal.js changed?)');
let end = start + marker.length;
while (notesSrc[end] !== '"') end += notesSrc[end] === '\\' ? 2 : 1;
const speakerHtml = vm.runInNewContext(notesSrc.slice(start + marker.length - 1, end + 1));
const hashes = [...speakerHtml.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
  (m) => 'sha256-' + createHash('sha256').update(m[1], 'utf8').digest('base64'),
);
if (!hashes.length) throw new Error('bundle: no inline script in the speaker view HTML');
writeFileSync(join(root, '.cache', 'deck-hashes.json'), JSON.stringify({ speakerView: hashes }, null, 2) + '\n');
