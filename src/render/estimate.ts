// What the browser will measure on a points or overview slide, computed before it
// does: the height under the head, and the height each bullet and the callout (or
// the cards) take, from base.css's geometry and the character-class line model
// (textfit.ts). Pure: no fonts, no browser. The build plans its first round with
// these, so that a slide whose bullets will not fit is cut before Chromium ever
// lays it out (a second fit round costs a second load of the deck); what Chromium
// then measures still decides. Checked against Chromium's own measurements in
// tests/estimate-chromium.test.ts: a change to base.css that moves these numbers
// fails there.
import type { Aspect, Card, Deck, FitReport, Slide, SlideFit } from '../types.js';
import { hasCjk } from '../lang/text.js';
import { phrases } from '../lang/segment.js';
import { cardsAsRows } from './html.js';
import { lineCount, textWidthEm, unitLineCount, type Face } from './textfit.js';
import { LATIN_WIDTHS } from './latin-widths.js';
import { SIZES, THEMES } from './themes.js';

/** base.css: a content slide's frame (padding 50px top, 84px bottom; --pad-x per aspect). */
const SLIDE_H = 720;
const FRAME = { top: 50, bottom: 84, padX: { '16:9': 64, '4:3': 52 } as Record<Aspect, number>, width: { '16:9': 1280, '4:3': 960 } as Record<Aspect, number> };
/** The head: at least 64px high, title lines 1.3 high; the badge beside it 68px wide at least, 10px padding, 20px gap. */
const HEAD = { minHeight: 64, titleLine: SIZES.title * 1.3, badgeMin: 68, badgePad: 20, gap: 20 };
/** Space between the head and the fit area (.body margin-top). */
const BODY_GAP = 40;
/** What a kicker line above the head takes, and a lede below it (its first line; each further line 1.4 high), as measured. */
const KICKER = 36;
const LEDE_FIRST = 27;
const LEDE_LINE = SIZES.lede * 1.4;
/**
 * Overview cards: 22px/28px padding (18px above and below as rows), 1px borders and
 * the theme's top rule; heads 1.3 lines high, texts 1.45, 10px between texts; 28px
 * between cards in a grid, 20px between rows and 32px between the columns as rows.
 */
const CARD = { padY: 22, padX: 28, rowsPadY: 18, border: 1, headLine: SIZES.cardHead * 1.3, textLine: SIZES.cardText * 1.45, textGap: 10, gap: 28, rowsGap: 20, rowsColGap: 32, headShare: 0.36 };
/** A bullet: 1.5 lines, 22px below it, its text 46px in from the left. */
const BULLET = { line: SIZES.body * 1.5, gap: 22, indent: 46 };
/** The callout: 14px padding above and below, 32px left and right, a 6px rule; 24px below it when it comes first; its author's line 1.45 high. */
const CALLOUT = { line: SIZES.callout * 1.45, padY: 28, padX: 64 + 6, firstGap: 24, byLine: SIZES.calloutBy * 1.45 };

/** Lines of slide text: Chinese breaks only between phrases (as `words` marks them), other text between words. */
function lines(text: string, sizePx: number, widthPx: number, face: Face): number {
  return hasCjk(text) ? unitLineCount(phrases(text), sizePx, widthPx, face) : lineCount(text, sizePx, widthPx, face);
}

type Faces = { bold: Face; text: Face; width: number };

/** Titles, badges, card heads and callouts in the theme's bold title face; bullets, ledes and card text in the sans. */
function faces(aspect: Aspect, theme: string): Faces {
  return { bold: THEMES[theme]?.titleFace === 'sans' ? LATIN_WIDTHS.sans700 : LATIN_WIDTHS.serif700, text: LATIN_WIDTHS.sans400, width: FRAME.width[aspect] - 2 * FRAME.padX[aspect] };
}

/** The height left under a content slide's head (title beside its badge, kicker above, lede below). */
function fitArea(s: { title: string; badge?: string; kicker?: string; subtitle?: string }, f: Faces): number {
  const badge = s.badge ? Math.max(HEAD.badgeMin, textWidthEm(s.badge, f.bold) * SIZES.badge + HEAD.badgePad) + HEAD.gap : 0;
  const head = Math.max(HEAD.minHeight, lines(s.title, SIZES.title, f.width - badge, f.bold) * HEAD.titleLine);
  const lede = s.subtitle ? LEDE_FIRST + LEDE_LINE * (lines(s.subtitle, SIZES.lede, f.width, f.text) - 1) : 0;
  return Math.round(SLIDE_H - FRAME.top - FRAME.bottom - head - BODY_GAP - (s.kicker ? KICKER : 0) - lede);
}

