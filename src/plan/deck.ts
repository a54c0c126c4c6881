// Plan stage: speech tree → slide model. Pure; the fit loop calls it again with
// tighter limits for the groups whose slides did not fit.
import type { Deck, Lang, Node, OutlineNode, Paragraph, PlanOptions, Section, Slide, Speech } from '../types.js';
import { capitalise, displayWidth, sentences, stripEnd, clauses } from '../parse/text.js';
import { findSaying, findQuote, findFigures, keyPhrase, paragraphPhrases, stripOpeners } from './condense.js';
import { findAnnouncement } from '../parse/structure.js';
import { sectionsOf } from '../parse/speech.js';
import { parseDateLine } from '../parse/header.js';

export const DEFAULT_PLAN: PlanOptions = { maxItems: 5, maxItemChars: 34 };

const WORDS = {
  zh: { intro: '开场', agenda: '目录', closing: '谢谢', continued: '（续）', more: '要点' },
  en: { intro: 'Introduction', agenda: 'Agenda', closing: 'Thank you', continued: ' (cont.)', more: 'Key points' },
};

/** Widest slide title, in em, before it is cut to its lead clause (two lines at title size). */
const TITLE_LIMIT = 26;
const TITLE_LIMIT_EN = 48;

/** How many times a title slide's title can be shortened (100, 64, 40 em). */
const TITLE_STEPS = 3;

/**
 * What the fit loop lowers when a slide does not fit, as the planner first used
 * it: points, agenda and statement slides their item count, overview slides
 * their cards, a quote its lines a slide, a title slide its title's length (in
 * steps); null for a slide that cannot be cut (divider, figure, closing).
 */
export function cutLimit(slide: Slide): number | null {
  switch (slide.layout) {
    case 'points':
    case 'agenda':
    case 'statement':
      return DEFAULT_PLAN.maxItems;
    case 'overview':
      return Math.min(MAX_CARDS, slide.cards?.length ?? 0);
    case 'quote':
      return QUOTE_ROWS;
    case 'title':
      return TITLE_STEPS;
    default:
      return null;
  }
}

/** Most cards on one overview slide (three columns, two rows). */
const MAX_CARDS = 6;
/** Lines of a quotation's type one slide holds (the fit loop may lower it per quote). */
export const QUOTE_ROWS = 6;

interface Item {
  text: string;
  /** Index into the paragraph list of the group this item came from. */
  para: number;
}

function range(paras: Paragraph[]) {
  if (!paras.length) return { startLine: 0, endLine: 0 };
  return {
    startLine: Math.min(...paras.map((p) => p.source.startLine)),
    endLine: Math.max(...paras.map((p) => p.source.endLine)),
  };
}

function sentenceCount(s: Section): number {
  return sentences(s.lead.text).length + s.children.reduce((n, c) => n + (c.type === 'paragraph' ? sentences(c.text).length : 99), 0);
}

interface Base {
  title: string;
  badge?: string;
  section?: number;
  subtitle?: string;
  layout?: 'points' | 'agenda';
}

class Planner {
  private slides: Slide[] = [];
  /** Paragraphs with no slide of their own (a heading with nothing under it): noted on the next slide. */
  private pendingNotes: Paragraph[] = [];
  private readonly lang: Lang;
  private top = 0;

  constructor(private readonly speech: Speech, private readonly opts: PlanOptions) {
    this.lang = speech.meta.lang;
  }

  private get words() {
    return WORDS[this.lang];
  }

  private limitFor(group: string): number {
    return Math.max(1, Math.min(this.opts.maxItems, this.opts.tighten?.[group] ?? this.opts.maxItems));
  }

  private push(s: Omit<Slide, 'id' | 'section'> & { section?: number }): void {
    if (this.pendingNotes.length) {
      // The pending paragraphs come first; the source spans them and the slide's own notes.
      const before = this.pendingNotes;
      this.pendingNotes = [];
      const own = s.notes.length ? [{ text: '', source: s.source }] : [];
      s = { ...s, notes: [...before.map((p) => p.text), ...s.notes], source: range([...before, ...own]) };
    }
    this.slides.push({ id: `s${this.slides.length + 1}`, ...s, section: s.section ?? (this.top || undefined) });
  }

