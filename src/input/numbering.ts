// Word's automatic numbering, as Word shows it. In a 讲话稿 saved from Word or WPS
// the 一、（一）1. that carry the structure are usually list numbering, not text:
// mammoth (which reads everything else of a .docx) drops them. This module reads
// word/numbering.xml and gives each numbered paragraph the label Word draws
// (OOXML §17.9: abstract numbering per level, w:numFmt, w:lvlText, w:start,
// w:lvlOverride/w:startOverride; lists that share an abstract numbering share
// their counters; a level restarts when a level above it advances).
// Pure: XML in, labels out.
import { DOMParser } from '@xmldom/xmldom';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface Level {
  numFmt: string;
  lvlText: string;
  start: number;
  /** w:suff: what follows the label (tab by default). */
  suff: 'tab' | 'space' | 'nothing';
  /** w:isLgl: every level shown as decimal (1.1.1). */
  legal: boolean;
}

/** A list instance (w:num): the abstract numbering it counts in, and what it overrides per level. */
export interface NumDef {
  abstractId: string;
  starts: Map<number, number>;
  levels: Map<number, Level>;
}

export interface NumberingDefs {
  abstract: Map<string, Map<number, Level>>;
  /** numId → its abstract numbering and its overrides per level. */
  nums: Map<string, NumDef>;
  /** A numbering style (w:numStyleLink) → the numId its style carries. */
  styleLinks: Map<string, string>;
}

/** Each paragraph (or numbering) style by its id: its numbering, outline level, name and parent (w:basedOn). */
export interface StyleDefs {
  byId: Map<string, { numId?: string; ilvl?: number; outline?: number; name?: string; basedOn?: string }>;
}

/** An element's first child of that (WordprocessingML) name. */
export function child(parent: Element, name: string): Element | null {
  for (let n = parent.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as Element).localName === name) return n as Element;
  return null;
}

/** An element's w:val. */
export function val(e: Element | null): string | undefined {
  return e ? e.getAttributeNS(W, 'val') || e.getAttribute('w:val') || undefined : undefined;
}

function attr(e: Element, name: string): string | undefined {
  return e.getAttributeNS(W, name) || e.getAttribute(`w:${name}`) || undefined;
}

function children(parent: Element, name: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as Element).localName === name) out.push(n as Element);
  return out;
}

function readLevel(lvl: Element): Level {
  const suff = val(child(lvl, 'suff'));
  return {
    numFmt: val(child(lvl, 'numFmt')) ?? 'decimal',
    lvlText: val(child(lvl, 'lvlText')) ?? '',
    start: Number(val(child(lvl, 'start')) ?? '1') || 0,
    suff: suff === 'space' || suff === 'nothing' ? suff : 'tab',
    legal: !!child(lvl, 'isLgl') && val(child(lvl, 'isLgl')) !== '0' && val(child(lvl, 'isLgl')) !== 'false',
  };
}

/** A part of the package as a document (a damaged part reads as far as it goes, never throws). */
export function parseXmlDocument(xml: string): Document {
  return new DOMParser({ errorHandler: () => undefined }).parseFromString(xml, 'application/xml') as unknown as Document;
}

export function parseXml(xml: string): Element {
  return parseXmlDocument(xml).documentElement;
}

/** word/numbering.xml → the definitions (empty when the document has none). */
export function readNumbering(xml: string | null, styles: StyleDefs): NumberingDefs {
  const defs: NumberingDefs = { abstract: new Map(), nums: new Map(), styleLinks: new Map() };
  if (!xml) return defs;
  const root = parseXml(xml);
  const links = new Map<string, string>();
  for (const a of children(root, 'abstractNum')) {
    const id = attr(a, 'abstractNumId') ?? '';
    const levels = new Map<number, Level>();
    for (const lvl of children(a, 'lvl')) levels.set(Number(attr(lvl, 'ilvl') ?? '0'), readLevel(lvl));
    defs.abstract.set(id, levels);
    const link = val(child(a, 'numStyleLink'));
    if (link) links.set(id, link);
  }
  for (const n of children(root, 'num')) {
    const numId = attr(n, 'numId') ?? '';
    const abstractId = val(child(n, 'abstractNumId')) ?? '';
    const starts = new Map<number, number>();
    const levels = new Map<number, Level>();
    for (const o of children(n, 'lvlOverride')) {
      const ilvl = Number(attr(o, 'ilvl') ?? '0');
      const so = val(child(o, 'startOverride'));
      if (so !== undefined) starts.set(ilvl, Number(so) || 0);
      const lvl = child(o, 'lvl');
      if (lvl) levels.set(ilvl, readLevel(lvl));
    }
    defs.nums.set(numId, { abstractId, starts, levels });
  }
  // An abstract numbering that only links to a numbering style takes that style's list.
  for (const [abstractId, style] of links) {
    const numId = styles.byId.get(style)?.numId;
    if (numId) defs.styleLinks.set(abstractId, numId);
  }
  return defs;
}

