// PDF post-processing with pdf-lib: metadata and bookmarks, which Chromium's own
// outline option does not write reliably.
import type { PDFArray, PDFDict, PDFDocument, PDFRef } from 'pdf-lib';
import type { Deck } from '../types.js';

// pdf-lib is loaded when the first PDF is finished, not when the program starts: it
// takes about 0.2 s to load, and Chromium can be launching meanwhile.
type PdfLib = typeof import('pdf-lib');
let pdfLib: Promise<PdfLib> | undefined;
const loadPdfLib = () => (pdfLib ??= import('pdf-lib'));

/** Start loading pdf-lib now (while Chromium lays a deck out), so that finishing the first PDF does not wait for it. */
export function preloadPdfLib(): void {
  loadPdfLib().catch(() => undefined);
}

export interface Bookmark {
  title: string;
  /** 0-based page index. */
  page: number;
  children: Bookmark[];
}

/**
 * Bookmarks for a slides PDF: one per top-level section (its first slide), with
 * that section's slides under it; slides outside sections are listed at the top.
 */
export function deckBookmarks(deck: Deck): Bookmark[] {
  const out: Bookmark[] = [];
  let current: { section: number; mark: Bookmark } | null = null;
  deck.slides.forEach((s, page) => {
    const title = s.layout === 'title' ? s.title : `${page + 1}. ${s.title}`;
    if (s.section && s.layout !== 'closing') {
      if (!current || current.section !== s.section) {
        current = { section: s.section, mark: { title: (s.badge ? `${s.badge} ` : '') + s.title.replace(/（续）$/, ''), page, children: [] } };
        out.push(current.mark);
      }
      current.mark.children.push({ title, page, children: [] });
    } else {
      current = null;
      out.push({ title, page, children: [] });
    }
  });
  return out;
}

function addOutline(lib: PdfLib, doc: PDFDocument, marks: Bookmark[]): void {
  const { PDFName, PDFHexString, PDFNumber } = lib;
  if (!marks.length) return;
  const ctx = doc.context;
  const pages = doc.getPages();
  const build = (items: Bookmark[], parent: PDFRef): { first: PDFRef; last: PDFRef; count: number } => {
    const refs = items.map(() => ctx.nextRef());
    let count = 0;
    items.forEach((m, i) => {
      const page = pages[Math.min(m.page, pages.length - 1)]!;
      const dict = ctx.obj({}) as PDFDict;
      dict.set(PDFName.of('Title'), PDFHexString.fromText(m.title));
      dict.set(PDFName.of('Parent'), parent);
      dict.set(PDFName.of('Dest'), ctx.obj([page.ref, PDFName.of('Fit')]) as PDFArray);
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
      if (i < items.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
      if (m.children.length) {
        const sub = build(m.children, refs[i]!);
        dict.set(PDFName.of('First'), sub.first);
        dict.set(PDFName.of('Last'), sub.last);
        // Negative: the section starts closed in the reader's sidebar.
        dict.set(PDFName.of('Count'), PDFNumber.of(-sub.count));
      }
      ctx.assign(refs[i]!, dict);
      count += 1;
    });
    return { first: refs[0]!, last: refs[refs.length - 1]!, count };
  };
  const outlinesRef = ctx.nextRef();
  const top = build(marks, outlinesRef);
  ctx.assign(outlinesRef, ctx.obj({ Type: 'Outlines', First: top.first, Last: top.last, Count: top.count }));
  doc.catalog.set(PDFName.of('Outlines'), outlinesRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/**
 * The date a PDF states: SOURCE_DATE_EPOCH (seconds) when the caller has one,
 * else the speech's own date, else none — never the clock, so that the same
 * manuscript gives the same bytes.
 */
export function pdfDate(deck: Deck, sourceDateEpoch?: number): Date | null {
  if (sourceDateEpoch !== undefined && Number.isFinite(sourceDateEpoch)) return new Date(sourceDateEpoch * 1000);
  return deck.meta.date ? new Date(`${deck.meta.date}T00:00:00Z`) : null;
}

export async function finishPdf(pdf: Uint8Array, deck: Deck, opts: { bookmarks: Bookmark[]; subject?: string; date?: Date | null }): Promise<Uint8Array> {
  const lib = await loadPdfLib();
  const { PDFDict, PDFName } = lib;
  const doc = await lib.PDFDocument.load(pdf, { updateMetadata: false });
  const date = opts.date ?? null;
  if (date) {
    doc.setCreationDate(date);
    doc.setModificationDate(date);
  } else {
    // Chromium stamps the time of printing; a build states no date it does not know.
    const info = doc.context.lookup(doc.context.trailerInfo.Info);
    if (info instanceof PDFDict) {
      info.delete(PDFName.of('CreationDate'));
      info.delete(PDFName.of('ModDate'));
    }
  }
  const m = deck.meta;
  doc.setTitle(m.title, { showInWindowTitleBar: true });
  if (m.speaker) doc.setAuthor(m.speaker.name);
  const subject = opts.subject ?? m.occasion;
  if (subject) doc.setSubject(subject);
  doc.setKeywords([m.occasion, m.speaker?.name, m.speaker?.role, m.date].filter((x): x is string => !!x));
  doc.setCreator('speechdeck');
  doc.setProducer('speechdeck (Chromium, pdf-lib)');
  doc.setLanguage(m.lang === 'zh' ? 'zh-CN' : 'en');
  addOutline(lib, doc, opts.bookmarks);
  return doc.save({ useObjectStreams: true });
}
