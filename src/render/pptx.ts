// The PowerPoint writer: the planned deck → slides.pptx, every layout as editable
// text boxes and shapes (pptxgenjs), in the theme's colours and sizes
// (render/themes.ts), the speech in each slide's notes. Pure over its inputs: the
// file comes back as bytes. The slides are those of deck.json, one for one; text is
// sized to fit its box by the estimate in textfit.ts, in the faces named below.
import type pptxgenModule from 'pptxgenjs';
import type { Aspect, Card, Deck, Logo, Slide, SlideOf } from '../types.js';
import { hasCjk } from '../lang/text.js';
import { agendaNumber, cardsAsRows, figureParts, figurePieces, footerText, slideSeconds, statementIsLong, totalTimeText } from './html.js';
import { SIZES, type ThemeDef } from './themes.js';
import { balancedLines, filledLines, lineCount, widestEm } from './textfit.js';
import { phrases } from '../lang/segment.js';
import { finishPackage, type NotesPage } from './pptx-package.js';

/**
 * The faces the file asks for, by role: the East Asian slot names a face every
 * Chinese Windows and WPS has (微软雅黑 Microsoft YaHei for text, 宋体 SimSun for
 * the serif titles of the formal themes), the Latin and complex-script slots a face
 * every system has or substitutes with the same metrics (Arial, Times New Roman:
 * Liberation Sans and Serif on Linux; Calibri has no such stand-in on most Linux
 * machines, and the one LibreOffice falls back to runs much wider). English decks
 * ask for the same (their text is all Latin).
 */
export const PPTX_FACES = {
  sans: { latin: 'Arial', ea: 'Microsoft YaHei' },
  serif: { latin: 'Times New Roman', ea: 'SimSun' },
} as const;

type Face = keyof typeof PPTX_FACES;

// pptxgenjs's types describe its CommonJS build (the class under `.default`); its
// ES build, which Node and esbuild load, has the class as the default export.
type PptxClass = typeof pptxgenModule.default;
// (Loaded when a deck is first written as .pptx, not when the program starts.)
async function loadPptxGenJS(): Promise<PptxClass> {
  const m = (await import('pptxgenjs')) as unknown as { default: PptxClass | { default?: PptxClass } };
  return ((m.default as { default?: PptxClass }).default ?? m.default) as PptxClass;
}
type Pptx = InstanceType<PptxClass>;
type PptxSlide = pptxgenModule.default.Slide;
type TextRun = pptxgenModule.default.TextProps;

export interface PptxOptions {
  theme: ThemeDef;
  aspect: Aspect;
  logo?: Logo;
  /** The speech in each slide's notes (default); false for a copy to share. */
  notes: boolean;
  /** The date the file states (core properties, zip entries), for reproducible files. */
  date: Date;
}

/** A run of text in a paragraph: a figure is a run of its own, in the accent colour. */
interface Run {
  text: string;
  color?: string;
  sizePx?: number;
}

interface Para {
  runs: Run[];
  sizePx: number;
  face: Face;
  bold?: boolean;
  color: string;
  align?: 'left' | 'center' | 'right';
  /** Line height as a multiple of the size. */
  lh: number;
  /** Space after the paragraph, px. */
  after?: number;
  bullet?: boolean;
  /** Letter spacing in px (the title slide's occasion). */
  spacing?: number;
  /**
   * Broken between phrases into balanced lines (titles, heads, labels: up to three
   * lines), with line breaks in the text, as the HTML deck balances them; the viewer
   * would break anywhere (职 / 责) and leave one character on the last line.
   */
  balance?: boolean;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  paras: Para[];
  valign?: 'top' | 'middle' | 'bottom';
}

/** Inches from CSS px (96 a inch); points from CSS px. */
const IN = (px: number) => Math.round((px / 96) * 10000) / 10000;
const PT = (px: number) => Math.round(px * 0.75 * 10) / 10;

/** Room kept free in every line (Latin widths are already estimated generously). */
const SLACK = 0.98;
/** Text is never set below this share of its theme size to fit. */
const MIN_SCALE = 0.55;

const plain = (text: string, extra: Partial<Para> & Pick<Para, 'sizePx' | 'face' | 'color' | 'lh'>): Para => ({ runs: [{ text }], ...extra });

function paraText(p: Para): string {
  return p.runs.map((r) => r.text).join('');
}

/** The room for a paragraph's lines in a box `w` wide (bullets indented, letter spacing taken off). */
function lineRoom(p: Para, w: number): number {
  return (w - (p.bullet ? BULLET_INDENT : 0)) * SLACK - (p.spacing ?? 0) * paraText(p).length;
}

/**
 * Where a paragraph's lines break, when the writer decides: titles, heads and labels
 * balanced (up to three lines), Chinese text filled line by line between phrases
 * (the viewer would break between any two characters: 幼 / 儿园). Null: the viewer
 * wraps it (English text, which breaks between words anyway).
 */
