// The editable outline (outline.md): a planned deck in a small Markdown form a
// person can edit, and the deck such a text describes. Pure: text and speech in,
// text or deck out.
//
// A slide's speaker notes are not copied into the outline: its `notes:` line
// points at the manuscript (lines, or a character within a line's paragraph), and
// the notes are taken from the manuscript again, verbatim, when the outline is
// read. Read in slide order, the notes of a planned deck spell out the manuscript,
// so each slide's notes are one stretch of it; what an edit leaves unpointed (a
// deleted slide's stretch) joins the slide whose stretch ends where it begins.
import { createHash } from 'node:crypto';
import type { Deck, Lang, Layout, Manuscript, Slide, Speech } from '../types.js';
import { SpeechdeckError } from '../errors.js';
import { MAX_SLIDES } from '../input/limits.js';
import { Stream } from './stream.js';
import { cardItems, continuedMark, deckOf, layoutFields, shape, type Draft } from './deck.js';

/** Its name beside the outputs. */
export const OUTLINE_FILE = 'outline.md';

const STAMP = /^<!-- speechdeck outline 1 · (.*) · sha256 ([0-9a-f]{16}) -->$/;

const LAYOUTS: readonly Layout[] = ['title', 'agenda', 'section', 'overview', 'points', 'statement', 'quote', 'figure', 'closing'];

/** Layouts whose `- ` lines are cards (a head, its text indented under it); the rest list items. */
const CARD_LAYOUTS = new Set<Layout>(['overview', 'figure']);

/**
 * The `key: value` lines of a slide, in the order they are written: the slide
 * field each names and how its value is written. Every slide may have a kicker
 * and a badge; the rest only where its layout has the field.
 */
const KEYS: ReadonlyArray<{ key: string; field: keyof Draft; kind: 'text' | 'yes' | 'number' | 'list' }> = [
  { key: 'kicker', field: 'kicker', kind: 'text' },
  { key: 'badge', field: 'badge', kind: 'text' },
  { key: 'subtitle', field: 'subtitle', kind: 'text' },
  { key: 'lead', field: 'lead', kind: 'text' },
  { key: 'callout', field: 'callout', kind: 'text' },
  { key: 'callout-by', field: 'calloutBy', kind: 'text' },
  { key: 'callout-first', field: 'calloutFirst', kind: 'yes' },
  { key: 'coda', field: 'coda', kind: 'text' },
  { key: 'start', field: 'start', kind: 'number' },
  { key: 'marks', field: 'marks', kind: 'list' },
];
const EVERY_LAYOUT = new Set(['kicker', 'badge']);
const LIST_SEP = ' · ';

/** A short, stable digest of a manuscript's decoded text: which version an outline was made from. */
export function manuscriptHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}

/** The manuscript and version an outline names on its first line, or null if it is not one. */
export function outlineStamp(text: string): { manuscript: string; hash: string } | null {
  const m = STAMP.exec(text.replace(/^\uFEFF/, '').split('\n', 1)[0]!.replace(/\r$/, ''));
  return m ? { manuscript: m[1]!, hash: m[2]! } : null;
}

// One line's value: a line break is written \n, a backslash \\ (so the outline has one line per value).
export const escape = (s: string) => s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
export const unescape = (s: string) => s.replace(/\\(\\|n)/g, (_, c: string) => (c === 'n' ? '\n' : '\\'));

export interface OutlineSource {
  /** The manuscript's file name, as the outline names it. */
  name: string;
  /** Its decoded text: the outline records which version it was made from. */
  text: string;
  /** How places in it are counted: lines of a text file, paragraphs of a Word file. */
  places?: 'lines' | 'paragraphs';
}

/** What an outline says of the manuscript it was made from: its file name (no folders), text and places. */
export function outlineSource(ms: Manuscript): OutlineSource {
  return { name: ms.path.replace(/^.*[\\/]/, ''), text: ms.text, places: ms.places };
}

