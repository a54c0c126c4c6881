// The handout: A4 portrait pages of slide thumbnails (live markup, so they print
// as vector text, not pictures) with the speech text that goes with each, or with
// lines to write on. This renders the blocks; print/handout.ts lays them out on
// pages in the browser, where heights can be measured.
import type { Aspect, Assets, Deck, RenderOptions } from '../types.js';
import { escapeHtml } from './template.js';

/**
 * The policy of every page that is only laid out and printed (handout, contact
 * sheet): no script of its own at all (the print stage measures it through the
 * DevTools protocol, which a page's policy does not govern), nothing loaded but
 * inline styles and data: fonts.
 */
export const PRINT_ONLY_CSP = "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; base-uri 'none'; form-action 'none'";
const cspMeta = `<meta http-equiv="Content-Security-Policy" content="${PRINT_ONLY_CSP}">`;
import { deckFontCss, logoCss, slideSize, slidesMarkup, themeCss } from './html.js';

export type HandoutLayout = 2 | 3 | 6;

export interface HandoutOptions {
  theme: string;
  aspect: Aspect;
  perPage: HandoutLayout;
  logo?: RenderOptions['logo'];
}

/** A4 at 96 px per inch. */
export const A4 = { width: 794, height: 1123 };

/** Thumbnail width in CSS px for each layout (content width is A4 minus 2 × 15 mm). */
const THUMB_WIDTH: Record<HandoutLayout, number> = { 2: 330, 3: 330, 6: 320 };

const HANDOUT_CSS = `
@page { size: A4 portrait; margin: 0; }
html, body { margin: 0; padding: 0; background: #fff; }
body.handout { font-family: 'Noto Sans SC', sans-serif; color: #222; line-break: strict; }
#source { display: none; }
.sheet {
  width: ${A4.width}px; height: ${A4.height}px; box-sizing: border-box; padding: 48px 57px 44px;
  display: flex; flex-direction: column; overflow: hidden; page-break-after: always; break-after: page;
  position: relative; background: #fff;
}
.sheet:last-child { page-break-after: auto; break-after: auto; }
.page-head {
  flex: none; display: flex; justify-content: space-between; gap: 16px;
  font-size: 16px; line-height: 1.4; color: #555; border-bottom: 1.5px solid var(--red); padding-bottom: 8px;
}
.page-head .meeting { font-weight: 400; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.page-body { flex: 1 1 auto; min-height: 0; overflow: hidden; padding-top: 18px; }
.page-foot { flex: none; text-align: center; font-size: 16px; color: #666; padding-top: 8px; }
.block { display: flex; gap: 22px; align-items: flex-start; margin-bottom: 22px; break-inside: avoid; }
.per-6 .page-body { display: grid; grid-template-columns: 1fr 1fr; column-gap: 28px; align-content: start; }
.per-6 .block { flex-direction: column; gap: 8px; }
.thumb { flex: none; overflow: hidden; border: 1px solid #ccc; position: relative; background: var(--ground); }
.thumb .reveal { position: absolute; left: 0; top: 0; }
.thumb .reveal .slides section { position: relative; display: block; }
.text { flex: 1 1 auto; min-width: 0; font-size: 16px; line-height: 1.6; text-align: left; }
.text p { margin: 0 0 8px; }
.text .label { font-size: 16px; color: var(--red); font-weight: 400; margin-bottom: 4px; }
.lines { flex: 1 1 auto; display: flex; flex-direction: column; gap: 0; }
.lines span { display: block; height: 34px; border-bottom: 1px solid #bbb; }
`;

function thumb(markup: string, width: number, aspect: Aspect): string {
  const size = slideSize(aspect);
  const k = width / size.width;
  const h = Math.round(size.height * k);
  return (
    `<div class="thumb" style="width:${width}px;height:${h}px">` +
    // zoom, not transform: a transformed slide keeps its full-size layout box, which
    // Chromium's print fragmentation then cuts across page boundaries.
    `<div class="reveal" style="width:${size.width}px;height:${size.height}px;zoom:${k.toFixed(5)}"><div class="slides">${markup}</div></div></div>`
  );
}

function headerText(deck: Deck): { meeting: string; date: string } {
  return { meeting: deck.meta.occasion ?? deck.meta.title, date: deck.meta.dateText ?? '' };
}

