// Plan stage: speech tree → slide model. Pure; the fit loop calls it again with
// tighter limits for the groups whose slides did not fit.
import type { Deck, Lang, OutlineNode, Paragraph, PlanOptions, Section, Slide, Speech } from '../types.js';
import { displayWidth, sentences, stripEnd } from '../parse/text.js';
import { keyPhrase, paragraphPhrases } from './condense.js';

export const DEFAULT_PLAN: PlanOptions = { maxItems: 5, maxItemChars: 34 };

const WORDS = {
  zh: { intro: '开场', agenda: '目录', closing: '谢谢', continued: '（续）', overview: '要点' },
  en: { intro: 'Introduction', agenda: 'Agenda', closing: 'Thank you', continued: ' (cont.)', overview: 'Overview' },
};

interface Item {
  text: string;
  /** Index into the paragraph list of the group this item came from. */
  para: number;
}

function range(paras: Paragraph[]) {
  return {
    startLine: Math.min(...paras.map((p) => p.source.startLine)),
    endLine: Math.max(...paras.map((p) => p.source.endLine)),
  };
}

class Planner {
  private slides: Slide[] = [];
  private readonly lang: Lang;

  constructor(private readonly speech: Speech, private readonly opts: PlanOptions) {
    this.lang = speech.meta.lang;
  }

  private words() {
    return WORDS[this.lang];
  }

  private limitFor(group: string): number {
    return Math.max(1, Math.min(this.opts.maxItems, this.opts.tighten?.[group] ?? this.opts.maxItems));
  }

  private push(s: Omit<Slide, 'id'>): void {
    this.slides.push({ id: `s${this.slides.length + 1}`, ...s });
  }

  /**
   * Points slides for a run of paragraphs: items in order, at most `limit` a
   * slide, continuation slides marked （续）. Each paragraph's text goes into the
   * notes of the slide that shows its first item, so notes stay in order.
   */
  private points(base: { title: string; badge?: string; section?: number; layout?: Slide['layout'] }, paras: Paragraph[], items: Item[], group: string, leadNotes: Paragraph[] = []): void {
    const limit = this.limitFor(group);
    const chunks: Item[][] = [];
    for (let i = 0; i < items.length; i += limit) chunks.push(items.slice(i, i + limit));
    if (!chunks.length) chunks.push([]);
    // Paragraph → chunk it is noted in: the chunk of its first item, or the previous one.
    const noteChunk: number[] = [];
    let cur = 0;
    paras.forEach((_, pi) => {
      const first = chunks.findIndex((c) => c.some((it) => it.para === pi));
      if (first >= 0) cur = Math.max(cur, first);
      noteChunk[pi] = cur;
    });
    chunks.forEach((chunk, ci) => {
      const notes = [...(ci === 0 ? leadNotes : []), ...paras.filter((_, pi) => noteChunk[pi] === ci)];
      const src = notes.length ? notes : paras.length ? paras : leadNotes;
      this.push({
        layout: base.layout ?? 'points',
        title: ci === 0 ? base.title : base.title + this.words().continued,
        badge: base.badge,
        section: base.section,
        items: chunk.map((c) => c.text),
        notes: notes.map((p) => p.text),
        source: src.length ? range(src) : { startLine: 0, endLine: 0 },
        continued: ci > 0 || undefined,
        group,
      });
    });
  }

  /** Bullets for paragraphs; the lead paragraph of an inline heading skips its first sentence. */
  private itemsOf(paras: Paragraph[], skipFirstOf?: Paragraph): Item[] {
    const items: Item[] = [];
    const perPara = paras.length <= 2 ? 5 : paras.length <= 4 ? 3 : 2;
    paras.forEach((p, pi) => {
      for (const text of paragraphPhrases(p.text, this.lang, perPara, p === skipFirstOf)) {
        if (!items.some((x) => x.text === text)) items.push({ text, para: pi });
      }
    });
    return items;
  }

  private titleSlide(): void {
    const m = this.speech.meta;
    const items: string[] = [];
    if (m.speaker) items.push([m.speaker.role, m.speaker.name].filter(Boolean).join(this.lang === 'zh' ? '　' : ', '));
    if (m.dateText) items.push(m.dateText);
    const header = this.speech.header;
    this.push({
      layout: 'title',
      title: m.title,
      subtitle: m.subtitle ?? undefined,
      items,
      notes: header.map((p) => p.text),
      source: header.length ? range(header) : { startLine: 1, endLine: 1 },
      group: 'title',
    });
  }

