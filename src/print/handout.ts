// Printing the handout: lay the blocks out on A4 pages in the browser (where
// heights are known), number the pages, print.
import type { Browser } from 'puppeteer';
import { SpeechdeckError } from '../errors.js';
import { loadHtml } from './page.js';

export interface HandoutPrint {
  pdf: Uint8Array;
  pages: number;
}

/**
 * Runs in the page. Fills A4 pages with at most `perPage` blocks; a block that no
 * longer fits moves to the next page; a block too tall for a page of its own
 * continues its text on the next page (paragraph by paragraph, then sentence by
 * sentence). Then writes the header and `第 X 页 共 Y 页` on every page.
 */
export function paginate(perPage: number): { pages: number; overflow: boolean } {
  const body = document.body;
  const src = document.getElementById('source')!;
  const pagesEl = document.getElementById('pages')!;
  let content!: HTMLElement;
  let count = 0;
  const newPage = () => {
    const page = document.createElement('div');
    page.className = 'sheet';
    page.innerHTML = '<div class="page-head"><span class="meeting"></span><span class="date"></span></div><div class="page-body"></div><div class="page-foot"></div>';
    page.querySelector('.meeting')!.textContent = body.dataset.meeting ?? '';
    page.querySelector('.date')!.textContent = body.dataset.date ?? '';
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
      while (overflows() && text.children.length > 1) ctext.prepend(text.lastElementChild!);
      if (overflows()) {
        const p = text.lastElementChild as HTMLElement | null;
        if (!p) break;
        const parts = p.textContent!.match(/[^。！？.!?]+[。！？.!?]*[”’"]*|.+$/g) ?? [p.textContent!];
        const moved: string[] = [];
        while (overflows() && parts.length > 1) {
          moved.unshift(parts.pop()!);
          p.textContent = parts.join('');
        }
        if (moved.length) {
          const np = document.createElement('p');
          np.textContent = moved.join('');
          ctext.prepend(np);
        }
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

export async function printHandout(browser: Browser, html: string, perPage: number, file: string): Promise<HandoutPrint> {
  const page = await browser.newPage();
  try {
    await loadHtml(page, html);
    const r = await page.evaluate(paginate, perPage);
    if (r.overflow) {
      throw new SpeechdeckError('layout', 'a handout page overflows (a single sentence taller than a page?).', { file });
    }
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, timeout: 120_000 });
    return { pdf: new Uint8Array(pdf), pages: r.pages };
  } finally {
    await page.close();
  }
}
