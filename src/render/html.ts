// Render stage: slide model → one self-contained HTML file. Pure over its inputs
// (the deck, the loaded assets); font subsetting is async but touches no files.
import { createHash } from 'node:crypto';
import type { Aspect, Assets, Card, Deck, Layout, RenderOptions, Slide, SlideOf } from '../types.js';
import { SpeechdeckError } from '../errors.js';
import { displayWidth, hasCjk, NUMBER_HEDGE, SPEAKING_RATE, speakingSeconds } from '../lang/text.js';
import { CLOSE, OPEN, phrases } from '../lang/segment.js';
import { escapeHtml, html, renderTemplate, type Html } from './template.js';
import { fontFaceCss, subsetFonts, type FontFormat } from './fonts.js';
import { SIZES, THEME_NAMES, THEMES, themeRules, titleFamily, type ThemeDef } from './themes.js';
import { textWidthEm } from './textfit.js';

/** Slide size in CSS px: 1280×720 (16:9) or 960×720 (4:3). */
export function slideSize(aspect: Aspect): { width: number; height: number } {
  return aspect === '4:3' ? { width: 960, height: 720 } : { width: 1280, height: 720 };
}

/** Seconds each slide is given (its notes read aloud, at least 5 s). */
export function slideSeconds(deck: Deck): number[] {
  return deck.slides.map((s) => Math.max(5, speakingSeconds(s.notes, deck.meta.lang, rateOf(deck))));
}

function rateOf(deck: Deck): number {
  return deck.meta.rate ?? SPEAKING_RATE[deck.meta.lang];
}

/** `【全篇约 9 分钟，按每分钟 220 字计】` / `[About 9 minutes in all, at 130 words a minute]`. */
export function totalTimeText(deck: Deck, seconds = slideSeconds(deck)): string {
  const min = Math.max(1, Math.round(seconds.reduce((a, b) => a + b, 0) / 60));
  return deck.meta.lang === 'zh' ? `【全篇约 ${min} 分钟，按每分钟 ${rateOf(deck)} 字计】` : `[About ${min} minutes in all, at ${rateOf(deck)} words a minute]`;
}

export function footerText(deck: Deck): string {
  const m = deck.meta;
  return m.footer ?? [m.title, m.dateText].filter(Boolean).join(' · ');
}

/**
 * Escaped text with a line-break opportunity (<wbr>) between phrases, for slide
 * text set with `word-break: keep-all`: Chinese then wraps between words
 * (凝聚力 | 和 | 向心力), never inside one, never before closing punctuation,
 * never between a number and its unit (jieba, lang/segment.ts).
 */
export function words(text: string): Html {
  if (!hasCjk(text)) return html(escapeHtml(text));
  return html(phrases(text).map(escapeHtml).join('<wbr>'));
}

/** A figure inside running text: the number with its unit (1286万元, 17.9%, 4,312, 3 per cent, 2至3家), money with its sign (£61.4 million). */
const FIGURE_IN_TEXT = /(?<![\dA-Za-z.£$€])[£$€]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[至到～~－-]\d+(?:\.\d+)?(?=[\u4e00-\u9fff%％]))?(?:\s?(?:个百分点|百分点|%|％|per ?cent|percent|(?:million|billion|thousand)(?:\s(?:dollars|pounds|euros|people))?)|(?:万亿|亿|万|千)?(?:个工作日|人次|家次|平方公里|公里|[元个家所项名人户件起条座台辆吨亩场次岁篇支处])|万亿|亿|万)?/g;

/**
 * Slide text as `words` gives it, with each figure set off (`<b class="fig">`), so
 * numbers in a bullet are seen at a glance. The text is cut at the figures first
 * and each piece escaped once; nothing is scanned after escaping. A year (2024年,
 * 2027) is not a figure.
 */
export function wordsWithFigures(text: string): Html {
  const cjk = hasCjk(text);
  const pieces = figurePieces(text);
  return html(
    pieces
      .map((p, i) => {
        const markup = p.figure ? `<b class="fig">${escapeHtml(p.text)}</b>` : words(p.text).markup;
        // A line may break before a figure, never before closing punctuation after it.
        const next = pieces[i + 1];
        return cjk && next && !CLOSE.test(next.text) && !OPEN.test(p.text) ? markup + '<wbr>' : markup;
      })
      .join(''),
  );
}

