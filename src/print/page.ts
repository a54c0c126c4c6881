// Opening a rendered deck in the browser: measuring fit, printing the PDF.
import type { Browser, Page } from 'puppeteer-core';
import type { FitReport } from '../types.js';
import { SpeechdeckError } from '../errors.js';
import { browserFault, browserGone, closePage, openPage, pageTimeout } from './browser.js';

/** The deck is served from memory under this address; any other request is refused and recorded. */
const DECK_URL = 'http://speechdeck.invalid/index.html';

export interface PrintView {
  page: Page;
  /** Requests the deck tried to make to anything but itself (should be none). */
  blocked: string[];
  /** The manuscript whose deck it shows (named in errors). */
  file: string;
  /**
   * Show `html` in print view, in place of what the page showed (a fit round's
   * deck after the one before: no new page), and wait until reveal.js says the
   * pages are laid out and fonts are in.
   */
  load(html: string): Promise<void>;
}

/** Builds a page serves before it is closed (a batch of 30 peaked at 1200 MB with pages used for ever, 1099 MB with 4 uses, 927 MB with 2: as before pages were used again). */
const MAX_USES = 2;
const uses = new WeakMap<Page, number>();

/**
 * Empty a page that waits for the next build (its deck or handout would hold
 * memory meanwhile: a batch then went over 1 GB); false if that failed.
 */
async function blank(page: Page): Promise<boolean> {
  // A renderer grows with every document it has shown: after two builds the page
  // is closed and the next build opens a new one.
  const n = (uses.get(page) ?? 0) + 1;
  uses.set(page, n);
  if (page.isClosed() || n >= MAX_USES) return false;
  try {
    await page.goto('about:blank', { timeout: pageTimeout(page.browser()) });
    return true;
  } catch {
    return false;
  }
}

/** Print views a finished build gave back, per browser: the next build loads its deck there. */
const idle = new WeakMap<Browser, PrintView[]>();

/**
 * A page for a deck in print view (`load` puts a deck in it): one a build before
 * this one gave back (`releasePrintView`), else a new one. Within a batch, pages
 * are opened once per job slot, not once per manuscript.
 */
export async function openPrintView(browser: Browser, file: string): Promise<PrintView> {
  const spare = idle.get(browser)?.pop();
  if (spare && !spare.page.isClosed()) {
    spare.file = file;
    spare.blocked.length = 0;
    return spare;
  }
  return newPrintView(browser, file);
}

/**
 * Give a print view back when its build is over: kept for the next build if that
 * build went well (a page that failed or timed out is closed, never used again).
 */
export async function releasePrintView(view: PrintView, reuse: boolean): Promise<void> {
  const browser = view.page.browser();
  if (reuse && !browserGone(browser) && (await blank(view.page))) {
    idle.set(browser, [...(idle.get(browser) ?? []), view]);
    return;
  }
  await closePage(view.page);
}

