// The CLI edge: the only module that touches `process` (arguments, streams, exit
// status) and writes the outputs.
import { parseArgs } from 'node:util';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer';
import type { Aspect } from './types.js';
import { SpeechdeckError } from './errors.js';
import { listManuscripts, loadAssets, projectRoot, readManuscript } from './input/files.js';
import { parseSpeech } from './parse/speech.js';
import { findBrowser, launchBrowser } from './print/browser.js';
import { buildManuscript } from './pipeline.js';
import { explainOutline } from './explain.js';

const USAGE = `usage: npm run build -- [FILE...] [--out DIR] [--theme NAME] [--aspect 16:9|4:3]
                        [--handout 2|3|6] [--steps] [--no-notes] [--explain]

Builds each manuscript (.txt/.md; UTF-8 or GBK) into DIR/<name>/: index.html,
slides.pdf, handout.pdf, deck.json. With no FILE, builds every manuscript in slides/ into dist/.
  --out DIR       output folder (default: dist)
  --theme NAME    official (default), modern or dark
  --aspect RATIO  16:9 (default) or 4:3
  --steps         bullets appear one at a time when presenting (the PDF shows them all)
  --handout N     handout.pdf with 2 slides a page and the speech text (default), or 3 / 6
                  slides a page with lines to write on
  --no-notes      leave the speaker notes out of index.html (a copy to share)
  --explain       print the outline found in each manuscript, with line numbers, and stop`;

function log(msg: string): void {
  process.stderr.write(msg + '\n');
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        'no-notes': { type: 'boolean', default: false },
        theme: { type: 'string', default: 'official' },
        aspect: { type: 'string', default: '16:9' },
        steps: { type: 'boolean', default: false },
        handout: { type: 'string', default: '2' },
        explain: { type: 'boolean', default: false },
        'find-browser': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new SpeechdeckError('usage', (err as Error).message.split('\n')[0]!, { hint: 'See `npm run build -- --help`.' });
  }
  if (args.values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (args.values['find-browser']) {
    // For `npm run setup`: print the browser the build would use, or fail.
    const path = findBrowser({ env: process.env, platform: process.platform, isRoot: process.getuid?.() === 0 });
    if (path) process.stdout.write(path + '\n');
    return path ? 0 : 1;
  }
  const root = projectRoot();
  const files = args.positionals.length ? args.positionals : listManuscripts(join(root, 'slides'));
  if (!files.length) {
    throw new SpeechdeckError('usage', 'no manuscripts to build.', { hint: 'Put .txt files in slides/ or name them: npm run build -- FILE.txt' });
  }
  const manuscripts = files.map(readManuscript);
  if (args.values.explain) {
    for (const ms of manuscripts) process.stdout.write(explainOutline(parseSpeech(ms), ms) + '\n');
    return 0;
  }
  const outDir = args.values.out ?? join(root, 'dist');
  const aspect = args.values.aspect;
  if (aspect !== '16:9' && aspect !== '4:3') {
    throw new SpeechdeckError('usage', `unknown aspect "${aspect}".`, { hint: 'Use --aspect 16:9 or --aspect 4:3.' });
  }
  const assets = loadAssets();
  if (!(args.values.theme! in assets.themes)) {
    throw new SpeechdeckError('usage', `unknown theme "${args.values.theme}".`, { hint: `Choose one of: ${Object.keys(assets.themes).sort().join(', ')}.` });
  }
  const handout = Number(args.values.handout);
  if (handout !== 2 && handout !== 3 && handout !== 6) {
    throw new SpeechdeckError('usage', `--handout takes 2, 3 or 6, not "${args.values.handout}".`, { hint: '2: slides with the speech text; 3 or 6: slides with lines to write on.' });
  }
  const render = { theme: args.values.theme!, aspect: aspect as Aspect, notes: !args.values['no-notes'], steps: args.values.steps! };
  const t0 = performance.now();
  let browser: Browser | null = null;
  try {
    browser = await launchBrowser({ env: process.env, platform: process.platform, isRoot: process.getuid?.() === 0 });
    for (const ms of manuscripts) {
      const t = performance.now();
      const r = await buildManuscript(ms, assets, browser, { render, handout });
      const dir = join(outDir, ms.name);
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, 'index.html'), r.html);
        writeFileSync(join(dir, 'slides.pdf'), r.pdf);
        writeFileSync(join(dir, 'handout.pdf'), r.handout);
        writeFileSync(join(dir, 'deck.json'), JSON.stringify(r.deck, null, 2) + '\n');
      } catch (err) {
        throw new SpeechdeckError('output', `cannot write the outputs (${(err as NodeJS.ErrnoException).code}).`, { file: dir, hint: 'Check that the folder is writable, or pass --out DIR.' });
      }
      const kb = (n: number) => `${Math.round(n / 1024)} KB`;
      log(
        `built ${ms.path} → ${dir}/  ${r.deck.slides.length} slides, index.html ${kb(Buffer.byteLength(r.html))}, ` +
          `slides.pdf ${kb(r.pdf.length)}, handout.pdf ${r.handoutPages} pages ${kb(r.handout.length)}, fit in ${r.rounds} round${r.rounds > 1 ? 's' : ''}` +
          `${r.tightened ? ` (${r.tightened} group${r.tightened > 1 ? 's' : ''} split)` : ''}, min text ${r.fit.minFontPx}px, ` +
          `${((performance.now() - t) / 1000).toFixed(1)} s`,
      );
      if (r.blocked.length) log(`warning: ${ms.path}: the deck tried to load ${r.blocked.length} resource(s), e.g. ${r.blocked[0]}`);
    }
  } finally {
    await browser?.close();
  }
  log(`done: ${manuscripts.length} manuscript${manuscripts.length > 1 ? 's' : ''} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return 0;
}

export async function run(argv: string[]): Promise<void> {
  try {
    process.exitCode = await main(argv);
  } catch (err) {
    if (err instanceof SpeechdeckError) {
      process.stderr.write(err.format() + '\n');
      process.exitCode = err.exitCode;
    } else {
      // A bug, not a user's mistake: keep the stack trace.
      process.stderr.write('speechdeck: internal error (please report it):\n' + ((err as Error).stack ?? String(err)) + '\n');
      process.exitCode = 1;
    }
  }
}
