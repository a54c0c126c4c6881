// Text helpers shared by the parser and the planner: whitespace clean-up,
// sentence and clause splitting, display width. Pure functions over strings.

const WS = '[ \\t\\u00a0\\u3000\\u2002-\\u200b\\ufeff]';
const CJK_PUNCT = '，。、；：？！”’）》」』】〕…—·（“‘《「『【〔';

/** CJK ideographs and CJK punctuation: the characters that take a full em. */
export function isWide(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return (
    (c >= 0x2e80 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xff00 && c <= 0xffef) ||
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0x20000 && c <= 0x2ffff) ||
    c === 0x2014 || c === 0x2026 || c === 0x201c || c === 0x201d
  );
}

/** Width in em: a CJK character counts 1, a Latin letter about 0.55. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += isWide(ch) ? 1 : ch === ' ' ? 0.3 : 0.55;
  return w;
}

export function hasCjk(s: string): boolean {
  return /[\u3400-\u9fff]/.test(s);
}

/** `reading builds habits` → `Reading builds habits`. */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const reIndent = new RegExp(`^${WS}+|${WS}+$`, 'g');
const reSpaceAroundCjkPunct = new RegExp(`${WS}*([${CJK_PUNCT}])${WS}*`, 'g');
const reSpaceBetweenCjk = new RegExp(`([\\u3400-\\u9fff])${WS}+(?=[\\u3400-\\u9fff])`, 'g');
const reRuns = new RegExp(`${WS}+`, 'g');

/**
 * One line of a paragraph, cleaned of what real files get wrong: indentation by
 * spaces, tabs or full-width spaces; stray spaces around CJK punctuation
 * (`最后 ，`); runs of spaces. The words themselves are never touched.
 */
export function cleanLine(line: string): string {
  return line
    .replace(reIndent, '')
    .replace(reSpaceAroundCjkPunct, '$1')
    .replace(reSpaceBetweenCjk, '$1')
    .replace(reRuns, ' ');
}

/** Trim only: header lines keep their inner spacing (it separates role and name). */
export function trimLine(line: string): string {
  return line.replace(reIndent, '');
}

const CLOSERS = '”’」』）)"\'》】';
const ABBREV = /(?:\b[A-Za-z]|\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|vs|etc|e\.g|i\.e|a\.m|p\.m|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Ltd|Co))\.$/;

/**
 * Split text into sentences, each keeping its closing punctuation and any closing
 * quotes after it. Chinese sentences end at 。！？; English ones at . ! ? followed
 * by a space or the end, but not after an abbreviation (p.m., Mr., e.g.) and never
 * inside a number (3.5, 85.6%).
 */
export function sentences(text: string): string[] {
  const out: string[] = [];
  const chars = [...text];
  let cur = '';
  // Straight double quotes open and close by turns: one after 。 closes a quotation
  // only when one is open (……的。" ends it; 。"个转企"完成…… opens the next sentence's).
  let straight = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    cur += ch;
    if (ch === '"') straight ^= 1;
    let end = false;
    if ('。！？'.includes(ch)) end = !'。！？'.includes(chars[i + 1] ?? '');
    else if ('!?'.includes(ch)) end = !'!?'.includes(chars[i + 1] ?? '') && (i + 1 >= chars.length || /\s|[\u3400-\u9fff]/.test(chars[i + 1]!) || CLOSERS.includes(chars[i + 1]!));
    else if (ch === '.') {
      const next = chars[i + 1];
      end = (next === undefined || /\s/.test(next) || CLOSERS.includes(next)) && !ABBREV.test(cur.trim());
    }
    if (!end) continue;
    while (i + 1 < chars.length && CLOSERS.includes(chars[i + 1]!) && (chars[i + 1] !== '"' || straight === 1)) {
      cur += chars[++i]!;
      if (chars[i] === '"') straight = 0;
    }
    if (cur.trim()) out.push(cur.trim());
    cur = '';
  }
  if (cur.trim()) out.push(cur.trim());
  return mergeQuoted(out);
}

/** Keep a quotation that contains sentence ends in one piece: “……。……。” */
function mergeQuoted(parts: string[]): string[] {
  const out: string[] = [];
  let open = 0;
  for (const p of parts) {
    if (open > 0) out[out.length - 1] += p;
    else out.push(p);
    open += count(p, '“') - count(p, '”') + count(p, '「') - count(p, '」');
    if (open < 0) open = 0;
  }
  return out;
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

/** Clauses of a sentence, split at ，；： (and , ; : in English), punctuation dropped. */
export function clauses(sentence: string): string[] {
  return splitOutsideQuotes(stripEnd(sentence), /[，；：,;:]/)
    .map((c) => c.trim())
    .filter(Boolean);
}

/** Split at separators that are not inside “…” or 「…」 or (…). */
export function splitOutsideQuotes(s: string, sep: RegExp): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  const chars = [...s];
  chars.forEach((ch, i) => {
    if ('“「（(《'.includes(ch)) depth++;
    else if ('”」）)》'.includes(ch)) depth = Math.max(0, depth - 1);
    // A comma between digits is a thousands separator (4,312), not a clause break;
    // a colon with no space after it inside a word is part of it (http://, 10:30, javascript:x).
    const inNumber = (ch === ',' && /\d/.test(chars[i - 1] ?? '') && /\d/.test(chars[i + 1] ?? '')) || (ch === ':' && /[\w\/]/.test(chars[i + 1] ?? '') && /\w/.test(chars[i - 1] ?? ''));
    if (depth === 0 && !inNumber && sep.test(ch)) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  });
  out.push(cur);
  return out;
}