  private get titleLimit(): number {
    return this.lang === 'zh' ? TITLE_LIMIT : TITLE_LIMIT_EN;
  }

  private title(text: string): string {
    const t = stripEnd(text);
    return displayWidth(t) <= this.titleLimit ? t : keyPhrase(t, this.lang, this.titleLimit);
  }

  /**
   * Points slides for a run of paragraphs: items in order, at most `limit` a
   * slide, continuation slides marked （续）. Each paragraph's text goes into the
   * notes of the slide that shows its first item, so notes stay in order; a quote
   * in the text gets a slide of its own right after.
   */
  private points(base: Base, paras: Paragraph[], items: Item[], group: string): void {
    const limit = this.limitFor(group);
    // The first saying becomes the callout, on the chunk of the paragraph that says it.
    // A saying that is also set off as a quotation gets the quote slide, not a callout too.
    const sayings = paras.map((p) => (findQuote(p.text) ? null : findSaying(p.text)));
    const calloutPara = sayings.findIndex(Boolean);
    const callout = sayings[calloutPara] ?? undefined;
    const chunks = this.chunk(items, group, limit, !!callout);
    const noteChunk: number[] = [];
    let cur = 0;
    paras.forEach((_, pi) => {
      const first = chunks.findIndex((c) => c.some((it) => it.para === pi));
      if (first >= 0) cur = Math.max(cur, first);
      noteChunk[pi] = cur;
    });
    chunks.forEach((chunk, ci) => {
      const notes = paras.filter((_, pi) => noteChunk[pi] === ci);
      this.push({
        layout: base.layout ?? (chunk.length || !callout ? 'points' : 'statement'),
        start: base.layout === 'agenda' ? items.indexOf(chunk[0]!) + 1 : undefined,
        title: ci === 0 ? base.title : base.title + this.words.continued,
        subtitle: ci === 0 ? base.subtitle : undefined,
        badge: base.badge,
        section: base.section,
        items: chunk.map((c) => c.text),
        callout: calloutPara >= 0 && noteChunk[calloutPara] === ci ? callout : undefined,
        notes: notes.map((p) => p.text),
        source: range(notes.length ? notes : paras),
        continued: ci > 0 || undefined,
        group,
      });
    });
    // Quotations and figures after the slides that introduce them.
    for (const p of paras) {
      this.quoteSlide(p, base);
      this.figureSlide(p, base);
    }
  }

  /** A paragraph built around numbers (three figures or more) gets a figure slide. */
  private figureSlide(p: Paragraph, base: Base): void {
    const figures = findFigures(p.text);
    if (figures.length < 3) return;
    // Big numbers need room: three side by side when short, else two; none past 10 characters.
    const shown = figures.filter((f) => f.value.length <= 10).slice(0, 3);
    if (shown.length < 2) return;
    const cards = shown.slice(0, shown.some((f) => f.value.length > 6) ? 2 : 3).map((f) => ({ head: f.value, text: f.label }));
    this.push({
      layout: 'figure',
      title: base.title,
      badge: base.badge,
      items: cards.flatMap((c) => [c.head, c.text]),
      cards,
      notes: [],
      source: { ...p.source },
      section: base.section,
      group: `figure-${p.source.startLine}`,
    });
  }

  /**
   * A quotation gets a slide after the one that introduces it, a line for each
   * clause. A quotation longer than a slide holds (`QUOTE_ROWS` lines of the
   * quote's type, fewer when the fit loop says so) goes on over further slides,
   * its clauses run together sentence by sentence; the attribution on the last.
   */
  private quoteSlide(p: Paragraph, base: Base): void {
    const q = findQuote(p.text);
    if (!q) return;
    const group = `quote-${p.source.startLine}`;
    const pages = quotePages(q.lines, this.opts.tighten?.[group] ?? QUOTE_ROWS, this.lang);
    pages.forEach((lines, i) => {
      this.push({
        layout: 'quote',
        title: i === 0 ? base.title : base.title + this.words.continued,
        subtitle: i === pages.length - 1 ? q.attribution || undefined : undefined,
        items: lines,
        notes: [],
        source: { ...p.source },
        section: base.section,
        continued: i > 0 || undefined,
        group,
      });
    });
  }

