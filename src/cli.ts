// The CLI edge: the only module that touches `process` (arguments, streams, exit
// status) and writes the outputs.
import type { Manuscript } from './types.js';
import { availableParallelism, constants as osConstants, homedir } from 'node:os';
import { SpeechdeckError } from './errors.js';
import { join, resolve } from 'node:path';
import { fontWorkerPath, loadAssets, loadWebPage, manuscriptFromBytes, packageVersion, projectRoot, readManuscript, templatesDir, withOutline } from './input/files.js';
import { startPreview } from './serve/preview.js';
import { startWeb } from './serve/web.js';
import { spawn } from 'node:child_process';
import { OUTLINE_FILE } from './plan/outline.js';
import { stopSubsetWorkers, useSubsetWorkers } from './render/fonts.js';
import { cacheDirFor } from './render/font-cache.js';
import { parseSpeech } from './parse/speech.js';
import { abandonBrowser, BrowserLost, browserLostError, closeBrowser, findBrowser, launchBrowser, type BrowserEnv } from './print/browser.js';
import { buildManuscript } from './pipeline.js';
import { outputNames } from './output/names.js';
import { preflight, writeOutputSet } from './output/write.js';
import { outputFiles } from './output/writers.js';
import { explainOutline } from './explain.js';
import { parseCommand, resolveSettings, REPOSITORY, type Command, type Entry } from './cli/options.js';
import { describe, layoutReport, Progress } from './cli/progress.js';

export { INSTALLED, REPOSITORY, type Entry } from './cli/options.js';

/** What the browser finder needs to know about this process. */
function browserEnv(): BrowserEnv {
  return { env: process.env, platform: process.platform, isRoot: process.getuid?.() === 0 };
}

/** The font cache folder for this process (SPEECHDECK_CACHE, else the platform's cache folder). */
function fontCache(): string | null {
  return cacheDirFor(process.env, process.platform, homedir());
}

function log(msg: string): void {
  process.stderr.write(msg + '\n');
}