function linesOf(p: Para, size: number, w: number): string[] | null {
  const text = paraText(p);
  // (A figure's number with its smaller unit is one line, sized to fit its column: not broken.)
  if (p.runs.some((r) => r.sizePx !== undefined)) return null;
  const cjk = hasCjk(text);
  if (!p.balance && !cjk) return null;
  const units = phrases(text);
  if (p.balance) {
    const lines = balancedLines(units, size, lineRoom(p, w));
    if (lines && lines.length <= 3) return lines;
  }
  return cjk ? filledLines(units, size, lineRoom(p, w)) : null;
}

/** A paragraph's runs cut at its lines: each piece that starts a line after the first comes after a line break. */
function piecesOf(p: Para, lines: string[] | null): Array<Run & { br?: boolean }> {
  if (!lines || lines.length < 2) return p.runs;
  const starts = new Set<number>();
  let at = 0;
  for (const l of lines.slice(0, -1)) starts.add((at += l.length));
  const out: Array<Run & { br?: boolean }> = [];
  let pos = 0;
  for (const r of p.runs) {
    let from = 0;
    for (let i = 1; i < r.text.length; i++) {
      if (starts.has(pos + i)) {
        out.push({ ...r, text: r.text.slice(from, i), br: starts.has(pos + from) && out.length > 0 });
        from = i;
      }
    }
    out.push({ ...r, text: r.text.slice(from), br: starts.has(pos + from) && out.length > 0 });
    pos += r.text.length;
  }
  return out;
}

/** Height of paragraphs at scale `s` in a box `w` wide (bullets indented). */
function parasHeight(paras: Para[], w: number, s: number): number {
  let h = 0;
  paras.forEach((p, i) => {
    const size = p.sizePx * s;
    const lines = linesOf(p, size, w)?.length ?? lineCount(paraText(p), size, lineRoom(p, w));
    h += lines * size * p.lh;
    if (i < paras.length - 1) h += (p.after ?? 0) * s;
  });
  return h;
}

/**
 * The largest scale, from 1 down in steps of 3%, at which what `height` measures
 * fits `room`; the first step at or below MIN_SCALE when none does.
 */
function scaleFor(height: (s: number) => number, room: number): number {
  let s = 1;
  while (s > MIN_SCALE && height(s) > room) s -= 0.03;
  return s;
}

/** The largest scale (1 down to MIN_SCALE) at which the paragraphs fit `h` in a box `w` wide. */
function fitScale(paras: Para[], w: number, h: number): number {
  const s = scaleFor((sc) => parasHeight(paras, w, sc), h);
  return s > MIN_SCALE ? s : MIN_SCALE;
}

const BULLET_INDENT = 46;

/** What a slide is drawn with: the pptxgenjs slide, the theme, the sizes. */
interface Ctx {
  pptx: Pptx;
  slide: PptxSlide;
  theme: ThemeDef;
  W: number;
  H: number;
  padX: number;
  lang: string;
  deck: Deck;
  logo?: { data: string; w: number; h: number };
}

/** Put paragraphs in a box at scale `s` (1: the theme's sizes). */
function text(ctx: Ctx, box: Box, s = 1): void {
  const runs: TextRun[] = [];
  box.paras.forEach((p, pi) => {
    // Lines the writer broke: each after a line break (a run may be cut in two).
    const pieces = piecesOf(p, linesOf(p, p.sizePx * s, box.w));
    pieces.forEach((r, ri) => {
      const last = ri === pieces.length - 1;
      runs.push({
        text: clean(r.text),
        options: {
          ...(r.br ? { softBreakBefore: true } : {}),
          fontFace: PPTX_FACES[p.face].ea,
          fontSize: PT((r.sizePx ?? p.sizePx) * s),
          bold: !!p.bold,
          color: r.color ?? p.color,
          align: p.align ?? 'left',
          lineSpacing: PT(p.sizePx * s * p.lh),
          paraSpaceAfter: p.after ? PT(p.after * s) : 0,
          ...(p.spacing ? { charSpacing: PT(p.spacing * s) } : {}),
          ...(p.bullet ? { bullet: { characterCode: ctx.theme.shape.bullet === 'circle' ? '25CF' : '25C6', indent: PT(BULLET_INDENT) } } : {}),
          breakLine: last && pi < box.paras.length - 1,
          lang: ctx.lang,
        },
      });
    });
  });
  ctx.slide.addText(runs, { x: IN(box.x), y: IN(box.y), w: IN(box.w), h: IN(box.h), margin: 0, valign: box.valign ?? 'top', fit: 'none', wrap: true, lang: ctx.lang });
}

/** Fit paragraphs to their box and draw them; returns the scale used. */
function fitted(ctx: Ctx, box: Box): number {
  const s = fitScale(box.paras, box.w, box.h);
  text(ctx, box, s);
  return s;
}

