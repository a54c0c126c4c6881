// The CLI edge: the only module that touches `process` (arguments, streams, exit
// status) and writes the outputs.
import { parseArgs } from 'node:util';
import { dirname, join, resolve } from 'node:path';
import type { Aspect, Manuscript } from './types.js';
import { availableParallelism, constants as osConstants } from 'node:os';
import cliProgress from 'cli-progress';
import type { HandoutLayout } from './render/handout.js';
import type { BuildResult } from './pipeline.js';

const { SingleBar, Presets } = cliProgress;
type SingleBar = InstanceType<typeof cliProgress.SingleBar>;
import { SpeechdeckError } from './errors.js';
import { fontWorkerPath, listManuscripts, loadAssets, packageVersion, projectRoot, readManuscript } from './input/files.js';
import { findConfig, readConfig, readLogo } from './input/config.js';
import { stopSubsetWorkers, useSubsetWorkers } from './render/fonts.js';
import { themeCss } from './render/html.js';
import { parseSpeech } from './parse/speech.js';
import { abandonBrowser, BrowserLost, browserLostError, closeBrowser, findBrowser, launchBrowser, type BrowserEnv } from './print/browser.js';
import { AUTO_THEME, buildManuscript } from './pipeline.js';
import { outputNames } from './output/names.js';
import { preflight, writeOutputSet, type OutputFile } from './output/write.js';
import { outputFiles, type WriteOptions } from './output/writers.js';
import { explainOutline } from './explain.js';

/**
 * How the command was started: `npm run build` in a clone of the repository (outputs in
 * dist/, the manuscripts in slides/ when none is named), or the installed `speechdeck`
 * command (outputs beside each manuscript; a manuscript must be named).
 */
export interface Entry {
  prog: string;
  outputs: 'dist' | 'beside';
}

export const REPOSITORY: Entry = { prog: 'npm run build --', outputs: 'dist' };
export const INSTALLED: Entry = { prog: 'speechdeck', outputs: 'beside' };

const usage = (e: Entry) => `usage: ${e.prog} ${e.outputs === 'dist' ? '[FILE...]' : 'FILE...'} [--out DIR] [--theme NAME] [--aspect 16:9|4:3]
         [--handout 2|3|6] [--png] [--pptx] [--no-pdf] [--steps] [--no-notes] [--explain]
         [--version]

Builds each manuscript (.docx, .txt or .md; text in UTF-8 or GBK) into DIR/<name>/: index.html,
slides.pdf, handout.pdf, deck.json. ${
  e.outputs === 'dist'
    ? 'With no FILE, builds every manuscript in slides/ into dist/.\n  --out DIR       output folder (default: dist)'
    : "Without --out, each goes beside its manuscript (talk.docx → talk/).\n  --out DIR       output folder (default: the manuscript's own folder)"
}
  --theme NAME    official, modern or dark (default: official for Chinese speeches,
                  modern for English ones)
  --aspect RATIO  16:9 (default) or 4:3
  --steps         bullets appear one at a time when presenting (the PDF shows them all)
  --handout N     handout.pdf with 2 slides a page and the speech text (default), or 3 / 6
                  slides a page with lines to write on
  --png           also write png/slide-NN.png (one per slide) and contact-sheet.png
  --pptx          also write slides.pptx: the same slides as editable PowerPoint (WPS, Impress),
                  the speech in each slide's notes
  --no-pdf        only index.html and deck.json (still measured to fit): a quick build;
                  a slides.pdf or handout.pdf left from an earlier build is removed
  --no-notes      leave the speaker notes out of index.html (a copy to share)
  --explain       print the outline found in each manuscript, with line numbers, and stop

Settings can live in speechdeck.config.json beside the manuscripts (or in the folder you
run in): theme, aspect, handout, notes, steps, pptx, organisation, footer, rate, logo. Flags are over the
file; a Markdown manuscript's front matter is over both, for that manuscript.`;

/** What the browser finder needs to know about this process. */
function browserEnv(): BrowserEnv {
  return { env: process.env, platform: process.platform, isRoot: process.getuid?.() === 0 };
}

function log(msg: string): void {
  process.stderr.write(msg + '\n');
}