async function main(argv: string[], entry: Entry): Promise<number> {
  const root = projectRoot();
  const cmd = parseCommand(argv, entry, root);
  if (cmd.kind === 'help') {
    process.stdout.write(cmd.text + '\n');
    return 0;
  }
  if (cmd.kind === 'version') {
    process.stdout.write(`speechdeck ${packageVersion()}\n`);
    return 0;
  }
  if (cmd.kind === 'find-browser') {
    const path = findBrowser(browserEnv());
    if (path) process.stdout.write(path + '\n');
    return path ? 0 : 1;
  }
  if (cmd.kind === 'preview') return preview(cmd, entry, root);
  if (cmd.kind === 'serve') return serve(cmd, entry, root);
  const { files } = cmd;
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
  if (cmd.explain) {
    for (const ms of manuscripts) process.stdout.write(explainOutline(parseSpeech(ms), ms) + '\n');
    return 0;
  }
  // Flags over the office's configuration over the defaults, checked before any work.
  const settings = resolveSettings(cmd.flags, files, entry, { cwd: process.cwd(), env: process.env, root });
  if (settings.configPath) log(`using ${settings.configPath}`);
  const { outBase } = settings;
  const assets = loadAssets();
  // Before any work: a folder that cannot take the outputs fails now, not after the build.
  for (const dir of new Set(manuscripts.map(outBase))) preflight(dir);
  // One folder per manuscript, safe and unique: a/talk.txt and b/talk.txt must not overwrite each other.
  const named = outputNames(manuscripts.map((ms) => ms.name));
  for (const r of named.renamed) {
    const ms = manuscripts[r.index]!;
    const why = r.reason === 'taken' ? 'another manuscript in this batch has the same name' : 'its name is not a safe folder name';
    log(`note: ${ms.path}: ${why}; it is built into ${join(outBase(ms), r.to)}/`);
  }
  // An outline.md in a manuscript's output folder, made from it: its deck comes from there.
  manuscripts.forEach((ms, i) => {
    const seen = new Set(ms.warnings);
    manuscripts[i] = withOutline(ms, join(outBase(ms), named.names[i]!));
    for (const w of manuscripts[i]!.warnings ?? []) if (!seen.has(w)) log(`warning: ${ms.path}: ${w.message}`);
  });
  const folder = new Map(manuscripts.map((ms, i) => [ms, named.names[i]!]));
  const t0 = performance.now();
  const opts = settings.build;
  const writing = settings.write;
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
  useSubsetWorkers(fontWorkerPath(), fontCache());
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

/** `speechdeck preview FILE`: serve and rebuild until interrupted (then exit 0). */
async function preview(cmd: Extract<Command, { kind: 'preview' }>, entry: Entry, root: string): Promise<number> {
  const [file] = cmd.files;
  // Checked before serving: a file that cannot be read is the usual one-line error.
  const ms = await readManuscript(file);
  const settings = resolveSettings(cmd.flags, cmd.files, entry, { cwd: process.cwd(), env: process.env, root });
  if (settings.configPath) log(`using ${settings.configPath}`);
  const dir = join(settings.outBase(ms), outputNames([ms.name]).names[0]!);
  useSubsetWorkers(fontWorkerPath(), fontCache());
  const p = await startPreview({
    read: async () => withOutline(await readManuscript(file), dir),
    watched: [resolve(file), join(dir, OUTLINE_FILE), ...(settings.configPath ? [settings.configPath] : [])],
    templates: templatesDir(),
    assets: (fresh) => loadAssets({ freshTemplates: fresh }),
    build: settings.build,
    browserEnv: browserEnv(),
    port: cmd.port,
    log,
  });
  log(`preview: ${p.url} (rebuilt when ${file} or ${join(dir, OUTLINE_FILE)} is saved; ${p.url}slides.pdf and handout.pdf on request; Ctrl+C to stop)`);
  const sig = await new Promise<NodeJS.Signals>((res) => {
    for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(s, () => res(s));
  });
  log(`preview: stopped (${sig})`);
  await p.close();
  return 0;
}

/** `speechdeck serve`: the web page, until interrupted (then exit 0). */
async function serve(cmd: Extract<Command, { kind: 'serve' }>, entry: Entry, root: string): Promise<number> {
  const settings = resolveSettings(cmd.flags, [], entry, { cwd: process.cwd(), env: process.env, root });
  if (settings.configPath) log(`using ${settings.configPath}`);
  useSubsetWorkers(fontWorkerPath(), fontCache());
  const web = await startWeb({
    page: loadWebPage(),
    read: manuscriptFromBytes,
    assets: loadAssets(),
    build: settings.build,
    write: settings.write,
    browserEnv: browserEnv(),
    host: cmd.host,
    port: cmd.port,
    jobs: Number(process.env.SPEECHDECK_JOBS) || availableParallelism(),
    log,
  });
  log(`serve: ${web.url} (Ctrl+C to stop)`);
  if (web.token) log('serve: anyone who can reach this machine and has this address (with its token) can use the page.');
  if (cmd.open) openInBrowser(web.url);
  const sig = await new Promise<NodeJS.Signals>((res) => {
    for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(s, () => res(s));
  });
  log(`serve: stopped (${sig})`);
  await web.close();
  return 0;
}

/** The system's way to open an address (best effort: the address is printed anyway). */
function openInBrowser(url: string): void {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args as string[], { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No opener here: the address is printed.
  }
}

/** Run `work` over `items`, at most `n` at a time; none starts once `stopped()`. */
async function pool<T>(items: T[], n: number, work: (item: T) => Promise<void>, stopped: () => boolean = () => false): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !stopped()) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: n }, worker));
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
    // So might a timer left by a browser call cut short (an interrupt while a page
    // was loading): the run is over, so the process ends soon whatever is pending.
    setTimeout(() => process.exit(), 500).unref();
  }
}
