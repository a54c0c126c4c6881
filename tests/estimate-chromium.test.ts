// The model of a points slide's heights and an overview's cards (src/render/estimate.ts) against what
// Chromium measures on the same decks: the first fit round is planned by the
// model, so a change to base.css or the theme sizes that moves these numbers must
// fail here. Several fixture decks (Chinese and English, both aspects, with and
// without badges, kickers, ledes and callouts), before any fit round cut them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { parseSpeech } from '../src/parse/speech.js';
import { planDeck } from '../src/plan/deck.js';
import { renderDeck } from '../src/render/html.js';
import { estimateFit, estimateSlide } from '../src/render/estimate.js';
import { loadAssets } from '../src/input/files.js';
import { closeBrowser, launchBrowser } from '../src/print/browser.js';
import { measureFit, openPrintView, releasePrintView } from '../src/print/page.js';
import type { Aspect, FitReport, Slide } from '../src/types.js';
import { manuscript, ROOT, SEED } from './helpers.js';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'manuscripts');
const DECKS: Array<[string, Aspect, string]> = [
  [SEED, '16:9', 'official'],
  [join(FIXTURES, '25-en-keynote.txt'), '16:9', 'modern'],
  [join(FIXTURES, '21-zh-deployment-parts.txt'), '4:3', 'official'],
  [join(FIXTURES, '12-en-ordinals-quote.txt'), '4:3', 'modern'],
  [join(FIXTURES, '08-zh-four-levels.txt'), '16:9', 'modern'],
  [join(FIXTURES, '15-zh-bom-yishi-paragraphs.txt'), '4:3', 'official'],
];

let browser: Browser;
before(async () => {
  browser = await launchBrowser({ env: process.env, platform: process.platform, isRoot: process.getuid?.() === 0 });
});
after(async () => {
  await closeBrowser(browser);
});

async function measured(file: string, aspect: Aspect, theme: string) {
  const deck = planDeck(parseSpeech(manuscript(file)));
  const { html } = await renderDeck(deck, loadAssets(), { theme, aspect, notes: true, steps: false }, 'sfnt');
  const view = await openPrintView(browser, file);
  try {
    await view.load(html);
    // (tsx names the functions it compiles with a helper the page does not have; the CLI's bundle does not.)
    await view.page.evaluate('window.__name = (f) => f');
    return { deck, fit: await measureFit(view.page) };
  } finally {
    await releasePrintView(view, false);
  }
}

const points = (s: Slide): s is Extract<Slide, { layout: 'points' }> => s.layout === 'points';

test('estimate-chromium: the model gives the fit area and the bullets the heights Chromium measures, and the same slides overflow', async () => {
  let slides = 0;
  let items = 0;
  let itemsExact = 0;
  let overflowing = 0;
  let overviews = 0;
  const availOff: string[] = [];
  const missed: string[] = [];
  const seen = { badge: 0, kicker: 0, lede: 0, callout: 0, twoLineTitle: 0 };
  for (const [file, aspect, theme] of DECKS) {
    const { deck, fit } = await measured(file, aspect, theme);
    const estimate: FitReport = estimateFit(deck, aspect, theme);
    for (const s of deck.slides.filter((x) => x.layout === 'overview')) {
      const where = `${file.split('/').pop()} ${aspect} overview "${s.title}"`;
      assert.ok(!(s.id in estimate.overflow) || s.id in fit.overflow, `${where}: estimated to overflow, fits in Chromium`);
      if (s.id in fit.overflow) {
        overflowing++;
        if (!(s.id in estimate.overflow)) missed.push(where);
      }
      overviews++;
    }
    for (const s of deck.slides.filter(points)) {
      const real = fit.slides[s.id]!;
      const model = estimateSlide(s, aspect, theme);
      const where = `${file.split('/').pop()} ${aspect} "${s.title}"`;
      if (Math.abs(model.avail - real.avail) > 1) availOff.push(`${where}: fit area ${model.avail} px estimated, ${real.avail} px measured`);
      assert.ok(Math.abs(model.callout - real.callout) <= 1, `${where}: callout ${model.callout} px estimated, ${real.callout} px measured`);
      assert.equal(model.items.length, real.items.length);
      model.items.forEach((h, i) => (itemsExact += Math.abs(h - real.items[i]!) <= 1 ? 1 : 0));
      // A slide the model says overflows is cut before Chromium sees it: it must really overflow.
      assert.ok(!(s.id in estimate.overflow) || s.id in fit.overflow, `${where}: estimated to overflow, fits in Chromium`);
      if (s.id in fit.overflow) {
        overflowing++;
        if (!(s.id in estimate.overflow)) missed.push(where);
      }
      slides++;
      items += model.items.length;
      seen.badge += s.badge ? 1 : 0;
      seen.kicker += s.kicker ? 1 : 0;
      seen.lede += s.subtitle ? 1 : 0;
      seen.callout += s.callout ? 1 : 0;
      seen.twoLineTitle += real.avail < 430 ? 1 : 0;
    }
  }
  // Every case the model distinguishes was met, on enough slides to mean something.
  assert.ok(slides >= 30, `${slides} points slides`);
  assert.ok(overviews >= 3, `${overviews} overview slides`);
  for (const [k, n] of Object.entries(seen)) assert.ok(n > 0, `no points slide with ${k} among the decks`);
  // Line breaking between phrases can end a line sooner than the model's, and a title
  // within a pixel of its line's end can go either way: one in fifty may be a line off.
  assert.ok(itemsExact >= items * 0.98, `${itemsExact} of ${items} bullet heights as measured`);
  assert.ok(availOff.length <= slides * 0.05, availOff.join('\n'));
  // (A slide the model misses costs a second fit round, no more.)
  assert.ok(overflowing >= 3 && missed.length <= overflowing * 0.1, `${missed.length} of ${overflowing} overflowing slides not foreseen: ${missed.join('; ')}`);
});
