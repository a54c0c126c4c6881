// The command line and the office's configuration, resolved in one place into the
// settings of a run: what to build, how, and where the outputs go. Takes the
// process's arguments, environment and working folder as values (only cli.ts
// touches \`process\`); reads only the configuration and its logo (input stage).
import { parseArgs } from 'node:util';
import { dirname, join, resolve } from 'node:path';
import type { Aspect, Manuscript, RenderOptions } from '../types.js';
import type { HandoutLayout } from '../render/handout.js';
import type { BuildOptions } from '../pipeline.js';
import type { WriteOptions } from '../output/writers.js';
import { SpeechdeckError } from '../errors.js';
import { findConfig, readConfig, readLogo } from '../input/config.js';
import { listManuscripts } from '../input/files.js';
import { themeCss } from '../render/html.js';
import { AUTO_THEME } from '../pipeline.js';

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

export const usage = (e: Entry) => `usage: ${e.prog} ${e.outputs === 'dist' ? '[FILE...]' : 'FILE...'} [--out DIR] [--theme NAME] [--aspect 16:9|4:3]
         [--handout 2|3|6] [--png] [--pptx] [--outline] [--no-pdf] [--steps] [--no-notes] [--explain]
         [--version]
       ${e.prog} preview FILE [--port N] [--theme NAME] [--aspect RATIO] [--out DIR]
       ${e.prog} serve [--port N] [--host ADDRESS] [--no-open]

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
  --outline       also write outline.md: the slides as a short Markdown outline to edit; while
                  the manuscript is unchanged, the next build makes the deck from it
  --no-pdf        only index.html and deck.json (still measured to fit): a quick build;
                  a slides.pdf or handout.pdf left from an earlier build is removed
  --no-notes      leave the speaker notes out of index.html (a copy to share)
  --explain       print the outline found in each manuscript, with line numbers, and stop

preview FILE      serve the deck on http://127.0.0.1:N/ and rebuild it whenever the manuscript,
                  its outline.md, the configuration or a template is saved (the page reloads);
                  /slides.pdf and /handout.pdf print on request. --port N (default 5757; 0 any)
serve             a page in the browser: drop a manuscript, edit its outline beside the deck,
                  download the outputs. On 127.0.0.1:5858 (--port N); --host ADDRESS to let
                  others in, with a token in the address; --no-open: do not open a browser

Settings can live in speechdeck.config.json beside the manuscripts (or in the folder you
run in): theme, aspect, handout, notes, steps, pptx, organisation, footer, rate, logo. Flags are over the
file; a Markdown manuscript's front matter is over both, for that manuscript.`;

/** The flags of a build, as given (checked against the configuration in `resolveSettings`). */
export interface Flags {
  out?: string;
  theme?: string;
  aspect?: string;
  handout?: string;
  png: boolean;
  pptx: boolean;
  outline: boolean;
  noPdf: boolean;
  steps: boolean;
  noNotes: boolean;
}

/** What the command line asks for. */
export type Command =
  | { kind: 'help'; text: string }
  | { kind: 'version' }
  | { kind: 'find-browser' }
  | { kind: 'build'; files: string[]; explain: boolean; flags: Flags }
  | { kind: 'preview'; files: [string]; port: number; flags: Flags }
  | { kind: 'serve'; port: number; host: string; open: boolean; flags: Flags };

/** The web page's port when none is given. */
export const SERVE_PORT = 5858;

/** The live preview's port when none is given. */
export const PREVIEW_PORT = 5757;

