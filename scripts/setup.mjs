// `npm run setup`: everything speechdeck needs on a machine that has only Node and npm.
//  1. npm ci (exact versions from package-lock.json; Puppeteer's browser download is off).
//  2. Bundle the CLI and the deck script (esbuild).
//  3. A Chrome/Chromium (found as the build finds it; on Debian/Ubuntu installed with
//     apt-get when there is none), and poppler-utils for the PDF checks in the tests.
// Only Node built-ins here: nothing else is installed when this starts.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const say = (m) => process.stderr.write(`setup: ${m}\n`);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.status !== 0) {
    say(`\`${cmd} ${args.join(' ')}\` failed (exit ${r.status ?? r.signal}).`);
    process.exit(1);
  }
}

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

say('installing npm dependencies (npm ci)…');
run('npm', ['ci', '--no-audit', '--no-fund'], { env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' } });
run(process.execPath, [join('scripts', 'bundle.mjs')]);

function findBrowser() {
  const r = spawnSync(process.execPath, [join(root, '.cache', 'cli.mjs'), '--find-browser'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

const isRoot = process.getuid?.() === 0;
const apt = process.platform === 'linux' && existsSync('/etc/debian_version') && has('apt-get');
const canApt = apt && (isRoot || has('sudo'));
const aptEnv = { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
const aptGet = (args) => (isRoot ? run('apt-get', args, aptEnv) : run('sudo', ['apt-get', ...args], aptEnv));
let aptUpdated = false;
function aptInstall(pkgs) {
  if (!canApt) return false;
  if (!aptUpdated) {
    say('apt-get update…');
    aptGet(['update', '-q']);
    aptUpdated = true;
  }
  say(`apt-get install -y ${pkgs.join(' ')}…`);
  aptGet(['install', '-y', '-q', '--no-install-recommends', ...pkgs]);
  return true;
}

let browser = findBrowser();
if (!browser) {
  say('no Chrome or Chromium found; installing Chromium.');
  if (!aptInstall(['chromium'])) {
    say('cannot install Chromium here: install Google Chrome or Chromium yourself (or set CHROME_PATH to one), then run `npm run setup` again.');
    process.exit(1);
  }
  browser = findBrowser();
  if (!browser) {
    say('Chromium was installed but is still not found; set CHROME_PATH to its binary.');
    process.exit(1);
  }
}
say(`browser: ${browser}`);

// pdfinfo/pdffonts/pdftotext: the tests read the PDFs with them.
if (!has('pdffonts') || !has('pdftotext')) {
  if (!aptInstall(['poppler-utils'])) say('note: poppler-utils (pdfinfo, pdffonts, pdftotext) not installed; the PDF tests need them.');
}
try {
  say(execFileSync(browser, ['--version'], { encoding: 'utf8' }).trim());
} catch {
  // Some Chrome builds print nothing to --version without a display; not fatal.
}
say('ready. Next: npm run build');
