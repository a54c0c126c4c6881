// One manuscript through every stage: parse → plan → render → (measure → re-plan)* → print.
import type { Browser } from 'puppeteer-core';
import type { Assets, Deck, FitReport, Layout, Manuscript, RenderOptions, Speech } from './types.js';
import { SpeechdeckError } from './errors.js';
import { parseSpeech } from './parse/speech.js';
import { DEFAULT_PLAN, planDeck } from './plan/deck.js';
import { nextLimits, type FitLimits } from './plan/fit.js';
import { estimateFit } from './render/estimate.js';
import { notesMismatch } from './plan/coverage.js';
import { deckFromOutline, outlineSlideLines, splitOverflowing } from './plan/outline.js';
import { deckFontCss, renderDeck, slideSize } from './render/html.js';
import { htmlPng, measureFit, openPrintView, printPdf, releasePrintView, slidePngs, type PrintView } from './print/page.js';
import { deckBookmarks, finishPdf, pdfDate, preloadPdfLib } from './print/pdfmeta.js';
import { handoutText, renderContactSheet, renderHandout, type HandoutLayout } from './render/handout.js';
import { printHandout, type HandoutPrint } from './print/handout.js';
import { browserFault, pageFault } from './print/browser.js';
import { checkSlideCount } from './input/limits.js';
import { placesText } from './explain.js';
import { THEME_NAMES, THEMES } from './render/themes.js';

export type { FitLimits } from './plan/fit.js';

/** `render.theme` when none was chosen: decided per manuscript by its language. */
export const AUTO_THEME = 'auto';

export interface BuildOptions {
  /** SOURCE_DATE_EPOCH, if the caller has one: the date the PDFs state (else the speech's date, else none). */
  sourceDateEpoch?: number;
  render: RenderOptions;
  /** Handout layout: 2 slides a page with the speech text, or 3 / 6 with lines to write on. */
  handout: HandoutLayout;
  /** Also make one PNG per slide and a contact sheet. */
  png?: boolean;
  /** Print slides.pdf and handout.pdf (default). Without: the deck and deck.json only, still measured to fit. */
  pdf?: boolean;
  /** Aborted when the run is interrupted: checked between stages. */
  signal?: AbortSignal;
  /** The office's name and footer text (speechdeck.config.json): every slide's footer. */
  footer?: { organisation?: string; text?: string };
  /** How fast the speaker reads (speechdeck.config.json): characters or words a minute. */
  rate?: number;
}

/** The footer the configuration asks for: its text, or the organisation before title and date; else none (the default). */
export function configuredFooter(meta: Deck['meta'], footer: BuildOptions['footer']): string | undefined {
  if (footer?.text) return footer.text;
  if (footer?.organisation) return [footer.organisation, meta.title, meta.dateText].filter(Boolean).join(' · ');
  return undefined;
}

export interface BuildResult {
  /** The manuscript built (with the outline it was built from, if any). */
  manuscript: Manuscript;
  speech: Speech;
  /** The theme and aspect the deck was drawn in (chosen, from the front matter, or by the speech's language). */
  theme: string;
  aspect: RenderOptions['aspect'];
  deck: Deck;
  html: string;
  /** Null when no PDFs were asked for. */
  pdf: Uint8Array | null;
  handout: Uint8Array | null;
  handoutPages: number;
  /** With `png`: one PNG per slide, and the contact sheet. */
  pngs: Uint8Array[];
  contactSheet: Uint8Array | null;
  fit: FitReport;
  /** How many plan → measure rounds it took to fit. */
  rounds: number;
  /** Slides split by the fit loop (groups tightened). */
  tightened: number;
  /** The limits the fit loop ended with: a live preview plans its next quick rebuild with them. */
  limits: FitLimits;
  blocked: string[];
}

const MAX_ROUNDS = 6;

/** What to change in the manuscript when a slide of this layout cannot be made to fit. */
const FIT_HINT: Record<Layout, string> = {
  title: 'Shorten the title (the first line of the manuscript).',
  agenda: 'Shorten the section headings the agenda lists.',
  section: 'Shorten that section heading.',
  overview: 'Shorten the heads of that list or the sentences after them.',
  points: 'Shorten that heading or sentence in the manuscript.',
  statement: 'Shorten that saying or sentence in the manuscript.',
  quote: 'Shorten that quotation.',
  figure: 'Shorten the words around those figures.',
  closing: 'Shorten the closing words.',
};

export type Stage = 'parsing' | 'fitting' | 'printing';

/** A manuscript parsed, with the options it is drawn with and the deck of its outline.md, if any. */
export interface Prepared {
  speech: Speech;
  /** The options, with the theme and aspect its front matter or language chose. */
  opts: BuildOptions;
  /** What the office's configuration adds to every deck's meta (footer, reading rate). */
  extra: Partial<Deck['meta']>;
  /** The deck of the outline.md made from this manuscript: used as it is, never re-planned. */
  outlined: Deck | null;
}