  /** Overview cards, at most `MAX_CARDS` a slide (fewer when the fit loop says so), continued （续）. */
  private overview(s: Omit<Slide, 'id' | 'section' | 'layout' | 'items'> & { cards: NonNullable<Slide['cards']> }): void {
    const limit = Math.max(1, Math.min(MAX_CARDS, this.opts.tighten?.[s.group] ?? MAX_CARDS));
    const n = Math.max(1, Math.ceil(s.cards.length / limit));
    for (let k = 0, at = 0; k < n; k++) {
      const size = Math.floor(s.cards.length / n) + (k < s.cards.length % n ? 1 : 0);
      const cards = s.cards.slice(at, (at += size));
      this.push({
        layout: 'overview',
        title: k === 0 ? s.title : s.title + this.words.continued,
        subtitle: k === 0 ? s.subtitle : undefined,
        badge: s.badge,
        items: cards.flatMap((c) => [c.head, c.text].filter(Boolean)),
        cards,
        notes: k === 0 ? s.notes : [],
        source: s.source,
        group: s.group,
        continued: k > 0 || undefined,
      });
    }
  }

  /**
   * Cut items into slides. Without measurements: as few slides as the count limit
   * allows, filled evenly (5 items at 4 a slide: 3 + 2, not 4 + 1). With the
   * heights the browser measured for this group: as few slides as fit the height
   * budget, then evened out when the even split fits too.
   */
  private chunk(items: Item[], group: string, limit: number, hasCallout: boolean): Item[][] {
    const even = (n: number): Item[][] => {
      const out: Item[][] = [];
      for (let k = 0, at = 0; k < n; k++) {
        const size = Math.floor(items.length / n) + (k < items.length % n ? 1 : 0);
        out.push(items.slice(at, at + size));
        at += size;
      }
      return out;
    };
    const fit = this.opts.fit?.[group];
    if (!fit || !items.length) return even(Math.max(1, Math.ceil(items.length / limit)));
    const budget = fit.budget - (hasCallout ? fit.callout : 0);
    const h = (it: Item) => fit.heights[it.text] ?? budget / limit;
    const fits = (c: Item[]) => c.length <= limit && c.reduce((t, it) => t + h(it), 0) <= budget + 0.5;
    const greedy: Item[][] = [[]];
    for (const it of items) {
      const cur = greedy[greedy.length - 1]!;
      if (cur.length && !fits([...cur, it])) greedy.push([it]);
      else cur.push(it);
    }
    const balanced = even(greedy.length);
    return balanced.every(fits) ? balanced : greedy;
  }

  /** Bullets for paragraphs; `skipFirstOf` is a lead paragraph whose first sentence is the heading. */
  private itemsOf(paras: Paragraph[], skipFirstOf?: Paragraph): Item[] {
    const items: Item[] = [];
    const perPara = paras.length <= 2 ? 5 : paras.length <= 4 ? 3 : 2;
    paras.forEach((p, pi) => {
      for (const phrase of paragraphPhrases(p.text, this.lang, perPara, p === skipFirstOf)) {
        const text = this.lang === 'en' ? capitalise(phrase) : phrase;
        if (!items.some((x) => x.text === text)) items.push({ text, para: pi });
      }
    });
    return items;
  }

