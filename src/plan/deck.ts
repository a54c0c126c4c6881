// Plan stage: speech tree → slide model. Pure; the fit loop calls it again with
// tighter limits for the groups whose slides did not fit.
import type { Card, Deck, Lang, Layout, Node, OutlineNode, Paragraph, PlanOptions, Section, Slide, SlideBase, SlideOf, Speech } from '../types.js';
import { capitalise, chinesePunctuation, clauseParts, displayWidth, hasCjk, joinParts, sentences, speakingSeconds, stripEnd, clauses } from '../lang/text.js';
import { endsHanging } from '../lang/segment.js';
import { bulletLimit, hardLimit, findSaying, findQuotes, findFigures, figureSpans, keyPhrase, nextPhrase, type Figure, sentencePhrases, sentenceSpans, stripOpeners, weight, type Quote } from './condense.js';
import { concreteness, concretenessBeyondContext, contentOf, isFiller, rules } from '../lang/rules.js';
import { allParagraphs, sectionsOf } from '../tree.js';
import { notesByParagraph } from './stream.js';

export const DEFAULT_PLAN: PlanOptions = { maxItems: 5, maxItemChars: 34 };

const WORDS = {
  zh: { intro: '开场', agenda: '目录', closing: '谢谢', continued: '（续）', more: '要点', conclusion: '结语' },
  en: { intro: 'Introduction', agenda: 'Agenda', closing: 'Thank you', continued: ' (cont.)', more: 'Key points', conclusion: 'Looking ahead' },
};

/** Widest slide title, in em, before it is cut to its lead clause (two lines at title size). */
const TITLE_LIMIT = 26;
const TITLE_LIMIT_EN = 48;

/** Widest kicker that stays on one line above the title, in em (28px text). */
const KICKER_MAX = 30;

/** How many times a title slide's title can be shortened (100, 64, 40 em). */
const TITLE_STEPS = 3;

/**
 * What the fit loop lowers when a slide does not fit, as the planner first used
 * it: points, agenda and statement slides their item count, overview slides
 * their cards, a quote its lines a slide, a title slide its title's length (in
 * steps); null for a slide that cannot be cut (divider, figure, closing).
 */
export function cutLimit(slide: Slide): number | null {
  if (cutByItems(slide.layout)) return DEFAULT_PLAN.maxItems;
  switch (slide.layout) {
    case 'overview':
      // Subsection cards take one step before they split: one point each (see cards()).
      // (Two steps: one point each, then one shorter point each.)
      // (An announced list's cards with a point under their summary: one step, the points go.)
      return Math.min(MAX_CARDS, slide.cards.length) + (slide.group.startsWith('cards-') && slide.cards.length <= 4 && !slide.continued ? 2 : 0) + (slide.group.startsWith('ann-') && slide.cards.some((c) => c.text.includes('\n')) && !slide.continued ? 1 : 0);
    case 'quote':
      return QUOTE_ROWS;
    case 'figure':
      // Too tall for its slide (a narrow 4:3 slide, a long title above): first the line
      // under the figures goes (it is in the notes), then the fourth figure (three in a row).
      return FIGURE_STEPS;
    case 'title':
      return TITLE_STEPS;
    default:
      return null;
  }
}

/** The shortest speech that gets an agenda slide, in seconds spoken. */
const AGENDA_MIN_SECONDS = 210;
/** The agenda's line of tasks (会议任务：……), at most two lines under its title. */
const AGENDA_LEDE_MAX = 64;

/** Layouts cut by their number of items (bullets, agenda entries); the rest by cards, lines or length. */
export function cutByItems(layout: Slide['layout']): boolean {
  return layout === 'points' || layout === 'agenda' || layout === 'statement';
}

/** A figure slide's steps before it cannot be cut further: all, without its coda, three figures in a row. */
const FIGURE_STEPS = 3;

/** Most cards on one overview slide (three columns, two rows). */
const MAX_CARDS = 6;
/** A sentence that opens by pointing back at the one before: no title alone. */
const LEANS_BACK: Record<Lang, RegExp> = { zh: /^(?:这|那|其|它|他|她)/, en: /^(?:that|this|these|those|such|it)\b/i };
/** A subsection of at most this many sentences reads as a card beside its siblings. */
const CARD_SENTENCES = 4;
/** Subsections that say this many clauses each, on average, are a slide each, not cards. */
const CARD_CLAUSES = 5.5;
/** Lines of a quotation's type one slide holds (the fit loop may lower it per quote). */
export const QUOTE_ROWS = 6;

interface Item {
  text: string;
  /** Index into the paragraph list of the group this item came from. */
  para: number;
  /** Index of the sentence within that paragraph that the item shows. */
  sent: number;
}

/**
 * A slide before the deck numbers it: while planning, any layout's fields may be
 * set; `shape` keeps only the ones its layout has (see LAYOUT_FIELDS).
 */
export type Draft = Omit<SlideBase, 'id' | 'section'> & {
  layout: Layout;
  section?: number;
  subtitle?: string;
  lead?: string;
  coda?: string;
  callout?: string;
  calloutBy?: string;
  calloutFirst?: boolean;
  cards?: Card[];
  marks?: string[];
  start?: number;
};

/** The fields each layout has beyond those every slide has: what it draws. */
const LAYOUT_FIELDS: { [L in Layout]: ReadonlyArray<Exclude<keyof SlideOf<L>, keyof SlideBase | 'layout'>> } = {
  title: ['subtitle'],
  agenda: ['subtitle', 'marks', 'start'],
  section: ['subtitle'],
  overview: ['subtitle', 'cards'],
  points: ['subtitle', 'callout', 'calloutBy', 'calloutFirst'],
  statement: ['subtitle', 'callout'],
  quote: ['subtitle', 'lead', 'coda'],
  figure: ['subtitle', 'cards', 'coda'],
  closing: ['subtitle'],
};
const BASE_FIELDS: ReadonlyArray<keyof SlideBase> = ['id', 'title', 'items', 'notes', 'source', 'badge', 'section', 'continued', 'kicker', 'group'];

/** Every slide field, in the order deck.json lists them (the same however the slide was made). */
const FIELD_ORDER = ['id', 'layout', 'title', 'subtitle', 'kicker', 'badge', 'section', 'continued', 'items', 'cards', 'callout', 'calloutBy', 'calloutFirst', 'lead', 'coda', 'marks', 'start', 'notes', 'source', 'group'] as const;

/** A draft (from the planner or an edited outline) as the slide of its layout: its own fields, none unset, in FIELD_ORDER. */
export function shape(d: Draft, id: string, section: number | undefined): Slide {
  const keep = new Set<string>(['layout', ...BASE_FIELDS, ...LAYOUT_FIELDS[d.layout]]);
  const all: Record<string, unknown> = { ...d, id, section };
  if ((d.layout === 'overview' || d.layout === 'figure') && !all.cards) all.cards = [];
  // What the slide shows in Chinese punctuation (the notes as written).
  const p = chinesePunctuation;
  for (const k of ['title', 'subtitle', 'kicker', 'badge', 'callout', 'calloutBy', 'lead', 'coda'] as const) if (typeof all[k] === 'string') all[k] = p(all[k] as string);
  all.items = d.items.map(p);
  if (Array.isArray(all.cards)) all.cards = (all.cards as Card[]).map((c) => ({ ...c, head: p(c.head), text: p(c.text) }));
  return Object.fromEntries(FIELD_ORDER.filter((k) => keep.has(k) && all[k] !== undefined).map((k) => [k, all[k]])) as unknown as Slide;
}

/** The fields a slide of `layout` may have beyond those every slide has. */
export function layoutFields(layout: Layout): readonly string[] {
  return LAYOUT_FIELDS[layout];
}

/** A paragraph's text cut at sentence boundaries, to hand out among slides. */
interface Piece {
  para: number;
  sent: number;
  text: string;
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
  /** Whether an agenda comes (two or more top-level parts). */
  private agendaAhead = false;
  /** The numbered parts (一, （一）) the slides being made belong to: named above their titles. */
  private path: Array<{ title: string; name: string; mark: string }> = [];
  /** That part's line with facts of its own: the lede of the slide the kicker goes on. */
  private pendingLede: string | null = null;
  /** A line for the agenda: a purpose too thin for a slide of its own. */
  private agendaLede: string | null = null;

  constructor(private readonly speech: Speech, private readonly opts: PlanOptions) {
    this.lang = speech.meta.lang;
  }

  private get words() {
    return WORDS[this.lang];
  }

  private limitFor(group: string): number {
    return Math.max(1, Math.min(this.opts.maxItems, this.opts.tighten?.[group] ?? this.opts.maxItems));
  }

  private push(s: Draft): void {
    // Every slide of a numbered part names the parts it is in above its title (一、……
    // （一）……), but for the part's own slides; a part with a slide of its own says so
    // by its title and badge.
    if (KICKED.has(s.layout)) {
      const own = s.title.replace(this.words.continued, '');
      // (Its own slides include those titled after it: 工业经济稳中有进：主要做法.)
      const at = this.path.findIndex((e) => own.startsWith(e.title));
      const within = at >= 0 ? this.path.slice(0, at) : this.path;
      // (Too long for one line, the outer parts are named by their numbers: 一、（二）从财政事业的发展历程中感悟初心使命.)
      const full = within.map((e) => e.name);
      const marks = within.slice(0, -1).map((e) => e.mark).join(this.lang === 'zh' ? '' : ' ');
      const names = displayWidth(full.join('　')) > KICKER_MAX ? [`${marks}${this.lang === 'zh' ? '' : ' '}${within.at(-1)!.name}`] : full;
      const lede = this.pendingLede && !s.subtitle && s.layout !== 'statement' ? { subtitle: this.pendingLede } : {};
      if (names.length) s = { ...s, kicker: names.join(this.lang === 'zh' ? '　' : ' · '), ...lede };
      // (A slide titled by its own point, 数字背后，是一个又一个感人的故事, inside （二）: the kicker
      // names （二）; its badge would present the slide as （二） itself.)
      if (at < 0 && s.badge && within.at(-1)?.name.startsWith(s.badge)) s = { ...s, badge: undefined };
      this.pendingLede = null;
    }
    if (this.pendingNotes.length) {
      // The pending paragraphs come first; the source spans them and the slide's own notes.
      const before = this.pendingNotes;
      this.pendingNotes = [];
      const own = s.notes.length ? [{ text: '', source: s.source }] : [];
      s = { ...s, notes: [...before.map((p) => p.text), ...s.notes], source: range([...before, ...own]) };
    }
    this.slides.push(shape(s, `s${this.slides.length + 1}`, s.section ?? (this.top || undefined)));
  }

  private get titleLimit(): number {
    return this.lang === 'zh' ? TITLE_LIMIT : TITLE_LIMIT_EN;
  }

  private title(text: string): string {
    const t = stripEnd(text);
    return displayWidth(t) <= this.titleLimit ? t : keyPhrase(t, this.lang, this.titleLimit, this.titleLimit);
  }