  private preamble(): void {
    const paras = this.speech.preamble;
    if (!paras.length) return;
    // A long opening paragraph stands on its own slide, titled by its first sentence;
    // short ones are gathered under a generic opening title.
    let run: Paragraph[] = [];
    const flush = () => {
      if (!run.length) return;
      const g = `pre-${run[0]!.source.startLine}`;
      this.points({ title: this.words().intro }, run, this.itemsOf(run), g);
      run = [];
    };
    for (const p of paras) {
      const ss = sentences(p.text);
      const first = keyPhrase(ss[0] ?? p.text, this.lang, this.lang === 'zh' ? 22 : 40);
      if (ss.length >= 3 && !first.endsWith('…')) {
        flush();
        this.points({ title: first }, [p], this.itemsOf([p], p), `pre-${p.source.startLine}`);
      } else run.push(p);
    }
    flush();
  }

  private agenda(): void {
    const secs = this.speech.sections;
    if (secs.length < 2) return;
    this.push({
      layout: 'agenda',
      title: this.words().agenda,
      items: secs.map((s) => keyPhrase(s.heading, this.lang, 24)),
      notes: [],
      source: { startLine: secs[0]!.source.startLine, endLine: secs[secs.length - 1]!.source.endLine },
      group: 'agenda',
    });
  }

  private sectionSlides(s: Section, topIndex: number): void {
    const badge = s.level === 1 ? s.number : undefined;
    const title = s.heading;
    const own = [s.lead, ...s.body];
    const g = `sec-${s.lead.source.startLine}`;
    if (!s.children.length) {
      // A leaf: its heading over bullets from its own text.
      this.points({ title, badge, section: topIndex }, own, this.itemsOf(own, s.inline ? s.lead : undefined), g);
      return;
    }
    const shortKids = s.children.length >= 2 && s.children.length <= 4 && s.children.every((c) => !c.children.length && c.body.length === 0 && sentences(c.lead.text).length <= 4);
    const ownItems = this.itemsOf(own, s.inline ? s.lead : undefined).filter((i) => i.text !== title);
    if (s.level === 1) {
      // Divider: number and heading. What the section says before its first
      // subsection goes onto a points slide after it, or, when the subsections are
      // shown as cards, into their subtitle.
      const separate = ownItems.length > 0 && !shortKids;
      const dividerParas = !separate ? own : s.inline ? [] : [s.lead];
      this.push({
        layout: 'section',
        title,
        badge,
        section: topIndex,
        items: [],
        notes: shortKids ? [s.lead.text] : dividerParas.map((p) => p.text),
        source: range(shortKids ? [s.lead] : dividerParas.length ? dividerParas : [s.lead]),
        group: g,
      });
      if (separate) this.points({ title, badge, section: topIndex }, s.inline ? own : s.body, s.inline ? ownItems : this.itemsOf(s.body), g + '-body');
    } else if (!shortKids) {
      this.points({ title, section: topIndex }, own, ownItems, g);
    }
    if (shortKids) {
      // Short parallel subsections read best side by side: one card each.
      const cards = s.children.map((c) => {
        const rest = sentences(c.lead.text).slice(c.inline ? 1 : 0);
        return { head: c.heading, text: rest.length ? keyPhrase(rest[0]!, this.lang, 30) : '' };
      });
      const kids = [...(s.level === 1 ? s.body : own), ...s.children.map((c) => c.lead)];
      const intro = s.level === 1 ? s.body[0] : s.inline ? undefined : s.body[0];
      this.push({
        layout: 'overview',
        title,
        subtitle: intro ? keyPhrase(sentences(intro.text)[0]!, this.lang, 30) : undefined,
        badge,
        section: topIndex,
        items: cards.flatMap((c) => [c.head, c.text].filter(Boolean)),
        cards,
        notes: kids.map((p) => p.text),
        source: range(kids),
        group: g + '-cards',
      });
      return;
    }
    for (const c of s.children) this.sectionSlides(c, topIndex);
  }

  private closing(): void {
    const paras = this.speech.closing;
    const first = paras[0];
    const title = first ? keyPhrase(sentences(first.text).slice(-1)[0] ?? first.text, this.lang, 20) : this.words().closing;
    this.push({
      layout: 'closing',
      title: stripEnd(title),
      items: [],
      notes: paras.map((p) => p.text),
      source: paras.length ? range(paras) : { startLine: 0, endLine: 0 },
      group: 'closing',
    });
  }

  plan(): Slide[] {
    this.titleSlide();
    this.preamble();
    this.agenda();
    this.speech.sections.forEach((s, i) => this.sectionSlides(s, i + 1));
    this.closing();
    return this.slides;
  }
}

function outlineOf(sections: Section[]): OutlineNode[] {
  return sections.map((s) => ({
    level: s.level,
    number: s.number,
    heading: s.heading,
    source: s.source,
    children: outlineOf(s.children),
  }));
}

export function planDeck(speech: Speech, opts: PlanOptions = DEFAULT_PLAN): Deck {
  const slides = new Planner(speech, opts).plan();
  return { meta: { ...speech.meta }, outline: outlineOf(speech.sections), slides };
}

/** For reports: how wide the widest item of a slide is, in em. */
export function widestItem(slide: Slide): number {
  return Math.max(0, ...slide.items.map(displayWidth));
}
