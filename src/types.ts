// Every type that crosses a stage boundary lives here, so the pipeline reads
// as: Manuscript (input) → Speech (parse) → Deck (plan) → string (render) → PDF (print).

/** 1-based, inclusive line range in the manuscript, so any later stage can point back. */
export interface SourceRange {
  startLine: number;
  endLine: number;
}

/** A decoded manuscript: the only thing the input stage hands on. */
export interface Manuscript {
  /** Path as the user gave it; used in messages only. */
  path: string;
  /** File name without extension: names the output folder. */
  name: string;
  /** Encoding the bytes were decoded from (utf-8, gb18030, ...). */
  encoding: string;
  /** Decoded text, line ends normalised to \n, BOM removed. */
  text: string;
  /** What the input stage read but doubts (bytes replaced, a byte-order mark ignored); the CLI prints each as `warning: FILE: …`. */
  warnings?: InputWarning[];
  /** What the file says of itself (Markdown front matter): over what the parser detects. */
  meta?: ManuscriptMeta;
  /** Lines that are headings by their markup (Markdown `##`, `###`): 1-based line, level 1 a part. */
  headings?: Array<{ line: number; level: number }>;
  /** First lines of paragraphs for the speaker only (Markdown comments, `Note:` paragraphs). */
  asides?: number[];
  /** Lines where the author breaks the slides (Markdown `---`). */
  breaks?: number[];
  /** How a place in it is named to the user: lines of a text file, paragraphs of a Word file. */
  places?: 'lines' | 'paragraphs';
  /** A title the file carries outside its text (a Word document's properties): used only when the text gives none. */
  titleHint?: string;
  /** An outline.md beside the outputs, made from this very text (perhaps edited): the deck is made from it. */
  outline?: { path: string; text: string };
}

/** A manuscript's own statement of its title, speaker, date and look (front matter). */
export interface ManuscriptMeta {
  title?: string;
  subtitle?: string;
  speaker?: string;
  role?: string;
  /** YYYY-MM-DD. */
  date?: string;
  occasion?: string;
  lang?: Lang;
  theme?: string;
  aspect?: Aspect;
}

/** A problem in the input that did not stop the build, with the manuscript lines it concerns. */
export interface InputWarning {
  message: string;
  /** 1-based lines of the decoded text (empty when the whole file is concerned). */
  lines: number[];
}

export type Lang = 'zh' | 'en';

export interface Speaker {
  name: string;
  role: string;
}

/** One paragraph of the manuscript, whitespace-normalised but otherwise verbatim. */
export interface Paragraph {
  text: string;
  source: SourceRange;
  /** Said to the speaker only (a Markdown comment, a `Note:` paragraph): in the notes, never on a slide. */
  aside?: true;
  /** Starts a new slide (after a Markdown `---`). */
  breakBefore?: true;
}

/** How a section's heading is written in the manuscript. */
export type SectionKind =
  /** 一、 （一） 1. （1） ① — outline numbering. */
  | 'numbered'
  /** 第一， 第二， / 首先 其次 最后 / First, Second, Finally — ordinal paragraphs. */
  | 'ordinal'
  /** A list announced in one paragraph (`……特点，那就是：A，……；B，……`) whose items the following paragraphs take up. */
  | 'announced'
  /** One item of an announced list. */
  | 'item'
  /** One of several paragraphs in a row that open alike (愿你们……愿你们……). */
  | 'parallel';

/**
 * A heading with what belongs to it. A heading can stand on its own line, or be
 * the first sentence of a paragraph (`一、要……布局。任务已经部署，……`): then
 * `inline` is true. Either way `lead` is the manuscript paragraph that holds it.
 */
export interface Section {
  type: 'section';
  kind: SectionKind;
  /** Depth in the outline, 1-based (numbering ranks are nested in the order met). */
  level: number;
  /** The numbering as written, e.g. `一`, `（二）`, `3`, `第一`; for items, empty. */
  number: string;
  /** Its ordinal value, 1-based. */
  ordinal: number;
  heading: string;
  inline: boolean;
  /** The paragraph the heading is written in (its own line, or the paragraph it opens). */
  lead: Paragraph;
  /** For an announced list: the clause naming what it lists (`省直机关各级工会一年的工作`). */
  context?: string;
  /** For an announced list: the words before its colon that announce it (`我们的工作有这样几个突出的特点`). */
  announcement?: string;
  /** For an announced list: every item it names, with its phrase (some may have no paragraph of their own). */
  list?: Array<{ head: string; summary: string }>;
  /** For an item of an announced list: the phrase the announcement gives it. */
  summary?: string;
  /**
   * For an item of an announced list with no paragraph of its own: its lead is the end of
   * the item before's paragraph, from the sentence that names it; that sentence is content,
   * not a heading line.
   */
  told?: true;
  /** Paragraphs and subsections after `lead`, in manuscript order. */
  children: Node[];
  source: SourceRange;
}

