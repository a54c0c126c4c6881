// Edits to an outline.md, as the web page makes them: retitle a slide, edit,
// reorder or delete a bullet, merge, split, delete or reorder slides, turn a
// bullet into the slide's callout or into a quotation slide of its own. Each edit
// is a change of lines in the outline's text, so the outline stays the one record
// of the deck (deckFromOutline reads the result, and says what is wrong with it).
// Pure: text in, text out.
import { SpeechdeckError } from '../errors.js';
import { escape, outlineLines, readable, unescape } from './outline.js';

export type OutlineEdit =
  | { op: 'retitle'; slide: number; title: string }
  | { op: 'delete-slide'; slide: number }
  | { op: 'move-slide'; slide: number; to: number }
  | { op: 'merge-next'; slide: number }
  | { op: 'split'; slide: number; item: number }
  | { op: 'edit-item'; slide: number; item: number; text: string }
  | { op: 'delete-item'; slide: number; item: number }
  | { op: 'move-item'; slide: number; item: number; to: number }
  | { op: 'callout'; slide: number; item: number }
  | { op: 'quote'; slide: number; item: number }
  | { op: 'uncallout'; slide: number };

/** One slide of an outline as the page lists it: its title, layout and `- ` entries (a card's text after a line break). */
export interface OutlineSlide {
  title: string;
  layout: string;
  entries: string[];
  /** A saying set off on the slide, if it has one. */
  callout?: string;
}

interface Block {
  /** The slide's lines, its `## ` heading first. */
  lines: string[];
}

interface Parsed {
  head: string[];
  slides: Block[];
}

const HEADING = /^##(\s|$)/;
const ENTRY = /^[-*+](\s|$)/;
const MORE = /^\s+\S/;
const KEY = /^([a-z][a-z-]*):/;

function parse(text: string): Parsed {
  const out: Parsed = { head: [], slides: [] };
  const lines = outlineLines(text.replace(/\n$/, ''));
  const read = readable(lines);
  lines.forEach((line, i) => {
    if (read[i] && HEADING.test(line)) out.slides.push({ lines: [line] });
    else if (out.slides.length) out.slides.at(-1)!.lines.push(line);
    else out.head.push(line);
  });
  return out;
}

function print(p: Parsed): string {
  return [...p.head, ...p.slides.flatMap((s) => s.lines)].join('\n') + '\n';
}

/** The `- ` entries of a slide: where each starts and ends (continuation lines included) in its lines. */
function entries(b: Block): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const read = readable(b.lines);
  b.lines.forEach((l, i) => {
    if (!read[i]) return;
    if (ENTRY.test(l)) out.push({ start: i, end: i + 1 });
    else if (MORE.test(l) && out.length && out.at(-1)!.end === i) out.at(-1)!.end = i + 1;
  });
  return out;
}

function entryText(b: Block, e: { start: number; end: number }): string {
  return b.lines.slice(e.start, e.end).map((l, i) => (i === 0 ? l.replace(/^[-*+]\s?/, '') : l.trim())).join('\n');
}

function keyValue(b: Block, key: string): string | undefined {
  const read = readable(b.lines);
  const line = b.lines.find((l, i) => read[i] && l.startsWith(`${key}:`));
  return line === undefined ? undefined : unescape(line.slice(key.length + 1).trim());
}

