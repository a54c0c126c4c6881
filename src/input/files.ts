// The input edge: the only module (with print/) that touches the file system
// for reading. Everything it returns is plain data for the pure stages.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { basename, extname, join, dirname } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Assets, FontSource, Manuscript } from '../types.js';
import { SpeechdeckError } from '../errors.js';
import { checkByteSize } from './limits.js';
import { MANUSCRIPT_EXTENSIONS, readBytes, readerFor } from './readers.js';
import { manuscriptHash, OUTLINE_FILE, outlineStamp } from '../plan/outline.js';

const require = createRequire(import.meta.url);

export { MANUSCRIPT_EXTENSIONS };

/** The bundled font-subsetting worker (scripts/bundle.mjs makes it). */
export function fontWorkerPath(): string {
  return join(projectRoot(), '.cache', 'font-worker.mjs');
}

/** The version in package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** Project root: where package.json lives (works from src/ and from .cache/). */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
}

export async function readManuscript(path: string): Promise<Manuscript> {
  let bytes: Uint8Array;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      throw new SpeechdeckError('input', 'is a folder, not a manuscript.', { file: path, hint: 'Give the .txt, .md or .docx files inside it.' });
    }
    // Refused before reading: a huge file would cost time and memory for nothing.
    checkByteSize(stat.size, path, readerFor(path).maxBytes);
    bytes = readFileSync(path);
  } catch (err) {
    if (err instanceof SpeechdeckError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const what = code === 'ENOENT' ? 'file not found.' : `cannot read the file (${code}).`;
    throw new SpeechdeckError('input', what, { file: path, hint: 'Check the path and try again.' });
  }
  return manuscriptFromBytes(bytes, path);
}

/** A manuscript from its bytes, read by the reader its name asks for once the content agrees (an upload's, or a file's). */
export async function manuscriptFromBytes(bytes: Uint8Array, path: string): Promise<Manuscript> {
  checkByteSize(bytes.length, path, readerFor(path).maxBytes);
  const read = await readBytes(bytes, path);
  if (!read.text.trim()) {
    throw new SpeechdeckError('input', 'the manuscript is empty.', { file: path, hint: 'Give a file with the speech text.' });
  }
  return { path, name: basename(path, extname(path)), ...read };
}

/**
 * The manuscript with the outline.md in its output folder, if there is one made
 * from this very text: the deck is then made from it. One made from another
 * version of the manuscript, or a file that is no outline, is left alone and said.
 */
export function withOutline(ms: Manuscript, dir: string): Manuscript {
  const path = join(dir, OUTLINE_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return ms;
  }
  const stamp = outlineStamp(text);
  const warn = (message: string) => ({ ...ms, warnings: [...(ms.warnings ?? []), { message, lines: [] }] });
  if (!stamp) return warn(`${path} is not an outline speechdeck wrote (its first line is not speechdeck's): the deck is planned afresh.`);
  if (stamp.hash !== manuscriptHash(ms.text)) {
    return warn(`${path} was made from another version of this manuscript: the deck is planned afresh (build with --outline to write a new outline, or delete it).`);
  }
  return { ...ms, outline: { path, text } };
}

/** The manuscripts `npm run build` takes when given no files. */
export function listManuscripts(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => MANUSCRIPT_EXTENSIONS.includes(extname(f).toLowerCase()))
    .sort()
    .map((f) => join(dir, f));
}

function read(path: string): string {
  return readFileSync(path, 'utf8');
}

/** Fontsource ships each face as ~100 woff2 slices, each with its unicode-range. */
function loadFontSlices(pkg: string, family: string, weight: number): FontSource[] {
  const dir = dirname(require.resolve(`${pkg}/package.json`));
  const css = read(join(dir, `${weight}.css`));
  const out: FontSource[] = [];
  const re = /src:\s*url\(\.\/files\/([^)]+\.woff2)\)[^;]*;\s*unicode-range:\s*([^;]+);/g;
  for (const m of css.matchAll(re)) {
    out.push({ key: m[1]!, family, weight, ranges: parseUnicodeRange(m[2]!), data: readFileSync(join(dir, 'files', m[1]!)) });
  }
  if (!out.length) throw new Error(`no font slices found in ${pkg}/${weight}.css`);
  return out;
}

export function parseUnicodeRange(spec: string): Array<[number, number]> {
  return spec.split(',').map((part) => {
    const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
    const lo = parseInt(a!, 16);
    return [lo, b ? parseInt(b, 16) : lo];
  });
}

let cachedAssets: Assets | null = null;

/** The templates (page, layouts, base CSS), read from templates/. */
function templates(root: string): Pick<Assets, 'baseCss' | 'template' | 'layouts'> {
  return {
    baseCss: read(join(root, 'templates', 'base.css')),
    template: read(join(root, 'templates', 'deck.html')),
    layouts: Object.fromEntries(
      readdirSync(join(root, 'templates', 'layouts'))
        .filter((f) => f.endsWith('.html'))
        .map((f) => [basename(f, '.html'), read(join(root, 'templates', 'layouts', f))]),
    ),
  };
}

/** The web page of `speechdeck serve`: its HTML and style (templates/) and its bundled script (.cache/web.js). */
export function loadWebPage(): { html: string; js: string; css: string } {
  const root = projectRoot();
  return { html: read(join(root, 'templates', 'web.html')), css: read(join(root, 'templates', 'web.css')), js: read(join(root, '.cache', 'web.js')) };
}

/** The templates folder (the live preview watches it). */
export function templatesDir(): string {
  return join(projectRoot(), 'templates');
}

/**
 * Everything the renderer inlines: reveal's CSS, the bundled deck script, theme,
 * template, fonts. Read once; `freshTemplates` reads the templates again (a live
 * preview, after one was saved).
 */
export function loadAssets(opts: { freshTemplates?: boolean } = {}): Assets {
  if (cachedAssets && opts.freshTemplates) cachedAssets = { ...cachedAssets, ...templates(projectRoot()) };
  if (cachedAssets) return cachedAssets;
  const root = projectRoot();
  const deckJsPath = join(root, '.cache', 'deck.js');
  if (!existsSync(deckJsPath)) {
    throw new SpeechdeckError('output', 'the deck script is not built (.cache/deck.js is missing).', {
      hint: 'Run `npm run build` (it bundles it first) or `node scripts/bundle.mjs`.',
    });
  }
  const revealCssPath = require.resolve('reveal.js/reveal.css');
  cachedAssets = {
    revealCss: read(revealCssPath),
    deckJs: read(deckJsPath),
    runtimeScriptHashes: (JSON.parse(read(join(root, '.cache', 'deck-hashes.json'))) as { speakerView: string[] }).speakerView,
    ...templates(root),
    fonts: [
      ...loadFontSlices('@fontsource/noto-sans-sc', 'Noto Sans SC', 400),
      ...loadFontSlices('@fontsource/noto-sans-sc', 'Noto Sans SC', 700),
      ...loadFontSlices('@fontsource/noto-serif-sc', 'Noto Serif SC', 700),
    ],
  };
  return cachedAssets;
}