  private titleSlide(): void {
    const m = this.speech.meta;
    const items: string[] = [];
    // 职务　姓名 in Chinese; Name, Role in English.
    if (m.speaker) items.push(this.lang === 'zh' ? [m.speaker.role, m.speaker.name].filter(Boolean).join('　') : [m.speaker.name, m.speaker.role].filter(Boolean).join(', '));
    if (m.dateText) items.push(m.dateText);
    const header = this.speech.header;
    // A title too long for the slide is cut at a clause (the notes keep it whole):
    // at 100 em as written, shorter each time the fit loop finds it does not fit.
    const steps = this.opts.tighten?.title ?? TITLE_STEPS;
    const limit = [40, 64, 100][Math.max(0, Math.min(TITLE_STEPS, steps) - 1)]! * (this.lang === 'zh' ? 1 : 1.6);
    this.push({
      layout: 'title',
      title: displayWidth(m.title) <= limit ? m.title : keyPhrase(m.title, this.lang, limit),
      subtitle: m.subtitle ?? undefined,
      items,
      notes: header.map((p) => p.text),
      source: header.length ? range(header) : { startLine: 1, endLine: 1 },
      group: 'title',
    });
  }

  /**
   * Paragraphs outside any section. A paragraph of three or more sentences gets a
   * slide titled by its first sentence; shorter ones are gathered, titled by the
   * lead clause of the first one, whose other clauses become the first bullets
   * (`召开工作会议，贯彻落实……精神，总结去年工作，部署今年各项任务`).
   */
  private loose(paras: Paragraph[], fallback: Base): void {
    let run: Paragraph[] = [];
    const flush = () => {
      if (!run.length) return;
      const first = sentences(run[0]!.text)[0] ?? '';
      const cs = clauses(stripOpeners(first, this.lang));
      const lead = cs[0] ?? '';
      const g = `loose-${run[0]!.source.startLine}`;
      // Chinese runs clauses of one sentence in parallel; English commas mostly don't.
      if (this.lang === 'zh' && cs.length >= 2 && displayWidth(lead) >= 5 && displayWidth(lead) <= 22) {
        const restClauses = cs.slice(1, 6).map((c) => ({ text: keyPhrase(c, this.lang), para: 0 }));
        const items = [...restClauses, ...this.itemsOf(run, run[0]).filter((it) => !restClauses.some((r) => r.text === it.text))];
        this.points({ ...fallback, title: lead }, run, items, g);
      } else if (this.lang === 'en' && sentences(run[0]!.text).length > 1 && !keyPhrase(first, this.lang, 40).endsWith('…')) {
        // English: the opening sentence of the run is its title, the rest its points.
        this.points({ ...fallback, title: keyPhrase(first, this.lang, 40) }, run, this.itemsOf(run, run[0]), g);
      } else {
        this.points(fallback, run, this.itemsOf(run), g);
      }
      run = [];
    };
    for (const p of paras) {
      const ss = sentences(p.text);
      const first = keyPhrase(ss[0] ?? p.text, this.lang, this.lang === 'zh' ? 22 : 40);
      if (ss.length >= 3 && !first.endsWith('…') && displayWidth(first) >= 6) {
        flush();
        this.points({ ...fallback, title: first }, [p], this.itemsOf([p], p), `loose-${p.source.startLine}`);
      } else run.push(p);
    }
    flush();
  }

  private agenda(tops: Section[]): void {
    const items = tops.map((s) => ({ text: keyPhrase(s.heading, this.lang, 24), para: 0 }));
    this.points({ title: this.words.agenda, layout: 'agenda' }, [], items, 'agenda');
    const first = this.slides.findIndex((x) => x.group === 'agenda');
    for (const x of this.slides.slice(first)) {
      x.source = { startLine: tops[0]!.source.startLine, endLine: tops[tops.length - 1]!.source.endLine };
      // The agenda numbers its entries as the speech numbers its sections.
      x.marks = x.items.map((_, i) => badgeText(tops[(x.start ?? 1) - 1 + i]!));
    }
  }

