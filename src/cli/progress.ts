// What a build says on stderr while it runs: a progress bar on a terminal, a line
// per finished file (its outputs and sizes, and how its slides were laid out).
import cliProgress from 'cli-progress';
import type { BuildResult } from '../pipeline.js';
import type { OutputFile } from '../output/write.js';

const { SingleBar, Presets } = cliProgress;
type SingleBar = InstanceType<typeof cliProgress.SingleBar>;

const kb = (n: number) => `${Math.round(n / 1024)} KB`;

export function describe(r: BuildResult, files: OutputFile[]): string {
  const pdfs = r.pdf && r.handout ? `, slides.pdf ${kb(r.pdf.length)}, handout.pdf ${r.handoutPages} pages ${kb(r.handout.length)}` : ', no PDFs';
  const pptx = files.find((f) => f.name === 'slides.pptx');
  const outlineFile = files.some((f) => f.name === 'outline.md');
  const outline = r.manuscript.outline ? ' (from outline.md)' : '';
  return `${r.deck.slides.length} slides${outline}, index.html ${kb(Buffer.byteLength(r.html))}${pdfs}${pptx ? `, slides.pptx ${kb(pptx.data.length)}` : ''}${outlineFile ? ', outline.md' : ''}`;
}

/** `layout: title 1, points 10, …; 2 continued; fit in 2 rounds (1 group re-packed); nothing overflows; smallest text 18px (footer)` */
export function layoutReport(r: BuildResult): string {
  const counts = new Map<string, number>();
  for (const s of r.deck.slides) counts.set(s.layout, (counts.get(s.layout) ?? 0) + 1);
  const continued = r.deck.slides.filter((s) => s.continued).length;
  const where = /\.(\w[\w-]*)/.exec(r.fit.minFontWhere)?.[1] ?? '';
  return (
    `layout: ${[...counts].map(([k, n]) => `${k} ${n}`).join(', ')}; ${continued} continued; ` +
    `fit in ${r.rounds} round${r.rounds > 1 ? 's' : ''}${r.tightened ? ` (${r.tightened} group${r.tightened > 1 ? 's' : ''} re-packed)` : ''}; ` +
    `nothing overflows; smallest slide text ${r.fit.minBodyPx}px, smallest text ${r.fit.minFontPx}px${where ? ` (${where})` : ''}`
  );
}

/**
 * Progress on stderr. On a terminal: one bar (cli-progress) with how many files
 * are in each state, and a line per finished file above it. Elsewhere (CI, logs):
 * just the line per finished file.
 */
export class Progress {
  private readonly bar: SingleBar | null;
  private readonly state = new Map<string, string>();
  private done = 0;

  constructor(private readonly total: number, tty: boolean) {
    this.bar = tty && total > 1
      ? new SingleBar({ format: 'speechdeck [{bar}] {value}/{total} | {states}', hideCursor: true, clearOnComplete: true, stream: process.stderr }, Presets.shades_classic)
      : null;
    this.bar?.start(total, 0, { states: '' });
  }

  private redraw(): void {
    const counts = new Map<string, number>();
    for (const s of this.state.values()) counts.set(s, (counts.get(s) ?? 0) + 1);
    const states = [...counts].map(([s, n]) => `${n} ${s}`).join(', ');
    this.bar?.update(this.done, { states: `${states}${states ? ', ' : ''}${this.total - this.done - this.state.size} queued` });
  }

  start(name: string): void {
    this.state.set(name, 'parsing');
    this.redraw();
  }

  stage(name: string, stage: string): void {
    this.state.set(name, stage);
    this.redraw();
  }

  finish(name: string, line: string): void {
    this.state.delete(name);
    this.done++;
    this.log(line);
    this.redraw();
  }

  log(line: string): void {
    if (this.bar) {
      // Clear the bar's line, write ours, let the next update redraw the bar.
      process.stderr.write('\r\x1b[K' + line + '\n');
    } else process.stderr.write(line + '\n');
  }

  stop(): void {
    this.bar?.stop();
  }
}

