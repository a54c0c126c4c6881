// Real faults in the middle of a batch (issue 8, item 5): Chromium killed or
// stopped, speechdeck interrupted. Each case spawns the built CLI (`node
// scripts/bundle.mjs` first, as `npm test` does) on four manuscripts, waits for the
// first one to be built, then strikes. Chromium's processes are found in /proc
// (descendants of the CLI whose command line names chromium/chrome).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers.js';
import { findBrowser } from '../src/print/browser.js';

const CLI = join(ROOT, '.cache', 'cli.mjs');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'manuscripts');
const SOURCES = ['14-zh-short-remarks.txt', '13-en-toast.txt', '04-zh-welcome-no-numbering.txt', '01-zh-own-line-headings.txt'];
const OUTPUTS = ['deck.json', 'handout.pdf', 'index.html', 'slides.pdf'];
/** The page timeout the CLI is given here (SPEECHDECK_PAGE_TIMEOUT_MS), so that a stopped browser is given up on soon. */
const PAGE_TIMEOUT_MS = 5000;

const work = mkdtempSync(join(tmpdir(), 'speechdeck-faults-'));
/** Every Chromium process seen in a run, to be sure none is left stopped or running. */
const seen = new Set<number>();

const why =
  process.platform !== 'linux' || !existsSync('/proc/self/stat')
    ? 'needs Linux /proc to find the Chromium processes'
    : !findBrowser({ env: process.env, platform: process.platform, isRoot: process.getuid?.() === 0 })
      ? 'no Chrome or Chromium on this machine'
      : !existsSync(CLI)
        ? 'the CLI is not built (run `node scripts/bundle.mjs`)'
        : null;
if (why) console.log(`# faults-chromium: skipped: ${why}`);

after(() => {
  for (const pid of seen) {
    if (!alive(pid)) continue;
    try {
      process.kill(pid, 'SIGCONT');
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
  rmSync(work, { recursive: true, force: true });
});

interface Proc {
  pid: number;
  ppid: number;
  state: string;
  cmd: string[];
}

function readProc(pid: number): Proc | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return { pid, ppid: Number(rest[1]), state: rest[0]!, cmd };
  } catch {
    return null;
  }
}

/** A process that still runs (or is stopped) and is still a Chromium: not gone, not a zombie. */
function alive(pid: number): boolean {
  const p = readProc(pid);
  return !!p && p.state !== 'Z' && /chrom/i.test(p.cmd[0] ?? '');
}

/** Chromium processes whose parent chain leads to `root`. */
function chromiumUnder(root: number): Proc[] {
  const all = new Map<number, Proc>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const p = readProc(Number(d));
    if (p) all.set(p.pid, p);
  }
  const under = (p: Proc) => {
    for (let q = p.ppid, i = 0; q > 1 && i < 64; q = all.get(q)?.ppid ?? 0, i++) if (q === root) return true;
    return false;
  };
  return [...all.values()].filter((p) => /chrom/i.test(p.cmd[0] ?? '') && p.state !== 'Z' && under(p));
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** Milliseconds from the fault to the CLI's exit. */
  afterFault: number;
  files: string[];
  out: string;
  chromium: Proc[];
  /** The main browser process (the CLI's own child) and its profile folder. */
  browser: Proc | undefined;
  profile: string | undefined;
  /** Whether the batch printed PDFs. */
  pdf: boolean;
}

let runs = 0;

/** Build four manuscripts; when the first is built, call `strike`; wait (at most `limitMs`) for the CLI to end. */
async function batch(strike: (cli: number, browser: Proc) => void, limitMs: number, env: Record<string, string> = {}, pdf = true): Promise<Run> {
  const dir = join(work, `run-${++runs}`);
  const inDir = join(dir, 'in');
  const out = join(dir, 'out');
  mkdirSync(inDir, { recursive: true });
  const files = SOURCES.map((f, i) => {
    const p = join(inDir, `talk-${i + 1}.txt`);
    copyFileSync(join(FIXTURES, f), p);
    return p;
  });
  // (Without PDFs where the fault is not about printing: the first deck is built sooner.)
  const child = spawn(process.execPath, [CLI, ...files, '--out', out, ...(pdf ? [] : ['--no-pdf'])], {
    env: { ...process.env, SPEECHDECK_PAGE_TIMEOUT_MS: String(PAGE_TIMEOUT_MS), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let struck = 0;
  let chromium: Proc[] = [];
  let browser: Proc | undefined;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (d: string) => {
    stderr += d;
    if (struck || !/^built /m.test(stderr)) return;
    struck = performance.now();
    chromium = chromiumUnder(child.pid!);
    for (const p of chromium) seen.add(p.pid);
    browser = chromium.find((p) => p.ppid === child.pid);
    if (browser) strike(child.pid!, browser);
    else child.kill('SIGKILL');
  });
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), limitMs)));
  const ended = await Promise.race([exited, limit]);
  clearTimeout(timer);
  if (!ended) {
    child.kill('SIGKILL');
    assert.fail(`the CLI did not end within ${limitMs / 1000} s (struck: ${!!struck}); stderr:\n${stderr}`);
  }
  assert.ok(struck, `the batch ended before the fault could be made; stderr:\n${stderr}`);
  assert.ok(browser, `no Chromium child of the CLI among ${chromium.map((p) => p.cmd[0]).join(', ')}`);
  const profile = browser?.cmd.find((a) => a.startsWith('--user-data-dir='))?.split('=')[1];
  return { ...ended, stderr, afterFault: performance.now() - struck, files, out, chromium, browser, profile, pdf };
}