  /**
   * Slides for a run of paragraphs, in the order the speech says things: points
   * slides (items at most `limit` a slide, continued （续）), and where a
   * paragraph quotes a poem or is built around figures, a quote or figure slide
   * at that very place. Every sentence goes into the notes of the slide that
   * shows it, or of the slide before when it shows nothing (a paragraph spread
   * over several slides is cut between sentences), so that each slide carries
   * the script of what it shows and the notes still read as the manuscript.
   */
  private points(base: Base, paras: Paragraph[], items: Item[], group: string): void {
    const limit = this.limitFor(group);
    // The first saying becomes the callout, on the slide that shows that paragraph.
    // A saying that is also set off as a quotation gets the quote slide, not a callout too.
    const sayings = paras.map((p) => (this.setOffIn(p).quotes.length ? null : findSaying(p.text)));
    let calloutPara = sayings.findIndex(Boolean);
    let callout = sayings[calloutPara] ?? undefined;
    let calloutBy: string | undefined;
    // (The sentence it is said in: before the slide's first bullet, it is shown above them.)
    let calloutSent = callout ? Math.max(0, sentenceSpans(paras[calloutPara]!.text).findIndex((sp) => sp.text.includes(callout!.slice(0, 4)))) : 0;
    // Where the paragraph is set off: a quotation (its sentence) or figures (their sentences).
    type Special = { kind: 'quote' | 'figure'; para: number; from: number; to: number; quote?: Quote };
    const specials: Special[] = [];
    const order = (a: { para: number; sent: number }) => a.para * 100000 + a.sent;
    paras.forEach((p, pi) => {
      const { quotes, figures } = this.setOffIn(p);
      for (const q of quotes) {
        // A short quotation in the middle of a passage (……。范仲淹说：“先天下之忧而忧，
        // 后天下之乐而乐。”……) is said beside the points, as the callout with its author:
        // not a slide that cuts the passage in two (points, quote, points（续）).
        const short = q.quote.lines.length <= 2 && displayWidth(q.quote.lines.join('')) <= (this.lang === 'zh' ? 24 : 60);
        const here = order({ para: pi, sent: q.sent });
        // (One sentence after it that makes its point, and no more, is the quote slide's coda.)
        const after = items.filter((it) => order(it) > here);
        const goesOn = after.length > 1 || (after.length === 1 && (after[0]!.para !== pi || after[0]!.sent > q.sent + 1));
        if (!callout && short && items.some((it) => order(it) < here) && goesOn) {
          callout = stripEnd(q.quote.lines.join(this.lang === 'zh' ? '' : ' '));
          calloutBy = q.quote.attribution || undefined;
          calloutPara = pi;
          calloutSent = q.sent;
          continue;
        }
        specials.push({ kind: 'quote', para: pi, from: q.sent, to: q.sent, quote: q.quote });
      }
      for (const f of figures) specials.push({ kind: 'figure', para: pi, from: f.from, to: f.to });
    });
    const inSpecial = (pi: number, si: number) => specials.find((x) => x.para === pi && si >= x.from && si <= x.to);
    const shown = items.filter((it) => !inSpecial(it.para, it.sent));
    // Segments of items between the special slides, in speech order.
    const pieces: Piece[] = paras.flatMap((p, pi) => sentenceSpans(p.text).map((sp, si) => ({ para: pi, sent: si, text: sp.text })));
    /** The sentence an item was cut from. */
    const sentenceOf = (it: Item) => pieces.find((pc) => pc.para === it.para && pc.sent === it.sent)?.text ?? '';
    type Stop = { kind: 'items'; items: Item[] } | { kind: 'special'; special: Special };
    const stops: Stop[] = [];
    const sortedSpecials = [...specials].sort((a, b) => order({ para: a.para, sent: a.from }) - order({ para: b.para, sent: b.from }));
    let rest = [...shown].sort((a, b) => order(a) - order(b));
    for (const sp of sortedSpecials) {
      const before = rest.filter((it) => order(it) < order({ para: sp.para, sent: sp.from }));
      if (before.length) stops.push({ kind: 'items', items: before });
      rest = rest.filter((it) => !before.includes(it));
      stops.push({ kind: 'special', special: sp });
    }
    if (rest.length || !stops.length) stops.push({ kind: 'items', items: rest });
    // Items in speech order (a sentence's own items in the order given).
    for (const st of stops) if (st.kind === 'items') st.items.sort((a, b) => order(a) - order(b) || items.indexOf(a) - items.indexOf(b));

    // One short sentence just before a figure or quote slide of the same paragraph
    // (2024年，全县安全生产形势总体稳定。全年共发生……) goes on that slide: the line
    // under its figures, the words that lead into the quotation. One just after a
    // quotation, with nothing more to show before the next special slide (只要我们……，
    // 就一定能够……), is the point it makes, under it. Not a near-empty slide each.
    const captionOf = new Map<number, Item>();
    const codaOf = new Map<number, Item>();
    // (Not the callout's one stop: the callout is shown where its paragraph is.)
    const calloutStop = (st: Stop) => !!callout && !stops.some((o) => o !== st && o.kind === 'items' && o.items.some((it) => it.para === calloutPara));
    const alone = (st: Stop | undefined, most: number): Item | null =>
      st?.kind === 'items' && st.items.length === 1 && displayWidth(st.items[0]!.text) <= most && !(calloutStop(st) && st.items[0]!.para === calloutPara) ? st.items[0]! : null;
    stops.forEach((st, k) => {
      if (st.kind !== 'special') return;
      const sp = st.special;
      const before = alone(stops[k - 1], 40);
      if (before && before.para === sp.para && before.sent === sp.from - 1) captionOf.set(k, before);
      // (Its own paragraph's next sentence, or the next paragraph's first: 这首诗我们从小就会背，但……)
      // A figure slide's coda ends the passage: the one thing said after its figures (今年要在此基础上……).
      // (Two short sentences that end the passage after a quotation make one point too:
      // 作风问题具有顽固性和反复性……；我们决不能……盲目乐观.)
      const pair = (st: Stop | undefined): Item | null => {
        if (sp.kind !== 'quote' || k === 0 || st?.kind !== 'items' || st.items.length !== 2 || k + 2 !== stops.length) return null;
        const [a, b] = st.items as [Item, Item];
        const text = `${a.text}${this.lang === 'zh' ? '；' : '; '}${b.text}`;
        const apart = b.para === a.para ? b.sent === a.sent + 1 : b.para === a.para + 1 && b.sent === 0;
        const whole = (it: Item) => stripEnd(stripOpeners(sentenceOf(it), this.lang)) === it.text;
        return apart && a.sent !== b.sent && whole(a) && whole(b) && displayWidth(text) <= 88 && !(calloutStop(st) && st.items.some((it) => it.para === calloutPara)) ? { ...b, text } : null;
      };
      const after = alone(stops[k + 1], sp.kind === 'quote' ? 72 : 64) ?? pair(stops[k + 1]);
      const first = after && stops[k + 1]?.kind === 'items' ? (stops[k + 1] as { items: Item[] }).items[0]! : after;
      const next = after && first && ((first.para === sp.para && first.sent > sp.to) || (first.para === sp.para + 1 && first.sent <= 1));
      const ends = sp.kind === 'quote' ? stops[k + 2]?.kind !== 'items' && !captionOf.has(k + 2) : k + 2 === stops.length;
      if (after && next && ends) codaOf.set(k, after);
    });
    const absorbed = (k: number) => captionOf.has(k + 1) || codaOf.has(k - 1);
    // A short quotation that opens a passage going on with points (The writer Borges
    // once said: "…" / 梁启超说：“……”) is said under the passage's title, as its
    // callout with its author: not a slide before the title.
    const first = stops[0];
    const openingQuote =
      !callout && first?.kind === 'special' && first.special.kind === 'quote' && !codaOf.has(0) && stops[1]?.kind === 'items' && stops[1].items.length > 0 && first.special.quote!.lines.length <= 3 && displayWidth(first.special.quote!.lines.join('')) <= (this.lang === 'zh' ? 44 : 110);
    if (openingQuote) {
      const q = first.special.quote!;
      callout = stripEnd(q.lines.join(this.lang === 'zh' ? '' : ' '));
      calloutBy = q.attribution || undefined;
      calloutPara = -1;
    }
    const made: Array<{ slide: Draft; owns: (pc: Piece) => boolean; chunk?: Item[] }> = [];
    let continued = 0;
    const titleFor = () => (continued++ === 0 ? base.title : base.title + this.words.continued);
    stops.forEach((st, k) => {
      if (st.kind === 'special') {
        if (k === 0 && openingQuote) return;
        const sp = st.special;
        const p = paras[sp.para]!;
        const caption = captionOf.get(k);
        const coda = codaOf.get(k);
        const from = caption ? sp.from - 1 : sp.from;
        const owns = (pc: Piece) => pc.para === sp.para && pc.sent >= from && pc.sent <= sp.to;
        // (The sentences after it up to its coda are said while it is shown.)
        const inCoda = (pc: Piece) => !!coda && order(pc) > order({ para: sp.para, sent: sp.to }) && order(pc) <= order(coda);
        if (sp.kind === 'figure') {
          const slide = this.figureSlide(p, base, sentenceSpans(p.text).slice(sp.from, sp.to + 1).map((x) => x.text).join(''));
          // (What the figures add up to, said after them, says more than the line before them:
          // 未发生较大以上事故，连续六年“双下降” over 形势总体稳定.)
          // (A short one, 低于全国控制标准, leans on the figures: the line before says more.)
          if (slide && caption && (!slide.subtitle || displayWidth(slide.subtitle) < displayWidth(caption.text))) slide.subtitle = caption.text;
          // (Tightened by the fit loop: without the coda, then three figures at most; the notes keep all.)
          const step = (slide && this.opts.tighten?.[slide.group]) ?? FIGURE_STEPS;
          if (slide && coda && step >= FIGURE_STEPS) slide.coda = coda.text;
          if (slide?.cards && step < FIGURE_STEPS - 1 && slide.cards.length > 3) {
            slide.cards = slide.cards.slice(0, 3);
            slide.items = slide.cards.flatMap((c) => [c.head, c.text]);
          }
          if (slide) made.push({ slide, owns: (pc) => owns(pc) || inCoda(pc) });
        } else {
          // A quotation over several slides: its sentence is cut where each slide's lines begin.
          const slides = this.quoteSlides(p, base, sp.quote!);
          for (const [i, slide] of slides.entries()) {
            const last = i === slides.length - 1;
            if (i === 0 && caption) slide.lead = caption.text;
            // A quote slide shows no title: opening its passage, it says what the passage is about above the quotation.
            // (Not a title taken from the reply to it: `…sailor." She was right, of course.`)
            else if (i === 0 && !made.length && !(p.text.indexOf(base.title) > sentenceSpans(p.text)[sp.to]!.start)) slide.lead = base.title;
            if (last && coda) slide.coda = coda.text;
            const mine = (pc: Piece) => (i === 0 && owns(pc)) || (last && inCoda(pc));
            made.push({ slide, owns: mine, chunk: [{ text: slide.items[0] ?? '', para: sp.para, sent: sp.from }] });
          }
        }
        return;
      }
      if (absorbed(k)) return;
      const g = k === 0 || !made.length ? group : `${group}~${k}`;
      const hasCallout = !!callout && (st.items.some((it) => it.para === calloutPara) || (!!openingQuote && !made.length));
      if (!st.items.length && !(callout && k === 0)) return;
      // One slight sentence left after a quote or figure slide is not a slide of its
      // own: it stays in that slide's notes.
      // So do two slight ones that would make a thin （续） slide.
      const lone = st.items.length <= 2 && k > 0 && stops[k - 1]!.kind === 'special' && !hasCallout;
      const slight = (it: Item) => weight(sentenceOf(it)) < (st.items.length === 1 ? 2 : 1);
      if (lone && st.items.every(slight)) return;
      // So does one general line alone before a figure slide (榜样是看得见的哲理，典型是立起来的标杆
      // before the figures of 刘慧敏、宋一帆): it goes in the figure slide's notes.
      const next = stops[k + 1];
      const leadsIn = st.items.length === 1 && next?.kind === 'special' && next.special.kind === 'figure' && !hasCallout;
      if (leadsIn && slight(st.items[0]!) && concreteness(st.items[0]!.text, this.lang) === 0) return;
      const lim = g === group ? limit : this.limitFor(g);
      let chunks = this.chunk(st.items, g, lim, hasCallout);
      if (!base.layout) chunks = this.fill(this.shed(st.items, chunks, g, lim, hasCallout, sentenceOf), g, lim, hasCallout, sentenceOf);
      chunks.forEach((chunk) => {
        const calloutHere = callout && (chunk.some((it) => it.para === calloutPara) || (!st.items.length && k === 0) || (!!openingQuote && !made.length)) && !made.some((m) => m.slide.callout);
        made.push({
          slide: {
            // One point alone reads as a statement, large, not as a lone bullet on an empty slide.
            // (A passage cut over several slides keeps one look: a last single point is a bullet too.)
            layout: base.layout ?? (chunk.length > 1 || calloutHere || chunks.length > 1 ? 'points' : 'statement'),
            start: base.layout === 'agenda' ? items.indexOf(chunk[0]!) + 1 : undefined,
            title: titleFor(),
            subtitle: continued === 1 ? base.subtitle : undefined,
            badge: base.badge,
            section: base.section,
            items: chunk.map((c) => c.text),
            callout: calloutHere ? callout : undefined,
            calloutBy: calloutHere ? calloutBy : undefined,
            calloutFirst: calloutHere && (calloutPara < 0 || order({ para: calloutPara, sent: calloutSent }) < order(chunk[0] ?? { para: Infinity, sent: 0 })) ? true : undefined,
            notes: [],
            source: range(paras),
            continued: continued > 1 || undefined,
            group: g,
          },
          owns: (pc) => chunk.some((it) => it.para === pc.para && it.sent === pc.sent),
          chunk,
        });
      });
    });
    if (callout && !made.some((m) => m.slide.callout)) {
      // The bullets beside which it is said stayed in the notes: the callout goes on the
      // points slide nearest to where it is said, never lost.
      const near = made
        .filter((m) => (m.slide.layout === 'points' || m.slide.layout === 'statement') && m.chunk?.length)
        .sort((a, b) => Math.min(...a.chunk!.map((it) => Math.abs(it.para - calloutPara))) - Math.min(...b.chunk!.map((it) => Math.abs(it.para - calloutPara))))[0];
      if (near) Object.assign(near.slide, { layout: 'points', callout, calloutBy });
    }
    if (!made.length) {
      // Nothing here to show (procedural sentences only): the words go with the next slide.
      this.pendingNotes.push(...paras);
      return;
    }
    // A sentence whose items go on over two slides (a long parallel run) is cut
    // where the later slide's first item begins, so each slide has its part.
    const split: Array<Piece & { at?: number }> = [];
    for (const pc of pieces) {
      const cuts: Array<{ pos: number; slide: number }> = [];
      made.forEach((m, mi) => {
        const first = m.chunk?.find((it) => it.para === pc.para && it.sent === pc.sent);
        if (!first) return;
        const pos = pc.text.indexOf(first.text);
        if (cuts.length && pos > cuts[cuts.length - 1]!.pos) cuts.push({ pos, slide: mi });
        else if (!cuts.length) cuts.push({ pos: 0, slide: mi });
      });
      if (cuts.length <= 1) split.push({ ...pc, at: cuts[0]?.slide });
      // (The first cut is always at 0, so the pieces spell the sentence.)
      else cuts.forEach((c, k) => split.push({ ...pc, text: pc.text.slice(c.pos, cuts[k + 1]?.pos ?? pc.text.length), at: c.slide }));
    }
    // Each sentence to the slide that shows it, else to the slide before it.
    const owner: number[] = [];
    let cur = 0;
    split.forEach((pc, i) => {
      const m = pc.at ?? made.findIndex((x) => x.owns(pc));
      // Never back to an earlier slide: the notes read in the speech's order.
      if (m >= 0) cur = Math.max(cur, m);
      owner[i] = cur;
    });
    // The passage's title shown a second time (a figure slide after its points) reads
    // as going on: （续）, as continued points do. (A quote slide shows no title.)
    // A later slide that opens a paragraph of its own whose first words say its point
    // (……我们市财政局成立于1949年11月……) is titled by them, not as the passage（续）.
    let titled = false;
    made.forEach((m, mi) => {
      if (m.slide.layout === 'quote') return;
      // (Its paragraph: the one its first bullet or figures come from.)
      const pi = m.chunk?.[0]?.para ?? pieces.find((pc) => m.owns(pc))?.para;
      const opens = mi > 0 && pi !== undefined && pi > 0 && !base.layout && !made.slice(0, mi).some((x) => x.chunk?.some((it) => it.para === pi) || pieces.some((pc) => pc.para === pi && x.owns(pc)));
      const own = opens ? this.leadTitle(paras[pi]!) : null;
      const shown = (t: string) => made.slice(0, mi + 1).some((x) => x.slide.items.includes(t) || x.slide.subtitle === t || x.slide.title === t);
      // Else what its paragraph is about, when the language names it (调研情况, 存在的问题).
      const used = (t: string) => shown(t) || this.slides.some((x) => x.title === t);
      // (Judged by the sentences the slide itself shows and says.)
      const said = pieces.filter((pc) => m.owns(pc)).map((pc) => pc.text).join('');
      // (Not a list going on: 会议任务's tasks, a run cut from one sentence.)
      const goesOn = !!m.chunk?.length && made.slice(0, mi).some((x) => x.chunk?.some((it) => it.para === m.chunk![0]!.para && it.sent === m.chunk![0]!.sent));
      // (Or by the first words of the paragraph it opens, when they say what follows.)
      const topic = mi > 0 && !base.layout && !goesOn && said ? (this.topicTitle([{ text: said, source: paras[0]!.source }], 1) ?? (opens ? this.topicTitle([paras[pi]!], 1, true) : null)) : null;
      // Else, three or more measures in a row (推进项目建设，……/ 推动企业技改，……/ 优化企业服务，……):
      // what was done (主要做法), or what is to be done (重点举措).
      const measures = m.slide.layout === 'points' && m.slide.items.filter((x) => rules(this.lang).measure.test(x)).length >= 3;
      const kind = measures ? rules(this.lang).measuresTitle[m.slide.items.some((x) => rules(this.lang).plan.test(x)) ? 1 : 0] : null;
      // (With the passage's own title when short: 工业经济稳中有进：主要做法.)
      const done = kind && displayWidth(base.title) <= 24 ? `${base.title}${this.lang === 'zh' ? '：' : ': '}${kind}` : kind;
      // Else, for figures, what they add up to when it is short (市财政局连续六年在全市机关作风评议中位列前三).
      const sum = m.slide.layout === 'figure' && m.slide.subtitle && displayWidth(m.slide.subtitle) <= (this.lang === 'zh' ? 24 : 60) && !rules(this.lang).dependent.test(m.slide.subtitle) && !this.slides.some((x) => x.title === m.slide.subtitle) && !made.some((x) => x !== m && (x.slide.title === m.slide.subtitle || x.slide.items.includes(m.slide.subtitle!))) ? m.slide.subtitle : null;
      // Else what the sentence after them says they prove (你们用自己的努力证明，困难从来挡不住一代青年的成长).
      // (Or its coda says: then that is its title, not a line under the figures too.)
      const codaProves = m.slide.layout === 'figure' && !sum && m.slide.coda ? provedIn(m.slide.coda) : null;
      const proves = m.slide.layout === 'figure' && !sum ? (codaProves ?? provenBy(pieces, m.owns)) : null;
      let t = own?.whole && own.title !== base.title && !shown(own.title) ? own.title : topic && topic !== base.title && !used(topic) ? topic : done && !used(done) ? done : (sum ?? (proves && !used(proves) ? proves : null));
      // Else, for figures going on from the passage, the first fact they show as the manuscript
      // states it (全市财政安排民生支出498亿元), rather than the passage's title with （续）.
      // (Not over a line under the figures, which speaks of them all: 明显低于总体水平.)
      // (Nor over a passage named only 开场 / Introduction: past the opening, its figures say more.)
      if (!t && titled && m.slide.layout === 'figure' && said && (!m.slide.subtitle || (base.title === this.words.intro && this.slides.length > 1))) {
        const fact = this.factTitle([{ text: said, source: paras[0]!.source }]);
        if (fact && !used(fact)) t = fact;
      }
      if (titled && t && t === sum) m.slide.subtitle = undefined;
      if (titled && t && t === codaProves) m.slide.coda = undefined;
      if (titled && t) m.slide.title = t;
      else if (titled && m.slide.title === base.title) m.slide.title = base.title + this.words.continued;
      titled ||= m.slide.title.startsWith(base.title);
    });
    made.forEach((m, mi) => {
      const mine = split.filter((_, i) => owner[i] === mi);
      const notes: string[] = [];
      let last = -1;
      for (const pc of mine) {
        if (pc.para === last) notes[notes.length - 1] += pc.text;
        else notes.push(pc.text);
        last = pc.para;
      }
      const lines = [...new Set(mine.map((pc) => pc.para))].map((pi) => paras[pi]!);
      this.push({ ...m.slide, notes, source: lines.length ? range(lines) : m.slide.source });
    });
  }