function rect(ctx: Ctx, x: number, y: number, w: number, h: number, fill: string, opts: { line?: string; radius?: number } = {}): void {
  const round = (opts.radius ?? 0) > 0;
  ctx.slide.addShape(round ? ctx.pptx.ShapeType.roundRect : ctx.pptx.ShapeType.rect, {
    x: IN(x),
    y: IN(y),
    w: IN(w),
    h: IN(h),
    fill: { color: fill },
    line: opts.line ? { color: opts.line, width: 0.75 } : { type: 'none' },
    ...(round ? { rectRadius: IN(opts.radius!) } : {}),
  });
}

/** `colour` mixed into `ground` at `share` (CSS color-mix in srgb). */
function mix(colour: string, ground: string, share: number): string {
  const ch = (hex: string, i: number) => parseInt(hex.slice(i, i + 2), 16);
  return [0, 2, 4].map((i) => Math.round(ch(colour, i) * share + ch(ground, i) * (1 - share)).toString(16).padStart(2, '0')).join('');
}

/** Characters XML 1.0 cannot hold (control characters, lone surrogates) are left out. */
function clean(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
}

/** Slide text with its figures set off in the accent colour. */
function withFigures(t: string, colour: string): Run[] {
  return figurePieces(t).map((p) => (p.figure ? { text: p.text, color: colour } : { text: p.text }));
}

// ---------------------------------------------------------------------------
// The frame of content slides: top rule, kicker, head (badge and title), lede, footer.

interface Frame {
  /** Where the body goes. */
  body: { x: number; y: number; w: number; h: number };
}

function contentFrame(ctx: Ctx, s: Slide, head: { title?: string; badge?: string; subtitle?: string }): Frame {
  const { theme, W, H, padX } = ctx;
  const c = theme.colours;
  rect(ctx, 0, 0, W, theme.shape.rule, c.accent);
  if (theme.shape.ruleEdge) rect(ctx, 0, theme.shape.rule, W, theme.shape.ruleEdge, c.second);
  const inner = W - 2 * padX;
  let y = 50;
  if (s.kicker) {
    const p = plain(s.kicker, { sizePx: SIZES.kicker, face: 'sans', color: c.lede, lh: 1.3 });
    const h = parasHeight([p], inner, 1);
    text(ctx, { x: padX, y, w: inner, h, paras: [p] });
    y += h + 8;
  }
  if (head.title !== undefined) {
    let tx = padX;
    if (head.badge) {
      const bw = Math.max(68, widestEm(head.badge) * SIZES.badge + 20);
      const bh = 56;
      const title = plain(head.title, { sizePx: SIZES.title, face: theme.titleFace, bold: true, color: c.accent, lh: 1.3 , balance: true });
      const th = Math.max(64, parasHeight([title], inner - bw - 20, 1));
      rect(ctx, padX, y + (th - bh) / 2, bw, bh, c.badge, { radius: theme.shape.radius });
      text(ctx, { x: padX, y: y + (th - bh) / 2, w: bw, h: bh, valign: 'middle', paras: [plain(head.badge, { sizePx: SIZES.badge, face: theme.titleFace, bold: true, color: 'FFFFFF', lh: 1.25, align: 'center' })] });
      tx = padX + bw + 20;
      text(ctx, { x: tx, y, w: W - padX - tx, h: th, valign: 'middle', paras: [title] });
      y += th;
    } else {
      const title = plain(head.title, { sizePx: SIZES.title, face: theme.titleFace, bold: true, color: c.accent, lh: 1.3 , balance: true });
      const th = Math.max(64, parasHeight([title], inner, 1));
      text(ctx, { x: tx, y, w: inner, h: th, valign: 'middle', paras: [title] });
      y += th;
    }
  }
  let gap = 40;
  if (head.subtitle) {
    const p = plain(head.subtitle, { sizePx: SIZES.lede, face: 'sans', color: c.lede, lh: 1.4 });
    const h = parasHeight([p], inner, 1);
    text(ctx, { x: padX, y: y + 12, w: inner, h, paras: [p] });
    y += 12 + h;
    gap = 28;
  }
  // The footer: a thin rule, the deck's footer text (and the logo) on the left, the slide number on the right.
  const footY = H - 22 - SIZES.foot * 1.3;
  ctx.slide.addShape(ctx.pptx.ShapeType.line, { x: IN(padX), y: IN(footY - 10), w: IN(inner), h: 0, line: { color: mix(c.second, c.ground, 0.4), width: 0.75 } });
  let fx = padX;
  if (ctx.logo) {
    const lh = 22;
    const lw = Math.min(120, (ctx.logo.w / ctx.logo.h) * lh);
    ctx.slide.addImage({ data: ctx.logo.data, x: IN(fx), y: IN(footY + 1), w: IN(lw), h: IN(lh) });
    fx += lw + 12;
  }
  // (A footer too long for its line is set smaller; the HTML deck cuts it with an ellipsis.)
  fitted(ctx, { x: fx, y: footY, w: W - padX - fx - 80, h: SIZES.foot * 1.3, valign: 'middle', paras: [plain(footerText(ctx.deck), { sizePx: SIZES.foot, face: 'sans', color: c.muted, lh: 1.3 })] });
  ctx.slide.slideNumber = { x: IN(W - padX - 80), y: IN(footY), w: IN(80), h: IN(SIZES.foot * 1.3), fontFace: PPTX_FACES.sans.ea, fontSize: PT(SIZES.foot), color: c.muted, align: 'right', valign: 'middle' } as pptxgenModule.default.SlideNumberProps;
  const top = y + gap;
  return { body: { x: padX, y: top, w: inner, h: H - 84 - top } };
}