async function main(argv: string[], entry: Entry): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        'no-notes': { type: 'boolean', default: false },
        theme: { type: 'string' },
        aspect: { type: 'string' },
        steps: { type: 'boolean', default: false },
        handout: { type: 'string' },
        png: { type: 'boolean', default: false },
        pptx: { type: 'boolean', default: false },
        'no-pdf': { type: 'boolean', default: false },
        explain: { type: 'boolean', default: false },
        'find-browser': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (err) {
    throw new SpeechdeckError('usage', (err as Error).message.split('\n')[0]!.replace(/\. To specify a positional.*$/, '.').replace(/([^.])$/, '$1.'), { hint: `See \`${entry.prog} --help\`.` });
  }
  if (args.values.help) {
    process.stdout.write(usage(entry) + '\n');
    return 0;
  }
  if (args.values.version) {
    process.stdout.write(`speechdeck ${packageVersion()}\n`);
    return 0;
  }
  if (args.values['find-browser']) {
    // For `npm run setup`: print the browser the build would use, or fail.
    const path = findBrowser(browserEnv());
    if (path) process.stdout.write(path + '\n');
    return path ? 0 : 1;
  }
  const root = projectRoot();
  const files = args.positionals.length || entry.outputs === 'beside' ? args.positionals : listManuscripts(join(root, 'slides'));
  if (!files.length) {
    const hint = entry.outputs === 'beside' ? `Name them: ${entry.prog} speech.docx` : `Put .docx, .txt or .md files in slides/ or name them: ${entry.prog} FILE.docx`;
    throw new SpeechdeckError('usage', 'no manuscripts to build.', { hint });
  }
  const manuscripts: Manuscript[] = [];
  const unreadable: SpeechdeckError[] = [];
  for (const f of files) {
    try {
      const ms = await readManuscript(f);
      manuscripts.push(ms);
      // Read, but with doubts (bytes replaced, a byte-order mark ignored): said, not fatal.
      for (const w of ms.warnings ?? []) log(`warning: ${f}: ${w.message}`);
    } catch (err) {
      if (!(err instanceof SpeechdeckError) || files.length === 1) throw err;
      // In a batch, a file that cannot be read is reported and the rest go on.
      unreadable.push(err);
      log(err.format());
    }
  }
  if (!manuscripts.length) throw unreadable[0]!;
  if (args.values.explain) {
    for (const ms of manuscripts) process.stdout.write(explainOutline(parseSpeech(ms), ms) + '\n');
    return 0;
  }
  // Where each manuscript's folder goes: --out, else dist/ (repository) or its own folder (installed).
  const outBase = (ms: Manuscript) => args.values.out ?? (entry.outputs === 'dist' ? join(root, 'dist') : dirname(resolve(ms.path)));
  // The office's settings (speechdeck.config.json beside the manuscripts or here); flags are over them.
  const configPath = findConfig(files, process.cwd());
  const config = readConfig(configPath);
  if (configPath) log(`using ${configPath}`);
  const aspect = args.values.aspect ?? config.aspect ?? '16:9';
  if (aspect !== '16:9' && aspect !== '4:3') {
    throw new SpeechdeckError('usage', `unknown aspect "${aspect}".`, { hint: 'Use --aspect 16:9 or --aspect 4:3.' });
  }
  const assets = loadAssets();
  const theme = args.values.theme ?? config.theme;
  if (theme !== undefined) themeCss(theme);
  const handout = args.values.handout !== undefined ? Number(args.values.handout) : config.handout ?? 2;
  if (handout !== 2 && handout !== 3 && handout !== 6) {
    throw new SpeechdeckError('usage', `--handout takes 2, 3 or 6, not "${args.values.handout}".`, { hint: '2: slides with the speech text; 3 or 6: slides with lines to write on.' });
  }
  // Before any work: a folder that cannot take the outputs fails now, not after the build.
  for (const dir of new Set(manuscripts.map(outBase))) preflight(dir);
  // One folder per manuscript, safe and unique: a/talk.txt and b/talk.txt must not overwrite each other.
  const named = outputNames(manuscripts.map((ms) => ms.name));
  for (const r of named.renamed) {
    const ms = manuscripts[r.index]!;
    const why = r.reason === 'taken' ? 'another manuscript in this batch has the same name' : 'its name is not a safe folder name';
    log(`note: ${ms.path}: ${why}; it is built into ${join(outBase(ms), r.to)}/`);
  }
  const folder = new Map(manuscripts.map((ms, i) => [ms, named.names[i]!]));
  const logo = readLogo(config, configPath);
  const render = { theme: theme ?? AUTO_THEME, aspect: aspect as Aspect, notes: !args.values['no-notes'] && config.notes !== false, steps: args.values.steps! || config.steps === true, ...(logo ? { logo } : {}) };
  const t0 = performance.now();
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const footer = config.organisation || config.footer ? { organisation: config.organisation, text: config.footer } : undefined;
  const opts = { render, handout: handout as HandoutLayout, png: args.values.png, pdf: !args.values['no-pdf'], sourceDateEpoch: epoch && /^\d+$/.test(epoch) ? Number(epoch) : undefined, footer, rate: config.rate };
  const writing: WriteOptions = { pdf: opts.pdf, png: opts.png === true, pptx: args.values.pptx! || config.pptx === true, notes: render.notes, ...(logo ? { logo } : {}), ...(opts.sourceDateEpoch !== undefined ? { sourceDateEpoch: opts.sourceDateEpoch } : {}) };
  // Screenshots hang in Chromium while another tab prints, so --png builds one at a time.
  const jobs = Number(process.env.SPEECHDECK_JOBS) || availableParallelism();
  const concurrency = opts.png ? 1 : Math.max(1, Math.min(manuscripts.length, jobs));
  const progress = new Progress(manuscripts.length, !!process.stderr.isTTY);
  const failures: SpeechdeckError[] = [];
  // Files that were in the browser when it quit or stopped answering: said once, below.
  const lost: BrowserLost[] = [];
  let built = 0;
  // SIGINT/SIGTERM/SIGHUP: no file starts any more, the browser is closed at once
  // (its profile folder removed), nothing more is written. A second one ends it now.
  const stop = new AbortController();
  let interrupted: NodeJS.Signals | null = null;
  let browserNow: Awaited<ReturnType<typeof launchBrowser>> | null = null;
  // Started here, after every check that can fail, and ended in the `finally` below.
  useSubsetWorkers(fontWorkerPath());
  // Chromium starts while the first manuscripts are parsed and rendered.
  const launching = launchBrowser(browserEnv(), stop.signal);
  // Builds wait for it only after their first render; until then nobody listens.
  launching.then((browser) => (browserNow = browser), () => undefined);
  const onSignal = (sig: NodeJS.Signals) => {
    if (interrupted) {
      if (browserNow) abandonBrowser(browserNow);
      process.exit(128 + osConstants.signals[sig]);
    }
    interrupted = sig;
    stop.abort();
    void launching.then((browser) => closeBrowser(browser, { now: true }), () => undefined);
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const sig of signals) process.on(sig, onSignal);
  try {
    const b = launching;
    // One browser for the whole run; up to one page per core at a time.
    await pool(manuscripts, concurrency, async (ms) => {
      const t = performance.now();
      progress.start(ms.name);
      try {
        const r = await buildManuscript(ms, b, assets, { ...opts, signal: stop.signal }, (stage) => progress.stage(ms.name, stage));
        // Interrupted meanwhile: nothing more is written.
        if (interrupted) return;
        const dir = join(outBase(ms), folder.get(ms)!);
        // Without PDFs, those of an earlier build would be stale beside the new deck: the set has none.
        const { files, stale } = await outputFiles(r, writing);
        writeOutputSet(dir, files, stale);
        built++;
        progress.finish(ms.name, `built ${ms.path} → ${dir}/  ${describe(r, files)}, ${((performance.now() - t) / 1000).toFixed(1)} s\n  ${layoutReport(r)}`);
        if (r.blocked.length) progress.log(`warning: ${ms.path}: the deck tried to load ${r.blocked.length} resource(s), e.g. ${r.blocked[0]}`);
      } catch (err) {
        // Interrupted: the files in flight are simply not built.
        if (interrupted) return;
        // The browser quit or hangs: not this file's fault; said once for the batch, below.
        if (err instanceof BrowserLost) return void lost.push(err);
        // No browser means no build at all: say it once, not once per file.
        if (!(err instanceof SpeechdeckError) || err.kind === 'browser') throw err;
        // (A deck that fails in the browser is a 'layout' error of its own file.)
        failures.push(err);
        progress.finish(ms.name, err.format());
      }
    }, () => interrupted !== null || lost.length > 0);
  } finally {
    progress.stop();
    // Close the browser (and remove its profile) even if it was still starting when every build had failed.
    await launching.then((browser) => closeBrowser(browser), () => undefined);
    await stopSubsetWorkers();
    for (const sig of signals) process.off(sig, onSignal);
  }
  if (interrupted) {
    log(`speechdeck: interrupted; ${built} of ${files.length} built`);
    return 128 + osConstants.signals[interrupted];
  }
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  failures.unshift(...unreadable);
  const browserError = lost.length ? browserLostError(lost, built, files.length) : null;
  if (browserError) log(browserError.format());
  const notBuilt = files.length - built - failures.length;
  if (files.length > 1 || (failures.length === 0 && !browserError)) {
    log(`done: ${built} of ${files.length} manuscript${files.length > 1 ? 's' : ''} built in ${secs} s${failures.length ? `, ${failures.length} failed` : ''}${notBuilt ? `, ${notBuilt} not built` : ''}`);
  }
  return browserError ? browserError.exitCode : failures.length ? failures[0]!.exitCode : 0;
}

