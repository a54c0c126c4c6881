// Condensing: a bullet is the key phrase of a sentence — its lead clause, or the
// whole sentence when short — never more than about two lines on a slide.
import type { Lang } from '../types.js';
import { capitalise, chineseNumber, clauseParts, clauses, displayWidth, hasCjk, joinParts, NUMBER_HEDGE, sentences, splitOutsideQuotes, stripEnd } from '../lang/text.js';
import { concreteness, concretenessBeyondContext, contentOf, isFiller, isProcedural, rules, stance } from '../lang/rules.js';
import { phrases, predicateless } from '../lang/segment.js';


// Discourse openers that carry no content on a slide (`今天，` `因此，` `First,`).
// Words that carry meaning stay: time (今年, 去年同期, 当前), contrast (但是), 第七次.
const ZH_OPENER = /^(?:(?:[^，。！？：:]{0,16}[，,])?(?:我)?(?:归纳了一下|归纳起来|概括起来)?[，,]?(?:主要(?:有|是|集中在|表现在)|存在|有)(?:这么|以下|如下|这样)?(?:几个|[一二两三四五六七八九十]个)(?:方面|特点|问题|特征|表现)(?:的问题)?[：:]|(?:在肯定成绩的同时|在看到成绩的同时)?[，,]?(?:但是?|同时)?(?:我们)?(?:也)?(?:要|必须|应当)?(?:清醒)?(?:地)?看到(?:存在的问题|存在的不足|以下问题)?[，,：:]|(?:总的感觉是|总体感觉是|我的感觉是|总体来看)[，,：:]|(?:这里|在这里|同时)?[，,]?(?:我)?(?:还|再)?(?:要|想)?(?:特别|着重|重点)?(?:强调|提醒|说明|提醒大家|强调一下|说明一下)(?:一点|一下|大家)?[，,：:]|(?:此刻|此时此刻)[，,](?:站在这里|在这里)[，,]|就是(?=要)|(?:特别是|尤其是)(?=[\u4e00-\u9fff“])|(?:各位|亲爱的)[^，,。]{0,8}[，,]|(?:同志们|朋友们|同事们|同学们|老师们)[，,！!]|(?:因此|所以|而且|并且|此外|另外)[，,]?|(?:我们|大家|我)(?:也|都)*(?:很|非常)?(?:清楚|知道|明白)[，,]|(?:今天|刚才|同时|当然|总之|其次|首先|再次|最后|其一|其二|也就是说|这里|在此|我觉得|我认为|我们认为|我想|我看|应该说|总的来说|总的来看|总体上看|归结起来|概括起来|可以说|从推动工作的角度)[，,：:]|第[一二三四五六七八九十]+[，,、：:]|[一二三四五六七八九十]+是[，,：:]?|(?:对此|为此|由此|因而|于是|比如|例如|譬如|但是|然而|不过)[，,]|(?:我|我们)(?:真诚地|衷心地?)?(?:希望|建议|提醒)(?:大家|各位|你们|同志们)[，,]?(?=[\u4e00-\u9fff]{2})|(?:而(?!是|且)|但是(?!也要|还要)|但(?!是|也要|还要)|也(?!就是|要看到)|并且|而且)(?=[\u4e00-\u9fff]{2}))/;
const EN_OPENER = /^(?:[^:.!?]{0,160}\b(?:everyone|students|graduates|friends|colleagues|guests|parents|carers|staff|governors|members|ladies and gentlemen|families)\s*:\s*(?=[a-z])|(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|finally|lastly|next|then|also|and|but|so|however|moreover|furthermore|in addition|today|this morning|this year|of course|in short|for example|above all)\s*,\s*|(?:in that time|since then|in those years|over that time)\s*,?\s+(?=[A-Za-z])|(?:i am arguing|i would argue|i believe|i think|i would suggest|i want to suggest|my argument is|my point is)\s+that\s+(?=\w+\s+\w+\s+\w+)|(?:and|but|so)\s+(?=\w+\s+\w+\s+\w+))/i;

/** 上面有一位叫马德才的师傅，…… → 马德才师傅，……: the person, not where the speaker saw the name. */
function namedPerson(t: string): string {
  return t.replace(/^(?:上面|其中|这里面|里面|那里|这里)?(?:还)?有一?(?:位|个|名)叫([\u4e00-\u9fff]{2,3})的(?=[\u4e00-\u9fff]{1,4}[，,])/, '$1');
}

