// Condensing: a bullet is the key phrase of a sentence — its lead clause, or the
// whole sentence when short — never more than about two lines on a slide.
import type { Lang } from '../types.js';
import { capitalise, clauses, displayWidth, hasCjk, sentences, splitOutsideQuotes, stripEnd } from '../parse/text.js';


// Discourse openers that carry no content on a slide (`今天，` `因此，` `First,`).
// Words that carry meaning stay: time (今年, 去年同期, 当前), contrast (但是), 第七次.
const ZH_OPENER = /^(?:(?:各位|亲爱的)[^，,。]{0,8}[，,]|(?:同志们|朋友们|同事们|同学们|老师们)[，,！!]|(?:因此|所以|而且|并且|此外|另外)[，,]?|(?:今天|刚才|同时|当然|总之|其次|首先|再次|最后|其一|其二|也就是说|这里|在此|我觉得|我认为|我们认为|我想|我看|应该说|总的来说|总的来看|总体上看|归结起来|概括起来|可以说|从推动工作的角度)[，,：:]|第[一二三四五六七八九十]+[，,、：:]|[一二三四五六七八九十]+是[，,：:]?)/;
const EN_OPENER = /^(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|finally|lastly|next|then|also|and|but|so|however|moreover|furthermore|in addition|today|this morning|this year|of course|in short|for example|above all)\s*,\s*/i;

export function stripOpeners(s: string, lang: Lang): string {
  const re = lang === 'zh' ? ZH_OPENER : EN_OPENER;
  let t = s;
  for (let i = 0; i < 3; i++) {
    const m = re.exec(t);
    if (!m || m[0].length >= t.length - 2) break;
    t = t.slice(m[0].length);
  }
  if (lang === 'en') t = capitalise(t);
  return t;
}

/** Limit, in em, of one bullet: about two lines at body size. */
export function bulletLimit(lang: Lang): number {
  return lang === 'zh' ? 34 : 64;
}

/**
 * The key phrase of a sentence: the sentence itself when it fits the limit,
 * otherwise as many leading clauses as fit; a single over-long clause is cut
 * at the limit with an ellipsis (the full sentence stays in the notes).
 */
// A first clause that only sets the scene (对……, 随着……, 凡是……, 我代表……): the
// point is in the clause after it.
const ZH_LEADIN = /^(?:对于?|关于|按照|依照|根据|随着|凡是|通过|为了|为|面对|针对|围绕|在[^，]{0,20}(?:中|上|下|里|方面|过程中|基础上|同时)$|(?:我|我们)?(?:谨|愿)?(?:代表)|借此|值此|当)/;
const EN_LEADIN = /^(?:when|whenever|if|as|because|although|though|while|since|after|before|from|for|in|on|at|with|by|led by|who|which|and|but|so)\b/i;

export function keyPhrase(sentence: string, lang: Lang, limit = bulletLimit(lang)): string {
  const s = stripOpeners(stripEnd(sentence), lang);
  if (displayWidth(s) <= limit) return s;
  // A key phrase stays within the first part of a sentence split by semicolons.
  const first = splitOutsideQuotes(s, /[；;]/)[0]!;
  let cs = clauses(displayWidth(first) >= 8 ? first : s);
  const sep = lang === 'zh' ? '，' : ', ';
  // 不是……，而是…… / 有的是……，但更多的是……: the point is the second half.
  const turn = cs.findIndex((c, i) => i > 0 && /^(?:而是|更多的是|但更多的是|but rather|rather)/i.test(c));
  if (turn > 0) {
    const both = cs[turn - 1] + sep + cs[turn];
    return displayWidth(both) <= limit ? both : cut(cs[turn]!, limit);
  }
  // Keep a scene-setting first clause only with the clause that carries the point.
  const leadin = lang === 'zh' ? ZH_LEADIN : EN_LEADIN;
  if (cs.length > 1 && leadin.test(cs[0]!)) {
    const two = cs[0] + sep + cs[1];
    if (displayWidth(two) <= limit) cs = [two, ...cs.slice(2)];
    else cs = cs.slice(1);
  }
  // English lists split at commas read as fragments; keep a clause only if it is a sentence's worth.
  if (lang === 'en' && cs[0] && cs[0].split(/\s+/).length < 5 && cs.length > 1) {
    const two = cs[0] + sep + cs[1];
    if (displayWidth(two) <= limit) cs = [two, ...cs.slice(2)];
  }
  let out = '';
  for (const c of cs) {
    const next = out ? out + sep + c : c;
    if (displayWidth(next) > limit) break;
    out = next;
  }
  if (out && displayWidth(out) >= Math.min(8, limit / 3)) return out;
  return cut(cs[0] ?? s, limit);
}

