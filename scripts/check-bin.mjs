// `npm run check:bin`: the installed command, as a new user gets it. Packs this
// repository (npm pack), installs the tarball into an empty folder (its dependencies
// from the registry, no browser download), and there runs `npx speechdeck --version`
// and `npx speechdeck <seed> --pptx`, checking that the outputs land beside the
// manuscript; then `npx speechdeck serve`: the page, the seed uploaded, a slide
// renamed and slides.pdf downloaded over HTTP. Not part of `npm test`: installing
// takes a while.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, say } from './system.mjs';

const work = mkdtempSync(join(tmpdir(), 'speechdeck-bin-'));
const sh = (cmd, args, cwd) => {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 600_000 });
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    say(`\`${cmd} ${args.join(' ')}\` failed (exit ${r.status ?? r.signal}) after ${secs} s:\n${(r.stderr || r.stdout).trim().split('\n').slice(-12).join('\n')}`);
    process.exit(1);
  }
  return { out: r.stdout.trim(), err: r.stderr.trim(), secs };
};

try {
  const pack = sh('npm', ['pack', '--silent', '--pack-destination', work], root);
  const tgz = join(work, pack.out.split('\n').pop());
  say(`packed ${tgz.replace(/^.*\//, '')} in ${pack.secs} s`);
  const app = join(work, 'office');
  spawnSync('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), '{ "name": "office", "private": true }\n');
  const inst = sh('npm', ['install', '--no-audit', '--no-fund', tgz], app);
  say(`installed into an empty folder in ${inst.secs} s`);
  const version = sh('npx', ['--no-install', 'speechdeck', '--version'], app);
  say(`npx speechdeck --version: ${version.out}`);
  copyFileSync(join(root, 'slides', '2016-03-18-union-work-conference.txt'), join(app, '讲话稿.txt'));
  const build = sh('npx', ['--no-install', 'speechdeck', '讲话稿.txt', '--pptx'], app);
  const outDir = join(app, '讲话稿');
  const want = ['index.html', 'slides.pdf', 'handout.pdf', 'deck.json', 'slides.pptx'];
  const missing = want.filter((f) => !existsSync(join(outDir, f)));
  if (missing.length) {
    say(`the build did not write ${missing.join(', ')} beside the manuscript (in ${outDir}: ${existsSync(outDir) ? readdirSync(outDir).join(', ') : 'nothing'})`);
    process.exit(1);
  }
  say(`npx speechdeck 讲话稿.txt --pptx: ${want.join(', ')} in 讲话稿/ beside it, ${build.secs} s`);
  // The web page, as `npx speechdeck serve` starts it (over HTTP: the page's own test drives a browser).
  const t0 = performance.now();
  // (The installed bin itself, as npx runs it, so that Ctrl+C reaches it.)
  const server = spawn(join(app, 'node_modules', '.bin', 'speechdeck'), ['serve', '--no-open', '--port', '0'], { cwd: app, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  server.stderr.on('data', (d) => (log += d));
  try {
    while (!/serve: (http\S+)/.test(log)) {
      if (server.exitCode !== null || performance.now() - t0 > 30_000) throw new Error(`serve did not start: ${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const url = /serve: (http\S+)/.exec(log)[1];
    const page = await fetch(url);
    const js = await fetch(url + 'app.js');
    if (page.status !== 200 || js.status !== 200) throw new Error(`the page: ${page.status}, its script: ${js.status}`);
    const form = new FormData();
    form.append('file', new Blob([readFileSync(join(app, '讲话稿.txt'))]), '讲话稿.txt');
    const deck = await (await fetch(url + 'api/decks', { method: 'POST', body: form })).json();
    if (!deck.id) throw new Error(`upload: ${JSON.stringify(deck)}`);
    const edited = await (await fetch(`${url}api/decks/${deck.id}/edit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ op: 'retitle', slide: 2, title: '去年工作的五个全' }) })).json();
    if (edited.slides?.[2]?.title !== '去年工作的五个全') throw new Error(`edit: ${JSON.stringify(edited).slice(0, 200)}`);
    const pdf = new Uint8Array(await (await fetch(`${url}decks/${deck.id}/download/slides.pdf`)).arrayBuffer());
    writeFileSync(join(work, 'served.pdf'), pdf);
    const text = sh('pdftotext', [join(work, 'served.pdf'), '-'], work).out;
    if (!text.includes('去年工作的五个全')) throw new Error('the downloaded slides.pdf lacks the edited title');
    say(`npx speechdeck serve: page, upload, a title edited, slides.pdf ${Math.round(pdf.length / 1024)} KB with it, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    server.kill('SIGINT');
  }
  say('the installed command works.');
} finally {
  rmSync(work, { recursive: true, force: true });
}