// ---------------------------------------------------------------------------
// The layouts, one function each: the table the writer draws from.

type Draw<L extends Slide['layout']> = (ctx: Ctx, s: SlideOf<L>) => void;

const LAYOUTS: { [L in Slide['layout']]: Draw<L> } = {
  title: (ctx, s) => {
    const { theme, W, H } = ctx;
    const c = theme.colours;
    const occasion = ctx.deck.meta.occasion;
    const band = occasion ? 150 : 28;
    rect(ctx, 0, 0, W, band, c.band);
    if (theme.shape.ruleEdge) rect(ctx, 0, band, W, 8, c.second);
    if (occasion) {
      const zh = hasCjk(occasion);
      text(ctx, { x: 40, y: 0, w: W - 80, h: band, valign: 'middle', paras: [plain(occasion, { sizePx: SIZES.occasion, face: theme.titleFace, bold: true, color: c.bandText, lh: 1.3, align: 'center', spacing: SIZES.occasion * (zh ? 0.3 : 0.06) })] });
    }
    if (ctx.logo) {
      const lh = 64;
      const lw = Math.min(240, (ctx.logo.w / ctx.logo.h) * lh);
      rect(ctx, W - ctx.padX - lw - 12, 22 - 6 + 6, lw + 12, lh + 12, 'FFFFFF', { radius: 8 });
      ctx.slide.addImage({ data: ctx.logo.data, x: IN(W - ctx.padX - lw - 6), y: IN(28), w: IN(lw), h: IN(lh) });
    }
    // The title block, centred in the room under the band: title, subtitle, a short rule, bylines.
    const x = 80;
    const w = W - 160;
    const title = plain(s.title, { sizePx: SIZES.titleSlide, face: theme.titleFace, bold: true, color: c.accent, lh: 1.3, align: 'center' , balance: true });
    const sub = s.subtitle ? [plain(`——${s.subtitle}`, { sizePx: SIZES.subtitle, face: theme.titleFace, bold: true, color: c.accentDeep, lh: 1.4, align: 'center' , balance: true })] : [];
    const bylines = s.items.map((t, i) => plain(t, { sizePx: i === 0 ? SIZES.byline : SIZES.bylineSmall, face: 'sans', color: i === 0 ? c.ink : c.muted, lh: 1.4, align: 'center', after: 12 }));
    const room = H - 40 - 190;
    const upper = [title, ...sub];
    const s1 = fitScale(upper, w, room * 0.62);
    const upperH = parasHeight(upper, w, s1) + (sub.length ? 16 : 0);
    const lowerH = bylines.length ? parasHeight(bylines, w, 1) : 0;
    const total = upperH + 70 + lowerH;
    let y = 190 + Math.max(0, (room - total) / 2);
    // (Anchored at its foot: the title stays close to the rule under it.)
    text(ctx, { x, y, w, h: parasHeight([title], w, s1), valign: 'bottom', paras: [title] }, s1);
    y += parasHeight([title], w, s1);
    if (sub.length) {
      y += 16;
      const h = parasHeight(sub, w, s1);
      text(ctx, { x, y, w, h, paras: sub }, s1);
      y += h;
    }
    y += 36;
    rect(ctx, (W - 120) / 2, y, 120, 4, c.second);
    y += 34;
    if (bylines.length) fitted(ctx, { x, y, w, h: Math.max(lowerH, H - 40 - y), paras: bylines });
  },

  agenda: (ctx, s) => {
    const c = ctx.theme.colours;
    const { body } = contentFrame(ctx, s, { title: s.title, subtitle: s.subtitle });
    const nums = s.items.map((_, i) => agendaNumber(s, ctx.deck, i));
    const numW = Math.max(60, ...nums.map((n) => widestEm(n) * SIZES.agendaNum + 20));
    const tx = body.x + numW + 28;
    const tw = body.x + body.w - tx;
    const entries = s.items.map((t) => plain(t, { sizePx: SIZES.agenda, face: 'sans', color: c.ink, lh: 1.5, after: 26 }));
    const sc = fitScale(entries, tw, body.h);
    let y = body.y;
    s.items.forEach((_, i) => {
      const e = entries[i]!;
      const h = parasHeight([e], tw, sc);
      const line = SIZES.agenda * sc * 1.5;
      const nh = 60 * Math.min(1, sc + 0.1);
      rect(ctx, body.x, y + (line - nh) / 2, numW, nh, c.badge, { radius: ctx.theme.shape.radius });
      text(ctx, { x: body.x, y: y + (line - nh) / 2, w: numW, h: nh, valign: 'middle', paras: [plain(nums[i]!, { sizePx: SIZES.agendaNum, face: ctx.theme.titleFace, bold: true, color: 'FFFFFF', lh: 1.25, align: 'center' })] }, Math.min(1, sc + 0.1));
      text(ctx, { x: tx, y, w: tw, h, paras: [{ ...e, after: 0 }] }, sc);
      y += h + 26 * sc;
    });
  },

  section: (ctx, s) => {
    const { theme, W, H } = ctx;
    const c = theme.colours;
    rect(ctx, 0, 0, 24, H, c.accent);
    let x = 120;
    const right = W - 100;
    if (s.badge) {
      const bw = Math.max(150, widestEm(s.badge) * SIZES.dividerBadge + 32);
      rect(ctx, x, (H - 150) / 2, bw, 150, c.badge, { radius: theme.shape.radius });
      rect(ctx, x, (H - 150) / 2 + 142, bw, 8, c.second);
      text(ctx, { x, y: (H - 150) / 2, w: bw, h: 142, valign: 'middle', paras: [plain(s.badge, { sizePx: SIZES.dividerBadge, face: theme.titleFace, bold: true, color: 'FFFFFF', lh: 1.25, align: 'center' })] });
      x += bw + 48;
    }
    const paras = [
      plain(s.title, { sizePx: SIZES.divider, face: theme.titleFace, bold: true, color: c.accent, lh: 1.3, after: 20 , balance: true }),
      ...s.items.map((t) => plain(t, { sizePx: SIZES.dividerLine, face: 'sans', color: c.ink, lh: 1.5, after: 20 })),
    ];
    fitted(ctx, { x, y: 60, w: right - x, h: H - 120, valign: 'middle', paras });
  },

  overview: (ctx, s) => {
    const { body } = contentFrame(ctx, s, { title: s.title, badge: s.badge, subtitle: s.subtitle });
    drawCards(ctx, s.cards, body, cardsAsRows(s.cards));
  },

  points: (ctx, s) => {
    const c = ctx.theme.colours;
    const { body } = contentFrame(ctx, s, { title: s.title, badge: s.badge, subtitle: s.subtitle });
    const bullets = s.items.map((t) => ({ runs: withFigures(t, c.accent), sizePx: SIZES.body, face: 'sans' as Face, color: c.ink, lh: 1.5, after: 22, bullet: true }));
    const dash = ctx.deck.meta.lang === 'zh' ? '——' : '—';
    const callout: Para[] = s.callout
      ? [
          plain(`“${s.callout}”`, { sizePx: SIZES.callout, face: ctx.theme.titleFace, bold: true, color: c.accentDeep, lh: 1.45 }),
          ...(s.calloutBy ? [plain(`${dash} ${s.calloutBy}`, { sizePx: SIZES.calloutBy, face: 'sans', color: c.muted, lh: 1.4, align: 'right' as const })] : []),
        ]
      : [];
    // One scale for the whole body: bullets and the callout (in its box: 14px and 32px of padding, a bar on the left).
    const cw = body.w - 32 - 32 - 6;
    const height = (sc: number) => (bullets.length ? parasHeight(bullets, body.w, sc) : 0) + (callout.length ? parasHeight(callout, cw, sc) + 28 + (bullets.length ? 24 * sc : 0) : 0);
    const sc = scaleFor(height, body.h);
    let y = body.y;
    const drawCallout = () => {
      const h = parasHeight(callout, cw, sc) + 28;
      rect(ctx, body.x, y, body.w, h, c.paper);
      rect(ctx, body.x, y, 6, h, c.second);
      text(ctx, { x: body.x + 6 + 32, y: y + 14, w: cw, h: h - 28, paras: callout }, sc);
      y += h;
    };
    if (callout.length && s.calloutFirst) {
      drawCallout();
      y += 24 * sc;
    }
    if (bullets.length) {
      const h = parasHeight(bullets, body.w, sc) + 4;
      text(ctx, { x: body.x, y, w: body.w, h, paras: bullets }, sc);
      y += h + 8 * sc;
    }
    if (callout.length && !s.calloutFirst) drawCallout();
  },

  statement: (ctx, s) => {
    const c = ctx.theme.colours;
    const { body } = contentFrame(ctx, s, { title: s.title, badge: s.badge, subtitle: s.subtitle });
    const size = statementIsLong(s) ? SIZES.statementLong : SIZES.statement;
    const paras: Para[] = [
      ...(s.callout ? [plain(s.callout, { sizePx: size, face: ctx.theme.titleFace, bold: true, color: c.ink, lh: 1.5, after: 28 })] : []),
      ...s.items.map((t) => ({ runs: withFigures(t, c.accent), sizePx: size, face: ctx.theme.titleFace, bold: true, color: c.ink, lh: 1.5, after: 28 })),
    ];
    fitted(ctx, { ...body, valign: 'middle', paras });
  },

  quote: (ctx, s) => {
    const c = ctx.theme.colours;
    const { body } = contentFrame(ctx, s, {});
    const lead = s.lead ? [plain(s.lead, { sizePx: SIZES.quoteSide, face: 'sans', color: c.ink, lh: 1.5, align: 'center' , balance: true })] : [];
    const quote = s.items.map((t) => plain(t, { sizePx: SIZES.quote, face: ctx.theme.titleFace, bold: true, color: c.accentDeep, lh: 1.6 }));
    const by = s.subtitle ? [plain(s.subtitle, { sizePx: SIZES.attribution, face: 'sans', color: c.muted, lh: 1.4, align: 'right' })] : [];
    const coda = s.coda ? [plain(s.coda, { sizePx: SIZES.quoteSide, face: 'sans', color: c.ink, lh: 1.5, align: 'center' , balance: true })] : [];
    // The quotation as wide as its longest line needs (centred), up to the body's width.
    const qw = Math.min(body.w, Math.max(...quote.map((p) => widestEm(paraText(p)) * SIZES.quote / 0.92)) + 36 + 8);
    const height = (sc: number) =>
      (lead.length ? parasHeight(lead, body.w, sc) + 36 * sc : 0) + parasHeight(quote, qw - 44, sc) + (by.length ? BY_GAP * sc + parasHeight(by, body.w, sc) : 0) + (coda.length ? (CODA_GAP + CODA_PAD) * sc + parasHeight(coda, body.w, sc) : 0);
    const sc = scaleFor(height, body.h);
    let y = body.y + Math.max(0, (body.h - height(sc)) / 2);
    if (lead.length) {
      const h = parasHeight(lead, body.w, sc);
      text(ctx, { x: body.x, y, w: body.w, h, paras: lead }, sc);
      y += h + 36 * sc;
    }
    const qx = body.x + (body.w - qw) / 2;
    const qh = parasHeight(quote, qw - 44, sc);
    rect(ctx, qx, y, 8, qh, c.second);
    text(ctx, { x: qx + 44, y, w: qw - 44, h: qh, paras: quote }, sc);
    y += qh;
    if (by.length) {
      y += BY_GAP * sc;
      const h = parasHeight(by, body.w, sc);
      text(ctx, { x: body.x, y, w: body.w, h, paras: by }, sc);
      y += h;
    }
    if (coda.length) {
      y += CODA_GAP * sc;
      ctx.slide.addShape(ctx.pptx.ShapeType.line, { x: IN(body.x), y: IN(y), w: IN(body.w), h: 0, line: { color: mix(c.second, c.ground, 0.4), width: 0.75 } });
      y += CODA_PAD * sc;
      text(ctx, { x: body.x, y, w: body.w, h: parasHeight(coda, body.w, sc), paras: coda }, sc);
    }
  },

  figure: (ctx, s) => {
    const c = ctx.theme.colours;
    const { body } = contentFrame(ctx, s, { title: s.title, badge: s.badge, subtitle: s.subtitle });
    const coda = s.coda ? [plain(s.coda, { sizePx: SIZES.figureCoda, face: 'sans', color: c.ink, lh: 1.45, align: 'center' , balance: true })] : [];
    const codaH = coda.length ? parasHeight(coda, body.w, 1) + 24 + 16 : 0;
    const area = { ...body, h: body.h - codaH };
    const n = s.cards.length;
    const cols = n === 4 ? 2 : n;
    const rows = Math.ceil(n / cols);
    const gap = 40;
    const cw = (area.w - gap * (cols - 1)) / cols;
    const numSize = n === 4 ? SIZES.figureNum4 : SIZES.figureNum;
    const cells = s.cards.map((card) => {
      const { num, unit } = figureParts(card.head);
      const head: Para = { runs: [{ text: num }, ...(unit ? [{ text: unit, sizePx: SIZES.figureUnit }] : [])], sizePx: numSize, face: ctx.theme.titleFace, bold: true, color: c.accent, lh: 1.1, align: 'center' };
      const label = card.text ? [plain(card.text, { sizePx: SIZES.figureLabel, face: 'sans', color: c.ink, lh: 1.4, align: 'center' , balance: true })] : [];
      return { head, label };
    });
    // Each number as large as its column allows (61,000+ smaller than 42, as in the
    // HTML deck), on one line; the labels at one scale, as they wrap.
    const numScale = cells.map((k) => Math.min(1, (cw * SLACK) / (widestEm(k.head.runs[0]!.text) * numSize + widestEm(k.head.runs[1]?.text ?? '') * SIZES.figureUnit + 4)));
    const nh = numSize * 1.1;
    const cellH = (sc: number) => nh + Math.max(0, ...cells.map((k) => (k.label.length ? 16 * sc + parasHeight(k.label, cw, sc) : 0)));
    const sc = scaleFor((x) => rows * cellH(x) + (rows - 1) * 28, area.h);
    const ch = cellH(sc);
    const top = area.y + Math.max(0, (area.h - (rows * ch + (rows - 1) * 28)) / 2);
    cells.forEach((k, i) => {
      const x = area.x + (i % cols) * (cw + gap);
      const y = top + Math.floor(i / cols) * (ch + 28);
      // Numbers on one baseline: each box's bottom at the same line.
      text(ctx, { x, y, w: cw, h: nh, valign: 'bottom', paras: [k.head] }, numScale[i]!);
      if (k.label.length) text(ctx, { x, y: y + nh + 16 * sc, w: cw, h: parasHeight(k.label, cw, sc), paras: k.label }, sc);
    });
    if (coda.length) {
      const y = body.y + body.h - codaH + 24;
      ctx.slide.addShape(ctx.pptx.ShapeType.line, { x: IN(body.x), y: IN(y), w: IN(body.w), h: 0, line: { color: mix(c.second, c.ground, 0.4), width: 0.75 } });
      fitted(ctx, { x: body.x, y: y + 16, w: body.w, h: codaH - 40, paras: coda });
    }
  },

  closing: (ctx, s) => {
    const { theme, W, H } = ctx;
    const c = theme.colours;
    const x = 100;
    const w = W - 200;
    const title = plain(s.title, { sizePx: SIZES.closing, face: theme.titleFace, bold: true, color: c.accent, lh: 1.3, align: 'center' , balance: true });
    const sub = s.subtitle ? [plain(s.subtitle, { sizePx: SIZES.closingSub, face: 'sans', color: c.ink, lh: 1.45, align: 'center' , balance: true })] : [];
    const byline = ctx.deck.meta.occasion ? [plain(ctx.deck.meta.occasion, { sizePx: SIZES.closingByline, face: 'sans', color: c.muted, lh: 1.4, align: 'center' })] : [];
    const room = H - 220;
    const sc = fitScale([title, ...sub], w * 0.88, room - 70 - (byline.length ? 40 : 0));
    const th = parasHeight([title], w, sc);
    const sh = sub.length ? parasHeight(sub, w * 0.88, sc) + 8 : 0;
    const bh = byline.length ? parasHeight(byline, w, 1) : 0;
    let y = 120 + Math.max(0, (room - (th + sh + 70 + bh)) / 2);
    text(ctx, { x, y, w, h: th, paras: [title] }, sc);
    y += th;
    if (sub.length) {
      text(ctx, { x: x + w * 0.06, y: y + 8, w: w * 0.88, h: sh - 8, paras: sub }, sc);
      y += sh;
    }
    y += 36;
    rect(ctx, (W - 120) / 2, y, 120, 4, c.second);
    y += 34;
    if (byline.length) text(ctx, { x, y, w, h: bh, paras: byline });
  },
};

