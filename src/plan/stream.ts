// The manuscript's text as one stream, paragraph after paragraph: what the speaker
// notes of a deck spell out when read in slide order. Offsets into it name the
// stretch of the speech a slide's notes hold.
import type { Paragraph, Slide, Speech } from '../types.js';
import { allParagraphs } from '../tree.js';

/** Positions in the manuscript's text, paragraph by paragraph (the notes, read in order). */
export class Stream {
  readonly paras: Paragraph[];
  /** Offset of each paragraph's first character in the whole. */
  private readonly starts: number[] = [];
  readonly length: number;
  /** The paragraphs' texts, one after the other. */
  readonly text: string;
  /** The first paragraph starting on each line (a paragraph the parser cut in two shares its line with the rest). */
  private readonly byLine = new Map<number, number>();
  /** The length of the text of the paragraphs starting on each line. */
  private readonly lineLength = new Map<number, number>();

  constructor(speech: Speech) {
    this.paras = allParagraphs(speech);
    let at = 0;
    this.paras.forEach((p, k) => {
      this.starts.push(at);
      at += p.text.length;
      if (!this.byLine.has(p.source.startLine)) this.byLine.set(p.source.startLine, k);
      this.lineLength.set(p.source.startLine, (this.lineLength.get(p.source.startLine) ?? 0) + p.text.length);
    });
    this.length = at;
    this.text = this.paras.map((p) => p.text).join('');
  }

  /** The paragraph holding offset `at` (at the very end: the last one). */
  paraAt(at: number): number {
    // The last paragraph starting at or before it (binary search: a deck asks once a slide).
    let lo = 0;
    let hi = this.paras.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  lineOf(k: number): number {
    return this.paras[k]!.source.startLine;
  }

  /** `12` or `12:45`: where [from, to) starts or ends, as written in a `notes:` line. */
  private place(at: number, end: boolean): string {
    // An end at a paragraph's end is written as that paragraph; a start at its start likewise.
    // (Counted from the line's first paragraph: the places a reader can name are lines.)
    const line = this.lineOf(end ? this.paraAt(at - 1) : this.paraAt(at));
    const c = at - this.starts[this.byLine.get(line)!]!;
    const whole = end ? c === this.lineLength.get(line) : c === 0;
    return whole ? String(line) : `${line}:${c}`;
  }

  rangeText(from: number, to: number): string {
    const a = this.place(from, false);
    const b = this.place(to, true);
    return a === b && !a.includes(':') ? a : `${a}–${b}`;
  }

  /** The offset a written place names: a start (`12` its first character) or an end (`12` past its last). */
  offset(text: string, end: boolean): number | string {
    const m = /^(\d+)(?::(\d+))?$/.exec(text.trim());
    if (!m) return `"${text.trim()}" is not a line or line:character`;
    const k = this.byLine.get(Number(m[1]));
    if (k === undefined) return `no paragraph of the manuscript starts on line ${m[1]}`;
    const len = this.lineLength.get(Number(m[1]))!;
    if (m[2] === undefined) return this.starts[k]! + (end ? len : 0);
    const c = Number(m[2]);
    if (c > len) return `line ${m[1]}'s paragraph has ${len} characters, not ${c}`;
    return this.starts[k]! + c;
  }

  /** The notes [from, to) spell out: one entry per paragraph it touches. */
  notes(from: number, to: number): string[] {
    const out: string[] = [];
    for (let k = this.paraAt(from); k < this.paras.length && this.starts[k]! < to; k++) {
      const s = this.starts[k]!;
      const piece = this.paras[k]!.text.slice(Math.max(0, from - s), to - s);
      if (piece) out.push(piece);
    }
    return out;
  }

  /** The manuscript lines [from, to) spans. */
  source(from: number, to: number): { startLine: number; endLine: number } {
    return { startLine: this.paras[this.paraAt(from)]!.source.startLine, endLine: this.paras[this.paraAt(to - 1)]!.source.endLine };
  }
}

/**
 * The slides with their notes cut by the manuscript's paragraphs: one entry for
 * each paragraph, or part of one, a slide's notes hold (the planner may hand a
 * paragraph's sentences over in pieces). The notes must spell out the manuscript
 * in slide order (see coverage.ts); otherwise the slides are returned as they are.
 */
export function notesByParagraph(speech: Speech, slides: Slide[]): Slide[] {
  const stream = new Stream(speech);
  if (slides.reduce((n, s) => n + s.notes.reduce((m, t) => m + t.length, 0), 0) !== stream.length) return slides;
  let at = 0;
  return slides.map((s) => {
    const from = at;
    at += s.notes.reduce((n, t) => n + t.length, 0);
    const notes = stream.notes(from, at);
    return notes.length === s.notes.length && notes.every((t, i) => t === s.notes[i]) ? s : { ...s, notes };
  });
}