/** The slides of an outline, for the page to list. */
export function outlineSlides(text: string): OutlineSlide[] {
  return parse(text).slides.map((b) => ({
    title: unescape(b.lines[0]!.replace(/^##\s?/, '')),
    layout: keyValue(b, 'layout') ?? 'points',
    entries: entries(b).map((e) => entryText(b, e)),
    ...(keyValue(b, 'callout') !== undefined ? { callout: keyValue(b, 'callout') } : {}),
  }));
}

/** The outline with one edit made; an edit naming a slide or bullet that is not there is an input error. */
export function editOutline(text: string, edit: OutlineEdit): string {
  const p = parse(text);
  const bad = (what: string): never => {
    throw new SpeechdeckError('input', `the outline has no ${what}.`, { hint: 'Reload the page: the outline may have changed.' });
  };
  const slide = p.slides[edit.slide] ?? bad(`slide ${edit.slide + 1}`);
  const item = (n: number) => entries(slide)[n] ?? bad(`bullet ${n + 1} on slide ${edit.slide + 1}`);
  switch (edit.op) {
    case 'retitle':
      slide.lines[0] = `## ${escape(edit.title.trim())}`;
      break;
    case 'delete-slide':
      // Its notes join the slide before it (deckFromOutline): nothing of the speech is lost.
      p.slides.splice(edit.slide, 1);
      break;
    case 'move-slide': {
      if (edit.to < 0 || edit.to >= p.slides.length) bad(`place ${edit.to + 1} to move a slide to`);
      const [b] = p.slides.splice(edit.slide, 1);
      p.slides.splice(edit.to, 0, b!);
      break;
    }
    case 'merge-next': {
      const next = p.slides[edit.slide + 1] ?? bad(`slide after slide ${edit.slide + 1}`);
      // Its bullets, notes and source join this slide; its title and other keys go.
      const keep = next.lines.slice(1).filter((l) => !KEY.test(l) || /^(notes|source):/.test(l));
      slide.lines.push(...keep);
      p.slides.splice(edit.slide + 1, 1);
      break;
    }
    case 'split': {
      // A new slide from this bullet on, under the same title; the notes line stays where it is.
      const e = item(edit.item);
      if (edit.item === 0) bad(`bullet before bullet 1 on slide ${edit.slide + 1} to split after`);
      const tail = slide.lines.splice(e.start);
      const layout = slide.lines.find((l) => l.startsWith('layout:'));
      p.slides.splice(edit.slide + 1, 0, { lines: [slide.lines[0]!, ...(layout ? [layout] : []), ...tail] });
      if (slide.lines.at(-1) !== '') slide.lines.push('');
      break;
    }
    case 'edit-item': {
      const e = item(edit.item);
      const [first, ...more] = edit.text.trim().split('\n');
      slide.lines.splice(e.start, e.end - e.start, `- ${first}`, ...more.map((l) => `  ${l.trim()}`));
      break;
    }
    case 'delete-item': {
      const e = item(edit.item);
      slide.lines.splice(e.start, e.end - e.start);
      break;
    }
    case 'move-item': {
      const e = item(edit.item);
      const to = item(edit.to);
      const moved = slide.lines.splice(e.start, e.end - e.start);
      // (Before the entry it moves to when moving up, after it when moving down.)
      const at = edit.to < edit.item ? to.start : to.end - moved.length;
      slide.lines.splice(at, 0, ...moved);
      break;
    }
    case 'callout': {
      const e = item(edit.item);
      const text = entryText(slide, e);
      slide.lines.splice(e.start, e.end - e.start);
      const i = slide.lines.findIndex((l) => l.startsWith('callout:'));
      if (i >= 0) slide.lines.splice(i, 1);
      slide.lines.splice(firstEntryOrNotes(slide), 0, `callout: ${escape(text)}`);
      break;
    }
    case 'uncallout': {
      // The callout back among the bullets, last.
      const read = readable(slide.lines);
      const i = slide.lines.findIndex((l, k) => read[k] && l.startsWith('callout:'));
      if (i < 0) bad(`callout on slide ${edit.slide + 1}`);
      const text = keyValue(slide, 'callout')!;
      slide.lines.splice(i, 1);
      const by = slide.lines.findIndex((l, k) => readable(slide.lines)[k] && l.startsWith('callout-by:'));
      if (by >= 0) slide.lines.splice(by, 1);
      const es = entries(slide);
      const at = es.length ? es.at(-1)!.end : firstEntryOrNotes(slide);
      slide.lines.splice(at, 0, ...text.split('\n').map((l, k) => (k ? `  ${l}` : `- ${l}`)));
      break;
    }
    case 'quote': {
      // The bullet becomes a quotation slide right after this one (its notes stay here).
      const e = item(edit.item);
      const text = entryText(slide, e);
      slide.lines.splice(e.start, e.end - e.start);
      const title = slide.lines[0]!;
      p.slides.splice(edit.slide + 1, 0, { lines: [title, 'layout: quote', ...text.split('\n').map((l) => `- ${l}`), ''] });
      if (slide.lines.at(-1) !== '') slide.lines.push('');
      break;
    }
  }
  return print(p);
}

/** Where a key line goes in a slide: before its first bullet, or its notes line when it has none. */
function firstEntryOrNotes(b: Block): number {
  const i = b.lines.findIndex((l, k) => k > 0 && (ENTRY.test(l) || l.startsWith('notes:')));
  return i >= 0 ? i : b.lines.length;
}