/** Parse a manuscript (unless it was: an unchanged one edited on the web page) and settle how it is drawn: the first steps of a build, and all a live preview needs. */
export function prepareManuscript(ms: Manuscript, opts: BuildOptions, speech: Speech = parseSpeech(ms)): Prepared {
  // The manuscript's own front matter chooses its theme and aspect, over the command line.
  const stated = ms.meta;
  if (stated?.theme && !Object.hasOwn(THEMES, stated.theme)) {
    throw new SpeechdeckError('input', `front matter: unknown theme "${stated.theme}".`, { file: ms.path, hint: `Choose one of: ${THEME_NAMES.join(', ')}.` });
  }
  if (stated?.theme || stated?.aspect) opts = { ...opts, render: { ...opts.render, theme: stated.theme ?? opts.render.theme, aspect: stated.aspect ?? opts.render.aspect } };
  // No theme chosen: the formal red-and-gold one for a Chinese speech, the modern one otherwise.
  if (opts.render.theme === AUTO_THEME) opts = { ...opts, render: { ...opts.render, theme: speech.meta.lang === 'zh' ? 'official' : 'modern' } };
  // What the office's configuration adds to every deck of it (footer, reading rate): the same each round.
  const footer = configuredFooter(speech.meta, opts.footer);
  const extra = { ...(footer ? { footer } : {}), ...(opts.rate ? { rate: opts.rate } : {}) };
  // An outline.md made from this manuscript gives the deck as it stands: read once, never re-planned.
  const outlined = ms.outline ? deckFromOutline(ms.outline.text, speech, ms.outline.path) : null;
  return { speech, opts, extra, outlined };
}

/** The deck as planned before anything is measured (with the fit loop's limits, when it has some). */
export function firstDeck(p: Prepared, { tighten, fitByGroup }: FitLimits = { tighten: {}, fitByGroup: {} }): Deck {
  const planned = p.outlined ?? planDeck(p.speech, { ...DEFAULT_PLAN, tighten, fit: fitByGroup });
  return Object.keys(p.extra).length ? { ...planned, meta: { ...planned.meta, ...p.extra } } : planned;
}

/** Passes of the model before the first round, at most (each is a plan and an estimate: milliseconds). */
const MAX_ESTIMATES = 6;

/**
 * The limits the first fit round plans with: the deck planned, its points slides
 * measured by the model (render/estimate.ts), and re-planned while the model says
 * one overflows, so that a second load of the deck in Chromium is the exception.
 * The fit step is the one measured heights go through (plan/fit.ts).
 */
export function estimatedLimits(p: Prepared): FitLimits {
  let limits: FitLimits = { tighten: {}, fitByGroup: {} };
  if (p.outlined) return limits;
  for (let k = 0; k < MAX_ESTIMATES; k++) {
    const deck = firstDeck(p, limits);
    const estimate = estimateFit(deck, p.opts.render.aspect, p.opts.render.theme);
    if (!Object.keys(estimate.overflow).length) break;
    const step = nextLimits(deck, estimate, limits);
    if (!step.progress) break;
    limits = step.limits;
  }
  return limits;
}