  /** Walk a node list: loose paragraphs become points slides, sections their own slides. */
  private nodes(nodes: Node[], fallback: Base, isRoot = false): void {
    const tops = isRoot ? sectionsOf(nodes).filter((s) => s.kind === 'numbered' || s.kind === 'ordinal') : [];
    let agendaDone = tops.length < 2;
    let run: Paragraph[] = [];
    const flush = () => {
      if (run.length) this.loose(run, fallback);
      run = [];
    };
    for (const n of nodes) {
      if (n.type === 'paragraph') {
        run.push(n);
        continue;
      }
      flush();
      if (!agendaDone && tops.includes(n)) {
        this.agenda(tops);
        agendaDone = true;
      }
      if (isRoot && tops.includes(n)) this.top = tops.indexOf(n) + 1;
      this.section(n);
    }
    flush();
  }

  private section(s: Section): void {
    if (s.kind === 'announced') return this.announced(s);
    const badge = s.level === 1 && (s.kind === 'numbered' || s.kind === 'ordinal') ? badgeText(s) : undefined;
    const title = this.title(s.heading);
    const kids = sectionsOf(s.children);
    const own = [s.lead, ...s.children.filter((c): c is Paragraph & { type: 'paragraph' } => c.type === 'paragraph' && s.children.indexOf(c) < (kids[0] ? s.children.indexOf(kids[0]) : Infinity))];
    // An own-line heading's paragraph is the heading itself: it gives no bullet.
    const ownItems = this.itemsOf(own, s.lead).filter((i) => i.text !== s.heading && i.text !== title && !i.text.startsWith(s.heading));
    const g = `sec-${s.lead.source.startLine}`;
    if (!kids.length) {
      this.points({ title, badge, subtitle: s.summary ? keyPhrase(s.summary, this.lang, 30) : undefined }, own, ownItems, g);
      return;
    }
    // Short parallel subsections read best side by side: one card each.
    const asCards = kids.length >= 2 && kids.length <= 6 && kids.every((c) => !sectionsOf(c.children).length && sentenceCount(c) <= 4);
    if (s.level === 1 && s.kind === 'numbered') {
      // A divider with the number and heading. Its notes: the heading line; or
      // nothing, when the heading opens a paragraph whose rest goes on a points
      // slide after it; or all the section's own text, when nothing else shows it.
      const rest = own.slice(1);
      const onPoints = !asCards && ownItems.length > 0;
      const dividerNotes = onPoints ? (s.inline ? [] : [s.lead]) : asCards ? [s.lead] : own;
      this.push({ layout: 'section', title, badge, items: [], notes: dividerNotes.map((p) => p.text), source: { ...s.lead.source }, group: g });
      if (asCards) return this.cards(s, title, badge, rest, false);
      if (onPoints) this.points({ title, badge }, s.inline ? own : rest, s.inline ? ownItems : this.itemsOf(rest), g + '-body');
      this.nodes(s.children.slice(s.children.indexOf(kids[0]!)), { title, badge });
      return;
    }
    if (asCards) {
      this.cards(s, title, badge, own, true);
      return;
    }
    if (ownItems.length) this.points({ title, badge }, own, ownItems, g);
    else {
      // Nothing to show but the heading: its paragraphs go with the first subsection's slide.
      this.pendingNotes.push(...own);
    }
    this.nodes(s.children.slice(s.children.indexOf(kids[0]!)), { title, badge });
  }

  /**
   * Overview cards for short subsections; `intro` paragraphs give the subtitle.
   * The notes hold every paragraph under the section, in order (those between and
   * after the subsections too), and its lead unless a divider already has it.
   */
  private cards(s: Section, title: string, badge: string | undefined, intro: Paragraph[], withLead: boolean): void {
    const kids = sectionsOf(s.children);
    const cards = kids.map((c) => {
      const rest = sentences(c.lead.text).slice(c.inline ? 1 : 0);
      const more = c.children.filter((x): x is Paragraph & { type: 'paragraph' } => x.type === 'paragraph');
      const text = rest[0] ?? (more[0] ? sentences(more[0].text)[0] : '');
      return { head: this.title(c.heading), text: text ? keyPhrase(text, this.lang, 30) : '' };
    });
    const introText = intro.find((p) => p !== s.lead || !s.inline);
    const subtitleSource = s.lead === intro[0] && s.inline ? sentences(s.lead.text)[1] : introText ? sentences(introText.text)[0] : undefined;
    const paras: Paragraph[] = [...(withLead ? [s.lead] : []), ...paragraphsUnder(s.children)];
    this.overview({
      title,
      subtitle: subtitleSource ? keyPhrase(subtitleSource, this.lang, 30) : undefined,
      badge,
      cards,
      notes: paras.map((p) => p.text),
      source: range(paras),
      group: `cards-${s.lead.source.startLine}`,
    });
  }