export interface ParagraphNode extends Paragraph {
  type: 'paragraph';
}

export type Node = ParagraphNode | Section;

export interface SpeechMeta {
  title: string;
  subtitle: string | null;
  speaker: Speaker | null;
  /** ISO YYYY-MM-DD, or null if the manuscript states none. */
  date: string | null;
  /** The date as the manuscript writes it, for display. */
  dateText: string | null;
  lang: Lang;
  salutation: string | null;
  /** The meeting named in the title (`在……会议上的讲话` → `……会议`), or null. */
  occasion: string | null;
}

/** The speech tree: what the parser found. */
export interface Speech {
  meta: SpeechMeta;
  /** Header block lines (title, date, speaker) and salutation, verbatim. */
  header: Paragraph[];
  /** The speech between header and closing: paragraphs and sections in order. */
  body: Node[];
  /** How the speech ends, after its last part. */
  closing: Closing;
}

/** The end of a speech, in manuscript order: conclusion, last words, signature. */
export interface Closing {
  /**
   * What concludes the speech after its last part: a closing passage (`Let me end
   * with…`, paragraphs past the pattern of the last part's points) and the closing
   * exhortation (同志们，……), in that order.
   */
  conclusion: Paragraph[];
  /** The last words: wishes and thanks (最后，祝……; 谢谢大家; Thank you). */
  words: Paragraph[];
  /** A signature at the very end (role, name, date on lines of their own). */
  signature: Paragraph[];
}

export type Layout =
  | 'title'
  | 'agenda'
  | 'section'
  | 'overview'
  | 'points'
  | 'statement'
  | 'quote'
  | 'figure'
  | 'closing';

/** A card: a head and its phrase (overview cards; a figure's number and label). */
export interface Card {
  head: string;
  text: string;
}

/** What every slide has. */
export interface SlideBase {
  /** Stable id, e.g. `s3`, used to report overflow back to the planner. */
  id: string;
  title: string;
  /** The visible texts (bullets, cards, agenda entries...): what the fit loop measures. */
  items: string[];
  /** The manuscript paragraphs behind this slide, verbatim and in order. */
  notes: string[];
  source: SourceRange;
  /** Number badge of the section this slide belongs to (`一`), if any. */
  badge?: string;
  /** 1-based index of the top-level section, for bookmarks and the footer. */
  section?: number;
  /** True for a continuation slide (title carries （续）). */
  continued?: boolean;
  /** The numbered parts this slide is in, above its title (一、清醒认识当前安全生产形势　（一）……); none on a part's own slides. */
  kicker?: string;
  /** The planning group this slide was cut from; the fit loop tightens per group. */
  group: string;
}

/** A slide, keyed by its layout: each layout has the fields it draws and no others. */
export type Slide =
  | (SlideBase & { layout: 'title'; /** The subtitle line under the title. */ subtitle?: string })
  | (SlideBase & {
      layout: 'agenda';
      /** A line under the title: the meeting's purpose, when too thin for a slide. */
      subtitle?: string;
      /** The number shown beside each entry (the sections' own numbering). */
      marks?: string[];
      /** For an agenda continued over slides: the number of its first entry. */
      start?: number;
    })
  | (SlideBase & { layout: 'section'; subtitle?: string })
  | (SlideBase & { layout: 'overview'; subtitle?: string; /** Its cards (also listed in `items`). */ cards: Card[] })
  | (SlideBase & { layout: 'points'; subtitle?: string; /** A saying set off on the slide (`有句话说得好：……`), or a short quotation opening the passage. */ callout?: string; /** Who the callout quotes. */ calloutBy?: string; /** Said before the bullets in the speech: shown above them. */ calloutFirst?: boolean })
  | (SlideBase & { layout: 'statement'; subtitle?: string; callout?: string })
  | (SlideBase & {
      layout: 'quote';
      /** The attribution. */
      subtitle?: string;
      /** The words that lead into the quotation, above it. */
      lead?: string;
      /** The point the speech makes of it, below it. */
      coda?: string;
    })
  | (SlideBase & { layout: 'figure'; /** What the figures add up to, in words. */ subtitle?: string; /** Each figure: its number (head) and what it counts (text). */ cards: Card[]; /** The one sentence said after the figures that ends the passage (今年要在此基础上……), under them. */ coda?: string })
  | (SlideBase & { layout: 'closing'; /** The exhortation's line under the last words, when they are its first point. */ subtitle?: string });