const kb = (n: number) => `${Math.round(n / 1024)} KB`;

function describe(r: BuildResult, files: OutputFile[]): string {
  const pdfs = r.pdf && r.handout ? `, slides.pdf ${kb(r.pdf.length)}, handout.pdf ${r.handoutPages} pages ${kb(r.handout.length)}` : ', no PDFs';
  const pptx = files.find((f) => f.name === 'slides.pptx');
  return `${r.deck.slides.length} slides, index.html ${kb(Buffer.byteLength(r.html))}${pdfs}${pptx ? `, slides.pptx ${kb(pptx.data.length)}` : ''}`;
}

/** `layout: title 1, points 10, …; 2 continued; fit in 2 rounds (1 group re-packed); nothing overflows; smallest text 18px (footer)` */
function layoutReport(r: BuildResult): string {
  const counts = new Map<string, number>();
  for (const s of r.deck.slides) counts.set(s.layout, (counts.get(s.layout) ?? 0) + 1);
  const continued = r.deck.slides.filter((s) => s.continued).length;
  const where = /\.(\w[\w-]*)/.exec(r.fit.minFontWhere)?.[1] ?? '';
  return (
    `layout: ${[...counts].map(([k, n]) => `${k} ${n}`).join(', ')}; ${continued} continued; ` +
    `fit in ${r.rounds} round${r.rounds > 1 ? 's' : ''}${r.tightened ? ` (${r.tightened} group${r.tightened > 1 ? 's' : ''} re-packed)` : ''}; ` +
    `nothing overflows; smallest slide text ${r.fit.minBodyPx}px, smallest text ${r.fit.minFontPx}px${where ? ` (${where})` : ''}`
  );
}