/**
 * Clauses of a sentence with the separator written after each (，；：、 or , ; :),
 * split outside quotes and brackets, so a phrase joined from them keeps the
 * manuscript's own punctuation. The last clause's `sep` is ''.
 */
export function clauseParts(sentence: string, seps = /[，；：,;:]/): Array<{ text: string; sep: string }> {
  const body = stripEnd(sentence);
  const texts = splitOutsideQuotes(body, seps);
  const out: Array<{ text: string; sep: string }> = [];
  let at = 0;
  texts.forEach((t, i) => {
    at += t.length;
    const sep = i < texts.length - 1 ? body[at]! : '';
    at += sep.length;
    if (t.trim()) out.push({ text: t.trim(), sep });
    else if (out.length) out[out.length - 1]!.sep = sep || out[out.length - 1]!.sep;
  });
  return out;
}

/** Join clause parts with their own separators (`，` for CJK when the manuscript wrote none). */
export function joinParts(parts: Array<{ text: string; sep: string }>): string {
  return parts.map((p, i) => p.text + (i < parts.length - 1 ? (/[,;:]/.test(p.sep) ? p.sep + ' ' : p.sep) : '')).join('');
}

/** Drop closing punctuation: `工作顺利。` → `工作顺利`. */
export function stripEnd(s: string): string {
  return s.replace(/[。！？!?.；;，,：:、\s]+$/u, '');
}

/** Seconds to speak a slide's notes: ~220 Chinese characters or ~130 English words a minute. */
/** How fast a speech is read when no one says: 220 characters a minute in Chinese, 130 words in English. */
export const SPEAKING_RATE = { zh: 220, en: 130 } as const;

export function speakingSeconds(notes: string[], lang: 'zh' | 'en', rate: number = SPEAKING_RATE[lang]): number {
  const text = notes.join('\n');
  if (lang === 'zh') {
    const chars = (text.match(/[\u3400-\u9fff\dA-Za-z]/g) ?? []).length;
    return Math.round((chars / rate) * 60);
  }
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.round((words / rate) * 60);
}

/**
 * Slide text in Chinese punctuation where the manuscript was typed with Latin marks
 * (呈现"四多"特点 → 呈现“四多”特点, (二) → （二）): for what a slide shows; the
 * notes keep the manuscript's own. Text with no Chinese is left as it is.
 */
export function chinesePunctuation(s: string): string {
  if (!/[\u3400-\u9fff]/.test(s)) return s;
  return (
    s
      .replace(/"([^"\n]{1,60})"/g, '“$1”')
      .replace(/'([^'\n]{1,30})'/g, (m, x: string) => (/[\u3400-\u9fff]/.test(x) ? `‘${x}’` : m))
      // A Latin mark after Chinese (娃娃, / 怎么创? / 俭,德之共也;): the full-width one. (Not in 1,000 or 8:30.)
      .replace(/(?<=[\u3400-\u9fff”’）》])[,;:?!](?![\d/])/g, (m) => FULL_MARK[m]!)
      // A quotation mark left alone at either end, its pair in the sentence before or after.
      .replace(/^"(?=[\u3400-\u9fff])/, '“')
      .replace(/(?<=[\u3400-\u9fff。！？])"$/, '”')
      .replace(/\(([一二三四五六七八九十]{1,3})\)/g, '（$1）')
  );
}

/** Words before a number that say it is not exact (近200条, 约127万人): they stay with it. */
export const NUMBER_HEDGE = '(?:将近|近|约|大约|逾|不到)';

const FULL_MARK: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };

/** The value of each Chinese digit (两 is 2; 〇 ○ 零 are 0). */
export const CN_DIGIT: Record<string, number> = Object.fromEntries([...'〇○零一二两三四五六七八九'].map((c, i) => [c, [0, 0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9][i]!]));

/** 一 → 1, 十二 → 12, 二十三 → 23, 一百零五 → 105. */
export function chineseNumber(s: string): number | null {
  if (!/^[〇○零一二两三四五六七八九十百]+$/.test(s)) return null;
  let total = 0;
  let cur = 0;
  for (const ch of s) {
    if (ch === '百') {
      total += (cur || 1) * 100;
      cur = 0;
    } else if (ch === '十') {
      total += (cur || 1) * 10;
      cur = 0;
    } else cur = CN_DIGIT[ch]!;
  }
  return total + cur;
}
