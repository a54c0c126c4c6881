// `npm run setup`: everything speechdeck needs on a machine that has only Node and npm.
//  1. npm ci (exact versions from package-lock.json; puppeteer-core downloads no browser).
//  2. Bundle the CLI and the deck script (esbuild).
//  3. A Chrome/Chromium (found as the build finds it; on Debian/Ubuntu installed with
//     apt-get when there is none), and poppler-utils for the PDF checks in the tests.
// Only Node built-ins here: nothing else is installed when this starts.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { aptInstall, has, root, run, say } from './system.mjs';

say('installing npm dependencies (npm ci)…');
run('npm', ['ci', '--no-audit', '--no-fund']);
run(process.execPath, [join('scripts', 'bundle.mjs')]);

function findBrowser() {
  const r = spawnSync(process.execPath, [join(root, '.cache', 'cli.mjs'), '--find-browser'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
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