/** The deck as outline.md. */
export function outlineText(deck: Deck, speech: Speech, ms: OutlineSource): string {
  const stream = new Stream(speech);
  const unit = ms.places === 'paragraphs' ? 'paragraphs' : 'lines';
  // (The name inside comments: it cannot end one or break its line.)
  const name = ms.name.replace(/-->/g, '--\u200b>').replace(/\n/g, ' ');
  const out: string[] = [
    `<!-- speechdeck outline 1 · ${name} · sha256 ${manuscriptHash(ms.text)} -->`,
    `<!-- Edit this outline, then build ${name} again: its deck is made from this file while the manuscript is unchanged (delete this file to plan afresh).`,
    `  "## " starts a slide (its title); "- " lines are its bullets, or its cards with their text indented under them; "layout:", "subtitle:", "callout:" and the like set the rest.`,
    `  "notes:" names the manuscript ${unit} the slide's speaker notes hold (12:40 = from character 40 of ${unit === 'lines' ? 'line' : 'paragraph'} 12); keep it with its slide.`,
    `  Delete a slide and its notes join the slide before it; delete a "## " line and the slide joins the one above. -->`,
  ];
  const place = notePlaces(stream);
  for (const s of deck.slides) {
    const ranges = place(s.notes);
    const rec = s as Slide & Record<string, unknown>;
    out.push('', `## ${escape(s.title)}`);
    if (s.layout !== 'points') out.push(`layout: ${s.layout}`);
    for (const k of KEYS) {
      const v = rec[k.field];
      if (v === undefined) continue;
      const text = k.kind === 'yes' ? (v ? 'yes' : 'no') : k.kind === 'list' ? (v as string[]).map(escape).join(LIST_SEP) : escape(String(v));
      out.push(`${k.key}: ${text}`);
    }
    const entries: Array<[string, string]> = CARD_LAYOUTS.has(s.layout) ? (rec['cards'] as Array<{ head: string; text: string }>).map((c) => [c.head, c.text]) : s.items.map((t) => [t, '']);
    for (const [head, text] of entries) {
      const [first, ...more] = head.split('\n');
      out.push(`- ${first}`, ...more.map((l) => `  ${l}`), ...(text ? text.split('\n').map((l) => `  ${l}`) : []));
    }
    const facts = [ranges.length ? ranges.map(([a, b]) => stream.rangeText(a, b)).join(', ') : 'none', ...(s.section !== undefined ? [`section ${s.section}`] : []), `group ${s.group}`, ...(s.continued ? ['continued'] : [])];
    out.push(`notes: ${facts.join(LIST_SEP)}`);
    const derived = ranges.length ? { startLine: stream.source(...ranges[0]!).startLine, endLine: stream.source(...ranges.at(-1)!).endLine } : null;
    if (!derived || derived.startLine !== s.source.startLine || derived.endLine !== s.source.endLine) out.push(`source: ${s.source.startLine}–${s.source.endLine}`);
  }
  return out.join('\n') + '\n';
}

/** An outline's lines as they are read: no byte-order mark, no carriage returns. */
export function outlineLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split('\n').map((l) => l.replace(/\r$/, ''));
}

/** Which of these lines are read: not in a <!-- comment --> (a comment starts a line). */
export function readable(lines: string[]): boolean[] {
  let inComment = false;
  return lines.map((line) => {
    if (inComment) inComment = !line.includes('-->');
    else if (line.startsWith('<!--')) inComment = !line.includes('-->');
    else return true;
    return false;
  });
}

/** The outline's lines outside comments, each with its 1-based number. */
function contentLines(text: string): Array<{ n: number; raw: string }> {
  const lines = outlineLines(text);
  const read = readable(lines);
  return lines.flatMap((raw, i) => (read[i] ? [{ n: i + 1, raw }] : []));
}

const HEADING = /^##(?:\s(.*))?$/s;

/** The line (1-based) of each slide's "## " heading, in order. */
export function outlineSlideLines(text: string): number[] {
  return contentLines(text).filter((l) => HEADING.test(l.raw)).map((l) => l.n);
}

/**
 * Where each slide's notes are in the manuscript, as stretches [from, to): read in
 * order, the notes of a planned deck spell out the manuscript, so each note is
 * where the last one ended; after slides were moved, a note is found where its
 * words are and not yet taken.
 */
function notePlaces(stream: Stream): (notes: string[]) => Array<[number, number]> {
  const full = stream.text;
  const taken: Array<[number, number]> = [];
  const free = (a: number, b: number) => taken.every(([x, y]) => b <= x || a >= y);
  let at = 0;
  return (notes) => {
    const out: Array<[number, number]> = [];
    for (const n of notes) {
      let start = full.startsWith(n, at) && free(at, at + n.length) ? at : -1;
      for (let i = full.indexOf(n); start < 0 && i >= 0; i = full.indexOf(n, i + 1)) if (free(i, i + n.length)) start = i;
      if (start < 0) throw new Error(`a note is not in the manuscript: ${JSON.stringify(n.slice(0, 40))}`);
      taken.push([start, start + n.length]);
      at = start + n.length;
      const last = out.at(-1);
      if (last && last[1] === start) last[1] = at;
      else out.push([start, at]);
    }
    return out;
  };
}