  /**
   * An announced list: what the paragraph says before the announcement as points,
   * then the list as cards, then a slide per item the speech takes up.
   */
  private announced(s: Section): void {
    const ann = findAnnouncement(s.lead.text)!;
    const ss = sentences(s.lead.text);
    const at = ss.findIndex((x) => x.includes(ann.pre));
    const before = ss.slice(0, Math.max(0, at)).join('');
    let leadUsed = false;
    if (before && displayWidth(before) > 20) {
      const phrases = paragraphPhrases(before, this.lang, 4);
      const first = stripOpeners(stripEnd(sentences(before)[0]!), this.lang);
      const head = clauses(first).find((c) => displayWidth(c) >= 6) ?? first;
      this.points({ title: this.title(head) }, [s.lead], phrases.filter((x) => x !== head).map((text) => ({ text, para: 0 })), `ann-pre-${s.lead.source.startLine}`);
      leadUsed = true;
    }
    const cards = (s.list ?? []).map((it) => ({ head: it.head, text: it.summary ? keyPhrase(it.summary, this.lang, 30) : '' }));
    this.overview({
      title: this.title(s.heading),
      subtitle: s.context,
      cards,
      notes: leadUsed ? [] : [s.lead.text],
      source: { ...s.lead.source },
      group: `ann-${s.lead.source.startLine}`,
    });
    for (const item of sectionsOf(s.children)) this.section(item);
  }

  private closing(): void {
    const all = this.speech.closing;
    const texts = all.map((p) => p.text);
    // A signature (date, speaker) at the end is in the notes, not the closing words.
    const paras = all.filter((p) => !parseDateLine(p.text) && !(displayWidth(p.text) <= 24 && !/[，。！？,.!?]/.test(p.text)));
    let title: string = this.words.closing;
    const wish = texts.flatMap((t) => sentences(t)).find((x) => /^(?:最后[，,])?(?:衷心|再次)?(?:预祝|祝愿|祝福|祝)|^(?:I wish|wishing)/i.test(x));
    if (wish) title = keyPhrase(wish, this.lang, 20);
    else if (paras.length) {
      const last = sentences(paras[paras.length - 1]!.text).filter((x) => !/^(?:谢谢|感谢|thank)/i.test(x)).pop();
      if (last) {
        const cs = clauses(stripOpeners(stripEnd(last), this.lang));
        const tail = cs[cs.length - 1] ?? '';
        title = displayWidth(tail) >= 5 && displayWidth(tail) <= 20 ? tail.replace(/^让我们/, '') : keyPhrase(last, this.lang, 20);
      }
    }
    if (this.lang === 'en') title = capitalise(title);
    this.push({
      layout: 'closing',
      title: stripEnd(title),
      items: [],
      notes: texts,
      source: range(all),
      group: 'closing',
    });
  }

  plan(): Slide[] {
    this.titleSlide();
    this.nodes(this.speech.body, { title: this.words.intro }, true);
    this.top = 0;
    this.closing();
    return this.slides;
  }
}

/** A section's number as a badge: 一, 二 / 1, 2 (brackets dropped); 第一 → 一; First → 1. */
function badgeText(s: Section): string {
  if (s.kind === 'ordinal') return /^[a-z]/i.test(s.number) ? String(s.ordinal) : chineseNumeral(s.ordinal);
  return s.number.replace(/[（()）]/g, '');
}