/** The slide of one layout. */
export type SlideOf<L extends Layout> = Extract<Slide, { layout: L }>;

/** deck.json's `meta` is the speech's meta as the parser found it. */
export type DeckMeta = SpeechMeta & {
  /** Each slide's footer, when the office's configuration names it (organisation, footer text). */
  footer?: string;
  /** How fast the speaker reads, when the configuration says: characters (Chinese) or words (English) a minute. */
  rate?: number;
};

export interface OutlineNode {
  kind: SectionKind;
  level: number;
  number: string;
  heading: string;
  source: SourceRange;
  children: OutlineNode[];
}

/** The slide model: what `deck.json` holds and what the renderer draws. */
export interface Deck {
  meta: DeckMeta;
  outline: OutlineNode[];
  slides: Slide[];
}

/** Limits the planner fills slides to; the fit loop tightens them per slide. */
export interface PlanOptions {
  /** Most bullets on a points slide. */
  maxItems: number;
  /** Most characters (CJK count 1, Latin 0.5) in one bullet. */
  maxItemChars: number;
  /** Per planning group: the most items a slide of that group may take (from the fit loop). */
  tighten?: Record<string, number>;
  /** Per planning group: measured heights, so the planner packs items by height (from the fit loop). */
  fit?: Record<string, GroupFit>;
}

export type Aspect = '16:9' | '4:3';

export interface RenderOptions {
  theme: string;
  aspect: Aspect;
  notes: boolean;
  /** Bullets appear one at a time as the speaker reaches them (reveal fragments). */
  steps: boolean;
  /** The office's logo (speechdeck.config.json): on the title slide and in every footer. */
  logo?: Logo;
}

/** A PNG or JPEG image, checked by its bytes, as base64. */
export interface Logo {
  mime: 'image/png' | 'image/jpeg';
  base64: string;
}

/** Fonts and scripts the renderer inlines; loaded by the input stage. */
export interface Assets {
  revealCss: string;
  /** The deck's browser code (reveal.js + notes + our init), bundled by esbuild. */
  deckJs: string;
  /** CSP hashes of inline scripts the deck writes at run time (reveal's speaker view). */
  runtimeScriptHashes: string[];
  /** Layout CSS shared by every theme. */
  baseCss: string;
  template: string;
  /** One HTML template per layout, by layout name. */
  layouts: Record<string, string>;
  fonts: FontSource[];
}

/** One fontsource file: a slice of a face covering a unicode range. */
export interface FontSource {
  /** The slice's file name: names it in caches. */
  key: string;
  family: string;
  weight: number;
  /** Code points this slice covers. */
  ranges: Array<[number, number]>;
  /** woff2 bytes of the slice (not yet subset). */
  data: Uint8Array;
}

/** A subset font ready to inline. */
export interface FontFace {
  family: string;
  weight: number;
  format: 'woff2' | 'sfnt';
  data: Uint8Array;
  unicodeRange: string;
}

/** What the browser measured for one planning group, in CSS px. */
export interface GroupFit {
  /** Height available to the items on the group's slides (the smallest seen). */
  budget: number;
  /** Height each item takes (its box and the gap after it), by item text. */
  heights: Record<string, number>;
  /** Height the callout takes, if the group has one. */
  callout: number;
}

/** What the browser measured for one slide. */
export interface SlideFit {
  /** Height of the slide's fit area. */
  avail: number;
  /** Height each item takes, in order. */
  items: number[];
  callout: number;
}

export interface FitReport {
  /** Slide ids whose content overflows, with how many of their items fitted. */
  overflow: Record<string, number>;
  /** Per slide id: the measured heights. */
  slides: Record<string, SlideFit>;
  /** Smallest font size (px) of the slides' text proper (all but the footer line). */
  minBodyPx: number;
  /** Smallest computed font size (px) of any visible text, and where. */
  minFontPx: number;
  minFontWhere: string;
}