/**
 * Slide text cut at its figures (each number with its unit), in order: the HTML
 * deck sets them off in colour, and so does the PowerPoint writer.
 */
export function figurePieces(text: string): Array<{ text: string; figure: boolean }> {
  const cjk = hasCjk(text);
  const pieces: Array<{ text: string; figure: boolean }> = [];
  let at = 0;
  for (const m of text.matchAll(FIGURE_IN_TEXT)) {
    if (/^(?:19|20)\d\d$/.test(m[0]) && (/^年/.test(text.slice(m.index! + 4)) || !cjk)) continue;
    const after = text.slice(m.index! + m[0].length);
    // A time of day (8 p.m., 9 o'clock, 10:30) is not a quantity.
    if (/^\s?(?:[ap]\.?m\.?|o'clock)(?![a-z])|^:\d\d/i.test(after)) continue;
    if (cjk) {
      // A figure has a unit: a bare number is a date (7月16日, 9月底), a time, a
      // range's start (2至3家) or a code (12345热线), not a quantity.
      if (/^\d+(?:\.\d+)?$/.test(m[0])) continue;
      // The unit must end a word: 186万人民 is 186万 people, not 186万人 + 民.
      if (/[人名家个]$/.test(m[0]) && /^[民员才口工物手头]/.test(after)) continue;
    }
    // Inside a quoted term (“15分钟生活圈”) the term stays whole.
    const before = text.slice(0, m.index);
    if (before.split('“').length > before.split('”').length || before.split('《').length > before.split('》').length) continue;
    if (m.index! > at) pieces.push({ text: text.slice(at, m.index), figure: false });
    pieces.push({ text: m[0], figure: true });
    at = m.index! + m[0].length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), figure: false });
  return pieces;
}

const w = (t: string | null | undefined) => (t ? words(t) : undefined);

/** The number beside an agenda entry: the section's own mark, else 一二三… in Chinese, 1 2 3… in English. */
export function agendaNumber(s: SlideOf<'agenda'>, deck: Deck, i: number): string {
  const n = (s.start ?? 1) + i;
  return s.marks?.[i] ?? (deck.meta.lang === 'zh' && n <= 10 ? '一二三四五六七八九十'[n - 1]! : String(n));
}

/**
 * Cards that say a lot (two to four, a long line in one) read better as rows, the
 * head beside the text, than as narrow columns of short lines; but four of two
 * points each are too tall as rows: two by two.
 */
export function cardsAsRows(cards: Card[]): boolean {
  return cards.length >= 2 && cards.length <= 4 && cards.some((c) => c.text.split('\n').some((t) => displayWidth(t) > 24)) && !(cards.length === 4 && cards.filter((c) => c.text.includes('\n')).length >= 3);
}

/** A statement of two lines and more at its full size is set smaller: a sentence, not a shout. */
export function statementIsLong(s: SlideOf<'statement'>): boolean {
  return [s.callout ?? '', ...s.items].some((t) => displayWidth(t) > 32);
}

/** A figure's number large and its unit small beside it: 168.4亿元 → 168.4 + 亿元 (近200条 → 近200 + 条). */
export function figureParts(head: string): { num: string; unit: string } {
  const m = new RegExp(`^(${NUMBER_HEDGE}?[\\d.,]+)(.*)$`).exec(head);
  return { num: m ? m[1]! : head, unit: m ? m[2]! : '' };
}