/** Page footer words: `第 X 页 共 Y 页` or `Page X of Y`, with {x} and {y} to fill in. */
export function footerPattern(deck: Deck): string {
  return deck.meta.lang === 'zh' ? '第 {x} 页 共 {y} 页' : 'Page {x} of {y}';
}

/**
 * The text a handout shows beside the slides' own (notes, header, page numbers):
 * the print stage measures the deck with these characters in its fonts too, so
 * that the handout's font subsets are those already made.
 */
export function handoutText(deck: Deck, perPage: HandoutLayout): string {
  const head = headerText(deck);
  const notesText = perPage === 2 ? deck.slides.flatMap((s) => s.notes).join('') : '';
  return notesText + head.meeting + head.date + footerPattern(deck) + '0123456789（续）';
}

export async function renderHandout(deck: Deck, assets: Assets, opts: HandoutOptions): Promise<string> {
  const markup = slidesMarkup(deck, assets, opts.aspect, opts.logo);
  const head = headerText(deck);
  const width = THUMB_WIDTH[opts.perPage];
  const withText = opts.perPage === 2;
  const blocks = deck.slides.map((s, i) => {
    const side = withText
      ? `<div class="text">${s.notes.map((n) => `<p>${escapeHtml(n)}</p>`).join('')}</div>`
      : `<div class="lines">${'<span></span>'.repeat(opts.perPage === 3 ? 6 : 3)}</div>`;
    return `<div class="block" data-slide="${i + 1}">${thumb(markup[i]!, width, opts.aspect)}${side}</div>`;
  });
  const fonts = await deckFontCss(deck, assets, opts.theme, handoutText(deck, opts.perPage), 'sfnt');
  return `<!doctype html>
<html lang="${deck.meta.lang === 'zh' ? 'zh-CN' : 'en'}">
<head><meta charset="utf-8">${cspMeta}<title>${escapeHtml(deck.meta.title)}</title>
<style>${fonts.css}</style>
<style>${assets.baseCss}</style>
<style>${themeCss(opts.theme)}${logoCss(opts.logo)}</style>
<style>${HANDOUT_CSS}</style>
</head>
<body class="handout per-${opts.perPage} theme-${opts.theme} aspect-${opts.aspect === '4:3' ? '4x3' : '16x9'}"
 data-meeting="${escapeHtml(head.meeting)}" data-date="${escapeHtml(head.date)}" data-footer="${escapeHtml(footerPattern(deck))}" data-per-page="${opts.perPage}">
<div id="source">${blocks.join('\n')}</div>
<div id="pages"></div>
</body>
</html>`;
}

const SHEET_CSS = `
html, body { margin: 0; background: #d9d9d9; }
.sheet-grid { display: grid; grid-template-columns: repeat(4, auto); gap: 14px; padding: 14px; width: max-content; }
.cell { display: flex; flex-direction: column; gap: 4px; font-family: 'Noto Sans SC', sans-serif; font-size: 16px; color: #333; }
.thumb { overflow: hidden; position: relative; background: var(--ground); box-shadow: 0 1px 3px rgba(0,0,0,.25); }
.thumb .reveal { position: absolute; left: 0; top: 0; }
.thumb .reveal .slides section { position: relative; display: block; }
`;

/** A contact sheet: every slide small, four to a row, for chat groups and previews. */
export async function renderContactSheet(deck: Deck, assets: Assets, opts: { theme: string; aspect: Aspect; logo?: RenderOptions['logo'] }): Promise<string> {
  const markup = slidesMarkup(deck, assets, opts.aspect, opts.logo);
  const cells = markup.map((m, i) => `<div class="cell">${thumb(m, 320, opts.aspect)}<span>${i + 1}</span></div>`);
  const fonts = await deckFontCss(deck, assets, opts.theme, '0123456789', 'sfnt');
  return `<!doctype html>
<html lang="${deck.meta.lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">${cspMeta}
<style>${fonts.css}</style><style>${assets.baseCss}</style><style>${themeCss(opts.theme)}${logoCss(opts.logo)}</style><style>${SHEET_CSS}</style></head>
<body class="theme-${opts.theme} aspect-${opts.aspect === '4:3' ? '4x3' : '16x9'}"><div class="sheet-grid">${cells.join('')}</div></body></html>`;
}
