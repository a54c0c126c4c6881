// `npm run check:pptx`: does slides.pptx open cleanly in another program? Builds
// the seed (official theme, 16:9) and the English fixture (modern theme, 4:3) with
// --pptx --png, converts each slides.pptx to PDF with LibreOffice Impress headless
// (installed with apt-get when missing), and checks: the conversion succeeds, one
// page per slide of deck.json, no word outside its page, no two words drawn over
// each other and no word of a content slide in the gap between its body and its
// footer (text run out of its box).
// The converted pages are written as PNGs beside the deck's own, to look at side
// by side: dist/check-pptx/<name>/pptx-png/ and png/.
// Not part of `npm test`: LibreOffice is large, and a conversion takes seconds.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { aptInstall, has, root, run, say } from './system.mjs';

if (!has('soffice')) {
  say('LibreOffice Impress is not installed; installing it.');
  if (!aptInstall(['libreoffice-impress'])) {
    say('cannot install LibreOffice here: install LibreOffice Impress yourself, then run this again.');
    process.exit(1);
  }
}
if (!has('pdftotext') && !aptInstall(['poppler-utils'])) {
  say('needs pdftotext and pdftoppm (poppler-utils).');
  process.exit(1);
}

const out = join(root, 'dist', 'check-pptx');
// Or the manuscripts named, with build options if any: npm run check:pptx -- [--theme dark --aspect 4:3] FILE...
const argv = process.argv.slice(2);
const opts = [];
const files = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i].startsWith('--')) opts.push(argv[i], ...(['--theme', '--aspect'].includes(argv[i]) ? [argv[++i]] : []));
  else files.push(argv[i]);
}
const named = files.map((f) => ({ file: resolve(f), args: opts }));
const cases = named.length
  ? named
  : [
      { file: join(root, 'slides', '2016-03-18-union-work-conference.txt'), args: [] },
      { file: join(root, 'tests', 'fixtures', '2024-06-14-welcome-remarks-en.txt'), args: ['--theme', 'modern', '--aspect', '4:3'] },
    ];
/** Layouts drawn in the content frame (a footer under the body). */
const CONTENT = new Set(['agenda', 'overview', 'points', 'statement', 'quote', 'figure']);

let failed = 0;
for (const c of cases) {
  const name = c.file.replace(/^.*\//, '').replace(/\.(?:txt|md|docx)$/, '');
  const dir = join(out, name);
  run(process.execPath, [join(root, '.cache', 'cli.mjs'), c.file, '--pptx', '--png', '--no-pdf', '--out', out, ...c.args]);
  const deck = JSON.parse(readFileSync(join(dir, 'deck.json'), 'utf8'));
  // A profile of its own: a LibreOffice already open (or a stale lock) does not get in the way.
  const profile = mkdtempSync(join(tmpdir(), 'speechdeck-lo-'));
  const t0 = performance.now();
  const conv = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'slides.pptx')], { encoding: 'utf8', timeout: 180_000 });
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  rmSync(profile, { recursive: true, force: true });
  const said = `${conv.stdout ?? ''}${conv.stderr ?? ''}`.split('\n').filter((l) => l.trim() && !/javaldx|^convert /.test(l));
  const pdf = join(dir, 'slides.pdf');
  const problems = [];
  if (conv.status !== 0 || !existsSync(pdf)) problems.push(`LibreOffice failed (exit ${conv.status ?? conv.signal}): ${said.join(' ') || 'no message'}`);
  else {
    if (said.some((l) => /error/i.test(l))) problems.push(`LibreOffice said: ${said.join(' ')}`);
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    const [pw, ph] = (/^Page size:\s+([\d.]+) x ([\d.]+)/m.exec(info) ?? []).slice(1).map(Number);
    if (pages !== deck.slides.length) problems.push(`${pages} pages for ${deck.slides.length} slides`);
    // Every word's box, page by page (pdftotext -bbox: points from the top left).
    const bbox = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout;
    let page = -1;
    const words = [];
    // Two words drawn over each other: a text box that ran over the one below it.
    const overlaps = () => {
      for (let i = 0; i < words.length; i++) {
        for (let j = i + 1; j < words.length; j++) {
          const a = words[i];
          const b = words[j];
          const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
          const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
          const smaller = Math.min((a.x1 - a.x0) * (a.y1 - a.y0), (b.x1 - b.x0) * (b.y1 - b.y0));
          if (w > 0 && h > 0 && w * h > 0.25 * smaller) problems.push(`slide ${page + 1}: "${a.word}" and "${b.word}" are drawn over each other`);
        }
      }
      words.length = 0;
    };
    for (const line of bbox.split('\n')) {
      if (line.includes('<page ')) {
        overlaps();
        page++;
      }
      const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</.exec(line);
      if (!m) continue;
      const [x0, y0, x1, y1] = m.slice(1, 5).map(Number);
      const word = m[5];
      const at = `slide ${page + 1}: "${word}"`;
      if (x0 < -1 || y0 < -1 || x1 > pw + 1 || y1 > ph + 1) problems.push(`${at} is outside the page`);
      words.push({ x0, y0, x1, y1, word });
      // On a 720px-high slide the body ends at 636px (a last line's descent may reach 642px) and the footer's rule is at about 665px.
      const px = (y) => (y / ph) * 720;
      const layout = deck.slides[page]?.layout;
      if (CONTENT.has(layout) && px(y1) > 646 && px(y0) < 662) problems.push(`${at} runs into the footer (${Math.round(px(y0))}–${Math.round(px(y1))}px)`);
    }
    overlaps();
    // (A folder of its own each time: pages of an earlier check, another aspect or length, must not mix in.)
    rmSync(join(dir, 'pptx-png'), { recursive: true, force: true });
    mkdirSync(join(dir, 'pptx-png'), { recursive: true });
    spawnSync('pdftoppm', ['-r', '40', '-png', pdf, join(dir, 'pptx-png', 'slide')]);
  }
  say(`${name}: ${deck.slides.length} slides, converted in ${secs} s; ${problems.length ? `${problems.length} problem(s):` : 'no problems'}`);
  for (const p of problems.slice(0, 20)) say(`  ${p}`);
  failed += problems.length ? 1 : 0;
}
say(failed ? `${failed} of ${cases.length} decks failed.` : `all ${cases.length} decks open cleanly in LibreOffice; pages in ${out}/*/pptx-png/ beside the deck's png/.`);
process.exit(failed ? 1 : 0);