  /** What of a paragraph is set off (read once; itemsOf and points both ask). */
  private readonly setOff = new WeakMap<Paragraph, { quotes: Array<{ quote: Quote; sent: number }>; figures: Array<{ from: number; to: number }> }>();

  /** True when a paragraph has a quotation or figures set off on a slide of their own. */
  private setsOff(p: Paragraph): boolean {
    const { quotes, figures } = this.setOffIn(p);
    return quotes.length > 0 || figures.length > 0;
  }

  private setOffIn(p: Paragraph): { quotes: Array<{ quote: Quote; sent: number }>; figures: Array<{ from: number; to: number }> } {
    let v = this.setOff.get(p);
    if (!v && p.aside) this.setOff.set(p, (v = { quotes: [], figures: [] }));
    if (!v) {
      // Each quotation with the sentence that holds it (a quote slide each); the figure sentences.
      const spans = sentenceSpans(p.text);
      const quotes: Array<{ quote: Quote; sent: number }> = [];
      for (const quote of findQuotes(p.text)) {
        const sent = spans.findIndex((sp) => quote.at >= sp.start && quote.at < sp.end);
        if (sent >= 0 && !quotes.some((x) => x.sent === sent)) quotes.push({ quote, sent });
      }
      // (Only figures that make a slide: sentences whose figures make none are bullets, not lost.)
      const figures = figureSpans(p.text).filter((f) => this.figureFace(spans.slice(f.from, f.to + 1).map((x) => x.text).join('')) !== null);
      this.setOff.set(p, (v = { quotes, figures }));
    }
    return v;
  }

  /** A figure slide for the sentences of a paragraph built around numbers. */
  private figureSlide(p: Paragraph, base: Base, text: string): Draft | null {
    const face = this.figureFace(text);
    if (!face) return null;
    return {
      layout: 'figure',
      title: base.title,
      subtitle: face.subtitle,
      badge: base.badge,
      items: face.cards.flatMap((c) => [c.head, c.text]),
      cards: face.cards,
      notes: [],
      source: { ...p.source },
      section: base.section,
      group: `figure-${p.source.startLine}`,
    };
  }