export function cut(s: string, limit: number): string {
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > limit - 1) break;
    out += ch;
  }
  if (out.length === s.length) return s;
  // Prefer a word boundary in English.
  const sp = out.lastIndexOf(' ');
  if (sp > out.length * 0.6 && !hasCjk(out)) out = out.slice(0, sp);
  return out.replace(/[，,、；;：:\s]+$/, '') + '…';
}

/** How much a sentence says on a slide: numbers, obligations and contrasts rank high. */
export function weight(sentence: string): number {
  let w = 0;
  if (/\d/.test(sentence)) w += 2;
  if (/(要|必须|不能|坚持|确保|务必|切实|着力|推进|加强|提高|实现|完成|need|must|will|should)/i.test(sentence)) w += 1;
  if (/[“「]/.test(sentence)) w += 1;
  if (displayWidth(sentence) < 12) w -= 1;
  return w;
}

/**
 * Key phrases of a paragraph, at most `max` units, in manuscript order. An inline
 * list (一是……二是……) gives one bullet per item; parallel phrases give one bullet
 * each; otherwise each sentence gives its key phrase, the first sentence always,
 * the rest by weight. A saying is left out here: it becomes the slide's callout.
 */
export function paragraphPhrases(text: string, lang: Lang, max: number, skipFirst = false): string[] {
  let ss = sentences(text);
  if (skipFirst) ss = ss.slice(1);
  if (!ss.length) return [];
  const list = inlineList(ss.join(''));
  if (list) {
    const before = ss.join('').slice(0, ss.join('').search(/[一二三四五六七八九十]是|首先[，,]|第一[，,、]/));
    const intro = before && displayWidth(before) > 6 ? [keyPhrase(sentences(before)[0]!, lang)] : [];
    return dedupe([...intro, ...list.map((x) => keyPhrase(x, lang))]);
  }
  const units = ss
    .filter((s) => !SAYING.test(s))
    .map((s, i) => {
      const run = lang === 'zh' ? parallelRun(s) : null;
      return { i, w: (i === 0 ? 10 : 0) + weight(s) + (run ? 5 : 0), phrases: run ?? [keyPhrase(s, lang)] };
    });
  const chosen = units
    .sort((a, b) => b.w - a.w || a.i - b.i)
    .slice(0, max)
    .sort((a, b) => a.i - b.i);
  return dedupe(chosen.flatMap((u) => u.phrases));
}

function dedupe(xs: string[]): string[] {
  return xs.filter((x, i) => x && xs.indexOf(x) === i);
}

/** A run of ≥3 short clauses opening alike (`全方位…，全力…，全面…`): parallel phrases. */
export function parallelRun(sentence: string): string[] | null {
  const cs = clauses(sentence);
  let best: string[] = [];
  for (let i = 0; i < cs.length; i++) {
    const lead = [...cs[i]!][0]!;
    if (!/[\u3400-\u9fff]/.test(lead)) continue;
    let j = i;
    while (j < cs.length && cs[j]!.startsWith(lead) && displayWidth(cs[j]!) <= 14 && displayWidth(cs[j]!) >= 3) j++;
    if (j - i > best.length) best = cs.slice(i, j);
  }
  return best.length >= 3 ? best : null;
}

/** `一是……；二是……；三是……` or `首先，……；其次，……；最后，……` inside one paragraph. */
export function inlineList(text: string): string[] | null {
  const marker = /[一二三四五六七八九十]是|(?:首先|其次|再次|最后)[，,]|第[一二三四五六七八九十][，,、]/g;
  const starts: number[] = [];
  for (const m of text.matchAll(marker)) {
    const before = text[m.index! - 1];
    if (m.index === 0 || (before && /[；;。，,：:]/.test(before))) starts.push(m.index!);
  }
  if (starts.length < 2) return null;
  const lead = new RegExp('^(?:' + marker.source + ')[，,：:]?');
  const parts = starts.map((s, k) => text.slice(s, starts[k + 1] ?? text.length).replace(lead, ''));
  return parts.map((p) => stripEnd(sentences(p)[0] ?? p)).filter(Boolean);
}