/** word/styles.xml → each paragraph (and numbering) style's numPr, outline level, name and parent. */
export function readStyles(xml: string | null): StyleDefs {
  const out: StyleDefs = { byId: new Map() };
  if (!xml) return out;
  const root = parseXml(xml);
  for (const s of children(root, 'style')) {
    const id = attr(s, 'styleId');
    if (!id) continue;
    const pPr = child(s, 'pPr');
    const numPr = pPr ? child(pPr, 'numPr') : null;
    const numId = numPr ? val(child(numPr, 'numId')) : undefined;
    const ilvl = numPr ? val(child(numPr, 'ilvl')) : undefined;
    const outline = pPr ? val(child(pPr, 'outlineLvl')) : undefined;
    out.byId.set(id, { numId, ilvl: ilvl === undefined ? undefined : Number(ilvl), outline: outline === undefined ? undefined : Number(outline), name: val(child(s, 'name')), basedOn: val(child(s, 'basedOn')) });
  }
  return out;
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 11 → 十一, 21 → 二十一, 105 → 一百零五 (chineseCounting). */
export function chineseCounting(n: number): string {
  if (n <= 0) return String(n);
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 20) return '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  if (n < 100) return CN_DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  if (n < 1000) {
    const rest = n % 100;
    return CN_DIGITS[Math.floor(n / 100)] + '百' + (rest === 0 ? '' : rest < 10 ? '零' + CN_DIGITS[rest] : rest < 20 ? '一' + chineseCounting(rest) : chineseCounting(rest));
  }
  return String(n);
}

function roman(n: number): string {
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

function letters(n: number): string {
  // Word repeats the letter past z: aa, bb …
  const k = (n - 1) % 26;
  return String.fromCharCode(97 + k).repeat(Math.floor((n - 1) / 26) + 1);
}

/** How each numFmt writes a count, as Word does. Unknown formats are decimal. */
const FORMATS: Record<string, (n: number) => string> = {
  decimal: (n) => String(n),
  decimalZero: (n) => (n < 10 ? '0' + n : String(n)),
  decimalFullWidth: (n) => String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
  decimalFullWidth2: (n) => String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
  decimalHalfWidth: (n) => String(n),
  decimalEnclosedCircle: (n) => (n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n)),
  decimalEnclosedCircleChinese: (n) => (n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n)),
  decimalEnclosedParen: (n) => (n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`),
  decimalEnclosedFullstop: (n) => (n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`),
  upperRoman: roman,
  lowerRoman: (n) => roman(n).toLowerCase(),
  upperLetter: (n) => letters(n).toUpperCase(),
  lowerLetter: letters,
  ordinal: (n) => `${n}${[, 'st', 'nd', 'rd'][n % 100 > 10 && n % 100 < 14 ? 0 : n % 10] ?? 'th'}`,
  chineseCounting,
  chineseCountingThousand: chineseCounting,
  chineseLegalSimplified: (n) => chineseCounting(n).replace(/[一二三四五六七八九十百]/g, (c) => '壹贰叁肆伍陆柒捌玖拾佰'['一二三四五六七八九十百'.indexOf(c)]!),
  taiwaneseCounting: chineseCounting,
  taiwaneseCountingThousand: chineseCounting,
  japaneseCounting: chineseCounting,
  ideographTraditional: (n) => '甲乙丙丁戊己庚辛壬癸'[(n - 1) % 10] ?? String(n),
  ideographZodiac: (n) => '子丑寅卯辰巳午未申酉戌亥'[(n - 1) % 12] ?? String(n),
  ideographDigital: (n) => String(n).split('').map((d) => '〇一二三四五六七八九'[Number(d)]).join(''),
  none: () => '',
  bullet: () => '',
};