  /** The figures a slide shows for the sentences `text` and the line under them; null when they make no slide. */
  private figureFace(text: string): { cards: Card[]; subtitle?: string } | null {
    const figures = findFigures(text).filter((f) => f.value.length <= 10);
    // The figures that carry the point first: changes (下降12.2%), shares, large sums;
    // shown in the order spoken. Big numbers need room: four (two by two) when all
    // are short, three side by side, two when one is long.
    const rank = (f: { value: string; label: string }) =>
      (/[%％]|百分点|倍/.test(f.value) ? 2 : 0) + (/(?:增长|下降|减少|提高|降低|上升|增加|rose|fell|up|down)/.test(f.label) ? 2 : 0) + (/[万亿]/.test(f.value) ? 1 : 0);
    // The first figures of a passage are its headline (全年发生事故27起、死亡19人).
    // A breakdown (其中……增长21.5%) comes after the headline figures it breaks down.
    const score = (f: Figure) => rank(f) + Math.max(0, 2 - figures.indexOf(f)) - (f.sub ? 4 : 0);
    const top = [...figures].sort((a, b) => score(b) - score(a)).slice(0, 4);
    const inOrder = figures.filter((f) => top.includes(f));
    // How wide a figure is drawn, in px at three a row: digits at 88px, the unit at 36px (base.css).
    const drawn = (v: string) => {
      const num = /^[\d.,]+/.exec(v)?.[0] ?? '';
      return (num.replace(/[.,]/g, '').length * 0.55 + (num.match(/[.,]/g) ?? []).length * 0.3) * 88 + displayWidth(v.slice(num.length)) * 36;
    };
    const n = inOrder.length >= 4 && inOrder.every((f) => f.value.length <= 8) ? 4 : inOrder.some((f) => drawn(f.value) > FIGURE_CELL_MAX_PX) ? 2 : 3;
    const shown = inOrder.filter((f) => top.slice(0, n).includes(f));
    if (shown.length < 2 && !(shown.length === 1 && /\d/.test(shown[0]!.label))) return null;
    const cards = shown.map((f) => ({ head: f.value, text: f.label }));
    // What the figures add up to, in words (没有发生较大以上事故，形势总体平稳): a line under the title.
    // Only the end of the sentence that gives the last figure, and only a conclusion
    // (not the next item of a list, not a new requirement).
    const last = sentences(text).filter((x) => /\d/.test(x)).pop() ?? '';
    const cs = clauseParts(stripEnd(last));
    const lastFigure = cs.map((c) => /\d/.test(c.text)).lastIndexOf(true);
    const said = cs.slice(lastFigure + 1);
    const conclusion = said.length > 0 && rules(this.lang).outcome.test(joinParts(said)) && said.every((c) => !/\d|^[一二三四五六七八九十]是|^(?:要|必须|其中)/.test(c.text) && !rules(this.lang).leadIn.test(c.text));
    // Figures the slide has no room for are said in words under its title (收集意见建议87条),
    // when nothing else is: the clauses that give them.
    const left = figures.filter((f) => !shown.includes(f));
    const leftSaid = joinParts(clauseParts(stripEnd(text.replace(/[；;]/g, '，'))).filter((c) => left.some((f) => c.text.includes(f.value))));
    // Else the period they count (今年1至10月, 上半年), which their labels lose.
    const period = /^((?:今年|去年|上半年|下半年|前三季度|\d{4}年)?(?:\d{1,2}(?:至|—|-|~)\d{1,2}月|上半年|下半年|前三季度|一季度|全年))[，,]/.exec(text.trim())?.[1] ?? '';
    const caption = conclusion ? joinParts(said) : left.length && !shown.some((f) => leftSaid.includes(f.value)) ? stripOpeners(leftSaid, this.lang) : period;
    return { cards, subtitle: (displayWidth(caption) >= 8 || (caption && caption === period)) && displayWidth(caption) <= 72 ? caption : undefined };
  }

  /**
   * A quotation's slides, a line for each clause. A quotation longer than a slide
   * holds (`QUOTE_ROWS` lines of the quote's type, fewer when the fit loop says
   * so) goes on over further slides, its clauses run together sentence by
   * sentence; the attribution on the last.
   */
  private quoteSlides(p: Paragraph, base: Base, q: Quote): Draft[] {
    const group = `quote-${p.source.startLine}-${q.at}`;
    const pages = quotePages(q.lines, this.opts.tighten?.[group] ?? QUOTE_ROWS, this.lang);
    return pages.map((lines, i) => ({
      layout: 'quote' as const,
      title: i === 0 ? base.title : base.title + this.words.continued,
      subtitle: i === pages.length - 1 ? q.attribution || undefined : undefined,
      items: lines,
      notes: [],
      source: { ...p.source },
      section: base.section,
      continued: i > 0 || undefined,
      group,
    }));
  }