export function stripOpeners(s: string, lang: Lang): string {
  const re = lang === 'zh' ? ZH_OPENER : EN_OPENER;
  let t = s;
  for (let i = 0; i < 3; i++) {
    const m = re.exec(t);
    if (!m || m[0].length >= t.length - 2) break;
    t = t.slice(m[0].length);
  }
  if (lang === 'zh') t = namedPerson(t);
  // I want to thank especially our longest-serving colleague, Peter Osei → Thanks to our ……
  if (lang === 'en') t = capitalise(t.replace(/^I (?:also )?(?:want|would like|'d like|wish) to thank (?:especially |in particular |also )?/i, 'Thanks to '));
  return t;
}

/** Limit, in em, of one bullet: about two lines at body size. */
export function bulletLimit(lang: Lang): number {
  return lang === 'zh' ? 34 : 64;
}

/**
 * The key phrase of a sentence: the sentence itself when it fits the limit,
 * otherwise as many leading clauses as fit, joined with the manuscript's own
 * punctuation. A clause that only sets the scene (对……, 随着……, 但也要看到) never
 * stands alone: it goes with the clause after it. When the first clause alone is
 * longer than the limit it is kept whole up to two lines (`hardLimit`); past
 * that, another clause of the sentence that fits, or the clause cut at an
 * enumeration comma (、) or a phrase boundary. Never an ellipsis: the full
 * sentence is in the notes.
 */
export function keyPhrase(sentence: string, lang: Lang, limit = bulletLimit(lang), most = hardLimit(lang, limit), concrete = true): string {
  // (Too long, a sentence first drops how a thing is to be done, 通过公开招聘、定向培养等方式,
  // and keeps what: 今年秋季学期要补充教师900名以上.)
  if (displayWidth(sentence) > limit) sentence = withoutMeans(sentence, lang);
  let phrase = keyPhraseOf(sentence, lang, limit, most);
  // A cut that keeps only the general words of a sentence whose figures, deadline
  // or target come later (……立下了“军令状”，十二项主要指标中，已有九项完成……)
  // keeps the concrete clause instead.
  // (Not for a title, which names the sentence by its own first words: `concrete` false.)
  // (So does one whose only figure counts what there is: 全县在建项目有213个，要全面推行…… →
  // 危险性较大的分部分项工程要100%落实专家论证和旁站监督.)
  // (Context when the sentence goes on to say what is to be done: ……有213个，要…….)
  const context = (t: string) => concretenessBeyondContext(t, lang) === 0 && stance(sentence.slice(sentence.indexOf(t) + t.length), lang) > 0;
  if (concrete && phrase && (concreteness(phrase, lang) === 0 || context(phrase))) phrase = concreteClauses(sentence, lang, Math.max(limit, most)) ?? phrase;
  // A bullet that ends on a topic with nothing said of it (每年十月的校友返校日) takes the clause
  // that says it (母校都在这里等你们回来), within two lines; a topic alone is no bullet.
  if (lang === 'zh' && phrase) phrase = withComment(stripOpeners(stripEnd(sentence), lang), phrase, Math.max(limit, most));
  // A question shown to its end keeps its question mark (靠的是什么？): without it, it reads as a broken statement.
  const q = /[？?]\s*$/.exec(sentence.trimEnd());
  if (lang === 'zh') phrase = namedPerson(phrase);
  return q && phrase && stripEnd(sentence).endsWith(phrase) ? phrase + (lang === 'zh' ? '？' : '?') : phrase;
}

/** `phrase` (cut from `s`) with the clause after it when its last clause is a bare topic; else as it is. */
function withComment(s: string, phrase: string, most: number): string {
  const last = clauseParts(phrase).at(-1)?.text ?? phrase;
  if (!predicateless(last)) return phrase;
  const at = s.indexOf(phrase);
  const after = at < 0 ? '' : s.slice(at + phrase.length);
  if (!/^[，,]/.test(after)) return phrase;
  const next = clauseParts(after.replace(/^[，,]\s*/, ''))[0];
  if (!next) return phrase;
  const both = `${phrase}，${next.text}`;
  return displayWidth(both) <= most ? both : phrase;
}

/** A sentence without the means it names (通过……等方式) inside a clause, where what is done follows. */
function withoutMeans(sentence: string, lang: Lang): string {
  if (lang !== 'zh') return sentence;
  return sentence.replace(/通过[^，。；：,;:]{2,40}?(?:等)?(?:方式|办法|途径|渠道|形式|手段)(?=[\u4e00-\u9fff]{4})/g, (m) => (balanced(m) ? '' : m));
}

function keyPhraseOf(sentence: string, lang: Lang, limit: number, most: number): string {
  const s = stripOpeners(stripEnd(sentence), lang);
  if (displayWidth(s) <= limit) return s;
  const hard = Math.max(limit, most);
  const { leadIn, completes } = rules(lang);
  // ……，是信任；……，是期待: parallel halves that end alike say one thing together;
  // so do two halves that open alike (学校里，……；工作中，……): a contrast.
  // (A segment of punctuation only, `&amp;;`, has no clause: it is no half of anything.)
  const segs = splitOutsideQuotes(s, /[；;]/).filter((g) => clauseParts(g).length > 0);
  if (segs.length > 1 && displayWidth(s) <= hard) {
    const tails = segs.map((g) => clauseParts(g).at(-1)!.text);
    if (tails.every((t) => completes.test(t) && t[0] === tails[0]![0])) return s;
    const heads = segs.map((g) => clauseParts(g)[0]!.text);
    if (lang === 'zh' && segs.length === 2 && heads.every((h) => displayWidth(h) <= 6) && clauseParts(segs[0]!).length > 1) return s;
  }
  if (lang === 'zh' && segs.length === 2 && displayWidth(s) > hard) {
    // Too long whole: the first half of a contrast alone says half the thing; both
    // halves' first clauses do (学校里，考试有标准答案；工作中，很多问题没有现成的答案).
    const a = clauseParts(segs[0]!);
    const b = clauseParts(segs[1]!);
    if (a.length === 2 && b.length >= 2 && displayWidth(a[0]!.text) <= 6 && displayWidth(b[0]!.text) <= 6) {
      const both = `${joinParts(a)}；${joinParts(b.slice(0, 2))}`;
      if (displayWidth(both) <= hard) return both;
    }
  }
  // 我在这里明确表态：……: the announcement goes, what it announces stays.
  // So does 我们可以清楚地看到，/ 我们要清醒地认识到，(and a scene-setter before it).
  const announced = /^[^，。：:]{0,14}(?:表态|强调|提醒|指出|重申|承诺|说明)[：:]\s*(.+)$/.exec(s) ?? (lang === 'zh' ? /^(?:[^，。：:]{2,16}[，,])?[^，。：:]{0,12}(?:看到|认识到|意识到|体会到|感受到)[，,：:]\s*(.+)$/.exec(s) : null);
  if (announced && displayWidth(announced[1]!) >= 8) return keyPhraseOf(announced[1]!, lang, limit, most);
  // A list of short parallel items after a colon (……拷问自己：入党为了什么，当干部干什么，
  // 身后留下什么) is not cut inside: whole when it fits two lines.
  const listed = /^[^：:]{2,}[：:](.+)$/.exec(s)?.[1];
  if (listed && displayWidth(s) <= hard) {
    const items = clauseParts(listed);
    if (items.length >= 3 && items.every((c) => displayWidth(c.text) <= 8)) return s;
  }
  // A key phrase stays within the first part of a sentence split by semicolons.
  const first = splitOutsideQuotes(s, /[；;]/)[0]!;
  const all = clauseParts(displayWidth(first) >= 8 ? first : s);
  // An aside inside the sentence (, which …, / ，特别是……，) goes; what it interrupts stays whole.
  const aside = rules(lang).aside;
  // An English aside runs on over commas until the sentence resumes with its verb.
  const resumes = /^(?:should|must|will|would|can|could|may|might|is|are|was|were|has|have|had|took|made|gave|became|did|does|do|\w+ed)\b/i;
  const parts: Array<{ text: string; sep: string }> = [];
  let inAside = false;
  all.forEach((p, i) => {
    if (i > 0 && i < all.length - 1 && aside.test(p.text)) inAside = true;
    else if (inAside && (lang === 'zh' || resumes.test(p.text))) inAside = false;
    if (inAside) return;
    // Where an aside was taken out, English joins the two halves without a comma.
    if (parts.length && parts[parts.length - 1] !== all[i - 1] && lang === 'en') parts[parts.length - 1] = { ...parts[parts.length - 1]!, sep: ' ' };
    parts.push(p);
  });
  if (parts.length < all.length && displayWidth(joinParts(parts)) <= limit) return joinParts(parts);
  // 只有……，……才……: the condition goes with what it makes possible.
  if (lang === 'zh' && /^(?:只有|唯有)/.test(parts[0]?.text ?? '')) {
    const then = parts.findIndex((p, i) => i > 0 && /才/.test(p.text));
    const both = then > 0 ? joinParts(parts.slice(0, then + 1)) : '';
    if (both && displayWidth(both) <= hard) return both;
  }
  // 不是……，而是…… / 有的是……，但更多的是……: the two halves go together.
  const turn = parts.findIndex((c, i) => i > 0 && /^(?:而是|更多的是|但更多的是|but rather|rather)/i.test(c.text));
  if (turn > 0) {
    // With the short topic they are about (这些问题，有的是……，但更多的是……).
    const from = turn === 2 && displayWidth(parts[0]!.text) <= 6 ? 0 : turn - 1;
    const both = joinParts(parts.slice(from, turn + 1));
    if (displayWidth(both) <= hard) return both;
  }
  // A scene-setting clause is one unit with the clause after it.
  type Part = { text: string; sep: string };
  const units: Part[][] = [];
  for (let i = 0; i < parts.length; i++) {
    if (leadIn.test(parts[i]!.text) && i + 1 < parts.length) {
      // 对……，……，具有重要意义: the predicate of a 对-phrase ends the sentence. The
      // whole sentence when it fits two lines; else the 对-phrase with its predicate;
      // never the clauses in another order.
      if (i === 0 && parts.length > 2 && /^(?:这|此)?对(?:于)?(?!照|比|标|接|待|话)/.test(parts[0]!.text)) {
        const whole = joinParts(parts);
        if (displayWidth(whole) <= hard) return whole;
        const both = joinParts([{ text: parts[0]!.text, sep: parts[0]!.sep }, parts[parts.length - 1]!]);
        if (displayWidth(both) <= hard) return both;
      }
      // 一年来，在大家的共同努力下，……: scene-setters chain until a clause says something.
      // (English: `When I first came to this forum, nineteen years ago, the programme …`
      // goes on until the main clause, which opens with its subject.)
      const unit = [parts[i]!];
      while (i + 1 < parts.length && (leadIn.test(unit[unit.length - 1]!.text) || (lang === 'en' && unit.length < 4 && !mainStarts.test(parts[i + 1]!.text)))) unit.push(parts[++i]!);
      if (lang === 'en' && i + 1 < parts.length && unit.length > 1 && !leadIn.test(parts[i + 1]!.text) && mainStarts.test(parts[i + 1]!.text) && !mainStarts.test(unit[unit.length - 1]!.text)) unit.push(parts[++i]!);
      units.push(unit);
    } else units.push([parts[i]!]);
  }
  // 表面上……，实质上……: a paired statement is one unit.
  const [pairA, pairB] = rules(lang).pair;
  for (let i = 0; i + 1 < units.length; i++) {
    const a = units[i]!;
    const b = units[i + 1]!;
    if (pairA.test(a[0]!.text) && pairB.test(b[0]!.text)) units.splice(i, 2, [...a, ...b]);
  }
  // English lists split at commas read as fragments: a short first clause goes with the next,
  // and so does a clause followed by another item of a list (our contractors, our architects and …).
  if (lang === 'en' && units.length > 1 && joinParts(units[0]!).split(/\s+/).length < 5) units.splice(0, 2, [...units[0]!, ...units[1]!]);
  if (lang === 'en') {
    for (let i = 0; i + 1 < units.length; i++) {
      if (/^(?:our|the|a|an|their|his|her|its|my|your)\s+\w+(?:\s+\w+)?(?:,|\s+and\b)/i.test(units[i + 1]![0]!.text)) units.splice(i, 2, [...units[i]!, ...units[i + 1]!]), i--;
    }
  }
  let taken: Part[] = [];
  let used = 0;
  for (const u of units) {
    const next = [...taken, ...u];
    // A phrase too short to say anything (`一年来`) takes the next clause even past the limit.
    const short = displayWidth(joinParts(taken)) < Math.min(8, limit / 3);
    if (displayWidth(joinParts(next)) > (taken.length && short ? hard : limit)) break;
    taken = next;
    used++;
  }
  // What is left after the cut only gives figures (……，累计达到96个，占比91.4%): the
  // whole sentence, when it fits two lines; a figure is not cut off its statement.
  if (taken.length && taken.length < parts.length && parts.slice(taken.length).every((p) => concreteness(p.text, lang) > 0 && /\d/.test(p.text))) {
    const whole = joinParts(parts);
    if (displayWidth(whole) <= hard) return whole;
  }
  // A cut before the clause that completes the thought (……，突出什么样的服务主题，
  // 要心中有数) leaves a dangling topic: the whole, when it fits two lines. So does
  // a cut after a question put as 能不能 / 牢不牢 (its answer follows).
  // So does a cut after a verb that takes what follows as its object (局党组研究决定，……).
  // So does a cut after what only sets up a conclusion (作风建设也好，改革发展也好，/ 归纳起来).
  const asks = (t: string) => /([\u4e00-\u9fff])不\1|能不能|是不是|有没有|会不会/.test(t) || /(?:研究决定|决定|认为|指出|强调|要求|表示|提出|明确|规定|发现|反映|说了?一句(?:话)?|说道|回答|也好|也罢|归纳起来|概括起来|总结起来|说到底)$/.test(t) || (lang === 'zh' && /的$/.test(t) && !/是/.test(clauseParts(t).at(-1)?.text ?? ''));
  if (taken.length && taken.length < parts.length && (parts.slice(taken.length).some((p) => completes.test(p.text)) || asks(taken[taken.length - 1]!.text))) {
    const whole = joinParts(parts);
    if (displayWidth(whole) <= hard) return whole;
    // Else up to that clause (一个很重要的原因，就是……), when that fits.
    let upTo = parts.findIndex((p, i) => i >= taken.length && completes.test(p.text));
    // (Not ending on a clause that only sets up the next: 要按照“先急后缓、先主后次”的原则，在明年汛前全面完成.)
    while (upTo >= 0 && upTo + 1 < parts.length && leadIn.test(parts[upTo]!.text)) upTo++;
    const through = joinParts(parts.slice(0, upTo + 1));
    if (upTo >= 0 && displayWidth(through) <= hard && !leadIn.test(parts[upTo]!.text)) return through;
    // Else the subject with what completes it, without what stands between them (The projects
    // on our boards today, the … housing in Lowfield and the … hospital in Carrow, will matter …).
    if (lang === 'en' && upTo === parts.length - 1 && upTo >= 2 && !leadIn.test(parts[0]!.text)) {
      const both = `${parts[0]!.text} ${parts[upTo]!.text}`;
      if (displayWidth(both) <= hard && displayWidth(both) >= 8) return both;
    }
  }
  // Past the limit, up to two lines, the clauses that still state something of their own
  // after a cut that is concrete already: a figure, a deadline, a rule or a sanction
  // (……开展一次督查，督查结果纳入年度目标责任考核), or the second of two clauses built alike
  // (……服务中心要实现标准化全覆盖，……服务站要实现代办服务全覆盖). Not a purpose or a
  // comment after them (让群众在家门口就能办成事), nor a condition without what it leads to.
  const extend = (cut: Part[]): Part[] => {
    if (lang !== 'zh' || !used || used >= units.length) return cut;
    const alike = (a: string, b: string) => displayWidth(a) >= 8 && displayWidth(b) >= 8 && a.slice(-3) === b.slice(-3);
    const concrete = concretenessBeyondContext(joinParts(cut), lang) > 0;
    let out = cut;
    for (let i = used; i < units.length; i++) {
      const u = units[i]!;
      const text = joinParts(u);
      const says = (concrete && concretenessBeyondContext(text, lang) > 0 && !/^(?:让|使|以|为|从而|进而)/.test(text)) || alike(out.at(-1)!.text, u.at(-1)!.text);
      const bare = u.at(-1)!.text.replace(TIES, '').replace(/^(?:确保|力争|争取|做到|保证|务必)/, '');
      if (!says || leadIn.test(bare) || displayWidth(joinParts([...out, ...u])) > hard) break;
      out = [...out, ...u];
    }
    return out;
  };
  if (taken.length && displayWidth(joinParts(taken)) >= Math.min(8, limit / 3)) return joinParts(extend(taken));
  const lead = joinParts(units[0]!);
  if (displayWidth(lead) <= hard) return lead;
  // Scene-setters too long to keep: the clause they lead to says the point alone
  // (我代表……，向各位新同事的到来表示热烈的欢迎 → 向……表示热烈的欢迎).
  const main = units[0]!.length > 1 ? units[0]![units[0]!.length - 1]!.text : '';
  if (main && displayWidth(main) <= hard && displayWidth(main) >= 6 && !leadIn.test(main)) return main;
  // The first clause is too long even for two lines: another clause that says something.
  const other = units.slice(1).map(joinParts).find((t) => displayWidth(t) <= hard && displayWidth(t) >= 8 && !leadIn.test(t));
  if (other) return other;
  // English: the clauses that fit, whole (a cut between words leaves `… the end of the`).
  if (lang === 'en') {
    let fit: Part[] = [];
    for (const p of parts) {
      if (displayWidth(joinParts([...fit, p])) > hard) break;
      fit = [...fit, p];
    }
    const t = joinParts(fit);
    if (fit.length && t.split(/\s+/).length >= 6) return t;
  }
  return shorten(lead, hard, lang);
}

/** Openers that tie a clause to the one before: left off when a bullet starts there. */
const TIES = /^(?:但是|但|而且|而(?!是)|并且|并(?![不非])|同时|其中|特别是|尤其是|and also|and|but|so(?! that)|while|especially)[，,\s]*/i;

/**
 * The concrete part of a sentence as a bullet, within `most`: the actor's clause
 * with the concrete clause that says what it will reach (各科室要逐项梳理，确保年底前全部完成),
 * or the first concrete clause with the short topic before it and the clauses that
 * complete it (十二项主要指标中，目前已有九项完成……，但还有三项指标进度滞后). Null
 * when nothing later in the sentence is concrete, or nothing concrete fits.
 */
function concreteClauses(sentence: string, lang: Lang, most: number): string | null {
  const s = stripOpeners(stripEnd(sentence), lang);
  const parts = clauseParts(s);
  const purpose = lang === 'zh' ? /^(?:确保|力争|争取|做到|实现|保证|务必)/ : /^(?:so that|to ensure|ensuring|aiming)\b/i;
  // The most concrete clause after the first, an aim reached (确保年底前全部完成) before a
  // routine (每周调度一次), the earlier of two alike.
  const score = parts.map((p, i) => (i === 0 ? 0 : concreteness(p.text, lang)));
  // In a story, who it is about comes first (上面有一位叫马德才的师傅，连续十一年保持……).
  const who = (i: number) => rules(lang).person.test(parts[i]!.text);
  const rank = score.map((c, i) => (c > 0 ? c + (purpose.test(parts[i]!.text) ? 1 : 0) + (who(i) ? 2 : 0) : 0));
  const k = rank.indexOf(Math.max(...rank));
  if (k <= 0 || rank[k]! <= 0) return null;
  const { leadIn, completes, dependent } = rules(lang);
  const fits = (ps: typeof parts) => displayWidth(joinParts(ps)) <= most;
  const open = (t: string) => t.replace(TIES, '');
  const bare = (i: number) => open(parts[i]!.text).replace(purpose, '');
  // A run ending in a condition (确保一旦发生火情) takes the clause it leads to, or is no bullet.
  const close = (from: number, to: number): number | null => {
    let end = to;
    while (leadIn.test(bare(end)) && end + 1 < parts.length) end++;
    return fits(parts.slice(from, end + 1)) && !leadIn.test(bare(end)) ? end : null;
  };
  // The actor and what it is to reach: 各分管领导……要逐项梳理，……，确保年底前全部完成.
  if (purpose.test(parts[k]!.text) && !leadIn.test(parts[0]!.text)) {
    const end = close(k, k);
    const pair = end === null ? [] : [parts[0]!, ...parts.slice(k, end + 1)];
    if (pair.length && fits(pair)) return joinParts(pair);
  }
  // The concrete clause with a short topic or scene-setter before it, and what completes it after.
  let from = k;
  while (from > 0 && leadIn.test(parts[from - 1]!.text) && fits(parts.slice(from - 1, k + 1))) from--;
  // A count whose thing was named in the clause before, by the same verb (要选派优秀年轻干部到
  // ……挂职锻炼，今年计划选派15名): with that clause, or no bullet.
  const verb = /([\u4e00-\u9fff]{2})\d[\d.]*\s*[\u4e00-\u9fff]{1,2}$/.exec(parts[k]!.text)?.[1];
  if (from === k && verb && parts[k - 1]!.text.includes(verb)) {
    if (!fits(parts.slice(k - 1, k + 1))) return null;
    from = k - 1;
  }
  let to = k;
  const [pairA, pairB] = rules(lang).pair;
  const goesOn = (i: number) => {
    const next = parts[i + 1]!.text;
    return completes.test(open(next)) || concreteness(next, lang) > 0 || TIES.test(next) || (pairA.test(parts[i]!.text) && pairB.test(next));
  };
  while (to + 1 < parts.length && goesOn(to) && fits(parts.slice(from, to + 2))) to++;
  // A person named is one clause; what they did is the next.
  if (to === k && who(k) && to + 1 < parts.length && !leadIn.test(parts[to + 1]!.text) && fits(parts.slice(from, to + 2))) to++;
  // 既要……，也要……: half a pair is no bullet; a run that ends on one ends before it.
  if (to + 1 < parts.length && pairA.test(parts[to]!.text) && pairB.test(parts[to + 1]!.text)) {
    if (to === k) return null;
    to--;
  }
  // Half of a pair that opens alike (对成效明显的单位予以表彰，对工作滞后的单位进行通报): both halves.
  const alike = (a: string, b: string) => a.length >= 6 && b.length >= 6 && /^[\u4e00-\u9fff]/.test(a) && a[0] === b[0] && !/^[我这他她它]/.test(a);
  if (lang === 'zh' && from === k && k > 0 && alike(open(parts[k - 1]!.text), open(parts[k]!.text)) && fits(parts.slice(k - 1, to + 1))) from = k - 1;
  // A short clause after the sentence's subject (……不幸牺牲，年仅37岁) is an appendage, not a bullet.
  // (Not a time or condition that leads to what follows, 毕业以后两年内，你们仍然可以……: that goes on.)
  if (from === k && displayWidth(parts[k]!.text) < 8 && !leadIn.test(bare(k))) return null;
  // A clause with no subject of its own (不得不在两个月内重新修订) cannot open a bullet.
  if (dependent.test(open(parts[from]!.text))) return null;
  const end = close(from, to);
  if (end === null) return null;
  const text = open(joinParts(parts.slice(from, end + 1)));
  return displayWidth(text) >= 6 ? (lang === 'en' ? capitalise(text) : text) : null;
}

/**
 * What a sentence says after the bullet `shown` was cut from it, as a second
 * bullet (公安交警部门要加大……查处力度 / 春节、清明、国庆等重要时段要集中开展专项整治行动),
 * when it says something of its own: an obligation, a figure, a deadline (with
 * `anyContent`, anything not filler). Null when nothing is left, or what is left
 * leans on what came before.
 */
export function nextPhrase(sentence: string, shown: string, lang: Lang, anyContent = false): string | null {
  const s = stripOpeners(stripEnd(sentence), lang);
  // (Where the bullet ends in the sentence: by its last words, when its first were reworded.)
  const at = s.indexOf(shown);
  const tail = shown.slice(-Math.min(10, shown.length));
  const end = at >= 0 ? at + shown.length : s.indexOf(tail) >= 0 ? s.indexOf(tail) + tail.length : -1;
  if (end < 0) return null;
  const rest = s.slice(end).replace(/^[，；：,;:\s]+/, '');
  const { dependent, leadIn, completes } = rules(lang);
  const open = rest.replace(TIES, '');
  // (A scene-setter opening the rest goes with the clause it leads to when `anyContent`:
  // 对发生较大以上事故的，实行“一票否决”.)
  if (displayWidth(open) < 8 || dependent.test(open) || completes.test(open) || (!anyContent && leadIn.test(clauseParts(open)[0]?.text ?? ''))) return null;
  // (Nor when it speaks of whom the part shown named: 时时刻刻和他们同呼吸、共命运.)
  if (refersBack(open)) return null;
  // (English: a clause that opens with its subject; the rest of a list is no point alone.)
  if (lang === 'en' && !mainStarts.test(open)) return null;
  // (`anyContent`: what is left of a long sentence, whatever it says.)
  if (weight(open, lang) < (anyContent ? 0 : 1)) return null;
  const phrase = keyPhrase(open, lang);
  return phrase && phrase !== shown && displayWidth(phrase) >= 8 ? (lang === 'en' ? capitalise(phrase) : phrase) : null;
}

/** Whether a phrase opens by speaking of someone named before it (时时刻刻和他们……; They …): it leans on what came before. */
function refersBack(t: string): boolean {
  return /^[^，,。]{0,8}?(?:他们|她们|它们)|^(?:they|them|their|these|those)\b/i.test(t);
}

/**
 * A bullet for a sentence that opens by speaking of someone named in the sentence
 * before (时时刻刻和他们同呼吸、共命运，……，把党和工会密切联系群众的工作做实): its
 * last clause, the point it comes to, when that stands alone; else the phrase.
 */
function standingAlone(sentence: string, phrase: string, lang: Lang): string {
  if (!refersBack(phrase)) return phrase;
  const last = clauseParts(stripEnd(sentence)).at(-1)?.text.replace(TIES, '') ?? '';
  const { dependent, completes, leadIn } = rules(lang);
  return displayWidth(last) >= 8 && !refersBack(last) && !dependent.test(last) && !completes.test(last) && !leadIn.test(last) && last !== phrase ? (lang === 'en' ? capitalise(last) : last) : phrase;
}

const PAIRS: Array<[string, string]> = [['“', '”'], ['「', '」'], ['《', '》'], ['（', '）'], ['(', ')'], ['‘', '’']];

/** No quotation mark or bracket left open (or closed without opening). */
export function balanced(s: string): boolean {
  return PAIRS.every(([a, b]) => s.split(a).length === s.split(b).length) && s.split('"').length % 2 === 1;
}

/** An English main clause opens with its subject. */
const mainStarts = /^(?:I|we|you|he|she|it|they|this|that|these|those|there|the|our|my|a|an|every|each|no|[A-Z]\w*)\b/;

/** Two lines of bullet text, in em: the most a bullet may take when no shorter cut exists. */
export function hardLimit(lang: Lang, limit = bulletLimit(lang)): number {
  // English bullets are already about two lines at the limit (64 em ≈ 128 letters).
  return Math.round(limit * (lang === 'zh' ? 1.75 : 1.15));
}

/**
 * A clause longer than `max`: its longest beginning that ends at an enumeration
 * comma (、), else at a phrase boundary (jieba's words for Chinese, a space in English),
 * never an ellipsis.
 */
export function shorten(clause: string, max: number, lang: Lang): string {
  const fits = (t: string) => displayWidth(t) <= max;
  if (fits(clause)) return clause;
  const enumParts = splitOutsideQuotes(clause, /[、]/);
  if (enumParts.length > 1) {
    let out = enumParts[0]!;
    for (const p of enumParts.slice(1)) {
      if (!fits(out + '、' + p)) break;
      out += '、' + p;
    }
    if (fits(out) && displayWidth(out) >= max / 3) return out;
  }
  // English: the longest beginning that ends before a word opening a new phrase
  // (without, while, and, which …), so that it ends on a whole phrase.
  if (lang === 'en') {
    const words = clause.split(/(?<=\s)/);
    let best = '';
    for (let i = 1; i < words.length; i++) {
      const head = words.slice(0, i).join('');
      if (!fits(head)) break;
      if (/^(?:without|with|while|because|after|before|since|until|and|but|so|which|who|whose|that|to|for|in|on|at|by|from|of|as|when|where|or)\b/i.test(words[i]!) && i >= 8) best = head;
    }
    if (best) return stripEnd(best);
  }
  const pieces = lang === 'zh' ? phrases(clause) : clause.split(/(?<=\s)/);
  // The longest run of phrases that fits and leaves no quotation or bracket open,
  // (in English) not ending on a word that needs the next one (… more than the).
  const dangles = (t: string) => lang === 'en' && /\b(?:the|a|an|of|to|in|on|at|for|by|with|and|or|but|than|as|from|that|which|who|into|your|our|their|my|its|his|her|is|are|was|were|will|be)\s*$/i.test(t);
  let out = '';
  let best = '';
  for (const p of pieces) {
    if (!fits(out + p)) break;
    out += p;
    if (balanced(out) && !dangles(out)) best = out;
  }
  return stripEnd(best || out || clause);
}

/** How much a sentence says on a slide: numbers, obligations and contrasts rank high. */
export function weight(sentence: string, lang: Lang = hasCjk(sentence) ? 'zh' : 'en'): number {
  let w = 0;
  if (isFiller(sentence, lang)) return -5;
  // Figures (not years), deadlines and targets: what a slide should keep.
  w += Math.min(4, concreteness(sentence, lang));
  // Several figures (48小时内筹措拨付防控资金3.2亿元，23名党员下沉社区) say more than one.
  const figures = (sentence.replace(rules(lang).dates, '').match(/\d+(?:\.\d+)?\s*(?:%|％|[\u4e00-\u9fff]{1,2}|\w+)/g) ?? []).length;
  w += Math.min(2, Math.max(0, figures - 1));
  w += stance(sentence, lang);
  if (/[“「]/.test(sentence)) w += 1;
  if (displayWidth(sentence) < 12) w -= 1;
  // A sentence that points back (这说明……, That is why…) says little alone.
  if (rules(lang).pointsBack.test(sentence)) w -= 3;
  if (!hasCjk(sentence) && sentence.split(/\s+/).length < 5) w -= 2;
  return w;
}

/** Where each sentence of `text` starts and ends: the spans cover the text exactly. */
export function sentenceSpans(text: string): Array<{ start: number; end: number; text: string }> {
  const ss = sentences(text);
  const out: Array<{ start: number; end: number; text: string }> = [];
  let at = 0;
  for (const x of ss) {
    const i = text.indexOf(x, at);
    const start = i >= 0 ? i : at;
    if (out.length) out[out.length - 1]!.end = start;
    out.push({ start, end: text.length, text: x });
    at = start + x.length;
  }
  if (out.length) out[0]!.start = 0;
  else out.push({ start: 0, end: text.length, text });
  return out.map((o) => ({ ...o, text: text.slice(o.start, o.end) }));
}

/**
 * Key phrases of a paragraph with the sentence each comes from, at most `max`
 * sentences' worth, in manuscript order. An inline list (一是……二是……) gives
 * one bullet per item; parallel phrases one bullet each; otherwise a sentence
 * gives its key phrase, the first sentence always, the rest by weight.
 * Sentences in `skip` (a heading, a quotation, figures shown big), sayings (a
 * callout) and procedural sentences (下面，我讲三点意见) give none.
 */
export function sentencePhrases(text: string, lang: Lang, max: number, skip: Set<number> = new Set(), limit = bulletLimit(lang)): Array<{ sent: number; text: string }> {
  const spans = sentenceSpans(text);
  const open = spans
    .map((sp, i) => ({ i, s: contentOf(sp.text, lang) }))
    .filter(({ i, s }) => !skip.has(i) && s && !isProcedural(stripOpeners(s, lang), lang));
  if (!open.length) return [];
  const from = spans[open[0]!.i]!.start;
  const body = text.slice(from);
  const list = inlineList(body, true);
  if (list) {
    const sentOf = (offset: number) => spans.findIndex((sp) => from + offset >= sp.start && from + offset < sp.end);
    const markerAt = [...body.matchAll(new RegExp(INLINE_MARKER.source, 'g'))].filter((m) => m.index === 0 || /[；;。，,：:]/.test(body[m.index! - 1]!)).map((m) => m.index!);
    const introEnd = markerAt[0] ?? 0;
    const before = body.slice(0, introEnd);
    const out: Array<{ sent: number; text: string }> = [];
    // What comes before the list: its first sentence, and any later one with figures,
    // a deadline or a target (……地区生产总值168.4亿元，同比增长5.6%。主要呈现以下特点：一是……).
    const intro = sentenceSpans(before)
      .map((sp) => ({ sent: sentOf(sp.start), text: sp.text }))
      .filter((x) => !skip.has(x.sent) && displayWidth(x.text) > 6 && !isProcedural(x.text, lang));
    // The words that open the list in its own sentence (主要做了以下工作：/ 重点抓了三件事：/
    // 在学习方法上，) only announce it: a bullet when they say something more. So do words
    // with no figure that lead to it with a colon (……也给我们留下了许多宝贵的经验和深刻的启示：).
    const listLead = (x: { sent: number; text: string }) =>
      x.sent === sentOf(introEnd) && (rules(lang).announcesParts.test(x.text) || LIST_LEAD.test(stripEnd(x.text)) || (concreteness(x.text, lang) === 0 && (displayWidth(x.text) <= 14 || /[：:]\s*$/.test(x.text))));
    intro.filter((x) => !listLead(x)).forEach((x, k) => {
      if (k === 0 || concreteness(x.text, lang) > 0) out.push({ sent: x.sent, text: keyPhrase(x.text, lang, limit) });
    });
    list.forEach((x, k) => out.push({ sent: Math.max(0, sentOf(markerAt[k] ?? introEnd)), text: listItem(x, lang, limit) }));
    return dedupeItems(out.filter((o) => !skip.has(o.sent)));
  }
  // (A first sentence that says nothing concrete, 数字背后，是一个又一个感人的故事, before
  // sentences with figures only leads into them: it stands on their merits.)
  const concreteLater = open.slice(1).some(({ s }) => concreteness(s, lang) >= 2);
  const units = open
    .filter(({ s }) => !SAYING.test(s))
    .map(({ i, s }, k) => {
      const run = lang === 'zh' ? parallelRun(s) : null;
      // A general sentence the next one turns against (成绩值得肯定。但是……; We publish more
      // papers than ever. But …) only concedes: the point is in the turn.
      const concedes = concreteness(s, lang) === 0 && rules(lang).contrast.test(spans[i + 1]?.text.trim() ?? '');
      // The first sentence states the point, unless it only fills time or concedes.
      const w = weight(s, lang) - (concedes ? 3 : 0);
      const states = !concedes && w > -5 && (w > 0 || !concreteLater || max >= open.length);
      const counted = lang === 'zh' && !run ? (countedList(s) ?? colonList(s, lang, limit)) : null;
      return { i, counted: !!counted, w: (k === 0 && states ? 10 : 0) + w + (run || counted ? 5 : 0), phrases: run ?? counted ?? personHalves(s, lang, limit) ?? (lang === 'zh' ? parallelParts(s)?.map((g) => keyPhrase(g, lang, limit)) : verbList(s, limit)) ?? story(s, lang, limit).map((t, n) => (n === 0 ? standingAlone(s, t, lang) : t)) };
    });
  // Past three, only sentences that carry something (a figure, an obligation, a
  // quotation): narrative and asides stay in the notes, so that a slide shows
  // points, not a transcript.
  const chosen = units
    .sort((a, b) => b.w - a.w || a.i - b.i)
    .filter((u, k) => k < max && u.w > -5 && (k < 3 || u.w >= 1))
    .sort((a, b) => a.i - b.i)
    // (Beside the items a sentence counts, general lines about them stay in the notes:
    // the five activities say what 载体的设计，源于思想的创新创造 only says around them.)
    .filter((u, _, all) => u.counted || !all.some((o) => o.counted) || concreteness(spans[u.i]!.text, lang) > 0);
  // A sentence answered by the next (Data do not make decisions. People do, …; Optimism is
  // the belief that …. Hope is the decision to …) is one point with it: half is the opposite.
  const answered = (u: { i: number }) => {
    const a = spans[u.i]?.text.trim() ?? '';
    const b = spans[u.i + 1]?.text.trim() ?? '';
    if (!b || skip.has(u.i + 1) || lang !== 'en') return null;
    const definitions = /^\w+ (?:is|are) (?:the|a|an) \w+/.test(a) && /^\w+ (?:is|are) (?:the|a|an) \w+/.test(b);
    const reply = /^[A-Z]\w*(?: \w+)? (?:do|does|did|can|will|is|are|must)\b[,.]/.test(b) && /\bnot\b/.test(a);
    const both = `${stripEnd(a)}. ${stripEnd(b)}`;
    return (definitions || reply) && displayWidth(both) <= hardLimit(lang, limit) ? both : null;
  };
  return dedupeItems(chosen.flatMap((u) => {
    const pair = u.phrases.length === 1 ? answered(u) : null;
    return (pair ? [pair] : u.phrases).map((text) => ({ sent: u.i, text }));
  }));
}

/**
 * An item of an inline list as a bullet. One whose first sentence is only its head
 * (一是抓好秋粮收购。镇粮食站要……，坚决防止出现“卖粮难”……) says its head and its most
 * concrete point (抓好秋粮收购：……), within two lines: a head alone says nothing.
 */
function listItem(item: string, lang: Lang, limit: number): string {
  const ss = sentences(item);
  const head = stripEnd(ss[0] ?? item);
  if (lang !== 'zh' || ss.length < 2 || displayWidth(head) > 12 || /[，,]/.test(head)) return keyPhrase(head, lang, limit);
  const rest = ss.slice(1);
  const best = rest.reduce((a, b) => (concreteness(b, lang) > concreteness(a, lang) ? b : a), rest[0]!);
  const room = hardLimit(lang, limit) - displayWidth(head) - 1;
  const point = keyPhrase(best, lang, Math.min(limit, room), room);
  return point && displayWidth(point) >= 6 && displayWidth(point) <= room ? `${head}：${point}` : head;
}

/**
 * A sentence of parallel parts split by semicolons that open alike (有的县区……；有的项目
 * ……；有的地方……): the parts, each a point of its own; else null.
 */
export function parallelParts(sentence: string): string[] | null {
  const segs = splitOutsideQuotes(stripEnd(sentence), /[；;]/).map((g) => g.trim()).filter(Boolean);
  if (segs.length < 2) return null;
  const head = segs[0]!.slice(0, 2);
  // (Three or more obligations, 要……；要……；要……, are a list too, whatever verb follows 要.)
  if (segs.length >= 3 && segs.every((g) => /^要[\u4e00-\u9fff]/.test(g) && displayWidth(g) >= 8)) return segs;
  // (So are three or more statements of a kind, each a clause of its own: 门诊挂号……时间长的问题还没有彻底解决；
  // 医疗质量安全仍有薄弱环节……；运营管理的精细化水平……)
  if (segs.length >= 3 && segs.every((g) => displayWidth(g) >= 10 && displayWidth(g) <= 60 && !predicateless(g))) return segs;
  // (Two halves alike are a contrast more often than a list, unless they say 有的…有的….)
  if (segs.length < 3 && !/^(?:有的|有些)/.test(head)) return null;
  return /^[\u4e00-\u9fff]{2}$/.test(head) && segs.every((g) => g.startsWith(head) && displayWidth(g) >= 8) ? segs : null;
}

/**
 * A sentence that announces things and lists them after a colon, one per semicolon
 * (今年，我们还要再办几件实事：在全市新增“爱心驿站”80个……；为50岁以上的环卫职工……；
 * 对符合条件的……；加快推进……): one bullet each, the first with the words that announce
 * them when both fit two lines. Null for anything else.
 */
export function colonList(sentence: string, lang: Lang, limit = bulletLimit(lang)): string[] | null {
  if (lang !== 'zh') return null;
  const m = /^([^：:]{4,30})[：:](.+)$/.exec(stripEnd(sentence.trim()));
  if (!m || !balanced(m[1]!) || !/(?:几|[两三四五六七八九十])(?:件|项|个|条|点|方面|多)|以下|如下/.test(m[1]!)) return null;
  let segs = splitOutsideQuotes(m[2]!, /[；;]/).map((x) => x.trim()).filter(Boolean);
  // (Counted and told clause by clause, 呈现“四多”特点：A多，B多，C多，D多，……: the first four clauses.)
  const counted = /([两三四五六七八九])(?:多|个|项|大|类|点|化|性|条|件)/.exec(m[1]!);
  if (segs.length < 3 && counted) {
    const n = chineseNumber(counted[1]!)!;
    const cs = clauses(m[2]!);
    if (cs.length >= n && cs.slice(0, n).every((x) => displayWidth(x) >= 4 && displayWidth(x) <= 24)) segs = cs.slice(0, n);
  }
  if (segs.length < 3 || segs.some((x) => displayWidth(x) < 4)) return null;
  const items = segs.map((x) => keyPhrase(x, lang, limit));
  // (今年，我们还要再办几件实事 → 今年再办几件实事.)
  const lead = stripOpeners(m[1]!, lang).replace(/^(今年|明年|下一步)[，,]\s*(?:我们)?(?:还)?(?:要|将)?/, '$1');
  const first = `${lead}：${items[0]}`;
  if (displayWidth(first) <= hardLimit(lang, limit)) items[0] = first;
  return items;
}

/**
 * The items of a list that the sentence counts (“帮企业稳增长促振兴”、“服务三农保春耕”、
 * 深化建功立业劳动竞赛……五项重大活动 / 开展了A、B、C等三项行动): one bullet each, as many
 * as the count says, so that what was done is on the slide and not only the words
 * around it (体现了……的崭新理念). Null unless the items and the count agree.
 */
export function countedList(sentence: string): string[] | null {
  const m = /(?:等)?([两二三四五六七八九十]|\d{1,2})(?:项|个|大|类|场|件)[\u4e00-\u9fff]{1,6}/.exec(sentence);
  if (!m) return null;
  const n = chineseNumber(m[1]!) ?? Number(m[1]);
  // The list runs back from the count to the clause boundary before it (outside quotations).
  const before = sentence.slice(0, m.index);
  let depth = 0;
  let start = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    const ch = before[i]!;
    if (ch === '”' || ch === '》' || ch === '）') depth++;
    else if (ch === '“' || ch === '《' || ch === '（') depth--;
    else if (depth === 0 && /[，,。；;：:！？]/.test(ch)) {
      start = i + 1;
      break;
    }
  }
  const items = splitOutsideQuotes(before.slice(start), /、/).map((x) => x.trim());
  if (items.length !== n || n < 3) return null;
  // (The first item after the verb that does them: 开展了“A” → “A”.)
  const q = items[0]!.indexOf('“');
  if (q > 0 && items.slice(1).some((x) => x.startsWith('“'))) items[0] = items[0]!.slice(q);
  return items.every((x) => displayWidth(x) >= 4 && displayWidth(x) <= 24 && balanced(x)) ? items : null;
}

/**
 * An English sentence too long for a bullet that lists what its subject will do
 * (We will double …, expand …, and guarantee …): each thing done a bullet of its
 * own (Double … / Expand … / Guarantee …); else null.
 */
function verbList(sentence: string, limit: number): string[] | null {
  const s = stripEnd(sentence.trim());
  if (displayWidth(s) <= limit) return null;
  const m = /^(?:[A-Za-z][\w'-]*\s){1,4}?(?:will|must|should|shall|need to|are going to|have to|plan to|want to) ([a-z].*)$/.exec(s);
  if (!m) return null;
  const parts = splitOutsideQuotes(m[1]!, /,/).map((g) => g.trim());
  if (parts.length < 2 || !/^and\s/.test(parts[parts.length - 1]!)) return null;
  const items = parts.map((g) => g.replace(/^and\s+/, ''));
  const verbish = (g: string) => g.split(/\s+/).length >= 3 && !/^(?:the|a|an|our|their|its|his|her|my|your|this|that|these|those|and|or|but|in|on|at|of|to|for|with|by|from|as|which|who|more|less|most|very|not|all|some|many|both|each|every)\b/.test(g);
  if (!items.every(verbish)) return null;
  return items.map((g) => capitalise(keyPhrase(g, 'en', limit)));
}

/**
 * A sentence whose halves (；) each tell of another person (……周建华同志……不幸牺牲；
 * ……刘海涛同志……倒在了抢险岗位上): a bullet for each, so that no one named is left out.
 */
function personHalves(sentence: string, lang: Lang, limit: number): string[] | null {
  const segs = splitOutsideQuotes(stripEnd(sentence), /[；;]/);
  if (segs.length < 2) return null;
  const who = segs.map((g) => rules(lang).person.exec(g)?.[0]);
  if (who.some((w) => !w) || new Set(who).size < segs.length) return null;
  return segs.map((g) => keyPhrase(g, lang, limit));
}

/**
 * A sentence's bullet; when it names the person a story is about (……一位叫马德才的师傅，
 * 连续十一年保持“零投诉”，去年还在清扫时捡到……) and goes on to something concrete,
 * that too.
 */
function story(sentence: string, lang: Lang, limit: number): string[] {
  const phrase = keyPhrase(sentence, lang, limit);
  const who = rules(lang).person.exec(phrase)?.[0];
  const more = who ? nextPhrase(sentence, phrase, lang, true) : null;
  return more && concreteness(more, lang) > 0 ? [phrase, more] : [phrase];
}

function dedupeItems(xs: Array<{ sent: number; text: string }>): Array<{ sent: number; text: string }> {
  return xs.filter((x, i) => x.text && xs.findIndex((y) => y.text === x.text) === i);
}

/** Key phrases of a paragraph (see sentencePhrases), without their sentences. */
export function paragraphPhrases(text: string, lang: Lang, max: number, skipFirst = false): string[] {
  return sentencePhrases(text, lang, max, skipFirst ? new Set([0]) : new Set()).map((x) => x.text);
}


/** A run of ≥3 short clauses opening alike (`全方位…，全力…，全面…`): parallel phrases. */
export function parallelRun(sentence: string): string[] | null {
  const cs = clauses(sentence);
  let best: string[] = [];
  let at = 0;
  for (let i = 0; i < cs.length; i++) {
    const lead = [...cs[i]!][0]!;
    if (!/[\u3400-\u9fff]/.test(lead)) continue;
    let j = i;
    while (j < cs.length && cs[j]!.startsWith(lead) && displayWidth(cs[j]!) <= 14 && displayWidth(cs[j]!) >= 3) j++;
    if (j - i > best.length) {
      best = cs.slice(i, j);
      at = i;
    }
  }
  if (best.length < 3) return null;
  // `对拒不整改的单位，该停业的停业，……` / `这些数字的背后，是……，是……`: items that open
  // with a verb or modal complete the scene-setting clause before them; split off, they
  // would have no subject. Not a run of bullets then. (`在……中，全方位……，全力……` still is.)
  if (at > 0 && rules('zh').leadIn.test(cs[at - 1]!) && /^[是该要就也都还]/.test(best[0]!)) return null;
  // `也就是说什么时候唱主角，什么时候敲边鼓，……`: the run's first item opens a longer clause.
  const prev = cs[at - 1];
  const common = commonPrefix(best);
  if (prev && common.length >= 2) {
    const k = prev.lastIndexOf(common);
    if (k > 0 && displayWidth(prev.slice(k)) <= 14) best = [prev.slice(k), ...best];
  }
  return best;
}

function commonPrefix(xs: string[]): string {
  let p = xs[0] ?? '';
  for (const x of xs) while (!x.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** What announces a list in its own words: 以下工作, 三件事, 几个方面. */
const LIST_LEAD = /(?:以下|如下|[几两三四五六七八九十]+(?:件事|项工作|项|个方面|方面|点))[^，,]{0,6}$|(?:存在|面临|有)(?:着)?(?:不少|一些|许多|很多|诸多)(?:困难和|突出)?(?:问题|困难|不足|短板|挑战)$/;

/** `一是……；二是……；三是……` or `首先，……；其次，……；最后，……` inside one paragraph. */
/** What opens an item of a list inside a paragraph: 一是 / 一要 / 首先， / 第一，. */
const INLINE_MARKER = /[一二三四五六七八九十]是|[一二三四五六七八九十]要(?=[\u4e00-\u9fff])|(?:首先|其次|再次|最后)[，,]|第[一二三四五六七八九十][，,、]/g;

export function inlineList(text: string, whole = false): string[] | null {
  const marker = new RegExp(INLINE_MARKER.source, 'g');
  const starts: number[] = [];
  for (const m of text.matchAll(marker)) {
    const before = text[m.index! - 1];
    if (m.index === 0 || (before && /[；;。，,：:]/.test(before))) starts.push(m.index!);
  }
  if (starts.length < 2) return null;
  const lead = new RegExp('^(?:' + marker.source + ')[，,：:]?');
  const parts = starts.map((s, k) => text.slice(s, starts[k + 1] ?? text.length).replace(lead, ''));
  // (Each item's first sentence; `whole`: each item with all its sentences.)
  return parts.map((p) => (whole ? p.trim() : stripEnd(sentences(p)[0] ?? p))).filter(Boolean);
}

const SAYING = /(?:有句话说得好|有句话叫|有句话说|俗话说得好|俗话说|常言道|古人云|古人说|老话说|正如[^，。]{1,12}所说)[：:，,]\s*“?([^。！？”]{4,40})[。！？]?”?/;

/** A saying introduced in the text (`有句话说得好：思想如行云流水，工作要反反复复。`). */
export function findSaying(text: string): string | null {
  const m = SAYING.exec(text);
  return m ? m[1]!.trim() : null;
}

/** A change against an earlier time (同比增长, 比上一学年提高): said of a figure, never alone. */
const CHANGE = /^(?:(?:同比|(?:比|较)(?:上年|去年|上一?学年|上一?年度|上季度|上月|上半年|前年|年初|上年同期|去年同期))(?:分别)?(?:增长|下降|提高|减少|增加|上升|降低|回落|扩大|缩小)了?|(?:高于|低于|超出|快于|慢于)[^，。]{0,8}(?:平均水平|平均|增速|水平)|(?:是|为|相当于)\d{4}年的(?:近|约|将近)?)$/;

/**
 * A quotation set off in the text: `……的一首诗送给大家：“万山不许一溪奔，……。”`,
 * `The writer Jorge Luis Borges once said: "…"`, `an old saying that "…"`.
 * Quoted names of campaigns (`开展“服务三农保春耕”活动`) are not quotations:
 * a quotation follows a colon, a comma or "that", and says a sentence's worth.
 */
export function findQuote(text: string): Quote | null {
  return findQuotes(text)[0] ?? null;
}

export interface Quote {
  lines: string[];
  attribution: string;
  /** Where the quotation's text starts in the paragraph. */
  at: number;
}

/** Every quotation set off in a paragraph, in order (a paragraph may quote a saying and then a poem). */
export function findQuotes(text: string): Quote[] {
  const out: Quote[] = [];
  for (const m of text.matchAll(/([^。！？“”"]*?)(?:[：:，,]|\bthat)\s*[“"「]([^”"」]{8,3000})[”"」]/g)) {
    const inner = m[2]!;
    const zh = hasCjk(inner);
    if (zh ? (inner.match(/[，。；！？,.;!?]/g) ?? []).length < 2 || inner.length < 12 : inner.split(/\s+/).length < 5) continue;
    const lines = zh ? inner.match(/[^，。；！？]+[，。；！？]?/g)!.map((l) => l.trim()).filter(Boolean) : [inner.trim()];
    let attribution = zh ? attributionZh(m[1]!) : attributionEn(m[1]!);
    // 他说：“……” in a story: the person the story is about (宋一帆同志……他说), named before.
    if (zh && !attribution && /(?:^|[，,])\s*[他她](?:常|曾|经常|总|后来|动情地|深有感触地|感慨地)?(?:说|讲|告诉我|告诉我们|写道)$/.test(m[1]!.trim())) {
      attribution = peopleIn(text.slice(0, m.index! + m[1]!.length)).pop() ?? '';
    }
    out.push({ lines, attribution, at: m.index! + m[0].length - inner.length - 1 });
  }
  return out;
}

const DYNASTY = /(先秦|春秋|战国|秦代|西汉|东汉|汉代|三国|魏晋|东晋|晋代|南北朝|隋代|唐代|唐朝|宋代|宋朝|北宋|南宋|元代|元朝|明代|明朝|清代|清朝|近代|现代|当代)/;
const NOT_NAME = /^(?:大家|我们|他们|你们|有人|古人|前人|人们|同志|先生|诗人|作家|一首|一句|一段|这首|这句|老师|朋友|同学)$|^(?:有|曾|写|说|讲|在)/;

/**
 * Who a Chinese quotation is by, from the words that introduce it, in the form a
 * slide uses: `南宋诗人杨万里的一首诗` → `南宋 · 杨万里`, `屈原在《离骚》中写道` →
 * `屈原《离骚》`, `鲁迅先生说过` → `鲁迅`. A proverb (俗话说) or a pronoun (他说)
 * has none.
 */
export function attributionZh(lead: string): string {
  const cs = lead.split(/[，,。；]/).map((c) => c.trim()).filter(Boolean);
  // `……写下《可爱的中国》，他` : a pronoun points back to the clause before.
  for (const c of cs.slice(-2).reverse()) {
    // A saying has no author, but is named as one: 俗语 / 古语.
    if (/^(?:俗话|俗语|常言|老话)/.test(c)) return '俗语';
    if (/^(?:古话|古人)/.test(c)) return '古语';
    if (/^有句话/.test(c)) return '';
    const a = attributionOfClause(c);
    if (a) return a;
  }
  return '';
}

function attributionOfClause(clause: string): string {
  if (/^(?:俗话|俗语|常言|有句话|古话|老话|古人)/.test(clause) || !clause) return '';
  const book = /《([^》]+)》/.exec(clause)?.[0] ?? '';
  const dynasty = DYNASTY.exec(clause)?.[1] ?? '';
  const stripped = clause
    .replace(/^(?:这里|在此|最后|今天)?[，,]?(?:我|我们)?(?:想)?(?:把|用|引用|借用|借)?/, '')
    .replace(DYNASTY, '')
    .replace(/《[^》]+》/g, '')
    .replace(/^(?:的)?(?:著名)?(?:爱国)?(?:诗人|词人|作家|思想家|文学家|哲学家|革命家|政治家|教育家|科学家|革命先烈|先烈)/, '');
  const name = /^([\u4e00-\u9fa5·]{2,4}?)(?=(?:同志|先生|老人|大姐|大哥|大爷|大妈|师傅|老师|总书记|书记|主席|教授|院士)?(?:在|的|有|曾|说|写|指出|讲|所|告诫|强调|$))/.exec(stripped)?.[1] ?? '';
  const who = name && !NOT_NAME.test(name) && !/^[他她我你]/.test(name) ? name : '';
  if (!who && !book) return '';
  return [dynasty && who ? `${dynasty} · ${who}` : who, book].filter(Boolean).join('');
}

/** `The writer Jorge Luis Borges once said` → `Jorge Luis Borges`; `as Franklin wrote in 1746` → `Benjamin Franklin`-style names. */
export function attributionEn(lead: string): string {
  // The last clause before the quote; a full stop after an initial (W. H. Auden) does not end it.
  const clause = lead.split(/[;:!?]|(?<=[a-z])\.\s/).pop()!.trim();
  // A saying is attributed as one (as 俗语 is in Chinese).
  if (/\b(?:old saying|saying|proverb)\b/i.test(clause)) return /\bproverb\b/i.test(clause) ? 'Proverb' : 'Old saying';
  if (/\bthey say\b/i.test(clause)) return '';
  // Capitalised words that open a sentence, not a name (Many of you…, Tonight…).
  const notName = 'The|As|In|On|When|And|But|I|We|He|She|They|It|This|That|There|So|Or|If|Ladies|Friends|Many|Some|Most|All|Few|Several|Each|Every|Everyone|Tonight|Today|Yesterday|Last|Next';
  const STOP = new RegExp(`^(?:${notName}|Our|My)\\s+`);
  const names = [...clause.matchAll(/\b((?:(?:[A-Z][a-z]+|[A-Z])\.?\s+){0,3}[A-Z][a-z]+)\b/g)]
    .map((x) => x[1]!.replace(STOP, '').replace(STOP, ''))
    .filter((n) => !new RegExp(`^(?:${notName})$`).test(n));
  // A person is named by two words or more (Benjamin Franklin); a work follows `in` (in Poor Richard's Almanack).
  const work = /\b(?:in|from) ((?:[A-Z][\w']*\s?){1,5})/.exec(clause)?.[1]?.trim() ?? '';
  const name = names.find((n) => n.split(/\s+/).length >= 2 && !work.startsWith(n)) ?? names.find((n) => !work.includes(n)) ?? '';
  // (A name is the quotation's author only when the clause says someone said or wrote it:
  // not `she left Westbrook in 2003 with, in her own words, …`.)
  if (!name || !/\b(?:said|says|say|wrote|writes|write|put it|words of|asked|asks|told|tells|observed|remarked|reminds|reminded|reflected|declared|famously|once|quote|according to|in \w+ \w+ (?:book|poem|essay|speech|letter))\b|\bin [A-Z]/.test(clause)) return '';
  return work && !work.includes(name) ? `${name}, ${work}` : name;
}

/**
 * The runs of sentences of a paragraph built around numbers, each a figure
 * slide: consecutive sentences with figures, at most a slide's worth of figures
 * a run (the next run is a slide of its own, so no figure is lost past the
 * fourth). A run qualifies with three figures or more, or two telling ones (two
 * short enough to show big in a short paragraph). A sentence that lists
 * (一是……，二是……) is never a run: its items are bullets, figures and all.
 */
export function figureSpans(text: string): Array<{ from: number; to: number }> {
  const spans = sentenceSpans(text);
  const figs = spans.map((sp) => findFigures(sp.text));
  const lists = spans.map((sp) => listSentence(sp.text));
  const short = spans.length <= 2 && figs.filter((f) => f.length).length === 1;
  const ok = (r: number[]) => qualifies(r.flatMap((i) => figs[i]!), short);
  const runs: number[][] = [];
  let run: number[] = [];
  const count = (r: number[]) => r.reduce((n, i) => n + figs[i]!.length, 0);
  const end = () => {
    if (run.length) runs.push(run);
    run = [];
  };
  // (Last year's results and this year's plans are not one slide of figures: 去年，……120个。今年，……还要……80个.)
  const frame = (t: string) => /^(?:(?:去年|上年|前年|过去一年|今年|明年|下一步|今后)|\d{4}年)/.exec(t.trim())?.[0];
  figs.forEach((f, i) => {
    if (!f.length) return end();
    const was = run.length ? frame(spans[run[0]!]!.text) : undefined;
    const now = frame(spans[i]!.text);
    if (was && now && was !== now) end();
    if (lists[i]) {
      // A list whose figures fit one slide (首先，……专业点146个；其次，……职教集团18个),
      // with no figures shown before it, is a figure slide. A list after figures
      // already shown (……27起、死亡19人。主要做了以下工作：一是……), or with more
      // figures than a slide shows, is bullets, figures and all.
      // (Only when every item has its figure: a figure slide would drop the others.)
      const listed = parallelParts(spans[i]!.text) ?? inlineList(spans[i]!.text) ?? [];
      if (ok(run)) return end();
      if (count(run) + f.length <= FIGURES_A_SLIDE && listed.every((x) => /\d/.test(x))) run.push(i);
      else run = [];
      return end();
    }
    // Past a slide's worth, the figures that follow are a slide of their own when
    // they make one (three or more); else the slide shows the telling ones.
    let rest = 0;
    for (let j = i; j < figs.length && figs[j]!.length; j++) if (j === i || !lists[j]) rest += figs[j]!.length;
    // (Fewer, they are bullets: shown, not squeezed off a full slide.)
    if (run.length && count(run) + f.length > FIGURES_A_SLIDE && ok(run)) {
      end();
      if (rest < 3) return;
    }
    run.push(i);
  });
  end();
  return runs.filter(ok).map((r) => ({ from: r[0]!, to: r[r.length - 1]! }));
}

/** Figures a figure slide shows at most. */
const FIGURES_A_SLIDE = 4;

function qualifies(all: Figure[], short: boolean): boolean {
  // Three figures or more; or two when they are changes or shares (下降12.2%, 下降8.5%).
  const telling = all.filter((f) => /[%％]|百分点|倍|per ?cent/.test(f.value) || /(?:增长|下降|减少|提高|降低|上升|增加)/.test(f.label)).length;
  // One figure too, with the change beside it (92.6% · 群众满意度，比上年提高3.1个百分点), in a short paragraph.
  if (all.length === 1) return short && /\d/.test(all[0]!.label) && /(?:增长|下降|提高|减少|增加|上升|降低)/.test(all[0]!.label);
  // Two plain figures too, when they are what a short paragraph says (接入部门41个，提供服务1860万次).
  if (all.length < 3 && !(all.length === 2 && (telling === 2 || short))) return false;
  return all.filter((f) => f.value.length <= 10).length >= 2;
}

/** A sentence that lists (一是……；二是…… / or one item of such a list). */
function listSentence(sentence: string): boolean {
  return !!parallelParts(sentence) || [...sentence.matchAll(new RegExp(INLINE_MARKER.source, 'g'))].some((m) => m.index === 0 || /[；;。，,：:]/.test(sentence[m.index! - 1]!));
}

const EN_FIGURE = /(?<![\w.,£$€])([£$€]?)(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s?(?:%|per ?cent|percentage points?|million|billion|thousand|bn\b|m\b))?(?:\s+((?:[a-z][a-z'-]*\s+){0,2}(?:[a-z][a-z'-]*)))?(?=[\s,.;:!?)]|$)/;
/** `Revenue for the quarter was £61.4 million`: what a figure measures, named before the verb that links it. */
const EN_SUBJECT = /^(?:(?:and|but|so|then)\s+)?(?:(?:year to date|this year|last year|in total|overall)\s+)?([A-Za-z][\w'-]*(?:\s+[\w'-]+){0,5}?)\s+(?:was|were|is|are|stood at|stands at|reached|rose to|fell to|came to|came in at|totalled|totaled|grew to|of)\s+(?:about|around|almost|nearly|over|some|just over|just under)?\s*$/i;
const EN_VERB = /^(?:came|went|is|are|was|were|rose|fell|has|have|had|grew|joined|signed|took|made|got|will|would|can|could|now|more|less|than|each|every)$/;
const EN_STOP = /^(?:and|or|of|the|a|an|to|in|on|at|for|by|with|from|that|which|who|is|are|was|were|years? ago|times|since|over|per|across|between|during|into|than|as|until)$/i;

/** English figures: `4,312 new members`, `61,000 visitors`, `27 per cent fewer`; not years. */
function findFiguresEn(text: string): Array<{ value: string; label: string }> {
  const out: Array<{ value: string; label: string }> = [];
  // `4,312 children and 1,150 adults signed up`: every number of a clause with its noun.
  for (const c of clauses(text)) for (const m_ of c.matchAll(new RegExp(EN_FIGURE.source, 'g'))) {
    // (Money in its currency, £61.4 million: the sign is part of the value.)
    const currency = m_[1]!;
    const m = [m_[0], m_[2], m_[3], m_[4] ?? ''] as const;
    const at = m_.index!;
    const n = Number(m[1]!.replace(/,/g, ''));
    // A year, or a small count that is just a word's worth (`two things` is written out anyway).
    if (!currency && ((!m[2] && n >= 1900 && n <= 2100 && !m[1]!.includes(',')) || (!m[2] && n < 10))) continue;
    let words: string[] = [];
    for (const w of m[3].split(/\s+/).filter(Boolean)) {
      if (EN_STOP.test(w) || EN_VERB.test(w)) break;
      words.push(w);
    }
    // (A sum of money is named by what it is: Revenue for the quarter was £61.4 million.)
    const subject = EN_SUBJECT.exec(c.slice(0, at));
    if ((currency || !words.length) && subject && !/^(?:it|that|this|which|we|i|you|they|there)$/i.test(subject[1]!)) words = subject[1]!.split(/\s+/);
    // (Without it, a sum says nothing: `that we have passed £60 million` is not shown.)
    else if (currency) continue;
    // `grown by 18 percent since 2010`: what changed is named before the number.
    if (!words.length) {
      const before = c.slice(0, at).trim().split(/\s+/);
      while (before.length && (EN_STOP.test(before[before.length - 1]!) || EN_VERB.test(before[before.length - 1]!) || /(?:ed|en)$/.test(before[before.length - 1]!) || /^(?:has|have|had|by|than|about|around|almost|nearly|over|some)$/i.test(before[before.length - 1]!))) before.pop();
      words = before.slice(-3).filter((w) => /^[A-Za-z'-]+$/.test(w));
    }
    if (!words.length || EN_STOP.test(words[0]!) || /^(?:we|i|you|they|it|he|she|have|has|had|passed)$/i.test(words[0]!)) continue;
    // (A change alone, `up 22 percent from last year`, says nothing of what changed.)
    if (words.length === 1 && /^(?:up|down|more|less|higher|lower|fewer|increase|decrease|rise|fall)$/i.test(words[0]!)) continue;
    // `more than 61,000 books`: the figure says it is a floor (61,000+).
    const floor = /\b(?:more than|over|upwards of)\s*$/i.test(c.slice(0, at));
    out.push({ value: currency + m[1]! + (m[2] ? (m[2].trim() === '%' ? '%' : ' ' + m[2].trim()) : '') + (floor ? '+' : ''), label: words.join(' ') });
  }
  return out;
}

// A number and its unit, compound units whole (3.6万个, 12.6万条, 8460家次, 3个工作日).
const FIGURE = /(\d+(?:\.\d+)?|(?<![一二两三四五六七八九十百千万亿〇零几每])(?:[一二两三四五六七八九](?:十|百|千|万)|十)[一二两三四五六七八九十百千万]*)\s*((?:余|多)?(?:个百分点|百分点|%|％|倍|(?:万亿|万|亿|千)?(?:个工作日|工作日|个小时|小时|个月|人次|家次|户次|艘次|台次|场次|架次|车次|例次|批次|平方米|平方公里|立方米|毫米|千瓦时|千瓦|公里|千米|元|个|家|所|项|名|人|户|件|起|条|座|台|套|辆|吨|亩|间|张|份|次|天|场|篇|支|处|批|期)|万亿|万|亿))/;
// Words that only link a subject to its number: dropped from the label. Direction
// (增长, 下降) and qualifiers (不到, 超过) stay, so the number keeps its meaning.
const FIGURE_LINK = /(?:达到了|达到|高达|长达|多达|达|为|是|至|(?<!不)到|共计|共|累计|约|近|突破|超过|保持在|稳定在|控制在|提高到|增加到|提升到|下降到|降至|升至)+$/;
const LABEL_END = /(?:的|了|占|有|只有|仅|新|比)+$/;
const LABEL_JOIN = /^(?:但是|但|而且|而|并且|并|也就是说|也就是|就是|即|同时|此外|另外|其次|首先|再次|然后|所以|因此)/;
// Hedges and tenses that dangle at a label's end: 预计将, 虽然, 不少于.
const FIGURE_HEDGE = /(?:常年|始终|一直|均|都|预计将|预计|将要|将|要|虽然|还|已经|已|仍然|仍|不少于|不低于|不超过|今年|明年|年内|比去年同期|比上年同期|同期)+$/;

/**
 * The figures a paragraph is built around: each clause with a number and its
 * unit gives the number (`85.6%`) and what it counts, with its direction
 * (`固定资产投资下降`, `学前三年毛入园率`).
 */
export interface Figure {
  value: string;
  label: string;
  /** A breakdown of the figure before (其中新能源装备增长21.5%): shown after the headline figures. */
  sub?: true;
}

/** The people a Chinese text names (刘海涛同志 → 刘海涛), in order. */
function peopleIn(text: string): string[] {
  return [...text.matchAll(new RegExp(rules('zh').person.source, 'g'))].map((m) => m[0]);
}

/** A figure from a clause that breaks down the one before (其中……) is marked so. */
function breakdown(clause: string): Pick<Figure, 'sub'> {
  return /^其中/.test(clause) ? { sub: true } : {};
}

/**
 * `9个集体、27名个人获得省级以上表彰` / `对市级82个部门、1460个项目开展了绩效自评`: the
 * things counted share the predicate after the last one. Each part as a clause
 * that says it (集体获得省级以上表彰9个), so that no label is the subject cut off
 * before its number (全市财政系统先后有集体); null when the parts are not of that form.
 */
function sharedPredicate(parts: string[]): string[] | null {
  const after = parts.map((x) => {
    const m = FIGURE.exec(x);
    return m ? { num: m[0], rest: x.slice(m.index! + m[0].length) } : null;
  });
  if (after.some((a) => !a)) return null;
  const nouns = after.slice(0, -1).map((a) => a!.rest);
  if (!nouns.every((n) => /^[\u4e00-\u9fff]{1,4}$/.test(n))) return null;
  const last = after[after.length - 1]!.rest;
  const len = nouns[nouns.length - 1]!.length;
  const predicate = last.slice(len).replace(/^([\u4e00-\u9fff]{2})了/, '$1');
  if (displayWidth(predicate) < 2 || !/^[\u4e00-\u9fff]/.test(predicate)) return null;
  return after.map((a, k) => `${k < nouns.length ? nouns[k] : last.slice(0, len)}${predicate}${a!.num}`);
}

export function findFigures(text: string): Figure[] {
  if (!hasCjk(text)) return findFiguresEn(text);
  const out: Figure[] = [];
  // A passage about several people (刘慧敏同志……，宋一帆同志……) says whose each figure is.
  const people = new Set(peopleIn(text));
  let person = '';
  for (const s of sentences(text)) {
    // `27起、死亡19人、受伤31人`: an enumeration of figures, one a piece.
    const cs = clauses(s).flatMap((c) => {
      const parts = c.split('、');
      // (Not a change listed for the figures before it, 同比增加2起、2人: one clause, read below.)
      const listedChange = /^(?:同比|比上年|比去年|较上年|较去年)(?:增加|减少|上升|下降|增长|降低)/.test(c.trim());
      if (!(parts.length > 1 && !/分别/.test(c) && !listedChange && parts.every((x) => (x.match(/\d+(?:\.\d+)?/g) ?? []).length === 1))) return [c];
      return sharedPredicate(parts) ?? parts;
    });
    const inSentence: Array<{ value: string; label: string }> = [];
    cs.forEach((c, ci) => {
      person = peopleIn(c).pop() ?? person;
      // `同比分别下降17.9%和25%`: one figure each for the figures before, in order.
      // (So is a change listed for the figures before it: ……共发生5起、死亡4人，同比增加2起、2人.)
      const each = /分别/.test(c) || /^(?:同比|比上年|比去年|较上年|较去年)(?:增加|减少|上升|下降|增长|降低)/.test(c.trim()) ? [...c.matchAll(new RegExp(FIGURE.source, 'g'))] : [];
      if (each.length >= 2) {
        const [subject = '', rest = ''] = c.slice(0, each[0]!.index!).split('分别');
        const named = subject
          .replace(/^(?:其中|特别是)/, '')
          .replace(/[两三四五六七八九十]+(?:大|个|项|类)[\u4e00-\u9fff]{0,4}$/, '')
          .split(/[、和与及]/)
          .map((x) => x.replace(/^(?:全市|全县|全省|全区|今年|去年|全年)+/, '').trim())
          .filter(Boolean);
        // 小学、初中专任教师本科以上学历比例分别为78%和94%: the things named share what
        // follows the last of them (小学专任教师……比例), not 小学 alone.
        const short = named.slice(0, -1);
        const lastNamed = named[named.length - 1] ?? '';
        const len = short[0]?.length ?? 0;
        if (short.length && short.every((x) => x.length === len && len <= 4) && lastNamed.length >= len + 4) {
          const tail = lastNamed.slice(len);
          named.splice(0, short.length, ...short.map((x) => x + tail));
        }
        const verb = rest.replace(/^(?:为|是|达到|达)|(?:为|是|达到|达)$/g, '').replace(/\s+/g, '');
        // 在“办事效率”“政策解读”“主动服务”三个分项上，满意度分别只有……: the things
        // named are the quoted terms before, and what is measured is the subject here.
        const terms = [...s.slice(0, s.indexOf(c)).matchAll(/“([^“”]{2,8})”/g)].map((t) => t[1]!);
        const quotedNames = named.length !== each.length && terms.length === each.length;
        if (named.length === each.length || quotedNames) {
          // A、B分别增长8.2%和10.1%: a figure for each thing named.
          each.forEach((m, k) => {
            const label = quotedNames ? `${terms[k]}${subject.replace(/\s+/g, '')}` : named[k]! + verb;
            if (displayWidth(label) >= 2 && displayWidth(label) <= 24) out.push({ value: m[1]! + m[2]!, label, ...breakdown(c) });
          });
        } else if (each.length <= inSentence.length) {
          // 事故23起，死亡9人，同比分别下降17.9%和25%: each change goes beside the
          // figure it changes (23起 · 事故，同比下降17.9%), not as a figure of its own.
          const first = (subject + rest).replace(/\s+/g, '');
          each.forEach((m, k) => {
            const f = inSentence[inSentence.length - each.length + k]!;
            const before = k === 0 ? first : c.slice(each[k - 1]!.index! + each[k - 1]![0].length, m.index!).replace(/^[、和与及\s]+/, '');
            const how = (before || first).replace(/^分别/, '');
            const said = (/^占/.test(first) && !/^占/.test(how) ? '占' : '') + how + m[1]! + m[2]!;
            const label = `${f.label.replace(/^(?:全年|今年|去年|全市|全县|全省|全区)?(?:共|累计)?(?:发生|新增|完成|实现)?(?:各类)?/, '')}，${said}`;
            const at = out.lastIndexOf(f);
            if (at >= 0 && displayWidth(label) <= 28) out[at] = { value: f.value, label };
          });
        }
        return;
      }
      // Numbers inside a quoted name (“15分钟便民生活圈”覆盖率达到91.5%) and the start
      // of a change (平均办理环节由5.2个减少到2.8个) are words of the label, not figures.
      const masked = c.replace(/“[^”]*”|《[^》]*》|由\d+(?:\.\d+)?(?=[^\d，,]{0,4}?(?:减少|下降|降低|压缩|缩短|增加|提高|提升|增长|上升)(?:到|至))/g, (q) => q.replace(/\d/g, '#'));
      const m = FIGURE.exec(masked);
      // `培训党员干部3400余人次，比上年增长15.3%`: the change goes beside the figure it changes.
      // (A change counted in the figure's own unit too: 达97家，比上年增加14家.)
      const change = m && CHANGE.test(c.slice(0, m.index).trim()) && (/[%％]|百分点|倍/.test(m[2]!) || (!!inSentence.length && inSentence[inSentence.length - 1]!.value.endsWith(m[2]!)));
      // `占比56.3%` / `比上年提高4.1个百分点`: a share or a change says something only
      // beside the figure it is of; never a figure of its own.
      // (完成全年目标任务的58.9% after 城镇新增就业4120人 is that figure's share of its target.)
      const share = m && /^(?:占比|占|完成(?:全年|年度)?(?:目标任务|目标|任务|计划)的)$/.test(c.slice(0, m.index).trim()) && /[%％]/.test(m[2]!) && c.slice(m.index! + m[0].length).trim() === '';
      const prevFig = inSentence[inSentence.length - 1];
      if (change || share) {
        if (prevFig && out.includes(prevFig) && ci > 0) {
          const label = `${prevFig.label}，${stripEnd(c.trim())}`;
          if (displayWidth(label) <= 28) {
            const said = { ...prevFig, label };
            out[out.lastIndexOf(prevFig)] = said;
            inSentence[inSentence.length - 1] = said;
          }
        }
        return;
      }
      // One figure a clause: with two (`100个单位帮扶100家企业`) it is not clear what counts what.
      if (!m || (masked.match(/\d+(?:\.\d+)?/g) ?? []).length > 1) return;
      // A year (2017年) or a date is not a figure.
      if (/^\d{4}$/.test(m[1]!) && /^年/.test(c.slice(m.index! + m[1]!.length))) return;
      const before = c.slice(0, m.index!).trim().replace(FIGURE_LINK, '');
      // 95%以上, 30个工作日以内, 24小时内: the qualifier stays with the number it qualifies;
      // so does a hedge before it (近200条, 约127万人): the figure is not stated as exact.
      const qualifier = /^(?:以上|以下|以内|左右|多|余|内)/.exec(c.slice(m.index! + m[0].length))?.[0] ?? '';
      const hedge = new RegExp(`${NUMBER_HEDGE}$`).exec(c.slice(0, m.index!).trim())?.[0] ?? '';
      const after = c.slice(m.index! + m[0].length + qualifier.length).trim();
      // A threshold that names a kind of thing (消除了56人以上大班额, 66人以上超大班额) is no count.
      if (/^(?:以上|以下)$/.test(qualifier) && /^[\u4e00-\u9fff]{2,}/.test(after) && !/^(?:的|了|和|与|及|或)/.test(after) && /^[\u4e00-\u9fff]*(?:班额|规模|企业|项目|车辆|人员|场所|建筑)$/.test(after)) return;
      // A story told in the first person (我带着几位同志先后到6个县区财政局): what is
      // counted is the thing after the number, not the narration before it.
      const narrated = /^(?:我|我们)/.test(before) && displayWidth(after) >= 4 && /^[\u4e00-\u9fff]/.test(after);
      let label = (narrated ? after : before + after)
        // (Words that join it to the clause before, 但问题发现率 / 也就是19万人, are not what it counts.)
        .replace(LABEL_JOIN, '')
        .replace(/虽然|预计将|预计/g, '')
        .replace(/比(?:去年|上年)同期/g, '同比')
        .replace(FIGURE_LINK, '')
        .replace(LABEL_END, '')
        .replace(FIGURE_HEDGE, '')
        .replace(LABEL_END, '')
        .replace(/\s+/g, '');
      // A label that names no thing (`今年不少于`): the clause before says what is
      // counted, if it has no figure of its own; else this figure is not shown.
      const bare = label.replace(/^(?:今年|去年|全年|目前|其中|共|累计|全市|全县|全省)+/, '');
      const verbOnly = /^(?:同比)?(?:发生|新增|完成|实现|达到)$/.test(bare);
      if (!bare || verbOnly || /^(?:同比)?(?:增加|减少|下降|增长)$/.test(bare)) {
        const prev = ci > 0 ? cs[ci - 1]! : '';
        // (A running total after a figure of the same kind, 新增28个……，累计达到96个: 累计.)
        const total = /累计|总计|合计/.exec(c.slice(0, m.index!))?.[0];
        // (What it totals, when the figure before it was what is new: 新增28个县通过…… → 累计通过……)
        const last = inSentence[inSentence.length - 1];
        if (total && prev && last && last.value.replace(/^[\d.]+/, '') === m[2]) label = /^新增/.test(last.label) ? last.label.replace(/^新增/, total) : total;
        else {
          if (!prev || /\d/.test(prev)) return;
          // The clause before names what is counted; a bare verb adds nothing to it.
          label = prev.replace(/\s+/g, '') + (verbOnly ? '' : label);
        }
      }
      // `同比下降12.2%` alone says what changed only with the clause before it.
      if (displayWidth(label) < 4 && ci > 0 && /^(?:同比|比上年|比去年)?(?:增长|下降|减少|提高|降低|上升|增加)/.test(label)) label = cs[ci - 1]!.replace(/\s+/g, '') + label;
      // A bare action (按10%给予补助) says what it is for with the clause before it, when that
      // names it (对研发投入增量部分，……): 研发投入增量部分给予补助.
      const forWhat = ci > 0 ? /^对([^，,\d]{2,12})$/.exec(cs[ci - 1]!.trim()) : null;
      if (forWhat && /^按/.test(before) && displayWidth(label) <= 8) label = forWhat[1]! + label.replace(/^按/, '');
      // Words that only tie the label to the sentence it came from (其中……, 按……) go.
      label = label.replace(/^(?:其中|按|按照)(?=[\u4e00-\u9fff]{2})/, '').replace(/最高不$/, '最高');
      // A change written with its start (平均办理环节由5.2个减少到2.8个): the start in brackets.
      label = label.replace(/由([\d.]+[^\d，,]{0,3}?)(?:减少|下降|降低|压缩|缩短|增加|提高|增长|提升|扩大)(?:到|至|为)?$/, '（原$1）');
      // So does a pointer to what was just named (这个项目总投资 → 项目总投资).
      label = label.replace(/^(?:这个|这一|这些|该|此)(?=[\u4e00-\u9fff]{3})/, '');
      // So do the words that only say there were some (你们当中有……在学科竞赛中获奖 / 有……参加了……).
      label = label.replace(/^(?:(?:你们|我们|大家|他们)(?:当中|之中|中间)?)?有(?=[\u4e00-\u9fff]{4})/, '');
      // 新增规上工业企业23家、总数达到187家: a total is the total of what the part before counts.
      const prevLabel = inSentence[inSentence.length - 1]?.label;
      if (/^(?:总数|总量|总计|合计|累计)$/.test(label) && prevLabel) label = prevLabel.replace(/^(?:全年|今年)?(?:新增|新建|新培育|新引进)/, '') + label;
      // (A figure inside a quotation cut by the clauses, “岩头还有14个娃娃, is a word of it.)
      if (displayWidth(label) < 2 || displayWidth(label) > 24 || !balanced(c)) return;
      if (people.size >= 2 && person && !label.includes(person) && displayWidth(label) <= 20) label = `${person}：${label}`;
      const fig: Figure = { value: hedge + m[1]! + m[2]! + qualifier, label, ...breakdown(c) };
      out.push(fig);
      inSentence.push(fig);
    });
  }
  return out;
}