export function formatCount(n: number, numFmt: string): string {
  return (FORMATS[numFmt] ?? FORMATS.decimal!)(n);
}

/** A style and the styles it is based on (w:basedOn), nearest first; a loop ends the walk. */
export function* styleChain(styles: StyleDefs, styleId: string | undefined): Generator<NonNullable<ReturnType<StyleDefs['byId']['get']>>> {
  const seen = new Set<string>();
  for (let id = styleId; id && !seen.has(id); ) {
    seen.add(id);
    const s = styles.byId.get(id);
    if (!s) return;
    yield s;
    id = s.basedOn;
  }
}

/** What a paragraph asks for: its numPr, else its style's (through w:basedOn). */
export function styleNumbering(styles: StyleDefs, styleId: string | undefined): { numId?: string; ilvl?: number } {
  for (const s of styleChain(styles, styleId)) if (s.numId !== undefined) return { numId: s.numId, ilvl: s.ilvl };
  return {};
}

/**
 * Counts paragraphs as Word does and says the label of each numbered one.
 * `next(numId, ilvl)` is called for every numbered paragraph in document order.
 */
export class Counter {
  private counts = new Map<string, number[]>();
  private started = new Set<string>();

  constructor(private readonly defs: NumberingDefs) {}

  /**
   * List `numId`: the abstract numbering it counts in (through a numbering style's
   * link), its own overrides, and each level as it is drawn (an override over the
   * abstract level); null for no such list.
   */
  private resolve(numId: string): { abstractId: string; num: NumDef; level: (k: number) => Level | undefined } | null {
    const own = this.defs.nums.get(numId);
    const seen = new Set<string>();
    let id = numId;
    while (own && !seen.has(id)) {
      seen.add(id);
      const num = this.defs.nums.get(id);
      if (!num) return null;
      const link = this.defs.styleLinks.get(num.abstractId);
      if (link && link !== id) {
        id = link;
        continue;
      }
      const levels = this.defs.abstract.get(num.abstractId);
      return { abstractId: num.abstractId, num: own, level: (k) => own.levels.get(k) ?? levels?.get(k) };
    }
    return null;
  }

  /** The label of the next paragraph of list `numId` at level `ilvl`, or null (no such list, a bullet, numId 0). */
  next(numId: string, ilvl: number): string | null {
    if (numId === '0') return null;
    const r = this.resolve(numId);
    if (!r) return null;
    const { level } = r;
    const here = level(ilvl);
    if (!here || here.numFmt === 'bullet') return null;
    const counts = this.counts.get(r.abstractId) ?? [];
    // A list instance that overrides its start begins again there the first time it is used.
    if (!this.started.has(numId)) {
      this.started.add(numId);
      for (const [k, s] of r.num.starts) {
        counts[k] = s - 1;
        counts.length = Math.max(counts.length, k + 1);
        for (let d = k + 1; d < counts.length; d++) counts[d] = NaN;
      }
    }
    const prev = counts[ilvl];
    counts[ilvl] = prev === undefined || Number.isNaN(prev) ? here.start : prev + 1;
    // Levels below restart when this one advances.
    for (let d = ilvl + 1; d < counts.length; d++) counts[d] = NaN;
    // Levels above that have not been used yet count from their start.
    for (let d = 0; d < ilvl; d++) if (counts[d] === undefined || Number.isNaN(counts[d]!)) counts[d] = level(d)?.start ?? 1;
    this.counts.set(r.abstractId, counts);
    return here.lvlText.replace(/%([1-9])/g, (_, k: string) => {
      const d = Number(k) - 1;
      const lv = level(d);
      const n = counts[d] ?? lv?.start ?? 1;
      return formatCount(n, here.legal ? 'decimal' : lv?.numFmt ?? 'decimal');
    });
  }

  /** What follows a label: a space after a label that ends in a Latin mark (1. / (a)), nothing after 一、 or （一）. */
  static gap(label: string, suff: Level['suff']): string {
    if (suff === 'nothing' || !label) return '';
    return /[\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]$/.test(label) ? '' : ' ';
  }

  levelOf(numId: string, ilvl: number): Level | undefined {
    return this.resolve(numId)?.level(ilvl);
  }
}