/** The command line read: an action, or the manuscripts to build and the flags (a usage error otherwise). */
export function parseCommand(argv: string[], entry: Entry, root: string): Command {
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
        outline: { type: 'boolean', default: false },
        'no-pdf': { type: 'boolean', default: false },
        explain: { type: 'boolean', default: false },
        port: { type: 'string' },
        host: { type: 'string' },
        'no-open': { type: 'boolean', default: false },
        'find-browser': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (err) {
    throw new SpeechdeckError('usage', (err as Error).message.split('\n')[0]!.replace(/\. To specify a positional.*$/, '.').replace(/([^.])$/, '$1.'), { hint: `See \`${entry.prog} --help\`.` });
  }
  const v = args.values;
  if (v.help) return { kind: 'help', text: usage(entry) };
  if (v.version) return { kind: 'version' };
  // For `npm run setup`: print the browser the build would use, or fail.
  if (v['find-browser']) return { kind: 'find-browser' };
  const flags: Flags = { out: v.out, theme: v.theme, aspect: v.aspect, handout: v.handout, png: v.png!, pptx: v.pptx!, outline: v.outline!, noPdf: v['no-pdf']!, steps: v.steps!, noNotes: v['no-notes']! };
  const port = (def: number) => {
    const n = v.port === undefined ? def : Number(v.port);
    if (!/^\d+$/.test(v.port ?? '0') || n > 65535) throw new SpeechdeckError('usage', `--port takes a number from 0 to 65535, not "${v.port}".`);
    return n;
  };
  if (args.positionals[0] === 'preview') {
    const rest = args.positionals.slice(1);
    if (rest.length !== 1) throw new SpeechdeckError('usage', `preview takes one manuscript, not ${rest.length}.`, { hint: `${entry.prog} preview speech.docx` });
    return { kind: 'preview', files: [rest[0]!], port: port(PREVIEW_PORT), flags };
  }
  if (args.positionals[0] === 'serve') {
    if (args.positionals.length > 1) throw new SpeechdeckError('usage', 'serve takes no manuscript: drop it on the page.', { hint: `${entry.prog} serve` });
    return { kind: 'serve', port: port(SERVE_PORT), host: v.host ?? '127.0.0.1', open: !v['no-open'], flags };
  }
  if (v.port !== undefined || v.host !== undefined) throw new SpeechdeckError('usage', `--${v.port !== undefined ? 'port' : 'host'} is for preview and serve.`, { hint: `${entry.prog} serve --port ${v.port ?? SERVE_PORT}` });
  const files = args.positionals.length || entry.outputs === 'beside' ? args.positionals : listManuscripts(join(root, 'slides'));
  if (!files.length) {
    const hint = entry.outputs === 'beside' ? `Name them: ${entry.prog} speech.docx` : `Put .docx, .txt or .md files in slides/ or name them: ${entry.prog} FILE.docx`;
    throw new SpeechdeckError('usage', 'no manuscripts to build.', { hint });
  }
  return {
    kind: 'build',
    files,
    explain: v.explain!,
    flags,
  };
}

/** The settings of a run: flags over the configuration over the defaults. */
export interface Settings {
  /** The configuration file used, if any. */
  configPath: string | null;
  build: Omit<BuildOptions, 'signal'>;
  write: WriteOptions;
  /** The folder each manuscript's output folder goes in. */
  outBase(ms: Manuscript): string;
}

/**
 * Flags, the office's configuration (speechdeck.config.json beside the manuscripts or
 * in `cwd`) and the defaults, resolved and checked: a bad value is a usage error
 * naming it, before any work.
 */
export function resolveSettings(flags: Flags, files: string[], entry: Entry, ctx: { cwd: string; env: Record<string, string | undefined>; root: string }): Settings {
  const configPath = findConfig(files, ctx.cwd);
  const config = readConfig(configPath);
  const aspect = flags.aspect ?? config.aspect ?? '16:9';
  if (aspect !== '16:9' && aspect !== '4:3') {
    throw new SpeechdeckError('usage', `unknown aspect "${aspect}".`, { hint: 'Use --aspect 16:9 or --aspect 4:3.' });
  }
  const theme = flags.theme ?? config.theme;
  if (theme !== undefined) themeCss(theme);
  const handout = flags.handout !== undefined ? Number(flags.handout) : config.handout ?? 2;
  if (handout !== 2 && handout !== 3 && handout !== 6) {
    throw new SpeechdeckError('usage', `--handout takes 2, 3 or 6, not "${flags.handout}".`, { hint: '2: slides with the speech text; 3 or 6: slides with lines to write on.' });
  }
  const logo = readLogo(config, configPath);
  const render: RenderOptions = { theme: theme ?? AUTO_THEME, aspect: aspect as Aspect, notes: !flags.noNotes && config.notes !== false, steps: flags.steps || config.steps === true, ...(logo ? { logo } : {}) };
  const epoch = ctx.env['SOURCE_DATE_EPOCH'];
  const sourceDateEpoch = epoch && /^\d+$/.test(epoch) ? Number(epoch) : undefined;
  const footer = config.organisation || config.footer ? { organisation: config.organisation, text: config.footer } : undefined;
  const build = { render, handout: handout as HandoutLayout, png: flags.png, pdf: !flags.noPdf, sourceDateEpoch, footer, rate: config.rate };
  const write: WriteOptions = { pdf: build.pdf, png: flags.png, pptx: flags.pptx || config.pptx === true, outline: flags.outline, notes: render.notes, ...(logo ? { logo } : {}), ...(sourceDateEpoch !== undefined ? { sourceDateEpoch } : {}) };
  // Where each manuscript's folder goes: --out, else dist/ (repository) or its own folder (installed).
  const outBase = (ms: Manuscript) => flags.out ?? (entry.outputs === 'dist' ? join(ctx.root, 'dist') : dirname(resolve(ms.path)));
  return { configPath, build, write, outBase };
}