/** 1 → 一, 10 → 十, 11 → 十一, 25 → 二十五, 99 → 九十九; past that, digits. */
export function chineseNumeral(n: number): string {
  const d = '一二三四五六七八九';
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return d[n - 1]!;
  const tens = Math.floor(n / 10);
  return (tens > 1 ? d[tens - 1]! : '') + '十' + (n % 10 ? d[(n % 10) - 1]! : '');
}

/** Every paragraph in a node list, subsections' leads and paragraphs included, in order. */
function paragraphsUnder(nodes: Node[]): Paragraph[] {
  return nodes.flatMap((n) => (n.type === 'paragraph' ? [n] : [n.lead, ...paragraphsUnder(n.children)]));
}

function outlineOf(nodes: Node[]): OutlineNode[] {
  return sectionsOf(nodes).map((s) => ({
    kind: s.kind,
    level: s.level,
    number: s.number,
    heading: s.heading,
    source: s.source,
    children: outlineOf(s.children),
  }));
}

/**
 * A quotation's lines (one clause each) over slides of at most `rows` lines, a
 * line being about `QUOTE_EM` em of the quote's type. A quote that fits keeps a
 * line per clause; a longer one runs its clauses together within a sentence, and
 * a clause longer than a slide is cut between words or characters. Every
 * character of the quote is kept, in order.
 */
export function quotePages(lines: string[], rows: number, lang: Lang): string[][] {
  const perLine = lang === 'zh' ? QUOTE_EM : QUOTE_EM * 1.6;
  const rowsOf = (t: string) => Math.max(1, Math.ceil(displayWidth(t) / perLine));
  const max = Math.max(1, rows);
  if (lines.reduce((n, l) => n + rowsOf(l), 0) <= max) return [lines];
  // Pieces no taller than a slide: clauses, and a clause too long for one cut up.
  const room = max * perLine;
  const pieces: string[] = [];
  for (const l of lines.flatMap((x) => x.match(/[^，、：；,;:]+[，、：；,;:]*\s*|[，、：；,;:]+\s*/g) ?? [x])) {
    let rest = l;
    while (displayWidth(rest) > room) {
      let head = '';
      for (const ch of rest) {
        if (displayWidth(head + ch) > room) break;
        head += ch;
      }
      const sp = head.lastIndexOf(' ');
      if (sp > head.length / 2) head = head.slice(0, sp + 1);
      pieces.push(head);
      rest = rest.slice(head.length);
    }
    if (rest) pieces.push(rest);
  }
  const pack = (max: number) => {
    const pages: string[][] = [[]];
    let used = 0;
    let open = false;
    for (const piece of pieces) {
      const page = pages[pages.length - 1]!;
      const last = page[page.length - 1];
      const joined = open && last !== undefined ? last + piece : null;
      const cost = joined !== null ? rowsOf(joined) - rowsOf(last!) : rowsOf(piece);
      if (page.length && used + cost > max) {
        pages.push([piece.trimStart()]);
        used = rowsOf(piece);
      } else if (joined !== null) {
        page[page.length - 1] = joined;
        used += cost;
      } else {
        page.push(piece.trimStart());
        used += cost;
      }
      // A sentence ends the paragraph; the next clause starts a new line.
      open = !/[。！？；.!?;]["”’」]?\s*$/.test(piece);
    }
    return pages;
  };
  // As few slides as the room allows, then filled evenly (no last slide with one line).
  const pages = pack(max);
  let best = pages;
  for (let m = max - 1; m >= 1; m--) {
    const p = pack(m);
    if (p.length > pages.length) break;
    best = p;
  }
  return best;
}

/** About how many em of the quote's type one line holds. */
const QUOTE_EM = 24;

export function planDeck(speech: Speech, opts: PlanOptions = DEFAULT_PLAN): Deck {
  const slides = new Planner(speech, opts).plan();
  return { meta: { ...speech.meta }, outline: outlineOf(speech.body), slides };
}