export async function buildManuscript(
  ms: Manuscript,
  /** A promise, so that parsing and the first render overlap Chromium's start. */
  browserReady: Promise<Browser>,
  assets: Assets,
  opts_: BuildOptions,
  onStage: (stage: Stage) => void = () => {},
): Promise<BuildResult> {
  onStage('parsing');
  const prepared = prepareManuscript(ms, opts_);
  const { speech, opts } = prepared;
  let { outlined } = prepared;
  let limits = estimatedLimits(prepared);
  let view: PrintView | undefined;
  // The handout of a round's deck, begun while that deck is laid out and measured
  // (on a page of its own, the other core's work): kept if the deck fits, else dropped.
  let handout: { printing: Promise<HandoutPrint>; stop: AbortController } | undefined;
  const startHandout = (deck: Deck, browser: Browser) => {
    const stop = new AbortController();
    const printing = renderHandout(deck, assets, { theme: opts.render.theme, aspect: opts.render.aspect, perPage: opts.handout, logo: opts.render.logo }).then((html) => printHandout(browser, html, opts.handout, ms.path, stop.signal));
    // (Awaited only if its deck fits; a dropped one's end is no error.)
    printing.catch(() => undefined);
    return { printing, stop };
  };
  const dropHandout = () => {
    handout?.stop.abort();
    handout = undefined;
  };
  // Built: its print view goes back for the next build (a failed one's is closed).
  let built = false;
  try {
    for (let round = 1; ; round++) {
      const deck = firstDeck({ ...prepared, outlined }, limits);
      checkSlideCount(deck.slides.length, ms.path);
      // (An edited outline may have moved slides, and their notes with them: deckFromOutline checks its own.)
      const lost = outlined ? null : notesMismatch(speech, deck);
      // A planner bug, not the user's: fail loudly rather than ship a deck that drops text.
      if (lost) throw new Error(`${ms.path}: speaker notes do not hold the whole manuscript (${lost})`);
      onStage('fitting');
      // Measuring rounds use quick-to-make sfnt fonts, holding the handout's text too
      // (its subsets are then made once, here); the saved file gets woff2.
      const { html: measured } = await renderDeck(deck, assets, opts.render, 'sfnt', opts.pdf === false ? '' : handoutText(deck, opts.handout));
      // The saved deck's woff2 subsets (the slowest thing Node does) are made while
      // Chromium starts and lays out; a later round asks again only for what changed.
      if (round === 1) deckFontCss(deck, assets, opts.render.theme, '', 'woff2').catch(() => undefined);
      const browser = await browserReady;
      opts.signal?.throwIfAborted();
      // The deck was planned by the model of its slides (or by measured heights) and
      // nearly always fits: its handout starts now, while the deck is laid out.
      if (opts.pdf !== false) {
        handout = startHandout(deck, browser);
        preloadPdfLib();
      }
      // One page for every round: the next round's deck is loaded in place of the last.
      view ??= await openPrintView(browser, ms.path);
      const { page, blocked } = view;
      let doing = 'laying out';
      try {
        await view.load(measured);
        const fit = await measureFit(page);
        const over = Object.entries(fit.overflow);
        if (over.length === 0) {
          opts.signal?.throwIfAborted();
          onStage('printing');
          doing = 'printing';
          const done = { manuscript: ms, speech, theme: opts.render.theme, aspect: opts.render.aspect, deck, fit, rounds: round, tightened: new Set([...Object.keys(limits.tighten), ...Object.keys(limits.fitByGroup)]).size, limits, blocked };
          const images = async () => ({
            pngs: opts.png ? await slidePngs(page, slideSize(opts.render.aspect)) : [],
            contactSheet: opts.png ? await htmlPng(browser, await renderContactSheet(deck, assets, opts.render)) : null,
          });
          if (opts.pdf === false) {
            const { html } = await renderDeck(deck, assets, opts.render, 'woff2');
            const shots = await images();
            built = true;
            return { ...done, html, pdf: null, handout: null, handoutPages: 0, ...shots };
          }
          // Chromium prints the slides (the handout is under way already) while Node
          // makes the woff2 fonts of the saved deck; the slides' PDF is finished while
          // the handout prints.
          const printing = printPdf(page).then((pdf) => finishPdf(pdf, deck, { bookmarks: deckBookmarks(deck), date: pdfDate(deck, opts.sourceDateEpoch) }));
          // If the handout fails first, the page closes under this print: not a second error.
          printing.catch(() => undefined);
          const { html } = await renderDeck(deck, assets, opts.render, 'woff2');
          // (Begun with this round's deck, above: it fits.)
          const h = await handout!.printing;
          handout = undefined;
          const pdf = await printing;
          const shots = await images();
          const handoutPdf = await finishPdf(h.pdf, deck, { bookmarks: [], date: pdfDate(deck, opts.sourceDateEpoch) });
          built = true;
          return { ...done, html, pdf, handout: handoutPdf, handoutPages: h.pages, ...shots };
        }
        dropHandout();
        if (outlined && ms.outline) {
          // A deck as its outline says is not planned again: a slide too full is cut in
          // two between its entries; one that cannot be cut is named, to be shortened.
          const split = round < MAX_ROUNDS ? splitOverflowing(outlined, over.map(([id]) => id), speech.meta.lang) : null;
          if (split) {
            outlined = split;
            continue;
          }
          const i = deck.slides.findIndex((s) => s.id in fit.overflow);
          // (Its outline line, while the slides are still those of the outline.)
          const lines = outlineSlideLines(ms.outline.text);
          const line = deck.slides.length === lines.length ? `, line ${lines[i]}` : '';
          throw new SpeechdeckError('layout', `slide ${i + 1} ("${deck.slides[i]!.title}"${line}) does not fit on its slide, even cut in two.`, {
            file: ms.outline.path,
            hint: 'Shorten it there.',
          });
        }
        const { progress, stuck, limits: next } = nextLimits(deck, fit, limits);
        limits = next;
        if (!progress || round >= MAX_ROUNDS) {
          const slide = stuck ?? deck.slides.find((s) => s.id === over[0]![0])!;
          throw new SpeechdeckError(
            'layout',
            `slide ${deck.slides.indexOf(slide) + 1} ("${slide.title}", ${placesText(ms, slide.source.startLine, slide.source.endLine)}) does not fit even after splitting.`,
            { file: ms.path, hint: FIT_HINT[slide.layout] },
          );
        }
      } catch (err) {
        // Chromium quitting or hanging is not this file's fault: a BrowserLost that names it.
        // A page that hangs in a healthy browser is this file's problem, said in one line.
        throw (await browserFault(err, browser, ms.path, doing)) ?? pageFault(err, browser, ms.path, doing);
      }
    }
  } finally {
    dropHandout();
    if (view) await releasePrintView(view, built);
  }
}