/**
 * A quotation's attribution and coda sit as close under it as the HTML deck draws
 * them (its margins collapse into the quotation's last line box): gaps in px.
 */
const BY_GAP = 10;
const CODA_GAP = 14;
const CODA_PAD = 18;

/** Overview cards: a grid of columns, or rows (the head beside its text), centred in the body. */
function drawCards(ctx: Ctx, cards: Card[], body: Frame['body'], asRows: boolean): void {
  const { theme } = ctx;
  const c = theme.colours;
  const n = cards.length;
  const head = (card: Card): Para => plain(card.head, { sizePx: SIZES.cardHead, face: theme.titleFace, bold: true, color: c.accent, lh: 1.3 , balance: true });
  const texts = (card: Card): Para[] => (card.text ? card.text.split('\n').map((t) => ({ runs: withFigures(t, c.accent), sizePx: SIZES.cardText, face: 'sans' as Face, color: c.ink, lh: 1.45, after: 10 })) : []);
  const border = mix(c.second, c.paper, 0.35);
  const top = theme.shape.cardTop;
  if (asRows) {
    const gapY = 20;
    const headCol = Math.min(body.w * 0.36, Math.max(...cards.map((k) => widestEm(k.head) * SIZES.cardHead)) / SLACK + 4);
    const textW = body.w - 56 - headCol - 32;
    const cardH = (k: Card, sc: number) => top + 36 + Math.max(parasHeight([head(k)], headCol, sc), parasHeight(texts(k), textW, sc));
    const total = (sc: number) => cards.reduce((a, k) => a + cardH(k, sc), 0) + gapY * (n - 1);
    const sc = scaleFor(total, body.h);
    let y = body.y + Math.max(0, (body.h - total(sc)) / 2);
    for (const k of cards) {
      const h = cardH(k, sc);
      rect(ctx, body.x, y, body.w, h, c.paper, { line: border, radius: theme.shape.radius });
      rect(ctx, body.x, y, body.w, top, c.accent);
      text(ctx, { x: body.x + 28, y: y + top + 18, w: headCol, h: h - top - 36, paras: [head(k)] }, sc);
      const t = texts(k);
      if (t.length) text(ctx, { x: body.x + 28 + headCol + 32, y: y + top + 18, w: textW, h: h - top - 36, paras: t }, sc);
      y += h + gapY;
    }
    return;
  }
  const cols = n === 4 ? 2 : n <= 3 ? n : 3;
  const rows = Math.ceil(n / cols);
  const gap = 28;
  const cw = (body.w - gap * (cols - 1)) / cols;
  const inner = cw - 56;
  const cardH = (k: Card, sc: number) => top + 44 + parasHeight([head(k)], inner, sc) + (k.text ? 12 * sc + parasHeight(texts(k), inner, sc) : 0);
  const rowH = (r: number, sc: number) => Math.max(...cards.slice(r * cols, r * cols + cols).map((k) => cardH(k, sc)));
  const total = (sc: number) => Array.from({ length: rows }, (_, r) => rowH(r, sc)).reduce((a, b) => a + b, 0) + gap * (rows - 1);
  const sc = scaleFor(total, body.h);
  let y = body.y + Math.max(0, (body.h - total(sc)) / 2);
  for (let r = 0; r < rows; r++) {
    const h = rowH(r, sc);
    cards.slice(r * cols, r * cols + cols).forEach((k, i) => {
      const x = body.x + i * (cw + gap);
      rect(ctx, x, y, cw, h, c.paper, { line: border, radius: theme.shape.radius });
      rect(ctx, x, y, cw, top, c.accent);
      const hh = parasHeight([head(k)], inner, sc);
      text(ctx, { x: x + 28, y: y + top + 22, w: inner, h: hh, paras: [head(k)] }, sc);
      const t = texts(k);
      if (t.length) text(ctx, { x: x + 28, y: y + top + 22 + hh + 12 * sc, w: inner, h: h - top - 44 - hh - 12 * sc, paras: t }, sc);
    });
    y += h + gap;
  }
}

