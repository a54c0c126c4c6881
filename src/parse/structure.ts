// Structure written in words rather than numbering: runs of ordinal paragraphs
// (第一，…第二，… / 首先…其次…最后… / First, … Second, …) and announced lists
// (`……特点，那就是：A，……；B，……` followed by paragraphs that begin with A, B).
// Both become sections, so the planner treats them like numbered ones.
import type { Lang, Node, Paragraph, ParagraphNode, Section } from '../types.js';
import { headingOf } from './speech.js';
import { capitalise, chineseNumber, clauses, displayWidth, sentences, splitOutsideQuotes, stripEnd } from '../lang/text.js';

interface Ordinal {
  family: string;
  /** 1-based position; Infinity for a closing marker (最后, Finally). */
  value: number;
  marker: string;
  rest: string;
}

const EN_ORD = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

export function matchOrdinal(text: string): Ordinal | null {
  let m = /^(第([一二三四五六七八九十]{1,3}))[，,、：:]\s*/.exec(text);
  if (m) return { family: '第', value: chineseNumber(m[2]!)!, marker: m[1]!, rest: text.slice(m[0].length) };
  // 一是…… / 一要…… (requirements): the marker, then the point.
  m = /^(([一二三四五六七八九十]{1,3})([是要]))[，,：:]?\s*/.exec(text);
  if (m) return { family: m[3]!, value: chineseNumber(m[2]!)!, marker: m[1]!, rest: text.slice(m[0].length) };
  m = /^(首先|其次|再次|然后|最后)[，,：:]\s*/.exec(text);
  if (m) {
    const value = { 首先: 1, 其次: 2, 再次: 3, 然后: 3, 最后: Infinity }[m[1] as '首先'];
    return { family: '首先', value, marker: m[1]!, rest: text.slice(m[0].length) };
  }
  m = /^(first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth(?:ly)?|fifth(?:ly)?|sixth|seventh|eighth|ninth|tenth|next|finally|lastly)\s*,\s*/i.exec(text);
  if (m) {
    const w = m[1]!.toLowerCase().replace(/ly$/, '');
    const value = w === 'final' || w === 'last' ? Infinity : w === 'next' ? -1 : EN_ORD.indexOf(w) + 1;
    const rest = text.slice(m[0].length);
    return { family: 'en', value, marker: m[1]!, rest: capitalise(rest) };
  }
  return null;
}

// A paragraph that sums up ends a run of ordinal points rather than joining the last.
const SUMMARY = /^(总之|总而言之|综上所述|综上|概括起来|总的来说|in short|in sum|to sum up|in closing|to conclude|all in all)[，,\s]/i;

function ordinalSection(p: Paragraph, o: Ordinal, level: number, ordinal: number, lang: Lang): Section {
  const { heading } = headingOf(o.rest, lang);
  return {
    type: 'section',
    kind: 'ordinal',
    level,
    number: o.marker,
    ordinal,
    heading,
    inline: true,
    lead: p,
    children: [],
    source: { ...p.source },
  };
}

/** A run of at least two ordinal paragraphs starting at `i`, or null. */
function ordinalRun(nodes: Node[], i: number, level: number, lang: Lang): { sections: Section[]; next: number } | null {
  const first = nodes[i];
  if (first?.type !== 'paragraph') return null;
  const o = matchOrdinal(first.text);
  if (!o || o.value !== 1) return null;
  // One paragraph holding 一是……二是…… is an inline list, not the start of a run.
  if ((o.family === '是' || o.family === '要') && new RegExp(`[；;。]\\s*二${o.family}`).test(first.text)) return null;
  const sections = [ordinalSection(first, o, level, 1, lang)];
  let expect = 2;
  let j = i + 1;
  let closed = false;
  for (; j < nodes.length; j++) {
    const n = nodes[j]!;
    if (n.type === 'section') break;
    const m = matchOrdinal(n.text);
    if (m && m.family === o.family && !closed && (m.value === expect || m.value === Infinity || (m.value === -1 && o.family === 'en'))) {
      sections.push(ordinalSection(n, m, level, expect, lang));
      expect++;
      if (m.value === Infinity) closed = true;
      continue;
    }
    if (SUMMARY.test(n.text) || (closed && sections.length > 1)) break;
    sections[sections.length - 1]!.children.push(n);
  }
  if (sections.length < 2) return null;
  // Paragraphs that trailed the last point but were not taken stay where they were.
  return { sections, next: j };
}

interface Announcement {
  /** The sentence's words before the colon. */
  pre: string;
  items: Array<{ head: string; summary: string }>;
}