/** The folders written, each with exactly the four outputs (no temporaries, nothing partial). */
function builtFolders(out: string, pdf = true): string[] {
  const dirs = existsSync(out) ? readdirSync(out) : [];
  for (const d of dirs) assert.deepEqual(readdirSync(join(out, d)).sort(), pdf ? OUTPUTS : OUTPUTS.filter((f) => !f.endsWith('.pdf')), `${d} holds exactly its outputs`);
  return dirs.sort();
}

/** What every fault leaves: no stack trace, no Chromium process, no profile folder, only whole outputs. */
async function assertClean(r: Run): Promise<void> {
  assert.doesNotMatch(r.stderr, /internal error|^\s+at /m, r.stderr);
  // SIGKILLed processes can take a moment to be reaped.
  for (let i = 0; i < 20 && r.chromium.some((p) => alive(p.pid)); i++) await new Promise((res) => setTimeout(res, 100));
  assert.deepEqual(r.chromium.filter((p) => alive(p.pid)).map((p) => p.pid), [], 'no Chromium process is left');
  assert.ok(r.profile, 'Chromium was given a profile folder');
  assert.ok(!existsSync(r.profile!), `the profile folder ${r.profile} is removed`);
}

/** `speechdeck: the browser stopped while …; N of 4 built.` — one such line, the right files named, and the summary. */
function assertBrowserLine(r: Run): { named: string[]; built: number } {
  const lines = r.stderr.split('\n').filter((l) => l.startsWith('speechdeck:'));
  assert.equal(lines.length, 1, r.stderr);
  const m = /^speechdeck: the browser stopped while (.*) \(.*\); (\d) of 4 built\. /.exec(lines[0]!);
  assert.ok(m, r.stderr);
  const built = Number(m[2]);
  const named = r.files.filter((f) => m[1]!.includes(f));
  assert.ok(named.length >= 1, `a file is named: ${lines[0]}`);
  const folders = builtFolders(r.out, r.pdf);
  assert.equal(folders.length, built, r.stderr);
  // The files named were in the browser, so none of them was built.
  for (const f of named) assert.ok(!folders.includes(f.replace(/^.*\/|\.txt$/g, '')), `${f} is named but was built`);
  assert.match(r.stderr, new RegExp(`^done: ${built} of 4 manuscripts built in [\\d.]+ s, ${4 - built} not built$`, 'm'));
  return { named, built };
}

for (const [sig, says] of [['SIGKILL', /Chromium was killed by SIGKILL/], ['SIGTERM', /Chromium (ended on SIGTERM|exited)/]] as const) {
  test(`chromium: Chromium ended by ${sig} mid-batch: one line naming the file it was on, the summary, exit 5, within seconds`, { skip: why ?? false, timeout: 60_000 }, async (t) => {
    // One file at a time, so the file in the browser when it dies is known: the second.
    const r = await batch((_cli, browser) => process.kill(browser.pid, sig), 30_000, { SPEECHDECK_JOBS: '1' });
    t.diagnostic(`Chromium ${sig} → exit in ${(r.afterFault / 1000).toFixed(1)} s`);
    assert.equal(r.code, 5, r.stderr);
    const { named, built } = assertBrowserLine(r);
    assert.equal(built, 1, r.stderr);
    assert.deepEqual(named, [r.files[1]], r.stderr);
    assert.match(r.stderr, says);
    assert.ok(r.afterFault < 10_000, `ended ${r.afterFault} ms after ${sig}`);
    await assertClean(r);
  });
}

test('chromium: Chromium stopped (SIGSTOP) mid-batch: given up after the page timeout, one line, exit 5', { skip: why ?? false, timeout: 60_000 }, async (t) => {
  // Two at a time: whatever was in the browser is named, the rest is not built.
  const r = await batch((_cli, browser) => process.kill(browser.pid, 'SIGSTOP'), 30_000, { SPEECHDECK_JOBS: '2' }, false);
  t.diagnostic(`Chromium SIGSTOP → exit in ${(r.afterFault / 1000).toFixed(1)} s (page timeout ${PAGE_TIMEOUT_MS / 1000} s)`);
  assert.equal(r.code, 5, r.stderr);
  assertBrowserLine(r);
  assert.match(r.stderr, new RegExp(`Chromium did not answer for ${PAGE_TIMEOUT_MS / 1000} s`));
  assert.ok(r.afterFault < PAGE_TIMEOUT_MS * 3, `ended ${r.afterFault} ms after the stop`);
  await assertClean(r);
});

for (const [sig, status] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  test(`chromium: ${sig} mid-batch: exit ${status}, one line, browser and profile gone, no partial outputs`, { skip: why ?? false, timeout: 60_000 }, async (t) => {
    const r = await batch((cli) => process.kill(cli, sig), 30_000, {}, false);
    t.diagnostic(`speechdeck ${sig} → exit in ${(r.afterFault / 1000).toFixed(1)} s`);
    assert.equal(r.code, status, r.stderr);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('speechdeck:'));
    assert.equal(lines.length, 1, r.stderr);
    const m = /^speechdeck: interrupted; (\d) of 4 built$/.exec(lines[0]!);
    assert.ok(m, r.stderr);
    assert.equal(builtFolders(r.out, r.pdf).length, Number(m[1]), r.stderr);
    assert.ok(r.afterFault < 10_000, `ended ${r.afterFault} ms after ${sig}`);
    await assertClean(r);
  });
}