const SAYING = /(?:有句话说得好|有句话叫|有句话说|俗话说得好|俗话说|常言道|古人云|古人说|老话说|正如[^，。]{1,12}所说)[：:，,]\s*“?([^。！？”]{4,40})[。！？]?”?/;

/** A saying introduced in the text (`有句话说得好：思想如行云流水，工作要反反复复。`). */
export function findSaying(text: string): string | null {
  const m = SAYING.exec(text);
  return m ? m[1]!.trim() : null;
}

/**
 * A quotation set off in the text: `……的一首诗送给大家：“万山不许一溪奔，……。”`,
 * `The writer Jorge Luis Borges once said: "…"`, `an old saying that "…"`.
 * Quoted names of campaigns (`开展“服务三农保春耕”活动`) are not quotations:
 * a quotation follows a colon, a comma or "that", and says a sentence's worth.
 */
export function findQuote(text: string): { lines: string[]; attribution: string } | null {
  const m = /([^。！？“”"]*?)(?:[：:，,]|\bthat)\s*[“"「]([^”"」]{8,3000})[”"」]/.exec(text);
  if (!m) return null;
  const inner = m[2]!;
  const zh = hasCjk(inner);
  if (zh ? (inner.match(/[，。；！？,.;!?]/g) ?? []).length < 2 || inner.length < 12 : inner.split(/\s+/).length < 5) return null;
  const lines = zh ? inner.match(/[^，。；！？]+[，。；！？]?/g)!.map((l) => l.trim()).filter(Boolean) : [inner.trim()];
  let attribution = m[1]!
    .replace(/^.*[，,]\s*/, (x) => (m[1]!.length > 24 ? '' : x))
    .replace(/^(?:这里|在此|最后)?[，,]?(?:我|我们)?(?:想)?(?:把|用|引用|借用)?/, '')
    .replace(/(?:送给大家|与大家共勉|和大家共勉|说得好|说|曾说|指出|强调|讲|写道|所说|说过|云|道)$/, '')
    .replace(/\b(?:once |has |had )?(?:said|wrote|put it|says)$/i, '')
    .replace(/^(?:there is |as )?(?:an? )?/i, '')
    .trim();
  // A proverb has no author: 俗话说 / 有句话 / an old saying.
  if (/^(?:俗话|俗语|常言|有句话|古话|老话)$|^(?:old )?saying$/i.test(attribution)) attribution = '';
  return { lines, attribution: displayWidth(attribution) <= 24 ? attribution : '' };
}

const FIGURE = /(\d+(?:\.\d+)?)\s*(个百分点|百分点|%|％|亿元|万元|万亿|亿|万人次|万人|人次|万户|万吨|万|倍|个|家|所|项|名|人|户|件|起|次|公里|吨|亩|套|辆|元)/;
const FIGURE_VERB = /(?:达到|达|为|是|至|到|增长|增加|下降|降低|减少|提高|提升|超过|突破|累计|同比|比上年|比去年|共|新增|完成|实现)+$/;

/**
 * The figures a paragraph is built around: each clause with a number and its
 * unit gives the number (`85.6%`) and what it counts (`学前三年毛入园率`).
 */
export function findFigures(text: string): Array<{ value: string; label: string }> {
  const out: Array<{ value: string; label: string }> = [];
  for (const s of sentences(text)) {
    for (const c of clauses(s)) {
      const m = FIGURE.exec(c);
      // One figure a clause: with two (`100个单位帮扶100家企业`) it is not clear what counts what.
      if (!m || (c.match(/\d+(?:\.\d+)?/g) ?? []).length > 1) continue;
      // A year (2017年) or a date is not a figure.
      if (/^\d{4}$/.test(m[1]!) && /^年/.test(c.slice(m.index! + m[1]!.length))) continue;
      const before = c.slice(0, m.index!).trim().replace(FIGURE_VERB, '');
      const after = c.slice(m.index! + m[0].length).replace(/^(?:以上|左右|多)/, '').trim();
      const label = (before + after).replace(FIGURE_VERB, '');
      if (displayWidth(label) < 2) continue;
      out.push({ value: m[1]! + m[2]!, label: cut(label.replace(/\s+/g, ''), 14) });
    }
  }
  return out;
}
