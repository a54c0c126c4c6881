// Printing the handout: lay the blocks out on A4 pages in the browser (where
// heights are known), number the pages, print.
import type { Browser } from 'puppeteer-core';
import { SpeechdeckError } from '../errors.js';
import { loadHtml } from './page.js';
import { closePage, openPage } from './browser.js';

export interface HandoutPrint {
  pdf: Uint8Array;
  pages: number;
}

/**
 * Runs in the page. Fills A4 pages with at most `perPage` blocks; a block that no
 * longer fits moves to the next page; a block too tall for a page of its own
 * continues its text on the next page (paragraph by paragraph, then within a
 * paragraph after a sentence, a clause, a word or any character). Then writes
 * the header and `第 X 页 共 Y 页` on every page.
 */
export function paginate(perPage: number): { pages: number; overflow: boolean } {
  const body = document.body;
  const src = document.getElementById('source')!;
  const pagesEl = document.getElementById('pages')!;
  let content!: HTMLElement;
  let count = 0;
  let last: HTMLElement | null = null;
  const newPage = () => {
    // A finished page leaves the layout until the end: measuring the current page
    // then costs the same on page 170 as on page 1 (else pagination is quadratic).
    if (last) last.style.display = 'none';
    const page = (last = document.createElement('div'));
    page.className = 'sheet';
    page.innerHTML = '<div class="page-head"><span class="meeting"></span><span class="date"></span></div><div class="page-body"></div><div class="page-foot"></div>';
    page.querySelector('.meeting')!.textContent = body.dataset.meeting ?? '';
    page.querySelector('.date')!.textContent = body.dataset.date ?? '';
    // Its line is reserved now; the numbers are written when the count is known.
    page.querySelector('.page-foot')!.textContent = (body.dataset.footer ?? '{x} / {y}').replace(/\{[xy]\}/g, '00');
    pagesEl.appendChild(page);
    content = page.querySelector('.page-body')!;
    count = 0;
  };
  const overflows = () => content.scrollHeight > content.clientHeight + 1;
  newPage();
  for (const block of Array.from(src.children) as HTMLElement[]) {
    if (count >= perPage) newPage();
    content.appendChild(block);
    count++;
    if (!overflows()) continue;
    if (count > 1) {
      newPage();
      content.appendChild(block);
      count = 1;
      if (!overflows()) continue;
    }
    let cur: HTMLElement = block;
    while (overflows()) {
      const text = cur.querySelector<HTMLElement>('.text');
      if (!text) break;
      const cont = document.createElement('div');
      cont.className = 'block cont';
      const ctext = document.createElement('div');
      ctext.className = 'text';
      cont.appendChild(ctext);
      // Paragraphs that start below the page move whole; the one across the page's end
      // is cut. Found from their boxes in one layout, not by trying one at a time.
      const bottom = content.getBoundingClientRect().bottom + 1;
      const paras = Array.from(text.children) as HTMLElement[];
      let k = paras.findIndex((p) => p.getBoundingClientRect().bottom > bottom);
      if (k < 0) k = paras.length - 1;
      if (k > 0 && paras[k]!.getBoundingClientRect().top >= bottom - 1) k--;
      for (const p of paras.slice(k + 1).reverse()) ctext.prepend(p);
      // Margins the boxes do not show: settle by trying, from that estimate.
      while (text.children.length > 1 && overflows()) {
        const last = text.lastElementChild!;
        last.remove();
        const below = overflows();
        text.appendChild(last);
        if (!below) break;
        ctext.prepend(last);
      }
      if (overflows()) {
        // One paragraph too long for what is left of the page: keep the longest
        // beginning that fits and carry the rest over. Cut after a sentence when
        // that uses the page well, else after a clause (，；：、), else between
        // words, else between any two characters, so a sentence of any length flows on.
        const p = text.lastElementChild as HTMLElement | null;
        if (!p) break;
        const full = p.textContent!;
        const chars = Array.from(full);
        const at: number[] = [];
        for (let i = 0, pos = 0; i < chars.length; i++) at.push((pos += chars[i]!.length));
        const closer = (i: number) => /[”’"」』）)]/.test(chars[i + 1] ?? '');
        const ends = [
          (i: number) => /[。！？!?]/.test(chars[i]!) || (chars[i] === '.' && /\s/.test(chars[i + 1] ?? '')),
          (i: number) => /[，；：、,;:]/.test(chars[i]!),
          (i: number) => /\s/.test(chars[i + 1] ?? ''),
          () => true,
        ];
        // The longest beginning that fits, to the character (one binary search:
        // more text is never shorter); then the longest cut of each kind within it.
        let lo = 0;
        let hi = at.length - 2;
        let most = 0;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          p.textContent = full.slice(0, at[mid]);
          if (overflows()) hi = mid - 1;
          else {
            most = at[mid]!;
            lo = mid + 1;
          }
        }
        const best = ends.map((end) => {
          let b = 0;
          at.forEach((pos, i) => {
            if (pos <= most && i < chars.length - 1 && end(i) && !closer(i)) b = pos;
          });
          return b;
        });
        const cut = best.find((b) => b > 0 && b >= most * 0.6) ?? 0;
        const np = document.createElement('p');
        if (cut > 0) {
          p.textContent = full.slice(0, cut).trimEnd();
          np.textContent = full.slice(cut).trimStart();
        } else {
          // Not one character fits beside what is already on the page: the whole paragraph moves.
          p.textContent = full;
          np.textContent = full;
          p.remove();
        }
        ctext.prepend(np);
        if (overflows()) break;
      }
      if (!ctext.children.length) break;
      newPage();
      content.appendChild(cont);
      count = 1;
      cur = cont;
    }
  }
  const all = Array.from(pagesEl.querySelectorAll<HTMLElement>('#pages > .sheet'));
  for (const p of all) p.style.display = '';
  const pattern = body.dataset.footer ?? '{x} / {y}';
  all.forEach((p, i) => {
    p.querySelector('.page-foot')!.textContent = pattern.replace('{x}', String(i + 1)).replace('{y}', String(all.length));
  });
  const overflow = all.some((p) => {
    const c = p.querySelector<HTMLElement>('.page-body')!;
    return c.scrollHeight > c.clientHeight + 1;
  });
  return { pages: all.length, overflow };
}

/**
 * Print a handout on a page of its own. With `signal`: dropped when it aborts
 * (its page closed, whatever it was doing), for a handout begun before its deck
 * was known to fit.
 */
export async function printHandout(browser: Browser, html: string, perPage: number, file: string, signal?: AbortSignal): Promise<HandoutPrint> {
  signal?.throwIfAborted();
  const page = await openPage(browser);
  const drop = () => void closePage(page).catch(() => undefined);
  signal?.addEventListener('abort', drop, { once: true });
  if (signal?.aborted) drop();
  try {
    await loadHtml(page, html);
    // The blocks wait in a hidden source list, so no font is needed yet and none is
    // loaded; paginate measures synchronously, so load every face first, else the
    // text is measured in a fallback font (narrower) and overflows when printed.
    await page.evaluate(() => Promise.all(Array.from(document.fonts, (f) => f.load().catch(() => undefined))).then(() => undefined));
    const r = await page.evaluate(paginate, perPage);
    if (r.overflow) {
      throw new SpeechdeckError('layout', 'a handout page overflows (a single sentence taller than a page?).', { file });
    }
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, timeout: 120_000 });
    return { pdf: new Uint8Array(pdf), pages: r.pages };
  } finally {
    signal?.removeEventListener('abort', drop);
    await closePage(page);
  }
}