/** Per layout: which template, and the context it is filled from. */
const LAYOUTS: { [L in Layout]: (s: SlideOf<L>, deck: Deck) => Record<string, unknown> } = {
  title: (s, d) => ({ title: words(s.title), subtitle: w(s.subtitle), items: s.items.map(words), occasion: w(d.meta.occasion) }),
  agenda: (s, d) => ({
    title: words(s.title),
    subtitle: w(s.subtitle),
    entries: s.items.map((text, i) => ({ text: words(text), number: agendaNumber(s, d, i) })),
  }),
  section: (s) => ({ title: words(s.title), badge: s.badge, items: s.items.map(words) }),
  overview: (s) => ({
    title: words(s.title),
    badge: s.badge,
    subtitle: w(s.subtitle),
    // A card's text may hold two points, one a line.
    cards: s.cards.map((c) => ({ head: words(c.head), text: c.text ? c.text.split('\n').map(wordsWithFigures) : [] })),
    count: s.cards.length,
    rows: cardsAsRows(s.cards),
  }),
  // The callout's marks as its language writes them: “……”—— 作者 / “…” — Author.
  points: (s, d) => ({ title: words(s.title), badge: s.badge, subtitle: w(s.subtitle), items: s.items.map(wordsWithFigures), callout: w(s.callout), calloutBy: w(s.calloutBy), calloutFirst: s.calloutFirst || undefined, dash: d.meta.lang === 'zh' ? '——' : '—' }),
  statement: (s) => ({ title: words(s.title), badge: s.badge, subtitle: w(s.subtitle), long: statementIsLong(s), items: [...(s.callout ? [words(s.callout)] : []), ...s.items.map(wordsWithFigures)] }),
  quote: (s) => ({ items: s.items.map(words), subtitle: w(s.subtitle), lead: w(s.lead), coda: w(s.coda) }),
  figure: (s) => ({
    title: words(s.title),
    badge: s.badge,
    subtitle: w(s.subtitle),
    count: s.cards.length,
    // The number large, its unit small beside it: 168.4亿元 → 168.4 + 亿元.
    // Each number's width in em, and its unit's in px, so that the CSS can set a long
    // number (61,000+) smaller in a narrow column rather than let it run over.
    cards: s.cards.map((c) => {
      const parts = figureParts(c.head);
      return { ...parts, text: w(c.text), nw: (textWidthEm(parts.num) / 0.9).toFixed(2), uw: Math.ceil((textWidthEm(parts.unit) * SIZES.figureUnit) / 0.9 + 4) };
    }),
    coda: w(s.coda),
  }),
  closing: (s, d) => ({ title: words(s.title), subtitle: w(s.subtitle), byline: w(d.meta.occasion) }),
};

/** Layouts drawn with the content frame (top rule and footer). */
const CONTENT = new Set<Layout>(['agenda', 'overview', 'points', 'statement', 'quote', 'figure']);

function slideHtml(s: Slide, i: number, deck: Deck, layouts: Record<string, string>, opts: RenderOptions, seconds: number[]): string {
  // --steps: each bullet is a reveal fragment (the PDF shows them all).
  // The one place a slide meets its layout's function: the layout key says which it is.
  const context = (LAYOUTS[s.layout] as (s: Slide, deck: Deck) => Record<string, unknown>)(s, deck);
  // The numbered parts a slide is in, above its title (一、清醒认识当前安全生产形势　（一）……).
  const kicker = s.kicker ? `<p class="kicker">${words(s.kicker).markup}</p>` : '';
  // The office's logo: its image is in the page's style once (logoCss), each slide only names it.
  const logo = (cls: string) => (opts.logo ? `<img class="${cls}" alt="">` : '');
  const inner = (s.layout === 'title' ? logo('logo logo-title') : '') + kicker + renderTemplate(layouts[s.layout] ?? '', { ...context, steps: opts.steps });
  const content = CONTENT.has(s.layout);
  const foot = content
    ? `<footer class="foot"><span class="foot-text">${logo('logo')}${escapeHtml(footerText(deck))}</span><span class="page">${i + 1}</span></footer>`
    : '';
  // The title slide's notes also tell the speaker how long the whole speech runs.
  const pace = s.layout === 'title' ? `<p class="pace">${escapeHtml(totalTimeText(deck, seconds))}</p>` : '';
  const notes = opts.notes && (s.notes.length || pace) ? `<aside class="notes">${pace}${s.notes.map((n) => `<p>${escapeHtml(n)}</p>`).join('')}</aside>` : '';
  const timing = seconds[i]!;
  return (
    `<section class="layout-${s.layout}" data-id="${s.id}" data-timing="${timing}" data-source="${s.source.startLine}-${s.source.endLine}">` +
    `<div class="frame${content ? ' content' : ''}">${inner}${foot}</div>${notes}</section>`
  );
}