/** Run `work` over `items`, at most `n` at a time; none starts once `stopped()`. */
async function pool<T>(items: T[], n: number, work: (item: T) => Promise<void>, stopped: () => boolean = () => false): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !stopped()) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: n }, worker));
}

/**
 * Progress on stderr. On a terminal: one bar (cli-progress) with how many files
 * are in each state, and a line per finished file above it. Elsewhere (CI, logs):
 * just the line per finished file.
 */
class Progress {
  private readonly bar: SingleBar | null;
  private readonly state = new Map<string, string>();
  private done = 0;

  constructor(private readonly total: number, tty: boolean) {
    this.bar = tty && total > 1
      ? new SingleBar({ format: 'speechdeck [{bar}] {value}/{total} | {states}', hideCursor: true, clearOnComplete: true, stream: process.stderr }, Presets.shades_classic)
      : null;
    this.bar?.start(total, 0, { states: '' });
  }

  private redraw(): void {
    const counts = new Map<string, number>();
    for (const s of this.state.values()) counts.set(s, (counts.get(s) ?? 0) + 1);
    const states = [...counts].map(([s, n]) => `${n} ${s}`).join(', ');
    this.bar?.update(this.done, { states: `${states}${states ? ', ' : ''}${this.total - this.done - this.state.size} queued` });
  }

  start(name: string): void {
    this.state.set(name, 'parsing');
    this.redraw();
  }

  stage(name: string, stage: string): void {
    this.state.set(name, stage);
    this.redraw();
  }

  finish(name: string, line: string): void {
    this.state.delete(name);
    this.done++;
    this.log(line);
    this.redraw();
  }

  log(line: string): void {
    if (this.bar) {
      // Clear the bar's line, write ours, let the next update redraw the bar.
      process.stderr.write('\r\x1b[K' + line + '\n');
    } else log(line);
  }

  stop(): void {
    this.bar?.stop();
  }
}

export async function run(argv: string[], entry: Entry = REPOSITORY): Promise<void> {
  // A reader that stops early (`--explain | head`) has all it wanted: stop quietly.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  try {
    process.exitCode = await main(argv, entry);
  } catch (err) {
    if (err instanceof SpeechdeckError) {
      process.stderr.write(err.format() + '\n');
      process.exitCode = err.exitCode;
    } else {
      // A bug, not a user's mistake: keep the stack trace.
      process.stderr.write('speechdeck: internal error (please report it):\n' + ((err as Error).stack ?? String(err)) + '\n');
      process.exitCode = 1;
    }
  } finally {
    // Worker threads would keep the process alive after any path out of main.
    await stopSubsetWorkers();
  }
}
