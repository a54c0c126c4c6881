// `npm run bench`: median wall time and peak memory (the whole process tree:
// Node and every Chromium process, sampled every 50 ms) over RUNS runs of each
// workload, printed as a Markdown table. Not part of `npm test`.
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SEED = join(root, 'slides', '2016-03-18-union-work-conference.txt');
const CLI = join(root, '.cache', 'cli.mjs');
const work = mkdtempSync(join(tmpdir(), 'speechdeck-bench-'));

/**
 * Memory (KB) of `pid` and all its descendants: the sum of their PSS (proportional
 * set size), so pages that Chromium's processes share are counted once, not once
 * per process as RSS would.
 */
function treeMemory(pid) {
  let out;
  try {
    out = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' });
  } catch {
    return 0;
  }
  const kids = new Map();
  for (const [p, pp] of out.trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number))) kids.set(pp, [...(kids.get(pp) ?? []), p]);
  let sum = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    try {
      const m = /^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${p}/smaps_rollup`, 'utf8'));
      sum += m ? Number(m[1]) : 0;
    } catch {
      // The process ended between ps and the read.
    }
    stack.push(...(kids.get(p) ?? []));
  }
  return sum;
}

/**
 * One run of `node args`: its wall time, and with `memory` its peak memory too.
 * Sampling memory costs CPU (reading every process's smaps_rollup each 50 ms slows
 * a build by a third on 2 cores), so times come from runs that do not sample, and
 * each workload has one more run that does.
 */
function measure([env_, args], memory = false) {
  const env = typeof env_ === 'function' ? env_() : env_;
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    let peak = 0;
    const timer = memory ? setInterval(() => (peak = Math.max(peak, treeMemory(child.pid))), 50) : null;
    child.on('exit', (code) => {
      if (timer) clearInterval(timer);
      if (code !== 0) reject(new Error(`${args.join(' ')} failed (${code}): ${err.slice(-500)}`));
      else resolve({ ms: performance.now() - t0, peakKb: peak });
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// A manuscript of about 100 slides: ten sections, each with subsections whose
// paragraphs are sentences of the sample speeches, in a fixed order.
function longManuscript() {
  const sentences = readdirSync(join(root, 'tests', 'fixtures'))
    .filter((f) => f.endsWith('.txt') && !f.includes('gbk') && !f.includes('-en'))
    .flatMap((f) => readFileSync(join(root, 'tests', 'fixtures', f), 'utf8').split(/(?<=。)/))
    .concat(readFileSync(SEED, 'utf8').split(/(?<=。)/))
    .map((s) => s.replace(/\s+/g, '').replace(/^[一二三四五六七八九十（）()\d、.]+/, ''))
    .filter((s) => s.length > 12 && s.length < 90);
  const cn = '一二三四五六七八九十';
  let k = 0;
  const take = (n) => Array.from({ length: n }, () => sentences[k++ % sentences.length]).join('');
  const lines = ['在全省重点工作推进会议上的讲话', '（2024年5月20日）', '省政府副省长  王明', '', '同志们：', '', take(4), ''];
  for (let i = 0; i < 10; i++) {
    lines.push(`${cn[i]}、关于第${cn[i]}项重点工作`, '');
    for (let j = 0; j < 3; j++) lines.push(`（${cn[j]}）${take(1)}${take(6)}`, '', take(5), '');
  }
  lines.push('最后，祝大家工作顺利。');
  return lines.join('\n');
}

const long = join(work, 'long-100-slides.txt');
writeFileSync(long, longManuscript());
const batchDir = join(work, 'batch');
mkdirSync(batchDir);
const fixtures = [SEED, ...readdirSync(join(root, 'tests', 'fixtures')).filter((f) => f.endsWith('.txt')).map((f) => join(root, 'tests', 'fixtures', f))];
const more = join(root, 'tests', 'fixtures', 'manuscripts');
if (existsSync(more)) fixtures.push(...readdirSync(more).filter((f) => f.endsWith('.txt')).map((f) => join(more, f)));
for (let i = 0; i < 50; i++) writeFileSync(join(batchDir, `m${String(i).padStart(2, '0')}.txt`), readFileSync(fixtures[i % fixtures.length]));
const batch = readdirSync(batchDir).map((f) => join(batchDir, f));

// The seed's built deck, for the floor; the floor itself, bundled as the CLI is.
execFileSync(process.execPath, [CLI, SEED, '--out', join(work, 'seed')], { stdio: 'ignore', env: { ...process.env, SPEECHDECK_CACHE: join(work, 'font-cache') } });
// (Inside the project, where its packages resolve.)
const floorScript = join(root, '.cache', 'bench-floor.mjs');
await build({ entryPoints: [join(root, 'bench', 'floor.ts')], outfile: floorScript, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
const seedDeck = join(work, 'seed', '2016-03-18-union-work-conference', 'index.html');

// The floor and the seed's build run in turns (floor, build, floor, build, …), so
// that a change in the machine's load between runs falls on both alike.
// The font cache (README). A new manuscript on a machine that has built others
// finds the font slices decompressed there but none of its own subsets: each such
// run starts from a copy of a cache filled by five other manuscripts (the small
// fixtures, not the seed). The first build on a machine finds nothing
// (SPEECHDECK_CACHE=off). Building the same manuscript again after an edit finds
// most of its subsets (the bench's own cache, filled by the seed's build above).
const others = join(work, 'cache-others');
execFileSync(process.execPath, [CLI, ...readdirSync(join(root, 'tests', 'fixtures')).filter((f) => f.endsWith('.txt')).map((f) => join(root, 'tests', 'fixtures', f)), '--no-pdf', '--out', join(work, 'others')], { stdio: 'ignore', env: { ...process.env, SPEECHDECK_CACHE: others } });
let copies = 0;
/** An env whose font cache is a fresh copy of `others` (made before the timed run). */
const fresh = () => {
  const dir = join(work, `cache-copy-${++copies}`);
  cpSync(others, dir, { recursive: true });
  return { SPEECHDECK_CACHE: dir };
};
const cold = { SPEECHDECK_CACHE: 'off' };
const warm = { SPEECHDECK_CACHE: join(work, 'font-cache') };
const paired = [
  ['floor: launch Chromium, open the seed deck in print view, one page.pdf, close', [warm, [floorScript, seedDeck]]],
  ['seed: full build (index.html, slides.pdf, handout.pdf, deck.json), a new manuscript', [fresh, [CLI, SEED, '--out', join(work, 'out-seed')]]],
  ['seed: the same, built again unchanged (its subsets in the font cache)', [warm, [CLI, SEED, '--out', join(work, 'out-seed')]]],
  ['seed: the same, the first build on a machine (no font cache)', [cold, [CLI, SEED, '--out', join(work, 'out-seed')]]],
];
// BENCH_QUICK=1: only the floor and the seed's builds (and the ratios).
const quick = !!process.env.BENCH_QUICK;
const workloads = quick ? [] : [
  ['seed: full build and slides.pptx (--pptx), a new manuscript', [fresh, [CLI, SEED, '--pptx', '--out', join(work, 'out-seed-pptx')]]],
  ['a manuscript of about 100 slides, a new manuscript', [fresh, [CLI, long, '--out', join(work, 'out-long')]]],
  ['a batch of 50 manuscripts, new ones', [fresh, [CLI, ...batch, '--out', join(work, 'out-batch')]]],
];

const rows = [];
const report = (row) => process.stderr.write(`bench: ${row.name}: ${(row.ms / 1000).toFixed(2)} s, ${row.peakMb.toFixed(0)} MB\n`);
const pairs = paired.map(() => []);
for (let i = 0; i < RUNS; i++) for (const [k, [, args]] of paired.entries()) pairs[k].push(await measure(args));
for (const [k, [name, args]] of paired.entries()) {
  const runs = pairs[k];
  rows.push({ name, ms: median(runs.map((r) => r.ms)), peakMb: (await measure(args, true)).peakKb / 1024 });
  report(rows.at(-1));
}
// The ratio of each build to the floor run just before it, and their median.
const ratios = (k) => pairs[k].map((r, i) => r.ms / pairs[0][i].ms);
for (const [name, args] of workloads) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measure(args));
  const row = { name, ms: median(runs.map((r) => r.ms)), peakMb: (await measure(args, true)).peakKb / 1024 };
  rows.push(row);
  report(row);
}
/** `speechdeck preview` on a copy of the seed, saved RUNS times: its own report of each rebuild (ms). */
async function previewRebuilds() {
  const file = join(work, 'preview', 'seed.txt');
  mkdirSync(join(work, 'preview'));
  writeFileSync(file, readFileSync(SEED));
  const child = spawn(process.execPath, [CLI, 'preview', file, '--port', '0', '--out', join(work, 'preview')], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...warm } });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const times = () => [...err.matchAll(/preview: rebuilt in (\d+) ms/g)].map((m) => Number(m[1]));
  const wait = async (n) => {
    const end = performance.now() + 30_000;
    while (times().length < n) {
      if (performance.now() > end || child.exitCode !== null) throw new Error(`preview: ${err.slice(-500)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  try {
    await wait(1);
    // (Each save after the background fit of the one before has settled.)
    for (let i = 1; i <= RUNS; i++) {
      await new Promise((r) => setTimeout(r, 2500));
      writeFileSync(file, readFileSync(SEED, 'utf8') + '\n'.repeat(i));
      await wait(i + 1);
    }
  } finally {
    child.kill('SIGINT');
  }
  return times().slice(1);
}
const rebuilds = quick ? [] : await previewRebuilds();
if (rebuilds.length) process.stderr.write(`bench: preview rebuilds of the seed: ${rebuilds.join(', ')} ms\n`);

const [floorRow, seedRow, againRow, firstRow, , longRow, batchRow] = rows;
if (longRow) longRow.name = `a manuscript of ${JSON.parse(readFileSync(join(work, 'out-long', 'long-100-slides', 'deck.json'), 'utf8')).slides.length} slides, a new manuscript`;

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const date = new Date().toISOString().slice(0, 10);
console.log(`Measured ${date} on ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; median of ${RUNS} runs; peak memory of the whole process tree in one more run.\n`);
console.log('| workload | median wall time | peak memory |');
console.log('| --- | ---: | ---: |');
for (const r of rows) console.log(`| ${r.name} | ${(r.ms / 1000).toFixed(2)} s | ${r.peakMb.toFixed(0)} MB |`);
if (rebuilds.length) console.log(`| live preview: the seed rebuilt after a save (\`speechdeck preview\`, its own report) | ${median(rebuilds).toFixed(0)} ms | |`);
const x = (v) => `${v.toFixed(2)}×`;
console.log(`\nSeed build / floor (target ≤ 1.3×), medians and run by run in turns: a new manuscript ${x(seedRow.ms / floorRow.ms)} (${ratios(1).map(x).join(', ')}); built again unchanged ${x(againRow.ms / floorRow.ms)} (${ratios(2).map(x).join(', ')}); the first build on a machine ${x(firstRow.ms / floorRow.ms)} (${ratios(3).map(x).join(', ')}).`);
if (longRow) console.log(`${longRow.name} / floor: ${x(longRow.ms / floorRow.ms)} (target ≤ 1.2×). Batch of 50: ${(batchRow.ms / 1000).toFixed(1)} s (target ≤ 25 s).`);
console.log(`Peak memory: ${Math.max(...rows.map((r) => r.peakMb)).toFixed(0)} MB (target < 1024 MB).`);
rmSync(work, { recursive: true, force: true });