/** Characters drawn in each face: serif for titles and heads, sans for the rest. */
export function charsByFace(deck: Deck): { serif: Set<string>; sans: Set<string> } {
  const base = '0123456789（续）·—…“”‘’《》，。、：；！？()-.,:;!? ';
  const serif = new Set<string>(base);
  const sans = new Set<string>(base);
  const add = (set: Set<string>, s?: string | null) => {
    if (s) for (const ch of s) set.add(ch);
  };
  add(serif, deck.meta.occasion);
  add(sans, footerText(deck));
  deck.slides.forEach((s, i) => {
    add(serif, s.title);
    add(serif, s.badge);
    add(sans, s.kicker);
    add(sans, String(i + 1));
    for (const c of 'cards' in s ? s.cards : []) {
      add(serif, c.head);
      add(sans, c.text);
    }
    for (const it of s.items) add(s.layout === 'quote' || s.layout === 'statement' ? serif : sans, it);
    if ('callout' in s) add(serif, s.callout);
    if ('calloutBy' in s) add(sans, s.calloutBy);
    if ('lead' in s) add(sans, s.lead);
    if ('coda' in s) add(sans, s.coda);
    // Subtitles are sans (ledes, attributions); on the title slide also the title face.
    if ('subtitle' in s) {
      add(sans, s.subtitle);
      if (s.layout !== 'quote') add(serif, s.subtitle);
    }
  });
  if (deck.meta.lang === 'zh') add(serif, '一二三四五六七八九十');
  return { serif, sans };
}

export function sha256(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('base64');
}

/** Keep inline script text from closing its own <script> element. */
function inlineScript(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1');
}

export interface RenderResult {
  html: string;
  /** Bytes of font data inlined. */
  fontBytes: number;
}

/** The theme's CSS, or a usage error naming the themes there are. */
export function themeCss(theme: string): string {
  return themeRules(themeDef(theme));
}

/** The theme's definition, or a usage error naming the themes there are. */
export function themeDef(theme: string): ThemeDef {
  const def = Object.hasOwn(THEMES, theme) ? THEMES[theme] : undefined;
  if (!def) throw new SpeechdeckError('usage', `unknown theme "${theme}".`, { hint: `Choose one of: ${THEME_NAMES.join(', ')}.` });
  return def;
}

/**
 * @font-face rules for a deck in a theme, subset to the characters it shows (plus
 * `extraSans`, e.g. a handout's notes). Bold text (titles, badges, heads,
 * callouts) is drawn in the theme's title face, which must exist in weight 700,
 * or Chromium fakes bold and prints it as Type 3.
 */
export async function deckFontCss(deck: Deck, assets: Assets, theme: string, extraSans = '', format: FontFormat = 'woff2'): Promise<{ css: string; bytes: number }> {
  const { serif, sans } = charsByFace(deck);
  for (const ch of extraSans) sans.add(ch);
  const faces = await subsetFonts(assets.fonts, [
    { family: titleFamily(themeDef(theme)), weight: 700, chars: serif },
    { family: 'Noto Sans SC', weight: 400, chars: sans },
  ], format);
  return { css: fontFaceCss(faces), bytes: faces.reduce((n, f) => n + f.data.length, 0) };
}

/**
 * The office's logo, once for a whole page: a checked PNG or JPEG (input/config.ts) as
 * a data: image the CSP allows, drawn by every element of class `logo`; '' for none.
 * (In each slide's markup it would be as many copies as slides.)
 */
export function logoCss(logo: RenderOptions['logo']): string {
  return logo ? `img.logo { content: url("data:${logo.mime};base64,${logo.base64}"); }` : '';
}

/** The slides' markup alone (no notes, no steps): for handouts and previews. */
export function slidesMarkup(deck: Deck, assets: Assets, aspect: Aspect, logo?: RenderOptions['logo']): string[] {
  const opts: RenderOptions = { theme: 'official', aspect, notes: false, steps: false, logo };
  const seconds = slideSeconds(deck);
  return deck.slides.map((s, i) => slideHtml(s, i, deck, assets.layouts, opts, seconds));
}

