// Chinese phrase boundaries, for line breaks on slides and for shortening a
// clause without cutting a word. jieba (@node-rs/jieba) knows official
// vocabulary (省直机关, 贯彻落实, 高素质) far better than ICU's dictionary or
// BudouX's model (measured on the fixtures: 凝聚力, 专项, 研究生 kept whole).
// Pure: the dictionary is loaded once, on first use.
import { createRequire } from 'node:module';

type Cutter = { tag(text: string, hmm?: boolean): Array<{ word: string; tag: string }> };
let jieba: Cutter | null = null;

function cutter(): Cutter {
  if (!jieba) {
    const require = createRequire(import.meta.url);
    const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(d: Uint8Array): Cutter } };
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    jieba = Jieba.withDict(dict);
  }
  return jieba;
}

/** Closing punctuation: never starts a line, so it joins the phrase before it. */
export const CLOSE = /^[，。、；：？！”’）》」』】〕…,.;:?!)\]%％·]/;
/** Opening quotes and brackets: never end a line, so they join the phrase after. */
export const OPEN = /[“‘（《「『【〔(\[]$/;
/** Single characters that stand alone between words (的, 和, 在 …). */
const FUNCTION_WORD = /[的地得了着过和与及或在是把被对向从将要为以等也都就而并且又还之其每各个这那有]/;
/** Units and measure words that belong to the number before them. */
const UNIT = /^(?:[万亿千百十]|个百分点|百分点|%|％|倍|平方公里|平方米|公里|千米|公顷|小时|分钟|[个家所项名人户件起次吨亩套辆元岁年月日号天周米条座台间张份批时点分秒]|\.)/;

/**
 * Text as phrases a line may break between: jieba's words, with punctuation kept
 * on the right side of a break, numbers kept with their decimals and units
 * (1.2万家/次, 4.1个百分点), and spaces ending the phrase before them. The
 * phrases concatenate back to `text` exactly.
 */
export function phrases(text: string): string[] {
  if (!/[\u3400-\u9fff]/.test(text)) return text.split(/(?<=\s)/).filter(Boolean);
  // Parts set apart by ideographic spaces (盯紧目标抓冲刺　守住底线抓安全, 职务　姓名):
  // each short part is one phrase, the space with it.
  const spaced = text.split(/(?<=\u3000)/);
  if (spaced.length > 1 && spaced.every((x) => x.trim().length <= 10)) return spaced;
  // A short quoted term (“最多跑一次”, “放管服”) is one phrase: never broken inside.
  const quoted = /“[^”]{1,10}”|「[^」]{1,10}」/g;
  if (new RegExp(quoted.source).test(text)) {
    const out: string[] = [];
    let at = 0;
    for (const m of text.matchAll(quoted)) {
      if (m.index! > at) out.push(...phrases(text.slice(at, m.index)));
      // The term takes closing punctuation after it, as any phrase does.
      out.push(m[0]);
      at = m.index! + m[0].length;
    }
    if (at < text.length) {
      const tail = phrases(text.slice(at));
      // (And 的/地/得/了, which never start a line: “时时放心不下”的|责任感.)
      if (tail.length && (CLOSE.test(tail[0]!) || /^[的地得了]/.test(tail[0]!))) out[out.length - 1] += tail.shift()!;
      out.push(...tail);
    }
    return out;
  }
  // Words that name one thing together (安全|生产, 青江|三桥|建设, 评优|评先): one
  // phrase, up to six characters (four for any two words of two characters: 评优评先,
  // 大专以上), so a line breaks around the compound, not inside.
  const words: string[] = [];
  const tags: string[] = [];
  let prevTag = '';
  for (const { word, tag } of cutter().tag(text, false)) {
    const last = words[words.length - 1];
    const both = last + word;
    const compound =
      (NOMINAL.test(prevTag) && NOMINAL.test(tag) && both.length <= 6) ||
      (prevTag === 'm' && NOMINAL.test(tag) && both.length <= 5) ||
      // (An adverb begins a phrase: 亲自|部署 joins, 做到|亲自 does not.)
      (!LOOSE.test(prevTag) && !LOOSE.test(tag) && tag !== 'd' && both.length <= 4);
    if (last !== undefined && compound && /^[\u4e00-\u9fff]+$/.test(both) && word.length >= 2 && last.length >= 2) {
      words[words.length - 1] = last + word;
    } else {
      words.push(word);
      tags.push(tag);
    }
    prevTag = tag;
  }
  const out: string[] = [];
  let glue = false;
  for (const [i, t] of words.entries()) {
    const prev = out[out.length - 1];
    // 过 before a one-character adjective is "too" (标准过高): it goes with what follows.
    const tooMuch = t === '过' && /^[高低大小多少快慢重轻长短宽窄严松紧早晚]/.test(words[i + 1] ?? '');
    // A locative after a noun (舞台|上, 工作|中) ends the phrase before it: 广阔舞台上|建功立业.
    // (Not after a preposition: 对|下一步.)
    const locative = tags[i] === 'f' && t.length === 1 && /[\u4e00-\u9fff]$/.test(prev ?? '') && !LOOSE.test(tags[i - 1] ?? '');
    const join =
      prev !== undefined &&
      (glue ||
        CLOSE.test(t) ||
        // 的/地/得/了 never start a line (建设队伍 / 的总要求): they end the phrase before.
        (/^[的地得了着过]$/.test(t) && !tooMuch) ||
        // A demonstrative and its measure word (这|座城市, 每|个人) are one.
        (/^[这那每各该此某哪]$/.test(prev) && /^[座个位项条种次件家批些样份所名张台辆场支块片间]/.test(t)) ||
        locative ||
        /^\s+$/.test(t) ||
        t === '/' || /\/$/.test(prev) ||
        (/[\d.]$/.test(prev) && /^[\d.]/.test(t)) ||
        (/\d[.\d]*[万亿千百十个]*$/.test(prev) && UNIT.test(t)) ||
        // 9900|多万 / 3万|余人: an approximate number is one; so is 百亿|级.
        (/\d$/.test(prev) && /^[多余](?:[万亿千百十]|[个家所项名人户件起次吨亩套辆元])/.test(t)) ||
        (/[\d万亿千百]$/.test(prev) && /^级/.test(t)) ||
        // A threshold and its number (不少于|12次, 达到|100%) read as one; so does a
        // verb and its question complement (基础打得|牢不牢).
        (/(?:不少于|不低于|不超过|不高于|达到|超过|至少|低于|高于|约|近|达)$/.test(prev) && /^\d/.test(t)) ||
        (/不(?:少|低|高|多)$/.test(prev) && /^于/.test(t)) ||
        // A date is one: 10月|31日 never breaks between its month and its day.
        (/\d月$/.test(prev) && /^\d/.test(t)) ||
        (/^[A-Za-z0-9]/.test(t) && /[A-Za-z0-9]$/.test(prev)));
    if (join) out[out.length - 1] = prev + t;
    else out.push(t);
    // A lone character that is not a function word is most often the head of a
    // compound jieba does not know (总|要求, 低|效用地): it stays with what follows.
    // A run of them is one unknown word (师|德|师|风 → 师德师风): it ends at its last one.
    const lone = (w: string | undefined) => w !== undefined && /^[\u4e00-\u9fff]$/.test(w) && !FUNCTION_WORD.test(w);
    glue = OPEN.test(t) || tooMuch || (lone(t) && !locative && (out[out.length - 1]!.length === 1 || lone(words[i + 1])));
  }
  // A verb and its question complement (基础打得|牢不牢) read as one.
  for (let i = out.length - 1; i > 0; i--) if (/^([\u4e00-\u9fff])不\1/.test(out[i]!) && /得$/.test(out[i - 1]!)) out.splice(i - 1, 2, out[i - 1]! + out[i]!);
  return out;
}

/** Part-of-speech tags of words that join into a compound: nouns, place names, verbal and adjectival nouns, 区别词 (主要), abbreviations. */
const NOMINAL = /^(?:n|ns|nt|nz|nr|vn|an|b|j)$/;
/** Tags of words a line may always break around: conjunctions, prepositions, pronouns, particles, adverbs. */
const LOOSE = /^(?:c|p|r|u\w*|y|e|o|x)$/;

/**
 * Whether Chinese text ends on a noun phrase with nothing said of it (千百年来，
 * 一片小小的茶叶): its last clause is only nouns, numbers, measure words and 的
 * by jieba's part-of-speech tags. Words jieba cannot tag count as saying something.
 */
export function endsHanging(text: string): boolean {
  const last = text.split(/[，,；;：:]/).filter((c) => c.trim()).pop() ?? '';
  const words = cutter()
    .tag(last, true)
    .filter((w) => !/^\s*$/.test(w.word));
  return words.length >= 2 && words.every((w) => /^(?:n|m|q|z|uj|r|t|f|s|b)/.test(w.tag));
}

/**
 * True for a Chinese clause that only names a thing or a time and says nothing of
 * it: nouns, times, places, pronouns, numbers and 的, no other word (每年十月的校友
 * 返校日, 这个数字背后). Such a clause is the topic of the clause after it, never a
 * bullet's end. (jieba's tags without its HMM are rough for verbs, so this asks for
 * nothing but nominal words rather than for no verb.)
 */
export function predicateless(clause: string): boolean {
  if (!/[\u3400-\u9fff]/.test(clause)) return false;
  const tags = cutter().tag(clause, false);
  return tags.length > 1 && tags.every(({ tag }) => /^(?:n|nr|ns|nt|nz|t|r|f|s|m|q|uj|x)$/.test(tag));
}
