// The outputs, as a table: each writer turns a built deck into its files, and says
// when it is wanted. The CLI asks the table for a build's files; the pipeline does
// not know their names. A writer that is not wanted names the files of an earlier
// build it would have written, so that they go (a stale PDF beside a new deck).
import type { Logo } from '../types.js';
import type { BuildResult } from '../pipeline.js';
import type { OutputFile } from './write.js';
import { renderPptx } from '../render/pptx.js';
import { themeDef } from '../render/html.js';
import { pdfDate } from '../print/pdfmeta.js';
import { OUTLINE_FILE, outlineSource, outlineText } from '../plan/outline.js';

/** What a build was asked to write. */
export interface WriteOptions {
  pdf: boolean;
  png: boolean;
  pptx: boolean;
  /** outline.md: the deck as an outline to edit and build again. */
  outline: boolean;
  /** The speech in the notes of the deck and of the PowerPoint file. */
  notes: boolean;
  logo?: Logo;
  sourceDateEpoch?: number;
}

export interface Writer {
  /** Top-level files it writes: removed after a build that does not want them. */
  stale: string[];
  wanted(o: WriteOptions): boolean;
  files(r: BuildResult, o: WriteOptions): OutputFile[] | Promise<OutputFile[]>;
}

const pad = (i: number) => String(i + 1).padStart(2, '0');

export const WRITERS: Record<string, Writer> = {
  deck: { stale: [], wanted: () => true, files: (r) => [{ name: 'index.html', data: r.html }] },
  pdf: {
    stale: ['slides.pdf', 'handout.pdf'],
    wanted: (o) => o.pdf,
    files: (r) => [...(r.pdf ? [{ name: 'slides.pdf', data: r.pdf }] : []), ...(r.handout ? [{ name: 'handout.pdf', data: r.handout }] : [])],
  },
  json: { stale: [], wanted: () => true, files: (r) => [{ name: 'deck.json', data: JSON.stringify(r.deck, null, 2) + '\n' }] },
  png: {
    // (png/ is a folder: replaced whole when written, left alone otherwise.)
    stale: [],
    wanted: (o) => o.png,
    files: (r) => (r.contactSheet ? [...r.pngs.map((png, i) => ({ name: `png/slide-${pad(i)}.png`, data: png })), { name: 'contact-sheet.png', data: r.contactSheet }] : []),
  },
  outline: {
    // (Never removed: the person editing it may be the only one who has it.)
    stale: [],
    wanted: (o) => o.outline,
    files: (r) => [{ name: OUTLINE_FILE, data: outlineText(r.deck, r.speech, outlineSource(r.manuscript)) }],
  },
  pptx: {
    stale: ['slides.pptx'],
    wanted: (o) => o.pptx,
    files: async (r, o) => [
      {
        name: 'slides.pptx',
        data: await renderPptx(r.deck, {
          theme: themeDef(r.theme),
          aspect: r.aspect,
          notes: o.notes,
          date: pdfDate(r.deck, o.sourceDateEpoch) ?? new Date(),
          ...(o.logo ? { logo: o.logo } : {}),
        }),
      },
    ],
  },
};

/** A build's files, from every writer it wants, and the files of those it does not. */
export async function outputFiles(r: BuildResult, o: WriteOptions): Promise<{ files: OutputFile[]; stale: string[] }> {
  const files: OutputFile[] = [];
  const stale: string[] = [];
  for (const w of Object.values(WRITERS)) {
    if (w.wanted(o)) files.push(...(await w.files(r, o)));
    else stale.push(...w.stale);
  }
  return { files, stale };
}