/** The fit area's height and its items' heights, as Chromium measures them (to the pixel, for the text this model reads right). */
export function estimateSlide(s: Extract<Slide, { layout: 'points' }>, aspect: Aspect, theme: string): SlideFit {
  const f = faces(aspect, theme);
  const items = s.items.map((t) => BULLET.gap + BULLET.line * lines(t, SIZES.body, f.width - BULLET.indent, f.text));
  const callout = s.callout
    ? (s.calloutFirst ? CALLOUT.firstGap : 0) + CALLOUT.padY + CALLOUT.line * lines(`“${s.callout}”`, SIZES.callout, f.width - CALLOUT.padX, f.bold) + (s.calloutBy ? CALLOUT.byLine : 0)
    : 0;
  return { avail: fitArea(s, f), items, callout };
}

/**
 * An overview slide's fit area and the height its cards take: in a grid (two or
 * three a row, a row as tall as its tallest card, 28px apart), or as rows (head
 * beside text: the heads' column as wide as the widest head, at most 36%; a card's
 * first text line beside its head, further texts under it).
 */
export function estimateCards(s: Extract<Slide, { layout: 'overview' }>, aspect: Aspect, theme: string): { avail: number; used: number } {
  const f = faces(aspect, theme);
  const frame = CARD.border + (THEMES[theme]?.shape.cardTop ?? 0);
  const texts = (c: Card) => (c.text ? c.text.split('\n') : []);
  const n = s.cards.length;
  if (cardsAsRows(s.cards)) {
    const heads = Math.min(Math.max(...s.cards.map((c) => textWidthEm(c.head, f.bold) * SIZES.cardHead)) + CARD.padX + CARD.border, CARD.headShare * f.width);
    const room = f.width - heads - CARD.rowsColGap - CARD.padX - CARD.border;
    const cards = s.cards.map((c) => {
      const t = texts(c).map((x) => lines(x, SIZES.cardText, room, f.text) * CARD.textLine);
      const head = lines(c.head, SIZES.cardHead, heads - CARD.padX - CARD.border, f.bold) * CARD.headLine;
      return frame + 2 * CARD.rowsPadY + Math.max(head, t[0] ?? 0) + t.slice(1).reduce((a, h) => a + h + CARD.textGap, 0);
    });
    return { avail: fitArea(s, f), used: cards.reduce((a, b) => a + b, 0) + CARD.rowsGap * (n - 1) };
  }
  const cols = n <= 3 ? n : n === 4 ? 2 : 3;
  const room = (f.width - (cols - 1) * CARD.gap) / cols - 2 * CARD.padX - 2 * CARD.border;
  const cards = s.cards.map((c) => frame + 2 * CARD.padY + lines(c.head, SIZES.cardHead, room, f.bold) * CARD.headLine + texts(c).reduce((a, x, i) => a + (i ? CARD.textGap : 0) + lines(x, SIZES.cardText, room, f.text) * CARD.textLine, 0));
  const rows: number[] = [];
  for (let i = 0; i < n; i += cols) rows.push(Math.max(...cards.slice(i, i + cols)));
  return { avail: fitArea(s, f), used: rows.reduce((a, b) => a + b, 0) + CARD.gap * (rows.length - 1) };
}

/**
 * The fit report Chromium would give for a deck's points slides (other layouts are
 * left to the measurement): which overflow, and every points slide's heights, so
 * that the fit step (plan/fit.ts) can pack their groups by height.
 */
export function estimateFit(deck: Deck, aspect: Aspect, theme: string): FitReport {
  const overflow: Record<string, number> = {};
  const slides: Record<string, SlideFit> = {};
  for (const s of deck.slides) {
    if (s.layout === 'overview') {
      // Cut by how many cards a slide takes: one fewer each pass, as the fit step does
      // when Chromium finds one too full (it counts the cards and texts that fitted).
      const m = estimateCards(s, aspect, theme);
      if (m.used > m.avail + 1) overflow[s.id] = s.cards.length - 1;
      continue;
    }
    if (s.layout !== 'points') continue;
    const m = (slides[s.id] = estimateSlide(s, aspect, theme));
    let used = m.callout;
    let fitted = 0;
    for (const h of m.items) if ((used += h) <= m.avail + 1) fitted++;
    if (used > m.avail + 1) overflow[s.id] = fitted;
  }
  return { overflow, slides, minBodyPx: 0, minFontPx: 0, minFontWhere: '' };
}
