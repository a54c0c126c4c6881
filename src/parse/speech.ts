// Parse stage: manuscript text → speech tree. Pure; no I/O.
import type { Closing, Lang, Manuscript, Node, Paragraph, ParagraphNode, Section, Speaker, Speech, SpeechMeta } from '../types.js';
import { findStructure } from './structure.js';
import { sectionsOf } from '../tree.js';
import { rules } from '../lang/rules.js';
import { SpeechdeckError } from '../errors.js';
import { isEditorialNote, isSalutation, salutationOf, withoutEditorialNote, occasionFromTitle, parseDateLine, parseSpeakerLine, looksLikeRole } from './header.js';
import { chineseNumber, cleanLine, displayWidth, hasCjk, sentences, clauses, stripEnd, trimLine } from '../lang/text.js';

interface Line {
  no: number;
  raw: string;
  text: string;
  /** A blank line came right before this one. */
  afterBlank: boolean;
}

/** Numbering styles, by rank: the canonical nesting order of Chinese documents. */
const MARKERS: Array<{ rank: number; re: RegExp; value: (m: RegExpExecArray) => number | null }> = [
  // 第一部分 above 一、: parts of a long report.
  { rank: 0, re: /^第([一二三四五六七八九十]{1,3})部分[、，,：:\s\u3000]*/, value: (m) => chineseNumber(m[1]!) },
  // English outlines: I. II. III. over A. B. C.
  { rank: 1, re: /^([IVX]{1,5})\.\s+(?=[A-Z“"'‘])/, value: (m) => romanNumber(m[1]!) },
  { rank: 2, re: /^([A-H])\.\s+(?=[A-Z“"'‘])/, value: (m) => m[1]!.charCodeAt(0) - 64 },
  { rank: 1, re: /^([一二三四五六七八九十]{1,3})[、，,．.]\s*/, value: (m) => chineseNumber(m[1]!) },
  { rank: 2, re: /^[（(]([一二三四五六七八九十]{1,3})[）)]\s*[、，,]?\s*/, value: (m) => chineseNumber(m[1]!) },
  { rank: 3, re: /^(\d{1,2})(?:[．.、](?!\d)|\s*[)）])\s*/, value: (m) => Number(m[1]) },
  { rank: 4, re: /^[（(](\d{1,2})[）)]\s*/, value: (m) => Number(m[1]) },
  { rank: 4, re: /^([\u2460-\u2473])\s*/, value: (m) => m[1]!.codePointAt(0)! - 0x2460 + 1 },
];

function romanNumber(s: string): number | null {
  const v: Record<string, number> = { I: 1, V: 5, X: 10 };
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const a = v[s[i]!]!;
    const b = v[s[i + 1] ?? ''] ?? 0;
    n += a < b ? -a : a;
  }
  return n > 0 && n <= 30 ? n : null;
}

export function matchMarker(text: string): { rank: number; ordinal: number; number: string; rest: string } | null {
  for (const { rank, re, value } of MARKERS) {
    const m = re.exec(text);
    if (!m) continue;
    const ordinal = value(m);
    const rest = text.slice(m[0].length).trim();
    if (ordinal === null || ordinal < 1 || !rest) continue;
    return { rank, ordinal, number: m[0].trim().replace(/[、，,．.\s]+$/, ''), rest };
  }
  return null;
}

function detectLang(text: string): Lang {
  const cjk = (text.match(/[\u3400-\u9fff]/g) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  return cjk * 3 >= latin ? 'zh' : 'en';
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let blank = true;
  text.split(/\r\n?|\n/).forEach((raw, i) => {
    const t = trimLine(raw);
    if (!t) {
      blank = true;
      return;
    }
    out.push({ no: i + 1, raw: t, text: cleanLine(raw), afterBlank: blank });
    blank = false;
  });
  return out;
}

const TERMINAL = /[。！？!?.:：;；”"’'）)…»]$/;

/**
 * Undo hard wrapping: a file wrapped at a fixed width has many lines of nearly the
 * same length; a line that reaches that width and ends mid-sentence runs on into
 * the next line (unless a blank line or a numbering marker intervenes).
 */
function joinWrapped(lines: Line[], lang: Lang): Paragraph[] {
  const widths = lines.map((l) => displayWidth(l.text)).sort((a, b) => b - a);
  const wrapAt = widths[Math.floor(widths.length * 0.1)] ?? 0;
  const nearWrap = lines.filter((l) => displayWidth(l.text) >= wrapAt * 0.85).length;
  const wrapped = lines.length >= 6 && wrapAt >= 20 && wrapAt <= 100 && nearWrap >= lines.length * 0.3;
  const out: Paragraph[] = [];
  let prevLine: Line | undefined;
  for (const l of lines) {
    const prev = out[out.length - 1];
    if (
      wrapped && prev && prevLine && !l.afterBlank &&
      !TERMINAL.test(prev.text) && displayWidth(prevLine.text) >= wrapAt * 0.85 && !matchMarker(l.text)
    ) {
      prev.text += lang === 'en' && !/-$/.test(prev.text) ? ' ' + l.text : l.text;
      prev.source.endLine = l.no;
    } else {
      out.push({ text: l.text, source: { startLine: l.no, endLine: l.no } });
    }
    prevLine = l;
  }
  return out;
}

interface Header {
  title: string | null;
  subtitle: string | null;
  date: { iso: string; text: string } | null;
  speaker: Speaker | null;
  salutation: string | null;
  /** How many leading lines the header used. */
  used: number;
}

/** A paragraph wholly inside one pair of brackets: `（掌声）`, `(Pause for questions.)`. */
function isBracketed(text: string): boolean {
  const m = /^[（(]([^（）()]*)[）)]$/.exec(text.trim());
  return !!m && m[1]!.trim().length > 0;
}

/** `wide`: a long first line still reads as a title when a date, speaker or ——subtitle line confirms it. */
function isTitleLine(l: Line, lang: Lang, wide = false): boolean {
  const t = l.text;
  if (parseDateLine(t) || isSalutation(t) || matchMarker(t)) return false;
  if (lang === 'zh') return displayWidth(t) <= (wide ? 100 : 40) && !/[。；;，]$/.test(t) && sentences(t).length <= 1;
  return t.length <= (wide ? 200 : 120) && !/[.;,]$/.test(t) && sentences(t).length <= 1;
}

function confirmsTitle(l: Line | undefined): boolean {
  return !!l && (/^[—–-]{1,2}\S/.test(l.text) || !!parseDateLine(l.text) || !!speakerOf(l));
}

function speakerOf(l: Line): Speaker | null {
  const sp = parseSpeakerLine(l.raw);
  if (!sp) return null;
  // One-space or no-space lines are only a speaker if the role reads like one.
  if (hasCjk(l.raw) && !/\s{2,}|\u3000/.test(l.raw) && sp.role && !looksLikeRole(sp.role)) return null;
  return sp;
}

function readHeader(lines: Line[], lang: Lang, heading: (line: number) => boolean = () => false): Header {
  const h: Header = { title: null, subtitle: null, date: null, speaker: null, salutation: null, used: 0 };
  let i = 0;
  const titleLines: string[] = [];
  const wide = confirmsTitle(lines[1]);
  // (A line marked up as a heading, `## 开场`, is a part of the speech, never its title.)
  while (i < lines.length && i < 4 && titleLines.length < 3 && !heading(lines[i]!.no) && (isEditorialNote(lines[i]!.text) || (isTitleLine(lines[i]!, lang, wide && i === 0) && !(titleLines.length && (speakerOf(lines[i]!) || parseDateLine(lines[i]!.text)))))) {
    // (A note on the manuscript, （根据录音整理）, is no part of the title: it stays in the notes.)
    if (!isEditorialNote(lines[i]!.text)) titleLines.push(withoutEditorialNote(lines[i]!.raw).replace(/[ \t\u3000]+/g, (sp) => (/\u3000/.test(sp) || sp.length > 1 ? "\u3000" : " ")));
    i++;
  }
  // A speaker line read as a title line (short, no punctuation): hand it back.
  while (titleLines.length > 1 && speakerOf(lines[i - 1]!)) {
    titleLines.pop();
    i--;
  }
  if (titleLines.length) {
    const [first, ...rest] = titleLines;
    h.title = first!;
    const sub = rest.filter((t) => /^[—–-]{1,2}/.test(t));
    const more = rest.filter((t) => !/^[—–-]{1,2}/.test(t));
    if (more.length) h.title += (lang === 'en' ? ' ' : '') + more.join(lang === 'en' ? ' ' : '');
    if (sub.length) h.subtitle = sub.join(' ').replace(/^[—–-]+\s*/, '');
  }
  // Date and speaker lines, in either order, right after the title.
  for (let k = 0; k < 3 && i < lines.length; k++) {
    const l = lines[i]!;
    const d = !h.date ? parseDateLine(l.text) : null;
    const sp = !h.speaker && h.title ? speakerOf(l) : null;
    if (d) h.date = d;
    else if (sp) h.speaker = sp;
    else break;
    i++;
  }
  const saluting = salutationOf(lines.slice(i, i + 4).map((l) => l.text));
  if (saluting) {
    h.salutation = saluting.text;
    i += saluting.lines;
  }
  // Without a date, speaker or salutation after it, a lone short first line is
  // still a title only if a body follows (it is not itself the speech).
  // (A manuscript of one line is all title: the title slide and its notes hold it.)
  if (h.title && !h.date && !h.speaker && !h.salutation && i >= lines.length && lines.length > 1) {
    return { ...h, title: null, subtitle: null, used: 0 };
  }
  h.used = i;
  return h;
}

/** Date and speaker written as a signature at the end. */
function readSignature(paras: Paragraph[], lines: Line[]): { date: Header['date']; speaker: Speaker | null; count: number } {
  let date: Header['date'] = null;
  let speaker: Speaker | null = null;
  let count = 0;
  for (let k = paras.length - 1; k >= 0 && count < 3; k--) {
    const p = paras[k]!;
    const line = lines.find((l) => l.no === p.source.startLine);
    const d: Header['date'] = !date ? parseDateLine(p.text) : null;
    const sp: Speaker | null = !speaker && line ? speakerOf(line) : null;
    // A signature may set the name under the role, on lines of their own.
    const role = k > 0 ? paras[k - 1]!.text : '';
    if (d) date = d;
    else if (!speaker && /^[\u3400-\u9fff·]{2,4}$/.test(p.text) && role.length <= 30 && !/[，。；：！？]/.test(role) && looksLikeRole(role)) {
      speaker = { role, name: p.text };
      count++;
      k--;
    } else if (sp && (sp.role || line!.raw.length <= 8)) speaker = sp;
    else break;
    count++;
  }
  return { date, speaker, count };
}

const ZH_CLOSING = [
  /^(?:最后[，,]?)?(?:衷心|再次)?(?:预祝|祝愿|祝福|祝)/,
  /谢谢(?:大家|各位|你们)?[！!。.]?$/,
  /^(?:再次)?(?:感谢|谢谢)/,
  // `以上意见，请大家认真抓好落实。` / `以上讲的几点，供大家参考。`
  /^以上[^，。]{0,8}[，,](?:如有不妥[，,])?(?:请|供|希望|望)/,
  // `最后，提前给大家拜个早年，祝……`
  /^最后[，,][^。]{0,16}(?:祝|拜年|拜个早年|问候)/,
];
const EN_CLOSING = [
  /^(?:thank you|thanks)\b/i,
  /\bthank you(?: all| very much| again)?[.!]$/i,
  /^(?:i wish you|wishing you|i wish everyone)/i,
  // A toast ends by raising glasses, and with the toast itself: To Carol!
  /\b(?:raise (?:your|a|our) glass(?:es)?|join me in (?:a toast|raising)|cheers)\b/i,
  /^(?:to|here'?s to)\s+[^.?!]{1,60}!$/i,
];

/**
 * Trailing paragraphs that close the speech: how many are last words (thanks,
 * wishes) and how many before them conclude it (a final exhortation, a passage
 * from `Let me end with…`).
 */
function closingCount(paras: Paragraph[], lang: Lang): { conclusion: number; words: number } {
  const pats = lang === 'zh' ? ZH_CLOSING : EN_CLOSING;
  let words = 0;
  let conclusion = 0;
  // (A stage direction after the last words, (Card is going round, please sign.), goes with them.)
  let after = 0;
  while (after < paras.length && paras[paras.length - 1 - after]!.aside) after++;
  for (let k = paras.length - 1 - after; k >= 0 && words + conclusion < 3; k--) {
    const t = paras[k]!.text;
    const isClosing = !conclusion && pats.some((re) => re.test(t)) && (displayWidth(t) <= 80 || words === 0);
    // The `同志们，……` paragraph that ends a Chinese speech, last or just before
    // the thanks, is its closing exhortation (a slide of its own), not part of the
    // last section. One such paragraph, no more.
    const exhortation = rules(lang).exhortation.test(t) && (words > 0 || k === paras.length - 1);
    if (isClosing) words++;
    else if (exhortation) {
      conclusion++;
      break;
    } else break;
  }
  if (words) words += after;
  // `Let me end with…` / `最后，我想……`: the conclusion starts there, a few paragraphs
  // before the end at most, and runs to the last words.
  const from = paras.findIndex((p, k) => k >= paras.length - 5 && k < paras.length - words && rules(lang).conclusion.test(p.text));
  if (from > 0) conclusion = Math.max(conclusion, paras.length - words - from);
  // Never take the whole speech as its closing.
  return words + conclusion >= paras.length ? { conclusion: 0, words: 0 } : { conclusion, words };
}

/**
 * Paragraphs past the pattern of the last part's points: when the speech ends on
 * a run of three or more points, each a numbered sentence with at most one
 * paragraph after it (`3.要以考核促进责任落实。……`), paragraphs after the last
 * point beyond that are the speech's conclusion, not more of that point
 * (`None of this will be easy…`). They are taken out of the tree.
 */
function pastLastPoint(nodes: Node[]): ParagraphNode[] {
  const last = nodes[nodes.length - 1];
  if (!last || last.type !== 'section') return [];
  if (last.children[last.children.length - 1]?.type === 'section') return pastLastPoint(last.children);
  const points = sectionsOf(nodes);
  const paras = (s: Section) => s.children.filter((c) => c.type === 'paragraph').length;
  if (points.length < 3 || points.some((s) => !s.inline || s.children.some((c) => c.type === 'section'))) return [];
  const most = Math.max(...points.slice(0, -1).map(paras));
  const extra = paras(last) - most;
  if (most > 1 || extra < 1 || extra > 3) return [];
  return last.children.splice(last.children.length - extra) as ParagraphNode[];
}

/** The heading a marker line states: its own line, or its first sentence. */
export function headingOf(rest: string, lang: Lang): { heading: string; inline: boolean } {
  const ss = sentences(rest);
  const limit = lang === 'zh' ? 40 : 60;
  if (ss.length <= 1 && displayWidth(rest) <= limit) return { heading: stripEnd(rest), inline: false };
  const first = stripEnd(ss[0] ?? rest);
  if (displayWidth(first) <= limit) return { heading: first, inline: true };
  return { heading: stripEnd(clauses(first)[0] ?? first), inline: true };
}

/**
 * Outline numbering → nested sections. Ranks nest in canonical order (一、 over
 * （一） over 1. over （1）), the depth is the number of ranks open, and a marker
 * only counts when its number continues the sequence (or starts one at 1), so a
 * paragraph that merely begins with a number stays a paragraph.
 */
/** A paragraph that sums up what came before it (总之，…… / 回顾……历程，…… / In short, …). */
const SUMS_UP = /^(?:(?:总之|总而言之|综上所述|综上|概括起来|总的来说|由此可见|in short|in sum|to sum up|taken together)[，,\s]|回顾[^，。！？]{2,16}(?:历程|历史|过去)[，,])/i;

/** A heading its markup marks (`## 开场`) ranks above every numbering: numbered parts nest under it. */
const MARKUP_RANK = -10;

function buildOutline(paras: Paragraph[], lang: Lang, headings: ReadonlyMap<number, number> = new Map()): Node[] {
  const roots: Node[] = [];
  const stack: Array<{ rank: number; section: Section }> = [];
  const lastOrdinal = new Map<Section | null, Map<number, number>>();
  const siblingsOf = (parent: Section | null) => {
    let m = lastOrdinal.get(parent);
    if (!m) lastOrdinal.set(parent, (m = new Map()));
    return m;
  };

  for (const p of paras) {
    const mk = matchMarker(p.text);
    const marked = headings.get(p.source.startLine);
    if (!mk && marked !== undefined) {
      // A heading without numbering, marked up as one: a part (or subsection), counted in order.
      const rank = MARKUP_RANK + marked;
      let depth = stack.length;
      while (depth > 0 && stack[depth - 1]!.rank >= rank) depth--;
      const parent = depth > 0 ? stack[depth - 1]!.section : null;
      const ordinal = (siblingsOf(parent).get(rank) ?? 0) + 1;
      stack.length = depth;
      siblingsOf(parent).set(rank, ordinal);
      const section: Section = { type: 'section', kind: 'ordinal', level: depth + 1, number: '', ordinal, heading: stripEnd(p.text), inline: false, lead: p, children: [], source: { ...p.source } };
      (parent ? parent.children : roots).push(section);
      stack.push({ rank, section });
      continue;
    }
    if (mk) {
      let depth = stack.length;
      while (depth > 0 && stack[depth - 1]!.rank >= mk.rank) depth--;
      const parent = depth > 0 ? stack[depth - 1]!.section : null;
      const prev = siblingsOf(parent).get(mk.rank) ?? 0;
      if (mk.ordinal === prev + 1) {
        stack.length = depth;
        siblingsOf(parent).set(mk.rank, mk.ordinal);
        const { heading, inline } = headingOf(mk.rest, lang);
        const section: Section = {
          type: 'section',
          kind: 'numbered',
          level: depth + 1,
          number: mk.number,
          ordinal: mk.ordinal,
          heading,
          inline,
          lead: p,
          children: [],
          source: { ...p.source },
        };
        (parent ? parent.children : roots).push(section);
        stack.push({ rank: mk.rank, section });
        continue;
      }
    }
    // A paragraph that turns from what was done to the problems (在肯定成绩的同时，我们也要清醒
    // 看到……) speaks for the whole part, not for its last subsection: that subsection ends.
    // So does one that sums up what the subsections said (总之，…… / 回顾党的百年奋斗历程，……).
    if (stack.length >= 2 && stack[stack.length - 1]!.section.level >= 2 && (rules(lang).turn.test(p.text) || SUMS_UP.test(p.text))) stack.length--;
    const top = stack[stack.length - 1]?.section;
    (top ? top.children : roots).push({ type: 'paragraph', ...p });
  }
  return roots;
}

/** Section source ranges cover everything under them. */
export function fixSources(nodes: Node[]): void {
  for (const n of nodes) {
    if (n.type !== 'section') continue;
    fixSources(n.children);
    let end = n.lead.source.endLine;
    for (const c of n.children) end = Math.max(end, c.source.endLine);
    n.source = { startLine: n.lead.source.startLine, endLine: end };
  }
}

/**
 * A title when the manuscript states none: the file name if a person named it
 * (`在全市XX会议上的讲话.txt`), never a slug (`03-zh-remarks`); else a plain word.
 */
function titleFromName(name: string, lang: Lang): string {
  const t = name.replace(/^\d{4}-\d{2}-\d{2}[-_ ]*/, '').replace(/[-_]+/g, ' ').trim();
  if (hasCjk(t)) return t;
  return lang === 'zh' ? '讲话' : 'Remarks';
}

/**
 * With no title anywhere, a speech of two to four short numbered parts is named
 * by them (盯紧目标抓冲刺　守住底线抓安全　着眼长远抓谋划): what it says, rather
 * than a plain 讲话.
 */
function partsTitle(tree: Node[]): string | null {
  const tops = tree.filter((n): n is Section => n.type === 'section' && (n.kind === 'numbered' || n.kind === 'ordinal'));
  if (tops.length < 2 || tops.length > 4 || !tops.every((t) => hasCjk(t.heading))) return null;
  const heads = tops.map((t) => stripEnd(t.heading).replace(/^(?:要|必须)/, ''));
  if (heads.some((h) => displayWidth(h) > 10 || /[，,]/.test(h))) return null;
  return heads.join('　');
}

/** A speaker who names themselves early on (`my name is Tom`, `我是市教育局的王强`), when no header or signature does. */
function selfNamed(paras: Paragraph[], lang: Lang): Speaker | null {
  const text = paras.map((p) => p.text).join(' ');
  const m = lang === 'zh' ? /我(?:叫|是)([\u4e00-\u9fff]{0,12}?的)?([\u4e00-\u9fff]{2,3})[，,。]/.exec(text) : /\bmy name is ((?:[A-Z][a-z'-]+)(?:\s+[A-Z][a-z'-]+){0,2})\b/.exec(text);
  if (!m) return null;
  if (lang === 'zh') return m[1] ? { role: m[1].replace(/的$/, ''), name: m[2]! } : null;
  return { role: '', name: m[1]! };
}

/** A toast that names whom it raises glasses to (`raise your glasses. To Margaret!`): `A toast to Margaret`. */
function toastTo(words: Paragraph[], lang: Lang): string | null {
  const text = words.map((p) => p.text).join(' ');
  const m = lang === 'zh' ? /(?:举杯|干杯)[^。！]*?(?:为|祝)([^，。！、]{2,16}?)(?:干杯|举杯)/.exec(text) : /\braise (?:your|our) glass(?:es)?\b[^.!?:]*[.!:]?\s*(?:[^.!?]*?\b)?to ((?:[A-Z][\w'&-]*)(?:\s+(?:and|&|of)?\s*[A-Z][\w'&-]*)*)/i.exec(text);
  if (!m) return null;
  return lang === 'zh' ? `为${m[1]}举杯` : `A Toast to ${m[1]}`;
}

/** The meeting a speech's opening names: `今天召开全市安全生产工作会议` → `全市安全生产工作会议`. */
function meetingNamed(text: string, lang: Lang): string | null {
  if (lang === 'zh') {
    const m = /(?:召开|举行|举办|参加)(?:这次|这个|今年的|本次)?([^，。！？、“”]{4,30}?(?:工作会议|会议|大会|座谈会|推进会|部署会|仪式|典礼|论坛|开幕式))/.exec(text);
    if (m) return m[1]!;
    // `这次座谈会开得很有意义。……大家围绕科技创新和人才引进这个主题……` → 科技创新和人才引进座谈会
    const kind = /(?:这次|今天的|本次|今天这个)(座谈会|会议|大会|论坛|推进会|研讨会|交流会)/.exec(text);
    const topic = /围绕([^，。！？、“”]{2,20}?)(?:这个|这一)?(?:主题|话题|议题)/.exec(text);
    return kind && topic ? topic[1]! + kind[1]! : null;
  }
  const m = /\b(?:welcome (?:you )?to|at|open(?:ing)?) the ((?:[A-Z][\w'&-]*\s+){1,6}(?:Conference|Forum|Meeting|Summit|Launch|Ceremony|Dinner|Celebration|Assembly))\b/.exec(text);
  return m ? m[1]!.trim() : null;
}

function dateFromName(name: string): { iso: string; text: string } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(name);
  return m ? { iso: `${m[1]}-${m[2]}-${m[3]}`, text: `${m[1]}-${m[2]}-${m[3]}` } : null;
}

/** What the manuscript states of itself (front matter) over what was found in its text. */
function withStated(found: SpeechMeta, stated: Manuscript['meta']): SpeechMeta {
  if (!stated) return found;
  const speaker = stated.speaker || stated.role ? { name: stated.speaker ?? found.speaker?.name ?? '', role: stated.role ?? (stated.speaker ? '' : found.speaker?.role ?? '') } : found.speaker;
  const title = stated.title ?? found.title;
  return {
    ...found,
    title,
    subtitle: stated.subtitle ?? found.subtitle,
    speaker,
    date: stated.date ?? found.date,
    dateText: stated.date ? (found.lang === 'zh' ? `${Number(stated.date.slice(0, 4))}年${Number(stated.date.slice(5, 7))}月${Number(stated.date.slice(8, 10))}日` : new Date(`${stated.date}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })) : found.dateText,
    occasion: stated.occasion ?? (stated.title ? occasionFromTitle(title) : found.occasion),
  };
}

export function parseSpeech(ms: Manuscript): Speech {
  const lang = ms.meta?.lang ?? detectLang(ms.text);
  const lines = splitLines(ms.text);
  if (!lines.length) throw new SpeechdeckError('parse', 'the manuscript has no text.', { file: ms.path });
  const marked = new Map((ms.headings ?? []).map((x) => [x.line, x.level]));
  const h = readHeader(lines, lang, (line) => marked.has(line));
  const headerLines = lines.slice(0, h.used);
  const header: Paragraph[] = headerLines.map((l) => ({ text: l.raw, source: { startLine: l.no, endLine: l.no } }));
  let body = joinWrapped(lines.slice(h.used), lang);
  // (What the manuscript marks as for the speaker only stays in the notes: never on a slide.)
  const asides = new Set(ms.asides ?? []);
  for (const p of body) if (asides.has(p.source.startLine)) p.aside = true;
  // So does a note on the manuscript (— Check against delivery —) and a paragraph all in
  // brackets: a stage direction or a note to the speaker ((Cake after. Card is going round.), （掌声）).
  for (const p of body) if (isEditorialNote(p.text) || isBracketed(p.text)) p.aside = true;
  // (A slide break the author wrote, `---`, before the paragraph that follows it.)
  for (const b of ms.breaks ?? []) {
    const next = body.find((p) => p.source.startLine > b);
    if (next) next.breakBefore = true;
  }

  // A salutation a little later (after a blank) still counts when none came before.
  let salutation = h.salutation;
  const saluting = salutation ? null : salutationOf(body.slice(0, 4).map((p) => p.text));
  if (saluting) {
    salutation = saluting.text;
    header.push(...body.splice(0, saluting.lines));
  }
  // A greeting on its own line after the salutation (`大家上午好！`, `Good morning.`)
  // belongs with it, on the title slide, not on a slide of its own.
  if (salutation && body[0] && /^(?:大家|各位|同志们|朋友们)[^，。,]{0,6}好[！!。.]?$|^good (?:morning|afternoon|evening)[^.!]{0,30}[.!]$/i.test(body[0].text)) {
    header.push(body.shift()!);
  }

  const sig = readSignature(body, lines);
  const signature = body.slice(body.length - sig.count);
  body = body.slice(0, body.length - sig.count);
  const ends = closingCount(body, lang);
  const words = body.slice(body.length - ends.words);
  let conclusion = body.slice(body.length - ends.words - ends.conclusion, body.length - ends.words);
  body = body.slice(0, body.length - ends.words - ends.conclusion);

  const tree = findStructure(buildOutline(body, lang, marked), lang, 0);
  conclusion = [...pastLastPoint(tree).map(({ text, source }) => ({ text, source })), ...conclusion];
  fixSources(tree);
  const closing: Closing = { conclusion, words, signature };
  // No title line: the meeting the speech opens by naming (`今天召开全市……会议`), as
  // a speech's title is written (`在全市……会议上的讲话`); else the file name.
  const named = h.title ? null : meetingNamed(body.slice(0, 3).map((p) => p.text).join(''), lang);
  // (A title the file carries outside its text, a Word document's properties, comes next.)
  const title = h.title ?? ms.titleHint ?? (named ? (lang === 'zh' ? `在${named}上的讲话` : `Remarks at the ${named}`) : toastTo(words, lang) ?? partsTitle(tree) ?? titleFromName(ms.name, lang));
  const date = h.date ?? sig.date ?? dateFromName(ms.name);
  const found: SpeechMeta = {
    title,
    subtitle: h.subtitle,
    speaker: h.speaker ?? sig.speaker ?? selfNamed(body.slice(0, 3), lang),
    date: date?.iso ?? null,
    dateText: date?.text ?? null,
    lang,
    salutation,
    occasion: occasionFromTitle(title) ?? (h.subtitle ? occasionFromTitle(h.subtitle) : null),
  };
  return { meta: withStated(found, ms.meta), header, body: tree, closing };
}