async function newPrintView(browser: Browser, file_: string): Promise<PrintView> {
  let page: Page;
  try {
    page = await openPage(browser);
  } catch (err) {
    throw (await browserFault(err, browser, file_, 'laying out')) ?? err;
  }
  const blocked: string[] = [];
  let current = '';
  const errors: string[] = [];
  try {
    dismissDialogs(page);
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      if (req.url() === DECK_URL + '?print-pdf') {
        void req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: current });
      } else {
        if (!req.url().startsWith('data:')) blocked.push(req.url());
        void req.abort('blockedbyclient');
      }
    });
    page.on('pageerror', (e) => errors.push(String((e as Error).message ?? e)));
    await page.setViewport({ width: 1280, height: 720 });
  } catch (err) {
    const fault = await browserFault(err, browser, file_, 'laying out');
    await closePage(page).catch(() => undefined);
    throw fault ?? err;
  }
  const load = async (html: string) => {
    const file = view.file;
    current = html;
    errors.length = 0;
    const timeout = pageTimeout(page.browser());
    try {
      await page.goto(DECK_URL + '?print-pdf', { waitUntil: 'load', timeout });
      // reveal.js dispatches `pdf-ready` when its print layout is done; the deck script
      // mirrors it onto <html data-pdf-ready>. No fixed sleeps anywhere.
      await page.waitForFunction(() => document.documentElement.dataset.pdfReady === 'true', { timeout, polling: 'mutation' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
    } catch (err) {
      // Unless the browser itself quit or hangs, this file's deck is at fault: the other files go on.
      throw (await browserFault(err, page.browser(), file, 'laying out')) ?? new SpeechdeckError('layout', `the deck did not finish laying out in Chromium${errors.length ? ': ' + errors[0] : '.'}`, { file });
    }
  };
  const view: PrintView = { page, blocked, file: file_, load };
  return view;
}

/**
 * Every page Chromium opens for us: a dialog (alert, confirm, prompt, beforeunload)
 * is dismissed at once, so no page can hang a build waiting for a click. Our pages
 * run no script that opens one; this is the second line behind their CSP.
 */
export function dismissDialogs(page: Page): void {
  page.on('dialog', (d) => void d.dismiss().catch(() => undefined));
}

/** Which slides overflow their frame, and the smallest text size on any slide. */
export async function measureFit(page: Page): Promise<FitReport> {
  return page.evaluate(() => {
    const overflow: Record<string, number> = {};
    const slides: Record<string, { avail: number; items: number[]; callout: number }> = {};
    let minFontPx = Infinity;
    let minFontWhere = '';
    let minBodyPx = Infinity;
    const sections = Array.from(document.querySelectorAll<HTMLElement>('.slides section[data-id]'));
    for (const sec of sections) {
      const id = sec.dataset.id!;
      const frame = sec.querySelector<HTMLElement>('.frame');
      if (!frame) continue;
      const fr = frame.getBoundingClientRect();
      let bad = false;
      for (const el of Array.from(frame.querySelectorAll<HTMLElement>('*'))) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.left < fr.left - 1 || r.right > fr.right + 1 || r.top < fr.top - 1 || r.bottom > fr.bottom + 1) bad = true;
        // A box that clips its content (a card) must not hide any of it.
        if (el !== frame && !el.classList.contains('fit') && !el.closest('.foot') && getComputedStyle(el).overflowY !== 'visible' && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)) bad = true;
        const hasText = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent!.trim());
        if (hasText) {
          const fs = parseFloat(getComputedStyle(el).fontSize);
          // Slide text proper: everything but the footer line.
          if (!el.closest('.foot')) minBodyPx = Math.min(minBodyPx, fs);
          if (fs < minFontPx) {
            minFontPx = fs;
            minFontWhere = `${id} ${el.tagName.toLowerCase()}.${el.className}`;
          }
        }
      }
      let fitted = -1;
      const fitEl = frame.querySelector<HTMLElement>('.fit');
      if (fitEl) {
        const outer = (el: HTMLElement) => {
          const cs = getComputedStyle(el);
          return el.getBoundingClientRect().height + parseFloat(cs.marginTop) + parseFloat(cs.marginBottom);
        };
        const callout = fitEl.querySelector<HTMLElement>('.callout');
        slides[id] = {
          avail: fitEl.clientHeight,
          items: Array.from(fitEl.querySelectorAll<HTMLElement>(':scope > ul > li, :scope > ol > li')).map(outer),
          callout: callout ? outer(callout) : 0,
        };
      }
      for (const fit of Array.from(frame.querySelectorAll<HTMLElement>('.fit'))) {
        if (fit.scrollHeight > fit.clientHeight + 1 || fit.scrollWidth > fit.clientWidth + 1) bad = true;
        const box = fit.getBoundingClientRect();
        const items = Array.from(fit.querySelectorAll<HTMLElement>('li, .card, .figure, p'));
        fitted = items.filter((it) => it.getBoundingClientRect().bottom <= box.bottom + 1).length;
      }
      if (bad) overflow[id] = Math.max(0, fitted);
    }
    return { overflow, slides, minBodyPx: Number.isFinite(minBodyPx) ? minBodyPx : 0, minFontPx: Number.isFinite(minFontPx) ? minFontPx : 0, minFontWhere };
  });
}

export async function printPdf(page: Page): Promise<Uint8Array> {
  const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true, timeout: pageTimeout(page.browser()) });
  return new Uint8Array(pdf);
}

// Chromium paints only the tab in front, and a screenshot of a tab behind waits
// for a paint that never comes. Screenshots take turns, each with its tab in front.
let screenshotTurn: Promise<unknown> = Promise.resolve();
function inFront<T>(page: Page, work: () => Promise<T>): Promise<T> {
  const run = screenshotTurn.then(async () => {
    await page.bringToFront();
    return work();
  });
  screenshotTurn = run.catch(() => undefined);
  return run;
}

/** One PNG per slide, from the print view (each slide is a `.pdf-page`). */
export function slidePngs(page: Page, size: { width: number; height: number }): Promise<Uint8Array[]> {
  return inFront(page, () => slidePngsNow(page, size));
}

async function slidePngsNow(page: Page, size: { width: number; height: number }): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const el of await page.$$('.pdf-page')) {
    // reveal makes print pages a pixel shorter than the slide; clip to the slide itself.
    const box = (await el.boundingBox())!;
    const clip = { x: box.x, y: box.y, width: size.width, height: size.height };
    out.push(new Uint8Array(await page.screenshot({ type: 'png', clip, captureBeyondViewport: true })));
  }
  return out;
}

/**
 * Load a self-contained HTML page (handout, contact sheet): data: URLs only, any
 * other request refused; resolves when the page and its fonts are in.
 */
export async function loadHtml(page: Page, html: string): Promise<void> {
  dismissDialogs(page);
  await page.setRequestInterception(true);
  page.on('request', (req) => void (req.url().startsWith('data:') || req.url() === 'about:blank' ? req.continue() : req.abort('blockedbyclient')));
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** A PNG of a whole HTML page (the contact sheet). */
export async function htmlPng(browser: Browser, html: string): Promise<Uint8Array> {
  const page = await openPage(browser);
  try {
    await page.setViewport({ width: 1400, height: 800 });
    await loadHtml(page, html);
    const grid = await page.$('.sheet-grid');
    return await inFront(page, async () => new Uint8Array(await (grid ?? page).screenshot({ type: 'png' })));
  } finally {
    await closePage(page);
  }
}