interface ReadSlide {
  line: number;
  draft: Draft;
  /** Stretches of the manuscript its notes hold, [from, to). */
  ranges: Array<[number, number]>;
  hasNotesLine: boolean;
  source?: { startLine: number; endLine: number };
  /** The line of the last `- ` entry, for its continuation lines. */
  entryOpen: boolean;
  cards: Array<{ head: string; text: string }>;
  set: Map<string, number>;
}

/**
 * The deck an outline describes, its notes taken from the manuscript. Throws an
 * input error naming the outline's line for anything it cannot read.
 */
export function deckFromOutline(text: string, speech: Speech, path: string = OUTLINE_FILE): Deck {
  const stream = new Stream(speech);
  const fail = (line: number, msg: string, hint?: string): never => {
    throw new SpeechdeckError('input', `line ${line}: ${msg}`, { file: path, hint: hint ?? 'Fix that line, or delete the outline to plan the deck afresh.' });
  };
  const slides: ReadSlide[] = [];
  for (const { n, raw } of contentLines(text)) readLine(n, raw);

  function readLine(n: number, raw: string): void {
    if (!raw.trim()) return;
    const cur = slides.at(-1);
    const heading = HEADING.exec(raw);
    if (heading) {
      if (slides.length >= MAX_SLIDES) fail(n, `more than ${MAX_SLIDES} slides.`, 'A deck has at most 400 slides: merge or delete some.');
      slides.push({ line: n, draft: { layout: 'points', title: unescape(heading[1] ?? ''), items: [], notes: [], source: { startLine: 0, endLine: 0 }, group: '' }, ranges: [], hasNotesLine: false, entryOpen: false, cards: [], set: new Map() });
      return;
    }
    if (/^#/.test(raw)) fail(n, `"${raw.slice(0, 20)}" is not a slide heading.`, 'Start each slide with "## " and its title.');
    if (!cur) return fail(n, 'text before the first slide.', 'Start each slide with "## " and its title.');
    const entry = /^[-*+]\s(.*)$/s.exec(raw) ?? (/^[-*+]$/.test(raw) ? ['', ''] : null);
    if (entry) {
      if (CARD_LAYOUTS.has(cur.draft.layout)) cur.cards.push({ head: entry[1]!, text: '' });
      else cur.draft.items.push(entry[1]!);
      cur.entryOpen = true;
      return;
    }
    if (/^\s+\S/.test(raw)) {
      if (!cur.entryOpen) return fail(n, 'an indented line under no "- " line.');
      const more = raw.trim();
      if (CARD_LAYOUTS.has(cur.draft.layout)) {
        const card = cur.cards.at(-1)!;
        card.text = card.text ? `${card.text}\n${more}` : more;
      } else cur.draft.items[cur.draft.items.length - 1] += `\n${more}`;
      return;
    }
    cur.entryOpen = false;
    const kv = /^([a-z][a-z-]*):(?:\s(.*))?$/s.exec(raw);
    if (!kv) return fail(n, `"${raw.slice(0, 20)}" is not a bullet or a "key: value" line.`, 'Start a bullet with "- ", a slide with "## ".');
    const [, key, value = ''] = kv;
    // (Two notes or source lines: a slide merged into the one above by deleting its "## " line.)
    if (cur.set.has(key!) && key !== 'notes' && key !== 'source') fail(n, `a second "${key}:" line in this slide (the first is line ${cur.set.get(key!)}).`, 'A slide has one: delete either.');
    cur.set.set(key!, n);
    if (key === 'layout') {
      const layout = value.trim() as Layout;
      if (!LAYOUTS.includes(layout)) fail(n, `unknown layout "${value.trim()}".`, `Choose one of: ${LAYOUTS.join(', ')}.`);
      if (cur.draft.items.length || cur.cards.length) fail(n, '"layout:" comes after the slide\'s bullets.', 'Put it right under the slide\'s "## " line.');
      cur.draft.layout = layout;
      return;
    }
    if (key === 'notes') return readNotes(cur, value, n);
    if (key === 'source') {
      const m = /^(\d+)\s*[–-]\s*(\d+)$/.exec(value.trim());
      if (!m) fail(n, `"${value}" is not a line range like 12–15.`);
      const [a, b] = [Number(m![1]), Number(m![2])];
      cur.source = cur.source ? { startLine: Math.min(cur.source.startLine, a), endLine: Math.max(cur.source.endLine, b) } : { startLine: a, endLine: b };
      return;
    }
    const k = KEYS.find((x) => x.key === key);
    if (!k) return fail(n, `unknown key "${key}:".`, `A slide's keys: layout, ${KEYS.map((x) => x.key).join(', ')}, notes, source.`);
    const draft = cur.draft as Record<string, unknown>;
    if (k.kind === 'yes') {
      if (!/^(yes|no)$/.test(value.trim())) fail(n, `"${key}:" is yes or no.`);
      draft[k.field] = value.trim() === 'yes';
    } else if (k.kind === 'number') {
      if (!/^\d+$/.test(value.trim())) fail(n, `"${key}:" is a whole number.`);
      draft[k.field] = Number(value.trim());
    } else if (k.kind === 'list') draft[k.field] = value.split(LIST_SEP).map(unescape);
    else draft[k.field] = unescape(value);
  }

  function readNotes(cur: ReadSlide, value: string, n: number): void {
    const [ranges = '', ...facts] = value.split(LIST_SEP);
    // A second notes line (slides merged): its stretches join the slide's, its facts do not.
    for (const f of cur.hasNotesLine ? [] : facts) {
      const m = /^section\s+(\d+)$|^group\s+(\S+)$|^(continued)$/.exec(f.trim());
      if (!m) return fail(n, `"${f.trim()}" after the notes' lines is not "section N", "group NAME" or "continued".`);
      if (m[3]) cur.draft.continued = true;
      else if (m[1]) cur.draft.section = Number(m[1]);
      else cur.draft.group = m[2]!;
    }
    cur.hasNotesLine = true;
    if (ranges.trim() === 'none') return;
    for (const r of ranges.split(',')) {
      const [a, b = a] = r.split(/[–—]|(?<=\d)-(?=\d)/);
      const from = stream.offset(a!, false);
      const to = stream.offset(b!, true);
      if (typeof from === 'string') return fail(n, `notes: ${from}.`);
      if (typeof to === 'string') return fail(n, `notes: ${to}.`);
      if (to <= from) fail(n, `notes: "${r.trim()}" ends before it starts.`);
      if (cur.ranges.length >= 100) fail(n, 'notes: more than 100 stretches on one slide.');
      cur.ranges.push([from, to]);
    }
  }

  if (!slides.length) fail(1, 'no slides.', 'Start each slide with "## " and its title.');
  for (const s of slides) {
    const allowed = new Set([...EVERY_LAYOUT, ...layoutFields(s.draft.layout)]);
    for (const [key, line] of s.set) {
      const k = KEYS.find((x) => x.key === key);
      if (k && !allowed.has(k.field)) fail(line, `a ${s.draft.layout} slide has no "${key}:".`, `Its keys: ${KEYS.filter((x) => allowed.has(x.field)).map((x) => x.key).join(', ')}.`);
    }
    if (CARD_LAYOUTS.has(s.draft.layout)) {
      s.draft.cards = s.cards;
      s.draft.items = cardItems(s.cards);
    }
  }
  assignNotes(slides, stream, fail);
  let prev: ReadSlide | undefined;
  const out = slides.map((s, i) => {
    const d = s.draft;
    d.notes = s.ranges.flatMap(([from, to]) => stream.notes(from, to));
    const touched = s.ranges.map(([from, to]) => stream.source(from, to));
    d.source = s.source ?? (touched.length ? { startLine: Math.min(...touched.map((t) => t.startLine)), endLine: Math.max(...touched.map((t) => t.endLine)) } : { startLine: prev?.draft.source.endLine ?? 0, endLine: prev?.draft.source.endLine ?? 0 });
    // A slide added in the outline (no notes line) belongs where it stands.
    if (!s.hasNotesLine && d.section === undefined && prev?.draft.section !== undefined) d.section = prev.draft.section;
    if (!d.group) d.group = `outline-${i + 1}`;
    prev = s;
    return shape(d, `s${i + 1}`, d.section);
  });
  return deckOf(speech, out);
}

/**
 * Every stretch of the manuscript in exactly one slide's notes: two slides
 * pointing at the same words is an error; words no slide points at (a deleted
 * slide's) join the slide whose stretch ends where they begin, or, at the very
 * start, the slide whose stretch follows them.
 */
function assignNotes(slides: ReadSlide[], stream: Stream, fail: (line: number, msg: string, hint?: string) => never): void {
  const all = slides.flatMap((s) => s.ranges.map((r) => ({ s, r }))).sort((x, y) => x.r[0] - y.r[0]);
  if (!all.length) fail(slides[0]!.line, 'no slide has a "notes:" line: the speech would be in no slide\'s notes.', 'Keep the "notes:" lines the outline was written with.');
  for (let i = 1; i < all.length; i++) {
    const a = all[i - 1]!;
    const b = all[i]!;
    if (b.r[0] < a.r[1]) fail(b.s.line, `its notes and those of the slide on line ${a.s.line} hold the same words.`, 'Give each stretch of the manuscript to one slide.');
  }
  let at = 0;
  const gaps: Array<[number, number, ReadSlide]> = [];
  all.forEach(({ s, r }, i) => {
    if (r[0] > at) gaps.push([at, r[0], i === 0 ? s : all[i - 1]!.s]);
    at = r[1];
  });
  if (at < stream.length) gaps.push([at, stream.length, all.at(-1)!.s]);
  for (const [from, to, s] of gaps) s.ranges.push([from, to]);
  for (const s of slides) {
    s.ranges.sort((x, y) => x[0] - y[0]);
    // Touching stretches are one (the words of a paragraph cut between them come back whole).
    s.ranges = s.ranges.reduce<Array<[number, number]>>((acc, r) => {
      const last = acc.at(-1);
      if (last && last[1] === r[0]) last[1] = r[1];
      else acc.push([r[0], r[1]]);
      return acc;
    }, []);
  }
}

/** Layouts a slide of which can be cut in two between its entries. */
const SPLITTABLE = new Set<Layout>(['points', 'statement', 'agenda', 'quote', 'overview', 'figure']);

/**
 * The deck with each named slide cut in two between its entries (bullets, cards,
 * lines), the second half a continuation slide after it, for a deck made from an
 * outline that does not fit (a narrower aspect, a slide given more than it holds).
 * The notes stay with the first half. Null when a named slide cannot be cut (one
 * entry, or a layout that has none): the person must shorten it.
 */
export function splitOverflowing(deck: Deck, ids: string[], lang: Lang): Deck | null {
  const out: Slide[] = [];
  for (const s of deck.slides) {
    if (!ids.includes(s.id)) {
      out.push(s);
      continue;
    }
    const rec = s as Slide & { cards?: Array<{ head: string; text: string }>; marks?: string[]; start?: number };
    const cards = CARD_LAYOUTS.has(s.layout);
    const n = cards ? rec.cards!.length : s.items.length;
    if (!SPLITTABLE.has(s.layout) || n < 2) return null;
    const half = Math.ceil(n / 2);
    const part = (from: number, to: number, first: boolean): Draft => {
      const d = { ...(s as unknown as Draft) };
      if (cards) {
        d.cards = rec.cards!.slice(from, to);
        d.items = cardItems(d.cards);
      } else d.items = s.items.slice(from, to);
      if (rec.marks) d.marks = rec.marks.slice(from, to);
      if (s.layout === 'agenda') d.start = (rec.start ?? 1) + from;
      // A callout said before the bullets goes with the first half, one said after them
      // with the second; what leads into a quotation with the first; what sums up the
      // whole (a coda) under the last: each once.
      const callout = (s as { calloutFirst?: boolean }).calloutFirst ? first : !first;
      if (!callout) {
        d.callout = undefined;
        d.calloutBy = undefined;
      }
      if (!first) {
        d.notes = [];
        d.continued = true;
        d.lead = undefined;
        if (!s.continued) d.title = s.title + continuedMark(lang);
      } else d.coda = undefined;
      return d;
    };
    out.push(shape(part(0, half, true), s.id, s.section), shape(part(half, n, false), `${s.id}-2`, s.section));
  }
  // Numbered again in order, as the planner numbers them.
  return { ...deck, slides: out.map((s, i) => ({ ...s, id: `s${i + 1}` })) };
}
