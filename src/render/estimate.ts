// What the browser will measure on a points slide, computed before it does: the
// height its bullets have (the fit area under the head) and the height each bullet
// and the callout take, from base.css's geometry and the character-class line model
// (textfit.ts). Pure: no fonts, no browser. The build plans its first round with
// these, so that a slide whose bullets will not fit is cut before Chromium ever
// lays it out (a second fit round costs a second load of the deck); what Chromium
// then measures still decides. Checked against Chromium's own measurements in
// tests/estimate-chromium.test.ts: a change to base.css that moves these numbers
// fails there.
import type { Aspect, Deck, FitReport, Slide, SlideFit } from '../types.js';
import { lineCount, textWidthEm } from './textfit.js';
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
/** A bullet: 1.5 lines, 22px below it, its text 46px in from the left. */
const BULLET = { line: SIZES.body * 1.5, gap: 22, indent: 46 };
/** The callout: 14px padding above and below, 32px left and right, a 6px rule; 24px below it when it comes first; its author's line 1.45 high. */
const CALLOUT = { line: SIZES.callout * 1.45, padY: 28, padX: 64 + 6, firstGap: 24, byLine: SIZES.calloutBy * 1.45 };

/** The fit area's height and its items' heights, as Chromium measures them (to the pixel, for the text this model reads right). */
export function estimateSlide(s: Extract<Slide, { layout: 'points' }>, aspect: Aspect, theme: string): SlideFit {
  const width = FRAME.width[aspect] - 2 * FRAME.padX[aspect];
  // Titles, badges and callouts in the theme's bold title face; bullets and ledes in the sans.
  const bold = THEMES[theme]?.titleFace === 'sans' ? LATIN_WIDTHS.sans700 : LATIN_WIDTHS.serif700;
  const text = LATIN_WIDTHS.sans400;
  const badge = s.badge ? Math.max(HEAD.badgeMin, textWidthEm(s.badge, bold) * SIZES.badge + HEAD.badgePad) + HEAD.gap : 0;
  const head = Math.max(HEAD.minHeight, lineCount(s.title, SIZES.title, width - badge, bold) * HEAD.titleLine);
  const lede = s.subtitle ? LEDE_FIRST + LEDE_LINE * (lineCount(s.subtitle, SIZES.lede, width, text) - 1) : 0;
  const avail = Math.round(SLIDE_H - FRAME.top - FRAME.bottom - head - BODY_GAP - (s.kicker ? KICKER : 0) - lede);
  const items = s.items.map((t) => BULLET.gap + BULLET.line * lineCount(t, SIZES.body, width - BULLET.indent, text));
  const callout = s.callout
    ? (s.calloutFirst ? CALLOUT.firstGap : 0) + CALLOUT.padY + CALLOUT.line * lineCount(`“${s.callout}”`, SIZES.callout, width - CALLOUT.padX, bold) + (s.calloutBy ? CALLOUT.byLine : 0)
    : 0;
  return { avail, items, callout };
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
    if (s.layout !== 'points') continue;
    const m = (slides[s.id] = estimateSlide(s, aspect, theme));
    let used = m.callout;
    let fitted = 0;
    for (const h of m.items) if ((used += h) <= m.avail + 1) fitted++;
    if (used > m.avail + 1) overflow[s.id] = fitted;
  }
  return { overflow, slides, minBodyPx: 0, minFontPx: 0, minFontWhere: '' };
}
