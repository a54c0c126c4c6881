// One manuscript through every stage: parse → plan → render → (measure → re-plan)* → print.
import type { Browser } from 'puppeteer';
import type { Assets, Deck, FitReport, GroupFit, Manuscript, RenderOptions, Speech } from './types.js';
import { SpeechdeckError } from './errors.js';
import { parseSpeech } from './parse/speech.js';
import { DEFAULT_PLAN, planDeck } from './plan/deck.js';
import { notesMismatch } from './plan/coverage.js';
import { renderDeck, slideSize } from './render/html.js';
import { htmlPng, measureFit, openPrintView, printPdf, slidePngs } from './print/page.js';
import { deckBookmarks, finishPdf } from './print/pdfmeta.js';
import { renderContactSheet, renderHandout, type HandoutLayout } from './render/handout.js';
import { printHandout } from './print/handout.js';
import { checkSlideCount } from './input/limits.js';

export interface BuildOptions {
  render: RenderOptions;
  /** Handout layout: 2 slides a page with the speech text, or 3 / 6 with lines to write on. */
  handout: HandoutLayout;
  /** Also make one PNG per slide and a contact sheet. */
  png?: boolean;
}

export interface BuildResult {
  speech: Speech;
  deck: Deck;
  html: string;
  pdf: Uint8Array;
  handout: Uint8Array;
  handoutPages: number;
  /** With `png`: one PNG per slide, and the contact sheet. */
  pngs: Uint8Array[];
  contactSheet: Uint8Array | null;
  fit: FitReport;
  /** How many plan → measure rounds it took to fit. */
  rounds: number;
  /** Slides split by the fit loop (groups tightened). */
  tightened: number;
  blocked: string[];
}

const MAX_ROUNDS = 6;

export type Stage = 'parsing' | 'fitting' | 'printing';

export async function buildManuscript(
  ms: Manuscript,
  /** A promise, so that parsing and the first render overlap Chromium's start. */
  browserReady: Promise<Browser>,
  assets: Assets,
  opts: BuildOptions,
  onStage: (stage: Stage) => void = () => {},
): Promise<BuildResult> {
  onStage('parsing');
  const speech = parseSpeech(ms);
  const tighten: Record<string, number> = {};
  const fitByGroup: Record<string, GroupFit> = {};
  for (let round = 1; ; round++) {
    const deck = planDeck(speech, { ...DEFAULT_PLAN, tighten, fit: fitByGroup });
    checkSlideCount(deck.slides.length, ms.path);
    const lost = notesMismatch(speech, deck);
    // A planner bug, not the user's: fail loudly rather than ship a deck that drops text.
    if (lost) throw new Error(`${ms.path}: speaker notes do not hold the whole manuscript (${lost})`);
    onStage('fitting');
    // Measuring rounds use quick-to-make sfnt fonts; the saved file gets woff2.
    const { html: measured } = await renderDeck(deck, assets, opts.render, 'sfnt');
    const browser = await browserReady;
    const { page, blocked } = await openPrintView(browser, measured, ms.path);
    try {
      const fit = await measureFit(page);
      const over = Object.entries(fit.overflow);
      if (over.length === 0) {
        onStage('printing');
        // Chromium prints the slides and the handout while Node makes the woff2
        // fonts of the saved deck (the slowest part on the Node side).
        const printing = printPdf(page);
        // If the handout fails first, the page closes under this print: not a second error.
        printing.catch(() => undefined);
        const handoutHtml = await renderHandout(deck, assets, { theme: opts.render.theme, aspect: opts.render.aspect, perPage: opts.handout });
        const handoutPrinting = printHandout(browser, handoutHtml, opts.handout, ms.path);
        // Let the handout page get going before the main thread is busy with fonts.
        handoutPrinting.catch(() => undefined);
        const { html } = await renderDeck(deck, assets, opts.render, 'woff2');
        const h = await handoutPrinting;
        const pdf = await finishPdf(await printing, deck, { bookmarks: deckBookmarks(deck) });
        const pngs = opts.png ? await slidePngs(page, slideSize(opts.render.aspect)) : [];
        const contactSheet = opts.png ? await htmlPng(browser, await renderContactSheet(deck, assets, opts.render)) : null;
        const handout = await finishPdf(h.pdf, deck, { bookmarks: [] });
        return { speech, deck, html, pdf, handout, handoutPages: h.pages, pngs, contactSheet, fit, rounds: round, tightened: new Set([...Object.keys(tighten), ...Object.keys(fitByGroup)]).size, blocked };
      }
      let progress = false;
      for (const [id, fitted] of over) {
        const slide = deck.slides.find((s) => s.id === id)!;
        const measured = fit.slides[id];
        if (measured && measured.items.length > 0) {
          // Pack this group by measured height from now on; each round that still
          // overflows lowers the budget by what overflowed, so the loop ends.
          const group = deck.slides.filter((s) => s.group === slide.group);
          const prev = fitByGroup[slide.group];
          const heights: Record<string, number> = { ...prev?.heights };
          let budget = measured.avail;
          for (const s of group) {
            const m = fit.slides[s.id];
            if (!m) continue;
            s.items.forEach((text, i) => (heights[text] = m.items[i] ?? heights[text] ?? 0));
            budget = Math.min(budget, m.avail);
          }
          const used = measured.items.reduce((a, b) => a + b, 0) + measured.callout;
          if (prev) budget = Math.min(budget, prev.budget - Math.max(1, used - measured.avail));
          if (slide.items.length > 1 || (prev && prev.budget !== budget)) {
            fitByGroup[slide.group] = { budget, heights, callout: Math.max(measured.callout, prev?.callout ?? 0) };
            progress = slide.items.length > 1 || progress;
          }
          continue;
        }
        // Only points and agenda slides are cut by an item count; cards, figures and
        // quotes are not, so lowering their count would only repeat the same round.
        const countable = slide.layout === 'points' || slide.layout === 'agenda' || slide.layout === 'statement';
        const now = tighten[slide.group] ?? DEFAULT_PLAN.maxItems;
        const next = Math.max(1, Math.min(now - 1, fitted || 1));
        if (countable && slide.items.length > 1 && next < now) {
          tighten[slide.group] = next;
          progress = true;
        }
      }
      if (!progress || round >= MAX_ROUNDS) {
        const [id] = over[0]!;
        const slide = deck.slides.find((s) => s.id === id)!;
        throw new SpeechdeckError(
          'layout',
          `slide ${deck.slides.indexOf(slide) + 1} ("${slide.title}", lines ${slide.source.startLine}–${slide.source.endLine}) does not fit even after splitting.`,
          { file: ms.path, hint: 'Shorten that heading or sentence in the manuscript.' },
        );
      }
    } finally {
      await page.close();
    }
  }
}
