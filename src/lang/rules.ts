// Language rules as data: what the planner needs to know about Chinese and
// English speeches, one table per language (lang/zh.ts, lang/en.ts), chosen by
// the speech's `lang`. The planner reads these; it holds no language patterns.
import type { Lang } from '../types.js';
import { clauseParts, joinParts, stripEnd } from './text.js';
import { zh } from './zh.js';
import { en } from './en.js';

export interface LangRules {
  /** Sentences that run the meeting rather than say something: notes only, never a bullet. */
  procedural: RegExp[];
  /** A clause that only sets the scene (对……, 随着……, When …): never a bullet alone. */
  leadIn: RegExp;
  /** A paragraph that turns from achievements to problems (在肯定成绩的同时, At the same time, …). */
  turn: RegExp;
  /** A sentence that turns against the one before it (但是……, But …): that one only concedes, this one is the point. */
  contrast: RegExp;
  /**
   * A clause that completes what the clauses before it set up (……，要心中有数 /
   * ……，是期待 / …, is what matters): a bullet cut before it is a dangling topic.
   */
  completes: RegExp;
  /** A clause that says what figures add up to (形势总体平稳, 位列前三; the best on record): shown under them. */
  outcome: RegExp;
  /** A sentence that fills time rather than says something (金秋十月，硕果飘香; This may surprise you): never the one a slide keeps. */
  filler: RegExp;
  /** A clause that is an aside inside a sentence (特别是……, which …): left out of a shortened bullet. */
  aside: RegExp;
  /** The two halves of a paired statement (表面上……实质上……, 不仅……而且……): never cut apart. */
  pair: [RegExp, RegExp];
  /** Slide titles by what a paragraph is about, first match wins: [pattern, title]; $1 in the title is what the pattern caught. */
  topics: Array<[RegExp, string]>;
  /** A sentence stating the meeting's purpose, and the clause after which its tasks are listed. */
  purpose: RegExp;
  /** Title of the purpose slide. */
  purposeTitle: string;
  /** A sentence announcing the parts that follow (`我提几点要求`, `I will talk about three things`). */
  announcesParts: RegExp;
  /**
   * A paragraph of one short sentence that says what comes next (`Let me start with the
   * numbers.`, `Now, what went wrong.`, `下面，我通报一下今年的工作情况。`): its words
   * (group 1) title the slide of the paragraphs it leads into.
   */
  topicAhead: RegExp[];
  /** A paragraph's first sentence that names its topic (`The second theme is innovation, and …`): group 1 titles the paragraph's passage. */
  topicOpens: RegExp[];
  /** A report on what others just did (刚才，……作了报告): the clauses up to it only set the scene. */
  reported: RegExp;
  /** A comment on it (讲得都很好, 我完全赞同): nothing for a slide. */
  evaluation: RegExp;
  /** A first sentence or phrase that cannot title a slide: a scene-setter (今天…, 刚才…) or a lead-in to a quote (……说：). */
  notATitle: RegExp;
  /** A paragraph that announces the end (`Let me end with…`): the conclusion runs from it. */
  conclusion: RegExp;
  /** A paragraph that turns to what the speaker's side will do (我们将……, We will …): a new passage, never the one before's continuation. */
  pledge: RegExp;
  /** A closing exhortation (同志们，…… / Looking ahead, …): a slide of its own before the closing. */
  exhortation: RegExp;
  /**
   * What makes a clause concrete, with its points: figures (not years), deadlines
   * (年底前, by next June), hard rules and targets (一律, 不少于, every). A bullet
   * keeps the concrete clause of a sentence, and a slide the concrete sentences.
   */
  concrete: Array<[RegExp, number]>;
  /**
   * What makes a sentence the speaker's point rather than narrative, with its points:
   * an obligation or goal (要, 必须, 确保; must, will), a stated contrast or condition
   * (不是……而是……, 既要……又要……, 只有……才……; not … but …). A slide keeps these over general lines.
   */
  stance: Array<[RegExp, number]>;
  /**
   * A clause that only counts what there is (全县在建项目有213个 / 现有党支部14个; There are
   * 140 gauges): its figure is context, and a bullet that has no other keeps the clause
   * that says what is to be done with it instead.
   */
  existing: RegExp;
  /** A bullet that opens with a measure taken, as a short head before a comma (推进项目建设，……; To cut waiting times, …). */
  measure: RegExp;
  /** The title of a slide of such measures: done (主要做法) and to be done (重点举措). */
  measuresTitle: [string, string];
  /** Words of what is still to be done (要, 将, 力争; will, must). */
  plan: RegExp;
  /** A sentence that points back to what was just said (这说明……, That is why…): it says little alone. */
  pointsBack: RegExp;
  /** A clause with no subject of its own (就……, 不得不……, which …): never the start of a bullet cut from the middle of a sentence. */
  dependent: RegExp;
  /** A person named (刘海涛同志; Peter Osei): the match is the name. */
  person: RegExp;
  /** A person as the speech names them with what they are (王子涵同学, 周德馨教授), global; null where the language has no such form. */
  namedPerson: RegExp | null;
  /** Dates and years: numbers that are not figures (2019年, 3月18日, 1990). */
  dates: RegExp;
}

const RULES: Record<Lang, LangRules> = { zh, en };

export function rules(lang: Lang): LangRules {
  return RULES[lang];
}

/**
 * What a sentence says once the meeting's business is taken out: '' for a
 * procedural sentence (`下面，我讲三点意见`); for `刚才，志军同志做了很好的报告，
 * 2015年，……` the part after the report; else the sentence.
 */
export function contentOf(sentence: string, lang: Lang): string {
  const s = sentence.trim();
  const r = RULES[lang];
  if (isProcedural(s, lang)) return '';
  if (/^(?:刚才|just now|a moment ago)/i.test(s)) {
    const parts = clauseParts(s);
    const k = parts.findIndex((p) => r.reported.test(p.text));
    if (k >= 0) {
      const rest = joinParts(parts.slice(k + 1));
      return !rest || r.evaluation.test(rest) ? '' : s.slice(s.indexOf(parts[k + 1]!.text));
    }
  }
  return s;
}

/** How concrete a clause or sentence is: the points of every kind of concrete content it has. */
export function concreteness(text: string, lang: Lang): number {
  const r = RULES[lang];
  const t = text.replace(r.dates, '');
  return r.concrete.reduce((n, [re, pts]) => n + (re.test(t) ? pts : 0), 0);
}

/** How concrete a clause or sentence is beyond the counts of what there is (`existing`). */
export function concretenessBeyondContext(text: string, lang: Lang): number {
  return clauseParts(text).reduce((n, p) => n + (RULES[lang].existing.test(p.text) ? 0 : concreteness(p.text, lang)), 0);
}

/** How much a sentence states the speaker's point: the points of every kind of stance it takes. */
export function stance(text: string, lang: Lang): number {
  return RULES[lang].stance.reduce((n, [re, pts]) => n + (re.test(text) ? pts : 0), 0);
}

/** True when a sentence only fills time (`岁末年初，辞旧迎新`): never a bullet, never a title. */
export function isFiller(sentence: string, lang: Lang): boolean {
  return RULES[lang].filler.test(stripEnd(sentence.trim()));
}

/** True when a sentence only runs the meeting (`下面，我讲三点意见`). */
export function isProcedural(sentence: string, lang: Lang): boolean {
  return RULES[lang].procedural.some((re) => re.test(sentence));
}
