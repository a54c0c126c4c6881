// `npm run check:bin`: the installed command, as a new user gets it. Packs this
// repository (npm pack), installs the tarball into an empty folder (its dependencies
// from the registry, no browser download), and there runs `npx speechdeck --version`
// and `npx speechdeck <seed> --pptx`, checking that the outputs land beside the
// manuscript. Not part of `npm test`: installing takes a while.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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
  say('the installed command works.');
} finally {
  rmSync(work, { recursive: true, force: true });
}