/** `……，那就是：站位高远，……；高端引领，……；……。` → the heads and their phrases. */
export function findAnnouncement(text: string): Announcement | null {
  for (const s of sentences(text)) {
    const m = /^(.*?)[：:](.+)$/.exec(s);
    if (!m || displayWidth(m[1]!) < 4) continue;
    const parts = splitOutsideQuotes(stripEnd(m[2]!), /[；;]/).map((x) => x.trim()).filter(Boolean);
    if (parts.length < 2) continue;
    const items = parts.map((part) => {
      const hm = /^([^，,。；;：:“”]{2,12})[，,]\s*(.+)$/.exec(part);
      if (hm) return { head: hm[1]!, summary: hm[2]! };
      return displayWidth(part) <= 12 ? { head: part, summary: '' } : null;
    });
    if (items.every((x) => x !== null)) return { pre: m[1]!, items: items as Announcement['items'] };
  }
  return null;
}

const FILLER = /^(那就是|就是|即|如下|主要是|主要有|分别是|具体是|具体来说|概括起来|归纳起来|归结起来|总结起来|总的来看|总体来看|总的来说|我觉得|我认为|我看|我想|应该说|可以说)$/;
const COUNT_WORDS = '两三四五六七八九十';

/** `有这样几个突出的特点` with 4 items → `四个突出的特点`. */
function listHeading(pre: string, n: number): { heading: string; context?: string } {
  const cs = clauses(pre).filter((c) => !FILLER.test(c));
  let last = cs.pop() ?? pre;
  const count = n >= 2 && n <= 10 ? COUNT_WORDS[n - 2]! : String(n);
  last = last
    .replace(/^(?:我们)?(?:有|具有|呈现出|表现为|体现在|主要有)(?:这样|以下|如下)?/, '')
    .replace(/^(?:这样|以下|如下)/, '')
    .replace(/(?:这样|以下)?几(个|点|条|项|方面)/, `${count}$1`);
  // 我们的主要做法可以概括为三句话 → 主要做法: what is summed up, not how many words it takes.
  const summed = /^(?:我们|我)?的?([\u4e00-\u9fff]{2,12}?)(?:可以|可|大致|基本)?(?:概括|归纳|总结|归结)(?:为|成|起来是)/.exec(last);
  if (summed) last = summed[1]!;
  const context = cs.pop();
  return { heading: last || pre, context: context && displayWidth(context) <= 24 ? context : undefined };
}

/**
 * An item the announcement names with no paragraph of its own (强健自身), told in the
 * last sentences of the item before it (……。而且工会干部在工作实践中不断强健自身，……
 * 实现了凤凰涅槃。): from the sentence that names it, that paragraph is its own, so
 * that it gets its place among the items. Only from the last paragraph of the item
 * before, so that the speech keeps its order.
 */
function told(items: Announcement['items'], sections: Section[], level: number): void {
  items.forEach((it, idx) => {
    if (sections.some((s) => s.heading === it.head)) return;
    const before = sections.filter((s) => s.ordinal < idx + 1).at(-1);
    // (The item just before it in the announcement, or none: 强健自身 after 围绕中心.)
    if (!before || before.ordinal !== idx) return;
    const tail = before.children.at(-1);
    if (tail?.type === 'section') return;
    const last = tail ?? before.lead;
    const ss = sentences(last.text);
    const at = ss.findIndex((x, k) => k > 0 && x.includes(it.head));
    if (at < 0) return;
    const cut = ss.slice(0, at).join('').length;
    if (last.text.slice(0, cut) !== ss.slice(0, at).join('')) return;
    const head = { ...last, text: last.text.slice(0, cut) };
    const rest = { ...last, text: last.text.slice(cut) };
    if (tail) before.children[before.children.length - 1] = { ...head, type: 'paragraph' };
    else before.lead = head;
    sections.splice(sections.indexOf(before) + 1, 0, {
      type: 'section',
      kind: 'item',
      level: level + 1,
      number: '',
      ordinal: idx + 1,
      heading: it.head,
      inline: false,
      told: true,
      lead: rest,
      summary: it.summary,
      children: [],
      source: { ...last.source },
    });
  });
}

function announced(nodes: Node[], i: number, level: number): { section: Section; next: number } | null {
  const p = nodes[i];
  if (p?.type !== 'paragraph') return null;
  const ann = findAnnouncement(p.text);
  if (!ann) return null;
  // The items must be taken up by the paragraphs that follow, in order, starting
  // with the next one.
  const itemSections: Section[] = [];
  let k = 0;
  let j = i + 1;
  for (; j < nodes.length && k < ann.items.length; j++) {
    const n = nodes[j]!;
    if (n.type === 'section') break;
    const at = ann.items.findIndex((it, idx) => idx >= k && n.text.startsWith(it.head));
    if (at >= 0) {
      const it = ann.items[at]!;
      itemSections.push({
        type: 'section',
        kind: 'item',
        level: level + 1,
        number: '',
        ordinal: at + 1,
        // Items are titled by the words the announcement gave them, all alike.
        heading: it.head,
        inline: true,
        lead: n,
        summary: it.summary,
        children: [],
        source: { ...n.source },
      });
      k = at + 1;
    } else if (itemSections.length) {
      // Between two items: part of the earlier one. After the last: the list is over.
      const nextTaken = nodes.slice(j + 1).some((m) => m.type === 'paragraph' && ann.items.slice(k).some((it) => m.text.startsWith(it.head)));
      if (!nextTaken) break;
      itemSections[itemSections.length - 1]!.children.push(n as ParagraphNode);
    } else break;
  }
  if (itemSections.length < 2) return null;
  told(ann.items, itemSections, level);
  const { heading, context } = listHeading(ann.pre, ann.items.length);
  return {
    section: {
      type: 'section',
      kind: 'announced',
      level,
      number: '',
      ordinal: 1,
      heading,
      inline: true,
      lead: p,
      context,
      announcement: ann.pre,
      list: ann.items,
      children: itemSections,
      source: { ...p.source },
    },
    next: j,
  };
}

