// Condensing: a bullet is the key phrase of a sentence — its lead clause, or the
// whole sentence when short — never more than about two lines on a slide.
import type { Lang } from '../types.js';
import { clauses, displayWidth, sentences, stripEnd } from '../parse/text.js';

// Discourse openers that carry no content on a slide (`今天，` `因此，` `First,`).
const ZH_OPENER = /^(?:今天|刚才|因此|所以|但是|可是|然而|同时|此外|另外|而且|并且|当然|总之|其次|首先|再次|最后|其一|其二|第[一二三四五六七八九十]+|[一二三四五六七八九十]+是|也就是说|这里|这次|目前|当前|近年来|一年来|去年|今年|过去一年|我觉得|我认为|我们认为|我想|我看|应该说|总的来说|总体上看|特别是|尤其是|比如|例如|可以说|从推动工作的角度)[，,：:]?/;
const EN_OPENER = /^(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|finally|lastly|next|then|also|and|but|so|however|moreover|furthermore|in addition|today|this morning|this year|of course|in short|for example|above all)\s*,\s*/i;

export function stripOpeners(s: string, lang: Lang): string {
  const re = lang === 'zh' ? ZH_OPENER : EN_OPENER;
  let t = s;
  for (let i = 0; i < 3; i++) {
    const m = re.exec(t);
    if (!m || m[0].length >= t.length - 2) break;
    t = t.slice(m[0].length);
  }
  if (lang === 'en') t = t.charAt(0).toUpperCase() + t.slice(1);
  return t;
}

/** Limit, in em, of one bullet: about two lines at body size. */
export function bulletLimit(lang: Lang): number {
  return lang === 'zh' ? 34 : 40;
}

/**
 * The key phrase of a sentence: the sentence itself when it fits the limit,
 * otherwise as many leading clauses as fit; a single over-long clause is cut
 * at the limit with an ellipsis (the full sentence stays in the notes).
 */
export function keyPhrase(sentence: string, lang: Lang, limit = bulletLimit(lang)): string {
  const s = stripOpeners(stripEnd(sentence), lang);
  if (displayWidth(s) <= limit) return s;
  const cs = clauses(s);
  const sep = lang === 'zh' ? '，' : ', ';
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
  if (sp > out.length * 0.6 && !/[\u3400-\u9fff]/.test(out)) out = out.slice(0, sp);
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
 * Key phrases of a paragraph, at most `max`, in manuscript order. The first
 * sentence always speaks; the rest are chosen by weight.
 */
export function paragraphPhrases(text: string, lang: Lang, max: number, skipFirst = false): string[] {
  let ss = sentences(text);
  if (skipFirst) ss = ss.slice(1);
  if (!ss.length) return [];
  const ranked = ss
    .map((s, i) => ({ s, i, w: (i === 0 ? 10 : 0) + weight(s) }))
    .sort((a, b) => b.w - a.w || a.i - b.i)
    .slice(0, max)
    .sort((a, b) => a.i - b.i);
  const out: string[] = [];
  for (const r of ranked) {
    const k = keyPhrase(r.s, lang);
    if (k && !out.includes(k)) out.push(k);
  }
  return out;
}