/** Width and height of a PNG or JPEG (the logo was checked to be one of them). */
export function imageSize(bytes: Uint8Array): { w: number; h: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] === 0x89 && bytes[1] === 0x50) return { w: view.getUint32(16), h: view.getUint32(20) };
  // JPEG: the first start-of-frame marker (C0–CF but C4, C8, CC) holds the size.
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) {
      i++;
      continue;
    }
    const m = bytes[i + 1]!;
    if (m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc) return { w: view.getUint16(i + 7), h: view.getUint16(i + 5) };
    i += 2 + view.getUint16(i + 2);
  }
  return { w: 1, h: 1 };
}

/** The notes a slide's page holds: the title slide also says how long the speech runs. */
function notesOf(deck: Deck, i: number, seconds: number[]): string[] {
  const s = deck.slides[i]!;
  return s.layout === 'title' ? [totalTimeText(deck, seconds), ...s.notes] : s.notes;
}

/** The deck as a .pptx file. */
export async function renderPptx(deck: Deck, opts: PptxOptions): Promise<Uint8Array> {
  const pptx = new (await loadPptxGenJS())();
  const W = opts.aspect === '4:3' ? 960 : 1280;
  const H = 720;
  pptx.defineLayout({ name: 'SPEECHDECK', width: IN(W), height: IN(H) });
  pptx.layout = 'SPEECHDECK';
  pptx.title = clean(deck.meta.title);
  pptx.author = clean(deck.meta.speaker?.name ?? '');
  pptx.subject = clean(deck.meta.occasion ?? '');
  pptx.theme = { headFontFace: PPTX_FACES[opts.theme.titleFace].latin, bodyFontFace: PPTX_FACES.sans.latin };
  const lang = deck.meta.lang === 'zh' ? 'zh-CN' : 'en-US';
  const logo = opts.logo ? { data: `${opts.logo.mime};base64,${opts.logo.base64}`, ...imageSize(Buffer.from(opts.logo.base64, 'base64')) } : undefined;
  deck.slides.forEach((s) => {
    const slide = pptx.addSlide();
    slide.background = { color: opts.theme.colours.ground };
    const ctx: Ctx = { pptx, slide, theme: opts.theme, W, H, padX: opts.aspect === '4:3' ? 52 : 64, lang, deck, ...(logo ? { logo } : {}) };
    (LAYOUTS[s.layout] as Draw<Slide['layout']>)(ctx, s);
  });
  const written = (await pptx.write({ outputType: 'nodebuffer', compression: true })) as Buffer;
  const seconds = slideSeconds(deck);
  const notes: NotesPage[] = deck.slides.map((_, i) => ({ paragraphs: opts.notes ? notesOf(deck, i, seconds).map(clean) : [] }));
  return finishPackage(written, {
    notes,
    lang,
    aspect: opts.aspect,
    faces: Object.values(PPTX_FACES),
    bulletColour: opts.theme.colours.second,
    date: opts.date,
    major: PPTX_FACES[opts.theme.titleFace],
  });
}