/** Find ordinal runs and announced lists in a node list, and inside every section. */
/**
 * Three or more paragraphs in a row that open with the same words (愿你们……
 * 愿你们……愿你们……; 我们要……): parallel points, each titled by its first
 * sentence, as an ordinal run would be. Vocatives (同志们，) are not openers.
 */
/** A run of paragraphs as parallel points, each led by its paragraph, titled by `heading`. */
function parallelRun(run: Node[], level: number, heading: (p: ParagraphNode) => string): Section[] {
  return run.map((n, k) => {
    const p = n as ParagraphNode;
    return { type: 'section', kind: 'parallel', level, number: '', ordinal: k + 1, heading: heading(p), inline: true, lead: p, children: [], source: { ...p.source } };
  });
}

function parallelParagraphs(nodes: Node[], i: number, level: number, lang: Lang): { sections: Section[]; next: number } | null {
  if (lang !== 'zh') return null;
  // 抓项目建设，要……／抓企业服务，要……／抓风险防范，要……: one verb, a short object, a comma.
  const verbObject = (n: Node | undefined) => (n?.type === 'paragraph' ? /^([\u4e00-\u9fff])[\u4e00-\u9fff]{2,6}(?=[，,])/.exec(n.text) : null);
  const v = verbObject(nodes[i]);
  if (v && !/[我这同但因所各今]/.test(v[1]!)) {
    let j = i;
    while (j < nodes.length && verbObject(nodes[j])?.[1] === v[1]) j++;
    if (j - i >= 3) {
      return { sections: parallelRun(nodes.slice(i, j), level, (p) => verbObject(p)![0]), next: j };
    }
  }
  // 要牢牢守住……两条底线。今年……／要把产业振兴摆在更加突出的位置。产业兴旺……: tasks that open
  // with a short sentence of what must be done, then say how; each is a point of its own.
  // So are paragraphs that open by naming their field (道路交通安全方面。市公安局……要……).
  const task = (n: Node | undefined) => {
    if (n?.type !== 'paragraph') return null;
    const ss = sentences(n.text);
    const first = stripEnd(ss[0] ?? '');
    const field = /^[\u4e00-\u9fff、和]{2,16}方面$/.test(first);
    return ss.length >= 2 && (field || /^要(?!求|是|点)/.test(first)) && displayWidth(first) >= (field ? 4 : 8) && displayWidth(first) <= 32 && !/[，,；;]/.test(first) ? first : null;
  };
  if (task(nodes[i])) {
    let j = i;
    while (j < nodes.length && task(nodes[j])) j++;
    if (j - i >= 3) {
      return { sections: parallelRun(nodes.slice(i, j), level, (p) => task(p)!), next: j };
    }
  }
  const opener = (n: Node | undefined) => (n?.type === 'paragraph' ? /^[\u4e00-\u9fff]{2,3}/.exec(n.text)?.[0] ?? null : null);
  const first = opener(nodes[i]);
  if (!first || /^(?:同志|同学|朋友|各位|今天|我们|这是|但是|因此|所以|同时|首先|其次|最后)/.test(first)) return null;
  // The longest common opening of 2–3 characters shared by the run.
  for (const len of [3, 2]) {
    const head = first.slice(0, len);
    let j = i;
    while (j < nodes.length && nodes[j]!.type === 'paragraph' && (nodes[j] as Paragraph).text.startsWith(head)) j++;
    if (j - i < 3) continue;
    return { sections: parallelRun(nodes.slice(i, j), level, (p) => headingOf(p.text, lang).heading), next: j };
  }
  return null;
}

export function findStructure(nodes: Node[], lang: Lang, containerLevel: number): Node[] {
  const out: Node[] = [];
  let i = 0;
  while (i < nodes.length) {
    const n = nodes[i]!;
    if (n.type === 'section') {
      n.children = findStructure(n.children, lang, n.level);
      out.push(n);
      i++;
      continue;
    }
    const ann = announced(nodes, i, containerLevel + 1);
    if (ann) {
      out.push(ann.section);
      i = ann.next;
      continue;
    }
    const run = ordinalRun(nodes, i, containerLevel + 1, lang) ?? parallelParagraphs(nodes, i, containerLevel + 1, lang);
    if (run) {
      for (const s of run.sections) s.children = findStructure(s.children, lang, s.level);
      out.push(...run.sections);
      i = run.next;
      continue;
    }
    out.push(n);
    i++;
  }
  return out;
}