  /** Overview cards, at most `MAX_CARDS` a slide (fewer when the fit loop says so), continued （续）. */
  private overview(s: Omit<Draft, 'layout' | 'items' | 'cards'> & { cards: Card[]; perSlide?: number }): void {
    const limit = Math.max(1, Math.min(MAX_CARDS, s.perSlide ?? this.opts.tighten?.[s.group] ?? MAX_CARDS));
    const n = Math.max(1, Math.ceil(s.cards.length / limit));
    const pages: Array<typeof s.cards> = [];
    for (let k = 0, at = 0; k < n; k++) {
      const size = Math.floor(s.cards.length / n) + (k < s.cards.length % n ? 1 : 0);
      pages.push(s.cards.slice(at, (at += size)));
    }
    const notes = splitNotes(s.notes, pages.map((cards) => cards[0]!.head));
    for (let k = 0; k < n; k++) {
      const cards = pages[k]!;
      this.push({
        layout: 'overview',
        title: k === 0 ? s.title : s.title + this.words.continued,
        subtitle: k === 0 ? s.subtitle : undefined,
        badge: s.badge,
        items: cardItems(cards),
        cards,
        notes: notes[k]!,
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
    // (A text not measured yet, a bullet added since: as tall as the measured one nearest in length.)
    const known = Object.entries(fit.heights).map(([t, px]) => ({ w: displayWidth(t), px }));
    const guess = (t: string) => known.reduce<{ w: number; px: number } | null>((best, k) => (!best || Math.abs(k.w - displayWidth(t)) < Math.abs(best.w - displayWidth(t)) ? k : best), null)?.px ?? budget / limit;
    const h = (it: Item) => fit.heights[chinesePunctuation(it.text)] ?? guess(it.text);
    const fits = (c: Item[]) => c.length <= limit && c.reduce((t, it) => t + h(it), 0) <= budget + 0.5;
    const greedy: Item[][] = [[]];
    for (const it of items) {
      const cur = greedy[greedy.length - 1]!;
      if (cur.length && !fits([...cur, it])) {
        // (Items cut from one sentence, 有的……有的……有的……, go on together, not one here and two there.)
        let k = cur.length;
        while (k > 1 && cur[k - 1]!.para === it.para && cur[k - 1]!.sent === it.sent) k--;
        const moved = k < cur.length && fits([...cur.slice(k), it]) ? cur.splice(k) : [];
        greedy.push([...moved, it]);
      } else cur.push(it);
    }
    const balanced = even(greedy.length);
    // (Evened out only where that does not cut such a run either.)
    const cuts = (cs: Item[][]) => cs.slice(1).filter((c, k) => c[0] && cs[k]!.at(-1)?.para === c[0].para && cs[k]!.at(-1)?.sent === c[0].sent).length;
    return balanced.every(fits) && cuts(balanced) <= cuts(greedy) ? balanced : greedy;
  }

  /**
   * Bullets past a slide's worth make a further （续） slide: the weakest of them
   * (no figure, deadline or target; never the first) stay in the notes, as long as
   * that saves a slide. Two may say something; past two, only general lines go
   * (要始终坚持……, 这是一条被历史反复证明了的规律): a careful person shows the points
   * that carry the passage and says the rest.
   */
  private shed(items: Item[], chunks: Item[][], g: string, lim: number, hasCallout: boolean, sentenceOf: (it: Item) => string): Item[][] {
    if (chunks.length < 2) return chunks;
    // Items of a list (several from one sentence: 会议任务's tasks, 一是……二是……) or
    // of a parallel series (忠诚，……/ 干净，……/ 担当，……) are kept together.
    const head = (t: string) => /^([^，,]{1,4})[，,]/.exec(t)?.[1]?.length ?? 0;
    const series = items.filter((it) => head(it.text) > 0 && items.filter((o) => head(o.text) === head(it.text)).length >= 3);
    const ranked = items
      .slice(this.leadsTheSlide(items) ? 1 : 0)
      .map((it, i) => ({ it, i, w: weight(it.text, this.lang) }))
      .filter((x) => concreteness(x.it.text, this.lang) === 0 && !fromOneSentence(items, x.it) && !series.includes(x.it));
    ranked.sort((a, b) => a.w - b.w || b.i - a.i);
    const general = (x: { w: number }) => x.w <= 1;
    let dropped = 0;
    while (chunks.length >= 2) {
      let n = dropped + 1;
      let fewer: Item[][] | null = null;
      for (; n <= ranked.length && (n <= 2 || general(ranked[n - 1]!)); n++) {
        const drop = new Set(ranked.slice(0, n).map((x) => x.it));
        const c = this.chunk(items.filter((it) => !drop.has(it)), g, lim, hasCallout);
        if (c.length < chunks.length) {
          fewer = c;
          break;
        }
      }
      if (!fewer) break;
      chunks = fewer;
      dropped = n;
    }
    // A run of short parallel phrases from one sentence (什么时候唱主角，什么时候“敲边鼓”，
    // ……) is one line of the slide, as spoken, rather than a （续） slide of fragments.
    if (chunks.length >= 2) {
      const kept = chunks.flat();
      const run = kept.filter((it) => fromOneSentence(kept, it) && displayWidth(it.text) <= 12);
      const first = run[0];
      const whole = first ? kept.filter((it) => it.para === first.para && it.sent === first.sent) : [];
      // (Not when the run is the passage's content: 全方位拓展工作职能 / 全力推进…… stay bullets.)
      if (first && run.length >= 3 && whole.length === run.length && run.length < kept.length - 1) {
        const joined0 = run.map((it) => it.text).join(this.lang === 'zh' ? '，' : ', ');
        // (With what the sentence comes to after the run, when it says it: ……，要小葱拌豆腐，一清二白.)
        const sentence = stripEnd(sentenceOf(first));
        const tail = run.at(-1)!.text;
        const rest = sentence.includes(tail) ? sentence.slice(sentence.lastIndexOf(tail) + tail.length).replace(/^[，,；;\s]+/, '') : '';
        const ends = rest && rules(this.lang).completes.test(rest) && displayWidth(joined0 + rest) <= hardLimit(this.lang) * 1.3;
        const line: Item = { ...first, text: ends ? `${joined0}${this.lang === 'zh' ? '，' : ', '}${rest}` : joined0 };
        const joined = this.chunk(kept.flatMap((it) => (it === first ? [line] : run.includes(it) ? [] : [it])), g, lim, hasCallout);
        if (joined.length < chunks.length) return joined;
      }
    }
    return chunks;
  }

  /**
   * Whether a slide's first bullet states its point and so stays: unless it says
   * nothing concrete and nothing it asks for (At the same time, the ground is moving
   * under our feet, sometimes literally) while bullets after it have figures.
   */
  private leadsTheSlide(items: Item[]): boolean {
    const first = items[0];
    if (!first) return true;
    const idle = concreteness(first.text, this.lang) === 0 && weight(first.text, this.lang) <= 0;
    return !(idle && items.slice(1).some((it) => concreteness(it.text, this.lang) >= 2));
  }

  /** A passage on one slide says what its cut bullets' sentences go on to say, where that is worth the room. */
  private fill(chunks: Item[][], g: string, lim: number, hasCallout: boolean, sentenceOf: (it: Item) => string): Item[][] {
    if (chunks.length !== 1) return chunks;
    // (Each pass only where the slide, as measured, still holds it.)
    const holds = (c: Item[]) => this.chunk(c, g, lim, hasCallout).length === 1;
    let chunk = chunks[0]!;
    const tried = (next: Item[]) => (holds(next) ? next : chunk);
    if (chunk.length <= 2 && !hasCallout) chunk = tried(this.goOnThin(chunk, sentenceOf));
    if (chunk.length < lim && !hasCallout) chunk = tried(this.goOnWithFigures(chunk, lim, sentenceOf));
    return [tried(this.tradeGeneral(chunk, sentenceOf))];
  }

  /**
   * One bullet alone, cut from a sentence that goes on to say more of its own
   * (……查处力度，春节、清明、国庆等重要时段要集中开展专项整治行动): that too, not a
   * near-empty slide. So do two bullets, each cut from a long sentence: a slide of
   * two lines is thin while its sentences say more (……要把机关文化建设摆上重要议事日程，
   * 主要负责同志要亲自过问……，切实改变“说起来重要、做起来次要、忙起来不要”的状况).
   * A sentence that runs on over several clauses (开展读书会……等活动，建立了一批职工
   * 书屋……，机关的凝聚力和向心力明显增强) gives up to three bullets, its outcome too.
   */
  private goOnThin(chunk: Item[], sentenceOf: (it: Item) => string): Item[] {
    const lone = chunk.length === 1;
    const out: Item[] = [];
    for (const it of chunk) {
      out.push(it);
      let shown = it.text;
      const long = displayWidth(sentenceOf(it)) > 2 * bulletLimit(this.lang);
      for (let n = 0; n < 2 && (lone || long); n++) {
        const more = nextPhrase(sentenceOf(it), shown, this.lang, lone || n > 0 || long);
        if (!more) break;
        out.push({ text: more, para: it.para, sent: it.sent });
        shown = more;
      }
    }
    return out.slice(0, lone ? 3 : 4);
  }

  /**
   * A slide with room left shows what a cut bullet's sentence goes on to state in
   * figures, deadlines or rules (……合法权益都必须得到保障 / 工资必须按时足额发放……):
   * up to two more bullets under it (每季度考核一次 / 考核结果在全县通报 / 实行“一票否决”),
   * one for an item of a list, while the slide holds fewer than its limit.
   */
  private goOnWithFigures(chunk: Item[], lim: number, sentenceOf: (it: Item) => string): Item[] {
    const out: Item[] = [];
    const room = () => out.length + chunk.filter((it) => !out.includes(it)).length < lim;
    for (const it of chunk) {
      out.push(it);
      const listed = fromOneSentence(chunk, it);
      let shown = it.text;
      for (let n = 0; n < (listed ? 1 : 2) && room(); n++) {
        const more = nextPhrase(sentenceOf(it), shown, this.lang, true);
        // (An item of a list goes on only within itself: never into the next item, 二是…….)
        const sibling = chunk.some((o) => o !== it && o.para === it.para && o.sent === it.sent && (more?.includes(o.text.slice(0, 6)) || o.text.includes(more ?? '\u0000')));
        if (!more || sibling || concreteness(more, this.lang) === 0 || out.some((o) => o.text === more)) break;
        out.push({ text: more, para: it.para, sent: it.sent });
        shown = more;
      }
    }
    return out;
  }

  /**
   * A full slide trades its most general line (现在经济社会发展日新月异……) for the figures
   * a cut bullet's sentence goes on to give (其中有213人……得到提拔重用), once.
   */
  private tradeGeneral(chunk: Item[], sentenceOf: (it: Item) => string): Item[] {
    const general = chunk
      .slice(this.leadsTheSlide(chunk) ? 1 : 0)
      .filter((it) => concreteness(it.text, this.lang) === 0 && weight(sentenceOf(it), this.lang) <= 1 && !fromOneSentence(chunk, it))
      .sort((a, b) => weight(sentenceOf(a), this.lang) - weight(sentenceOf(b), this.lang))[0];
    for (const it of general ? chunk : []) {
      // (Of several bullets from one sentence, only the last goes on: from where the sentence is cut.)
      const lastOfItsSentence = !chunk.some((o, j) => j > chunk.indexOf(it) && o.para === it.para && o.sent === it.sent);
      if (it === general || (fromOneSentence(chunk, it) && !lastOfItsSentence)) continue;
      const more = nextPhrase(sentenceOf(it), it.text, this.lang, true);
      if (!more || concreteness(more, this.lang) < 2 || chunk.some((o) => o.text === more)) continue;
      const next = chunk.filter((o) => o !== general);
      next.splice(next.indexOf(it) + 1, 0, { text: more, para: it.para, sent: it.sent });
      return next;
    }
    // With nothing to trade it for, a short slogan (安全生产，责任重于泰山) still gives way on
    // a slide of four points or more: they say it.
    if (general && chunk.length >= 4 && displayWidth(general.text) <= 14 && weight(sentenceOf(general), this.lang) <= 0) return chunk.filter((o) => o !== general);
    return chunk;
  }

  /**
   * Bullets for paragraphs, each with its sentence; `skipFirstOf` is a lead
   * paragraph whose first sentence is the heading. Sentences shown on a quote or
   * figure slide give no bullet.
   */
  private itemsOf(paras: Paragraph[], skipFirstOf?: Paragraph): Item[] {
    const items: Item[] = [];
    const perPara = paras.length <= 2 ? 5 : paras.length <= 4 ? 3 : 2;
    paras.forEach((p, pi) => {
      if (p.aside) return;
      const skip = new Set<number>(p === skipFirstOf ? [0] : []);
      const { quotes, figures } = this.setOffIn(p);
      for (const q of quotes) skip.add(q.sent);
      for (const f of figures) for (let i = f.from; i <= f.to; i++) skip.add(i);
      for (const { sent, text: phrase } of sentencePhrases(p.text, this.lang, perPara, skip)) {
        const text = this.lang === 'en' ? capitalise(phrase) : phrase;
        if (!items.some((x) => x.text === text)) items.push({ text, para: pi, sent });
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
      title: displayWidth(m.title) <= limit ? m.title : keyPhrase(m.title, this.lang, limit, limit),
      subtitle: m.subtitle ?? undefined,
      items,
      notes: header.map((p) => p.text),
      source: header.length ? range(header) : { startLine: 1, endLine: 1 },
      group: 'title',
    });
  }

  /**
   * Paragraphs outside any section. A paragraph of three or more sentences gets a
   * slide of its own; shorter ones are gathered. A slide states the meeting's
   * purpose (`召开……会议，主要任务是A、B、C` → 会议任务: A / B / C) when a
   * paragraph does; else it is titled by what it is about (成效, 问题, 感谢 …),
   * or by its first sentence when that is short and says something, else by
   * the fallback. Procedural sentences stay in the notes.
   */
  private loose(paras: Paragraph[], fallback: Base): void {
    let run: Paragraph[] = [];
    const flush = () => {
      if (!run.length) return;
      const g = `loose-${run[0]!.source.startLine}`;
      const purpose = this.purposeItems(run);
      if (purpose) {
        // The purpose slide shows the tasks; what the passage says after them is a
        // slide of its own (titled by what it is about).
        const p = run[purpose.para]!;
        const cut = sentenceSpans(p.text)[purpose.sent]!.end;
        let upTo: Paragraph[] = [...run.slice(0, purpose.para), { text: p.text.slice(0, cut), source: p.source }];
        let after: Paragraph[] = [...(cut < p.text.length ? [{ text: p.text.slice(cut), source: p.source }] : []), ...run.slice(purpose.para + 1)];
        // A sentence or two on what the meeting means stays with it, in its notes.
        if (purpose.para === run.length - 1 && sentences(p.text.slice(cut)).length <= 2) {
          upTo = run;
          after = [];
        }
        // What leads up to the purpose (the season, the situation) is context: notes only.
        // Two tasks or fewer, with an agenda to come, are a line on the agenda
        // (会议任务：总结去年工作、部署今年任务), not a near-empty slide.
        // With no agenda (a short speech), they are said, not shown: notes only.
        if (purpose.items.length <= 2) {
          if (this.agendaAhead) this.agendaLede = this.purposeLine(purpose.items.map((it) => it.text));
          this.pendingNotes.push(...upTo);
        } else this.points({ ...fallback, title: rules(this.lang).purposeTitle }, upTo, purpose.items, g);
        run = [];
        if (after.length) this.loose(after, fallback);
        return;
      } else {
        const lead = this.leadTitle(run[0]!);
        // The opening too is titled by what it says (在座的各位，平均年龄只有31.6岁), when
        // that is a whole clause; else 开场 / Introduction.
        const opening = this.slides.length <= 1;
        const phrase = this.quotedTitle(run[0]!) ?? this.phraseTitle(run[0]!, opening);
        // (The opening, with nothing better, by what it goes on to do: 致以……敬意 → 感谢与问候.)
        const told = this.toldTopic(run[0]!);
        // (Past the opening, a passage is not 开场 / Introduction: its own fact names it, when it has one.)
        // (A story told of someone, 我想起了……的王子涵同学: titled by that person.)
        const recalled = /^我(?:还|也)?想起了?/.test(run[0]!.text) ? this.personTitle(run) : null;
        let title = told ?? this.topicTitle(run) ?? recalled ?? lead?.title ?? phrase ?? (opening ? this.topicTitle(run, Infinity) ?? this.factTitle(run) : fallback.title === this.words.intro ? this.factTitle(run) ?? this.personTitle(run) : null) ?? fallback.title;
        // A title that leans on what came before (That improvement came mostly from…,
        // 这些案件……) names nothing alone: the passage's own fact, else the passage's name.
        if (LEANS_BACK[this.lang].test(title)) title = this.factTitle(run) ?? fallback.title;
        // The same title twice in a row reads as one passage going on.
        const prev = this.slides[this.slides.length - 1];
        // (Past the opening, a passage with nothing to name it goes on from the passage
        // before it, That gap concerns me. after Innovation: not Introduction again.)
        if (!opening && title === this.words.intro && (prev?.group.startsWith('loose') || prev?.group.startsWith('quote')) && !prev.title.startsWith(this.words.intro) && prev.layout !== 'figure') title = prev.title.replace(this.words.continued, '');
        if (prev && prev.title.replace(this.words.continued, '') === title) title += this.words.continued;
        const base = title.replace(this.words.continued, '');
        // A bullet that opens with the title says the rest (在座的各位，平均年龄只有31.6岁，都是……).
        const sep = this.lang === 'zh' ? '，' : ', ';
        const items = this.itemsOf(run, told || (lead && lead.title === base && lead.whole) ? run[0] : undefined)
          .filter((it) => it.text !== base)
          .map((it) => {
            const rest = it.text.slice(base.length + sep.length);
            return it.text.startsWith(base + sep) && displayWidth(it.text) - displayWidth(base) >= 10 ? { ...it, text: this.lang === 'en' ? capitalise(rest) : rest } : it;
          });
        this.points({ ...fallback, title }, run, items, g);
      }
      run = [];
    };
    for (const p of paras) {
      // What we will do is a passage of its own, not the end of what was said before it;
      // so is what follows a slide break the author wrote (`---`), and what a sentence
      // says comes next (Let me start with the numbers.).
      if (rules(this.lang).pledge.test(p.text.trim()) || p.breakBefore || this.toldTopic(p)) flush();
      run.push(p);
      if (sentences(p.text).length >= 3) flush();
    }
    flush();
  }

  /** The tasks a purpose sentence lists (`主要任务是：A、B、C`), as items, or null. */
  private purposeItems(run: Paragraph[]): { para: number; sent: number; items: Item[] } | null {
    const re = rules(this.lang).purpose;
    for (const [pi, p] of run.entries()) {
      if (p.aside) continue;
      for (const [si, sp] of sentenceSpans(p.text).entries()) {
        const m = re.exec(sp.text);
        if (!m) continue;
        const tail = stripEnd(sp.text.slice(m.index + m[0].length).replace(/^[：:，,\s]+/, ''));
        let parts = clauseParts(tail, /[，；,;]/).map((x) => x.text);
        if (parts.length < 2) parts = clauseParts(tail, /[、]/).map((x) => x.text);
        parts = parts.map((x) => x.replace(/^(?:一是|二是|三是|四是|五是|and )/, '')).filter((x) => displayWidth(x) >= 2);
        if (parts.length < 2 || parts.length > 6) continue;
        return { para: pi, sent: si, items: parts.map((x) => ({ text: keyPhrase(x, this.lang), para: pi, sent: si })) };
      }
    }
    return null;
  }

  /** A title by topic (rules.topics), from the run's sentences that say something. */
  private topicTitle(run: Paragraph[], first = 2, announced = false): string | null {
    // What the run opens with decides: its first sentence that says something.
    const text = run
      .filter((p) => !p.aside)
      .flatMap((p) => sentences(p.text))
      // (A bare turn to the problems is no bullet, but it says what follows is about them.)
      // (With `announced`, nor does one that announces what follows: 2025年，我将从以下几个方面加以改进.)
      .map((x) => (rules(this.lang).turn.test(x) || (announced && rules(this.lang).announcesParts.test(x)) ? x : contentOf(x, this.lang)))
      .filter(Boolean)
      .slice(0, first)
      .join('');
    for (const [re, pattern] of rules(this.lang).topics) {
      const m = re.exec(text);
      if (!m) continue;
      // ($1 is what the pattern caught: 对$1的要求 → 对有关部门的要求.)
      const caught = pattern.replace(/\$(\d)/g, (_, n: string) => m[Number(n)] ?? '');
      const title = this.lang === 'en' ? capitalise(caught.toLowerCase()) : caught;
      // 工作成效 of a year the text names: 2015年工作成效.
      const year = this.lang === 'zh' && title === '工作成效' ? /(\d{4})年/.exec(text)?.[1] : undefined;
      return year ? `${year}年${title}` : title;
    }
    return null;
  }

  /**
   * Past the opening, a passage with no better title is named by the key phrase
   * of its first sentence that says something, when that is short and not a
   * scene-setter; else null (the fallback).
   */
  /**
   * Words someone said, quoted in a story (她最大的心愿就是“路上干干净净，大家开开心心”):
   * what a passage told as a story is remembered by, and so titled by.
   */
  private quotedTitle(p: Paragraph): string | null {
    if (p.aside) return null;
    // (Or the theme it is given: 以“守初心、担使命、转作风、促发展”为主题.)
    const theme = /以“([^“”]{4,20})”为主题/.exec(p.text);
    if (theme) return stripEnd(theme[1]!);
    // (In its quotation marks: words someone said, not the slide's own claim.)
    for (const m of p.text.matchAll(/(?:说|道|是|句|：|:)[：:]?“([^“”]{6,16})”/g)) {
      const q = stripEnd(m[1]!);
      if (displayWidth(q) >= 6 && !/[“”《》]/.test(q)) return `“${q}”`;
    }
    return null;
  }

  private phraseTitle(p: Paragraph, whole = false): string | null {
    if (p.aside) return null;
    const bad = rules(this.lang).notATitle;
    for (const sen of sentences(p.text).slice(0, 2)) {
      const c = contentOf(sen, this.lang);
      if (!c || isFiller(c, this.lang)) continue;
      const t = keyPhrase(c, this.lang, this.lang === 'zh' ? 20 : 40, this.lang === 'zh' ? 20 : 40, false);
      // `whole`: only clauses whole, never a phrase cut inside one (这既是落实……关于开展).
      if (whole && !clauseParts(stripEnd(stripOpeners(c, this.lang))).some((_, i, ps) => joinParts(ps.slice(0, i + 1)).toLowerCase() === t.toLowerCase())) continue;
      // Only the sentence's own beginning names it; a later clause (就包括……) does not.
      const opens = stripOpeners(stripEnd(c), this.lang).toLowerCase().startsWith(t.toLowerCase());
      // (Nor does a subject left hanging: 千百年来，一片小小的茶叶.)
      if (opens && displayWidth(t) >= 6 && !bad.test(t) && !rules(this.lang).leadIn.test(t) && !(this.lang === 'zh' && endsHanging(t))) return this.lang === 'en' ? capitalise(t) : t;
    }
    return null;
  }

  /**
   * The fact an opening stands on, as its title: its first whole clause with a figure
   * (今年共有186名新同事加入我们这个大家庭 / 离年底只剩下不到四十天), when short and a
   * statement of its own (a time it is said of, 今年, may open it); in English only a
   * whole sentence. Else null.
   */
  private factTitle(run: Paragraph[]): string | null {
    const r = rules(this.lang);
    const zh = this.lang === 'zh';
    for (const p of run) {
      for (const sen of sentences(p.text)) {
        const c = stripEnd(stripOpeners(contentOf(sen, this.lang), this.lang));
        for (const t of zh ? clauseParts(c).map((x) => x.text) : [c]) {
          const w = displayWidth(t);
          if (w >= 8 && w <= (zh ? 22 : 48) && concreteness(t, this.lang) >= 2 && !r.notATitle.test(t.replace(/^(?:今年|去年|目前|当前|近年来|this year|last year)\s*/i, '')) && !r.leadIn.test(t) && !r.dependent.test(t) && !(zh && endsHanging(t)))
            return zh ? t : capitalise(t);
        }
      }
    }
    return null;
  }

  /** A passage about one person (我想起了机械工程学院的王子涵同学……): that person, as the speech names them (王子涵同学). */
  private personTitle(run: Paragraph[]): string | null {
    const re = rules(this.lang).namedPerson;
    if (!re) return null;
    const text = run.filter((p) => !p.aside).map((p) => p.text).join('');
    const named = [...new Set([...text.matchAll(re)].map((m) => m[0]))];
    return named.length === 1 ? named[0]! : null;
  }

  /** What a paragraph of one short sentence says comes next (Let me start with the numbers. → The numbers), when it says so. */
  private toldTopic(p: Paragraph): string | null {
    if (p.aside) return null;
    const ss = sentences(p.text);
    const r = rules(this.lang);
    // A paragraph of one sentence that says what comes next, or one whose first sentence names its theme.
    const tries: Array<[RegExp, string]> = [
      ...(ss.length === 1 ? r.topicAhead.flatMap((re): Array<[RegExp, string]> => [[re, stripEnd(p.text.trim())], [re, p.text.trim()]]) : []),
      ...r.topicOpens.map((re): [RegExp, string] => [re, stripEnd((ss[0] ?? '').trim())]),
    ];
    for (const [re, said] of tries) {
      const topic = re.exec(said)?.[1]?.trim().replace(/^(?:我们?的?|the (?=\w+ \w))/i, '');
      if (topic && displayWidth(topic) >= 3) return this.lang === 'en' ? capitalise(topic) : topic;
    }
    return null;
  }

  /**
   * A paragraph's first sentence as its title, when it is short and says
   * something (`城市干净不干净，老百姓最有发言权`): not a procedural sentence,
   * not a scene-setter (今天…, 刚才…), not a lead-in to a quote (……说：).
   */
  private leadTitle(p: Paragraph): { title: string; whole: boolean } | null {
    if (p.aside) return null;
    const first = sentences(p.text)[0] ?? '';
    if (contentOf(first, this.lang) !== first.trim()) return null;
    // (Words that fill time, 岁末年初，辞旧迎新, title nothing.)
    if (isFiller(first, this.lang)) return null;
    const s = stripEnd(stripOpeners(first, this.lang));
    const max = this.lang === 'zh' ? 22 : 48;
    const bad = rules(this.lang).notATitle;
    if (displayWidth(s) >= 6 && displayWidth(s) <= max && !bad.test(s) && !rules(this.lang).leadIn.test(s)) return { title: this.lang === 'en' ? capitalise(s) : s, whole: true };
    // Else its first clause, when that is a statement of its own (not a scene-setter).
    const c = clauses(s)[0] ?? '';
    if (this.lang === 'zh' && displayWidth(c) >= 6 && displayWidth(c) <= 16 && !bad.test(c) && !rules(this.lang).leadIn.test(c) && /[要是有在了]|[化好强高]$/.test(c) && !endsHanging(c)) return { title: c, whole: false };
    return null;
  }

  /** The meeting's tasks as one line (会议任务：总结去年工作、部署今年任务). */
  private purposeLine(tasks: string[]): string {
    const zh = this.lang === 'zh';
    return `${rules(this.lang).purposeTitle}${zh ? '：' : ': '}${tasks.join(zh ? '、' : '; ')}`;
  }

  private agenda(tops: Section[], announcing: Paragraph | null): void {
    const items = tops.map((s) => ({ text: keyPhrase(s.heading, this.lang, 24), para: 0, sent: 0 }));
    // Past the opening slides, an agenda is titled as the speech announces its parts
    // (下面，我讲四点意见 → 四点意见): 目录 in mid-deck reads as a table of contents.
    const announced = announcing && this.lang === 'zh' && this.slides.length > 1 ? /([一二两三四五六七八九十几])(点|个方面)(意见|要求|希望|看法|建议|体会)?/.exec(announcing.text) : null;
    // (So in English: I am going to offer you three lessons → Three lessons.)
    const announcedEn = announcing && this.lang === 'en' && this.slides.length > 1 ? /\b(two|three|four|five|six|seven)\s+(lessons|things|points|ideas|priorities|questions|reasons|principles|steps|challenges|commitments|proposals)\b/i.exec(announcing.text) : null;
    const title = announced ? `${announced[1] === '几' ? chineseNumeral(tops.length) : announced[1]}${announced[2]}${announced[3] ?? ''}` : announcedEn ? capitalise(`${announcedEn[1]!.toLowerCase()} ${announcedEn[2]!.toLowerCase()}`) : this.words.agenda;
    // The meeting's tasks just before a table of contents (总结……/ 分析……/ 部署……) say
    // what the parts will: one line under its title, not a slide of their own.
    const prev = this.slides[this.slides.length - 1];
    const purposeTitle = rules(this.lang).purposeTitle;
    if (!announced && !this.agendaLede && prev?.layout === 'points' && prev.title === purposeTitle && !prev.continued && !prev.callout) {
      const lede = this.purposeLine(prev.items);
      if (displayWidth(lede) <= AGENDA_LEDE_MAX) {
        this.slides.pop();
        this.pendingNotes.unshift(...prev.notes.map((text) => ({ text, source: prev.source })));
        this.agendaLede = lede;
      }
    }
    this.points({ title, layout: 'agenda', subtitle: this.agendaLede ?? undefined }, [], items, 'agenda');
    const first = this.slides.findIndex((x) => x.group === 'agenda');
    for (const x of this.slides.slice(first)) {
      if (x.layout !== 'agenda') continue;
      x.source = { startLine: tops[0]!.source.startLine, endLine: tops[tops.length - 1]!.source.endLine };
      // The agenda numbers its entries as the speech numbers its sections.
      x.marks = x.items.map((_, i) => badgeText(tops[(x.start ?? 1) - 1 + i]!));
    }
  }

  /** Walk a node list: loose paragraphs become points slides, sections their own slides. */
  private nodes(nodes: Node[], fallback: Base, isRoot = false): void {
    const tops = isRoot ? sectionsOf(nodes).filter((s) => s.kind === 'numbered' || s.kind === 'ordinal') : [];
    // An agenda for a speech of a few minutes (a toast, short remarks) is padding:
    // one comes for two parts or more in a speech of three and a half minutes or more.
    let agendaDone = tops.length < 2 || speakingSeconds(allParagraphs(this.speech).map((p) => p.text), this.lang) < AGENDA_MIN_SECONDS;
    if (isRoot) this.agendaAhead = !agendaDone;
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
      // A short paragraph that leads into the numbered parts (`我提几点要求`) is
      // the script of the agenda or of the first part, not a slide of its own.
      // (Or a paragraph of a few sentences that ends by announcing them: I will be brief, but I am going to offer you three lessons.)
      const announces = (p: Paragraph) => {
        const ss = sentences(p.text);
        // (Not one that states facts on the way: 在座的各位，平均年龄只有31.6岁 is a slide.)
        return (ss.length <= 2 && rules(this.lang).announcesParts.test(p.text)) || (this.lang === 'en' && ss.length <= 4 && rules(this.lang).announcesParts.test(ss.at(-1)!) && ss.slice(0, -1).every((x) => findFigures(x).length === 0 && !/\d/.test(x)));
      };
      const leadsIn = run.length > 0 && tops.includes(n) && run.slice(-1).every(announces);
      const lead = leadsIn ? run.pop()! : null;
      flush();
      if (lead) this.pendingNotes.push(lead);
      // Its tasks, when it states them (今天召开……会议，主要任务是……。下面，我讲三点意见), go on the agenda.
      const tasks = lead && !agendaDone && !this.agendaLede ? this.purposeItems([lead]) : null;
      const line = tasks ? this.purposeLine(tasks.items.map((it) => it.text)) : null;
      if (line && displayWidth(line) <= AGENDA_LEDE_MAX) this.agendaLede = line;
      if (!agendaDone && tops.includes(n)) {
        this.agenda(tops, lead);
        agendaDone = true;
      }
      if (isRoot && tops.includes(n)) this.top = tops.indexOf(n) + 1;
      this.section(n);
    }
    flush();
  }

  /**
   * Points slides for a part's paragraphs; a paragraph that turns to the problems
   * (在肯定成绩的同时，……也要看到……), when `turns`, and what follows it are a
   * passage of their own, titled by what they are about, not more of this heading.
   */
  private pointsUpToTurn(base: Base, paras: Paragraph[], items: Item[], group: string, turns: boolean): void {
    // (So is a slide break the author wrote, `---`.)
    const turn = turns ? paras.findIndex((p, i) => i > 0 && (rules(this.lang).turn.test(p.text) || !!p.breakBefore)) : -1;
    // (A turn right under the heading, with nothing said before it, is where the part starts.)
    if (turn <= 0 || !items.some((it) => it.para < turn)) return this.points(base, paras, items, group);
    this.points(base, paras.slice(0, turn), items.filter((it) => it.para < turn), group);
    this.loose(paras.slice(turn), { title: base.title, badge: base.badge });
  }

  private section(s: Section): void {
    // (Its slides and its subsections' slides are in it: named above their titles.)
    const named = s.kind !== 'announced' && ((s.level === 1 && (s.kind === 'numbered' || s.kind === 'ordinal')) || (s.level === 2 && s.kind === 'numbered'));
    if (named) {
      const title = this.title(s.heading);
      const name = this.lang === 'zh' ? (s.level === 1 ? `${badgeText(s)}、${title}` : `${s.number}${title}`) : `${s.level === 1 ? badgeText(s) : s.number}. ${title}`;
      this.path.push({ title, name, mark: this.lang === 'zh' ? (s.level === 1 ? `${badgeText(s)}、` : s.number) : `${s.level === 1 ? badgeText(s) : s.number}.` });
    }
    try {
      this.sectionSlides(s);
    } finally {
      if (named) this.path.pop();
    }
  }

  private sectionSlides(s: Section): void {
    if (s.kind === 'announced') return this.announced(s);
    // Parts carry their number: 一 at the top, （一） a level below; deeper levels are titles.
    const badge = s.level === 1 && (s.kind === 'numbered' || s.kind === 'ordinal') ? badgeText(s) : s.level === 2 && s.kind === 'numbered' ? s.number : undefined;
    const title = this.title(s.heading);
    const kids = sectionsOf(s.children);
    const own = [s.lead, ...s.children.filter((c): c is Paragraph & { type: 'paragraph' } => c.type === 'paragraph' && s.children.indexOf(c) < (kids[0] ? s.children.indexOf(kids[0]) : Infinity))];
    // An own-line heading's paragraph is the heading itself: it gives no bullet.
    const ownItems = this.itemsOf(own, s.told ? undefined : s.lead).filter((i) => i.text !== s.heading && i.text !== title && !i.text.startsWith(s.heading));
    const g = `sec-${s.lead.source.startLine}`;
    // Short parallel subsections read best side by side: one card each.
    // (Not when half of them or more are built around figures: those are shown big, a slide each.)
    const asCards =
      kids.length >= 2 &&
      kids.length <= 6 &&
      kids.every((c) => !sectionsOf(c.children).length && sentenceCount(c) <= CARD_SENTENCES) &&
      kids.filter((c) => [c.lead, ...c.children.filter((x) => x.type === 'paragraph')].some((p) => this.setOffIn(p).figures.length > 0)).length * 2 < kids.length &&
      // (Nor when they say far more than a card holds, clause after clause of measures and
      // targets, 9月底前……80%以上 / 新增储备项目投资额超过200亿元 / 一项目一专班: a slide each.)
      kids.reduce((n, c) => n + this.clauseCount(c), 0) / kids.length < CARD_CLAUSES;
    if (!kids.length) {
      // (An item told in the item before's paragraph says its summary in its own words: 强健自身.)
      this.pointsUpToTurn({ title, badge, subtitle: s.summary && !s.told ? keyPhrase(s.summary, this.lang, 30) : undefined }, own, ownItems, g, true);
      return;
    }
    if (asCards) {
      this.cards(s, title, badge, own, true);
      return;
    }
    // A part that says a line or two before its subsections (理论上清醒，政治上才能坚定 /
    // 全局党员干部要把……作为终身必修课), or nothing but its heading, has no slide of its
    // own: no divider, no slide listing the headings its subsections' slides show next.
    // Their slides name it above their titles (push), its words go in the notes, and a
    // line with facts of its own (共有31条意见涉及这方面内容; not a bare question, 我们该
    // 怎么办) is the first one's lede.
    // (A paragraph built around figures or a quotation shows them: a slide of its own.)
    const ownSpecial = own.some((p) => this.setsOff(p));
    const opener = !ownSpecial && s.kind === 'numbered' && ownItems.length <= 2 && ownItems.every((it) => displayWidth(it.text) <= 40);
    if (opener) {
      const line = [...ownItems].sort((a, b) => weight(b.text, this.lang) - weight(a.text, this.lang))[0];
      // (Not one that only counts what follows: 重点抓好三项工作.)
      const counts = /[一二两三四五六七八九十几](?:项|件|个方面|点|条)(?:重点)?(?:工作|任务|事情?|要求|意见)?$/.test(stripEnd(line?.text ?? ''));
      this.pendingLede = line && !/[？?]$/.test(line.text) && !counts && concreteness(line.text, this.lang) > 0 ? line.text : null;
      this.pendingNotes.push(...own);
    } else if (ownItems.length || ownSpecial) this.points({ title, badge }, own, ownItems, g);
    else {
      // Nothing to show but the heading: its paragraphs go with the first subsection's slide.
      this.pendingNotes.push(...own);
    }
    this.nodes(s.children.slice(s.children.indexOf(kids[0]!)), { title, badge });
  }

  /** How many clauses a subsection's paragraphs say, its heading aside. */
  private clauseCount(c: Section): number {
    const text = [c.inline ? sentences(c.lead.text).slice(1).join('') : c.lead.text, ...c.children.filter((x): x is Paragraph & { type: 'paragraph' } => x.type === 'paragraph').map((x) => x.text)].join(this.lang === 'zh' ? '' : ' ');
    return clauses(text).length;
  }

  /**
   * Overview cards for short subsections; `intro` paragraphs give the subtitle.
   * The notes hold every paragraph under the section, in order (those between and
   * after the subsections too), and its lead unless a divider already has it.
   */
  private cards(s: Section, title: string, badge: string | undefined, intro: Paragraph[], withLead: boolean): void {
    const kids = sectionsOf(s.children);
    const group = `cards-${s.lead.source.startLine}`;
    // A card says what its subsection says: its first point and, where there is
    // room (four cards or fewer), its weightiest one too (figures, obligations).
    // When the cards do not fit, each first says one point (the first step the
    // fit loop takes), and only then do they go on over more slides: a card
    // alone on a continuation slide is a near-empty slide.
    // When one point each is not enough either, each point is shorter, before any split.
    const tightened = this.opts.tighten?.[group];
    const perCard = kids.length <= 4 && tightened === undefined ? 2 : 1;
    const cardsPerSlide = tightened !== undefined ? Math.min(kids.length, tightened) : undefined;
    const short = kids.length <= 4 && tightened !== undefined && tightened <= kids.length;
    const cards = kids.map((c) => {
      // (English sentences and paragraphs run together with a space.)
      const glue = this.lang === 'zh' ? '' : ' ';
      // (An own-line heading is its card's head, not a sentence of its text: it may end with no stop.)
      const own = [c.inline ? sentences(c.lead.text).slice(1).join(glue) : '', ...c.children.filter((x): x is Paragraph & { type: 'paragraph' } => x.type === 'paragraph' && !x.aside).map((x) => x.text)].filter(Boolean);
      // (Shorter when one point a card is all there is room for.)
      const phrases = sentencePhrases(own.join(glue), this.lang, 4, new Set(), perCard === 1 ? Math.round(bulletLimit(this.lang) * (short ? 0.55 : 0.75)) : undefined)
        .map((x) => x.text)
        .filter((x) => x !== c.heading);
      // A card says its most concrete points, in the order spoken (产业类项目完成投资800亿元以上
      // over 产业项目是经济发展的“压舱石”; 补充教师900名以上 over 缺编1180人); the first when none is.
      const score = (t: string) => concretenessBeyondContext(t, this.lang) * 2 + concreteness(t, this.lang);
      const best = phrases
        .map((t, i) => ({ t, i, v: score(t) }))
        .sort((a, b) => b.v - a.v || a.i - b.i)
        .slice(0, perCard)
        .sort((a, b) => a.i - b.i)
        .map((x) => x.t);
      const text = (best.every((t) => score(t) === 0) ? phrases.slice(0, perCard) : best).join('\n');
      return { head: this.title(c.heading), text };
    });
    // (An own-line heading's paragraph is the heading: the lede is the paragraph after it.)
    const introText = intro.find((p) => p !== s.lead);
    // (Its first sentence, unless a later one says something concrete and the first does not:
    // 坚决避免“捡到篮子里都是菜” gives way to 要集中力量做强新能源汽车零部件和电子信息两个主导产业.)
    const telling = (p: Paragraph) => {
      const ss = sentences(p.text);
      return concreteness(ss[0] ?? '', this.lang) > 0 ? ss[0] : (ss.find((x) => concreteness(x, this.lang) > 0) ?? ss[0]);
    };
    const subtitleSource = s.lead === intro[0] && s.inline ? (sentences(s.lead.text)[1] ?? (introText ? telling(introText) : undefined)) : introText ? telling(introText) : undefined;
    const paras: Paragraph[] = [...(withLead ? [s.lead] : []), ...paragraphsUnder(s.children)];
    this.overview({
      title,
      // A lede that only repeats the heading (`1.加强源头管理` under 加强源头管理) says nothing.
      // (A general lede gives its room to the cards before they split: 教师是立教之本、兴教之源.)
      subtitle: subtitleSource && stripEnd(subtitleSource).replace(/^[（(]?[\d一二三四五六七八九十]+[）)]?[、.．，,\s]*/, '') !== title && !(short && concreteness(subtitleSource, this.lang) === 0) ? keyPhrase(subtitleSource, this.lang, 30) : undefined,
      badge,
      cards,
      notes: paras.map((p) => p.text),
      source: range(paras),
      group,
      perSlide: cardsPerSlide,
    });
  }

  /**
   * An announced list: what the paragraph says before the announcement as points,
   * then the list as cards, then a slide per item the speech takes up.
   */
  private announced(s: Section): void {
    const spans = sentenceSpans(s.lead.text);
    const at = spans.findIndex((x) => x.text.includes(s.announcement ?? '\u0000'));
    // What the paragraph says before the announcement: its own slide, its own notes.
    const before = at > 0 ? s.lead.text.slice(0, spans[at]!.start) : '';
    let leadUsed = false;
    if (before && displayWidth(before) > 20) {
      const pre: Paragraph = { text: before, source: s.lead.source };
      // What says something: not a report on what others did (刚才，六个单位作了经验介绍，讲得都很好).
      const said = sentences(before).filter((x) => contentOf(x, this.lang));
      const first = stripOpeners(stripEnd(contentOf(said[0] ?? sentences(before)[0]!, this.lang) || sentences(before)[0]!), this.lang);
      const head = clauses(first).find((c) => displayWidth(c) >= 6) ?? first;
      const items = sentencePhrases(before, this.lang, 4).filter((x) => x.text !== head).map((x) => ({ ...x, para: 0 }));
      // One sentence that only leads into the list (面对严峻汛情，全市上下众志成城) is
      // not a slide of its own: it stays in the notes of the list's cards.
      if (items.length > 1 || said.length > 1) {
        this.points({ title: this.topicTitle([pre]) ?? this.title(head) }, [pre], items, `ann-pre-${s.lead.source.startLine}`);
        leadUsed = true;
      }
    }
    // Items each told in a short paragraph of their own (站位高远，就是……。省直机关已有87%的单位
    // ……。) are not a near-empty slide each: their cards say the item's most concrete
    // point under its summary, and the paragraphs are the cards' notes. (Not when an item
    // has figures or a quotation for a slide of its own.)
    const kids = sectionsOf(s.children);
    const thin = kids.length >= 2 && kids.every((k) => k.children.length === 0 && sentences(k.lead.text).length <= 3 && !this.setsOff(k.lead));
    // (When they do not fit, the points go first, before the cards go on over another slide.)
    const group = `ann-${s.lead.source.startLine}`;
    const tightened = this.opts.tighten?.[group];
    const pointed = thin && (tightened === undefined || tightened > (s.list ?? []).length);
    const own = (head: string) => kids.find((k) => k.heading === head);
    // One sentence before the list that states an outcome (……，实现了“不死人、少伤人、不垮坝、
    // 不溃堤”的目标) says more under the cards' title than the words the list was announced with.
    const outcome = !leadUsed && before ? clauseParts(stripEnd(before.trim())).map((c) => c.text).filter((c) => rules(this.lang).outcome.test(c) && displayWidth(c) <= 30).pop() : undefined;
    const cards = (s.list ?? []).map((it) => {
      const summary = it.summary ? keyPhrase(it.summary, this.lang, 30) : '';
      const k = pointed ? own(it.head) : undefined;
      const points = k ? sentencePhrases(k.lead.text, this.lang, 3, new Set([0]), Math.round(bulletLimit(this.lang) * 0.75)).map((x) => x.text) : [];
      const best = points.map((t, i) => ({ t, i, v: concretenessBeyondContext(t, this.lang) * 2 + concreteness(t, this.lang) })).sort((a, b) => b.v - a.v || a.i - b.i)[0];
      // (Only a concrete one: a general line would only crowd the cards.)
      return { head: it.head, text: [summary, best && best.v > 0 ? best.t : ''].filter(Boolean).join('\n') };
    });
    const lead = leadUsed ? s.lead.text.slice(before.length) : s.lead.text;
    this.overview({
      title: this.title(s.heading),
      subtitle: outcome ?? s.context,
      cards,
      notes: thin ? [lead, ...kids.map((k) => k.lead.text)] : [lead],
      source: thin ? range([s.lead, ...kids.map((k) => k.lead)]) : { ...s.lead.source },
      group,
    });
    if (!thin) for (const item of kids) this.section(item);
  }

  /**
   * The last clause of a sentence that says what to do (全力以赴抓项目、促投资、稳增长),
   * not a scene-setter (让我们以……的紧迫感) nor a purpose (为……打下坚实基础) when too
   * long: words to end on. Null when no clause fits a title.
   */
  private callOf(sentence: string): string | null {
    const cs = clauses(stripOpeners(stripEnd(sentence), this.lang)).map((c) => c.replace(/^让我们/, ''));
    const fits = (c: string) => displayWidth(c) >= 5 && displayWidth(c) <= 20;
    const tail = cs[cs.length - 1] ?? '';
    return fits(tail) ? tail : [...cs].reverse().find((c) => fits(c) && !rules(this.lang).leadIn.test(c) && !/^为/.test(c)) ?? null;
  }

  private closing(): void {
    const { conclusion, words, signature } = this.speech.closing;
    // With no last words, the conclusion's last paragraph is them.
    const lastWords = words.length ? words : conclusion.slice(-1);
    const before = words.length ? conclusion : conclusion.slice(0, -1);
    // The exhortation before the last words (同志们，……): a statement slide of its own;
    // a closing passage before it (`Let me end with a story…`): points of its own,
    // so that the ending is not filed under the last part.
    const ex = before[before.length - 1];
    const exhorts = !!ex && rules(this.lang).exhortation.test(ex.text);
    const passage = exhorts ? before.slice(0, -1) : before;
    // Titled by what it is about (下一步安排) or its own short first sentence, when either says it; else 结语.
    const lead = passage.length ? this.leadTitle(passage[0]!) : null;
    const topic = passage.length ? this.topicTitle(passage) : null;
    const byLead = !topic && !!lead?.whole;
    // (Titled by its first sentence, it does not show that sentence again as a bullet.)
    if (passage.length) this.points({ title: topic ?? (byLead ? lead!.title : this.words.conclusion) }, passage, this.itemsOf(passage, byLead ? passage[0] : undefined), 'conclusion');
    if (ex && exhorts) {
      const items = sentencePhrases(ex.text.replace(/^[^，,！!]{1,10}[，,！!]\s*/, ''), this.lang, 2).map((x) => x.text).slice(0, 2);
      // Its first point, when short (青春由磨砺而出彩，人生因奋斗而升华), is its title: not 结语.
      const short = items.length > 1 && displayWidth(items[0]!) <= (this.lang === 'zh' ? 22 : 48);
      this.push({ layout: 'statement', title: short ? items[0]! : (this.topicTitle([ex]) ?? this.words.conclusion), items: short ? items.slice(1) : items, notes: [ex.text], source: { ...ex.source }, group: 'conclusion-words' });
    }
    // A signature (role, name, date) is in the notes, never the closing's words.
    const all = [...lastWords, ...signature];
    const texts = all.map((p) => p.text);
    let title: string = this.words.closing;
    const wish = texts.flatMap((t) => sentences(t)).find((x) => /(?:^|[，,])(?:衷心|再次)?(?:预祝|祝愿|祝福|祝)(?!贺)|^(?:I wish|wishing)/i.test(x));
    // The wish itself (祝大家新春愉快、身体健康), not what leads up to it (提前给大家拜个早年).
    const wished = wish && this.lang === 'zh' ? clauses(stripEnd(wish)).find((c, i) => i > 0 && /^(?:衷心)?(?:预祝|祝愿|祝福|祝)/.test(c) && displayWidth(c) <= 24) : undefined;
    if (wished) title = wished;
    else if (wish) title = keyPhrase(wish, this.lang, 20);
    else if (lastWords.length) {
      // (Not a stage direction after them: (Card is going round, please sign.).)
      const said = lastWords.filter((p) => !p.aside);
      const last = said.length ? sentences(said[said.length - 1]!.text).filter((x) => !/^(?:谢谢|感谢|thank)/i.test(x)).pop() : undefined;
      // A toast is said whole (to Arthur and Ruth, to everyone who has worked under this crooked
      // sign, and to the next fifty years of Hartley & Dunn): its words after the glasses are raised.
      const toast = last ? /\braise (?:your|our|a) glass(?:es)?\b[^:：]*[:：]\s*(.+)$|(?:举杯|举起酒杯)[^：:]*[：:]\s*(.+)$/i.exec(stripEnd(last)) : null;
      const raised = toast ? (toast[1] ?? toast[2] ?? '').trim() : '';
      if (raised && displayWidth(raised) <= 64) title = raised;
      else if (last) title = this.callOf(last) ?? keyPhrase(last, this.lang, 20);
      // (English: a last clause that leans on the one before, `…, and thank you`, takes it along.)
      if (last && this.lang === 'en' && /^(?:and|but|or|so)\b/i.test(title) && displayWidth(stripEnd(last)) <= 40) title = stripEnd(last.trim());
    }
    // `以上报告，如有不妥，请……批评指正`: a formula, not words to end on.
    if (/批评指正|供大家参考|抓好落实$|就讲(?:这些|到这里|这么多)|就说(?:这些|到这里)|^I(?:'ll| will) (?:stop|leave it) there/i.test(title)) title = this.words.closing;
    if (this.lang === 'en') title = capitalise(title);
    // With nothing to end on but 谢谢, an exhortation titled by its own first point
    // (青春由磨砺而出彩，人生因奋斗而升华) is the last slide: not a slogan slide and then
    // a 谢谢 slide. Its next point goes under the title when short.
    const prev = this.slides[this.slides.length - 1];
    const exhortation = title === this.words.closing && prev?.group === 'conclusion-words' ? prev : null;
    // (The exhortation slide becomes the closing: titled `as`, its first point under it.)
    const closeWith = (ex: Slide, as: string) => {
      this.slides.pop();
      const source = range(all);
      this.push({ layout: 'closing', title: as, subtitle: ex.items[0], items: [], notes: [...ex.notes, ...texts], source: { startLine: ex.source.startLine, endLine: Math.max(ex.source.endLine, source.endLine) }, group: 'closing' });
    };
    if (exhortation && exhortation.title !== this.words.conclusion && exhortation.items.length <= 1 && exhortation.items.every((t) => displayWidth(t) <= 60)) return closeWith(exhortation, exhortation.title);
    // So is one of two points that ends on a call (……，推动全市政务服务工作再上新台阶):
    // the call is its title, the point before it its subtitle; not 结语 and then 谢谢.
    const call = exhortation && exhortation.title === this.words.conclusion && exhortation.items.length === 2 && displayWidth(exhortation.items[0]!) <= 60 ? this.callOf(exhortation.items[1]!) : null;
    if (exhortation && call) return closeWith(exhortation, this.lang === 'en' ? capitalise(call) : call);
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
  // (A part marked up as a heading, with no numbering, is counted in its heading's language.)
  if (s.kind === 'ordinal') return /^[a-z]/i.test(s.number) || (!s.number && !hasCjk(s.heading)) ? String(s.ordinal) : chineseNumeral(s.ordinal);
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

/**
 * Notes for slides that show parts of one list: the text is cut where each
 * slide's first entry is named (in order, after the previous cut), so each slide
 * carries the words it shows; without such a place, the earlier slide keeps it.
 */
function splitNotes(notes: string[], starts: string[]): string[][] {
  const text = notes.join('\u0000');
  const cuts = [0];
  for (const st of starts.slice(1)) {
    const at = text.indexOf(st, cuts[cuts.length - 1]! + 1);
    cuts.push(at > 0 ? at : cuts[cuts.length - 1]!);
  }
  return cuts.map((c, k) => text.slice(c, cuts[k + 1] ?? text.length).split('\u0000').filter(Boolean));
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
/** Room for one figure when three stand in a row (a 1,100 px body, 40 px gaps), with a margin. */
const FIGURE_CELL_PX = 300;
/**
 * The widest figure three in a row may have: the CSS sets a number as large as its
 * column allows (--nw, --uw), so one up to a third wider is drawn up to a quarter
 * smaller (1300多人次 beside 460多人 and 31个) rather than leaving a figure off the slide.
 */
const FIGURE_CELL_MAX_PX = FIGURE_CELL_PX * 1.34;

/**
 * What the sentence after a slide's last sentence says the figures prove, when it
 * says so in as many words (……证明，困难从来挡不住一代青年的成长; 这说明……) and that
 * is short enough for a title; else null.
 */
function provenBy(pieces: Piece[], owns: (pc: Piece) => boolean): string | null {
  const last = pieces.filter(owns).at(-1);
  const next = last && pieces.find((pc) => pc.para === last.para && pc.sent === last.sent + 1);
  return next ? provedIn(next.text) : null;
}

/** What a sentence says is proved (……证明，X / 这说明X), when short enough for a title; else null. */
function provedIn(sentence: string): string | null {
  const m = /(?:证明|说明|表明|可见)了?[，,：:]\s*([^，,。；;！!？?]+)[。！!]?\s*$/.exec(sentence.trim());
  return m && displayWidth(m[1]!) >= 6 && displayWidth(m[1]!) <= 20 ? m[1]! : null;
}

/** Whether `it` is one of several items cut from one sentence (a list, 一是……二是……). */
function fromOneSentence(items: Item[], it: Item): boolean {
  return items.some((o) => o !== it && o.para === it.para && o.sent === it.sent);
}

/** Layouts that show a title, and so can carry the name of the part they open above it. */
const KICKED = new Set<Layout>(['points', 'statement', 'figure', 'overview']);

/** A card slide's items: each card's head and text, as the fit loop measures them (an empty text is none). */
export function cardItems(cards: Card[]): string[] {
  return cards.flatMap((c) => [c.head, c.text].filter(Boolean));
}

/** What a continued slide's title ends with: （续） / (cont.). */
export function continuedMark(lang: Lang): string {
  return WORDS[lang].continued;
}

export function planDeck(speech: Speech, opts: PlanOptions = DEFAULT_PLAN): Deck {
  return deckOf(speech, notesByParagraph(speech, new Planner(speech, opts).plan()));
}

/** The deck of these slides: the speech's meta and outline around them, each slide's fields in FIELD_ORDER. */
export function deckOf(speech: Speech, slides: Slide[]): Deck {
  const ordered = slides.map((s) => Object.fromEntries(FIELD_ORDER.filter((k) => k in s).map((k) => [k, (s as unknown as Record<string, unknown>)[k]])) as unknown as Slide);
  return { meta: { ...speech.meta }, outline: outlineOf(speech.body), slides: ordered };
}