/**
 * @font-face rules that load the font slices a deck needs whole, from the server
 * that shows it (`/fonts/KEY`): no subsetting, for a live preview.
 */
export function linkedFontCss(deck: Deck, assets: Assets, theme: string): string {
  const { serif, sans } = charsByFace(deck);
  const needs = [
    { family: titleFamily(themeDef(theme)), weight: 700, chars: serif },
    { family: 'Noto Sans SC', weight: 400, chars: sans },
  ];
  return needs
    .flatMap((need) => {
      const cps = [...need.chars].map((c) => c.codePointAt(0)!);
      return assets.fonts.filter((f) => f.family === need.family && f.weight === need.weight && cps.some((c) => f.ranges.some(([a, b]) => c >= a && c <= b)));
    })
    .map(
      (f) =>
        `@font-face{font-family:'${f.family}';font-weight:${f.weight};font-style:normal;font-display:block;src:url(/fonts/${encodeURIComponent(f.key)}) format('woff2');` +
        `unicode-range:${f.ranges.map(([a, b]) => (a === b ? `U+${a.toString(16)}` : `U+${a.toString(16)}-${b.toString(16)}`)).join(',')}}`,
    )
    .join('\n');
}

/** How a deck's fonts are given: inline subsets (woff2 to save, sfnt to measure), or linked whole from a live preview's server. */
export type DeckFonts = FontFormat | 'live';

/**
 * `fonts: 'sfnt'` for a deck that is only measured and printed, never saved;
 * `extraText`: characters its fonts should hold besides the deck's own.
 * `'live'`: for the live preview, served from 127.0.0.1: fonts and /live.js from that
 * server (which reloads the page when the deck is rebuilt), the CSP allowing them.
 */
export async function renderDeck(deck: Deck, assets: Assets, opts: RenderOptions, fonts_: DeckFonts = 'woff2', extraText = ''): Promise<RenderResult> {
  const theme = themeCss(opts.theme);
  const size = slideSize(opts.aspect);
  const seconds = slideSeconds(deck);
  const slides = deck.slides.map((s, i) => slideHtml(s, i, deck, assets.layouts, opts, seconds)).join('\n');
  const live = fonts_ === 'live';
  const fonts = live ? { css: linkedFontCss(deck, assets, opts.theme), bytes: 0 } : await deckFontCss(deck, assets, opts.theme, extraText, fonts_);
  const config = {
    width: size.width,
    height: size.height,
    margin: 0,
    center: false,
    hash: true,
    controls: true,
    progress: true,
    slideNumber: false,
    transition: 'fade',
    transitionSpeed: 'fast',
    pdfMaxPagesPerSlide: 1,
    pdfSeparateFragments: false,
    showNotes: false,
    totalTime: seconds.reduce((a, b) => a + b, 0),
  };
  const deckJs = inlineScript(assets.deckJs);
  const csp = [
    "default-src 'none'",
    `script-src ${[`sha256-${sha256(deckJs)}`, ...assets.runtimeScriptHashes].map((h) => `'${h}'`).join(' ')}${live ? " 'self'" : ''}`,
    // The speaker view shows the deck in iframes of this same file.
    "frame-src 'self' file:",
    "style-src 'unsafe-inline'",
    live ? "font-src 'self'" : 'font-src data:',
    ...(live ? ["connect-src 'self'"] : []),
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const page = renderTemplate(assets.template, {
    lang: deck.meta.lang === 'zh' ? 'zh-CN' : 'en',
    csp: html(csp),
    title: deck.meta.title,
    author: deck.meta.speaker?.name ?? '',
    theme: opts.theme,
    aspect: opts.aspect === '4:3' ? '4x3' : '16x9',
    fontCss: html(fonts.css),
    revealCss: html(assets.revealCss),
    baseCss: html(assets.baseCss),
    themeCss: html(theme + logoCss(opts.logo)),
    slides: html(slides),
    config: html(JSON.stringify(config).replace(/</g, '\\u003c')),
    deckJs: html(deckJs),
    live,
  });
  return { html: page, fontBytes: fonts.bytes };
}

