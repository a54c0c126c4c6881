// Bundles the CLI (node) and the deck's browser code (one IIFE to inline) with esbuild.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await Promise.all([
  build({
    entryPoints: [join(root, 'build.ts')],
    outfile: join(root, '.cache', 'cli.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  }),
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
