// Reads a PDF's bookmarks back with pdf-lib, for the tests.
import { PDFDocument, PDFName, PDFDict, PDFHexString, PDFString, PDFRef, PDFArray } from 'pdf-lib';

export interface OutlineEntry {
  title: string;
  page: number;
  children: OutlineEntry[];
}

export async function readOutline(bytes: Uint8Array): Promise<OutlineEntry[]> {
  const doc = await PDFDocument.load(bytes);
  const pageIndex = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i]));
  const get = (d: PDFDict, k: string) => d.get(PDFName.of(k));
  const deref = (x: unknown) => (x instanceof PDFRef ? doc.context.lookup(x) : x) as PDFDict | undefined;
  const walk = (first: unknown): OutlineEntry[] => {
    const out: OutlineEntry[] = [];
    for (let node = deref(first); node; node = deref(get(node, 'Next'))) {
      const t = get(node, 'Title');
      const title = t instanceof PDFHexString || t instanceof PDFString ? t.decodeText() : '';
      const dest = deref(get(node, 'Dest')) as unknown as PDFArray;
      const ref = dest?.get(0);
      out.push({ title, page: pageIndex.get(String(ref)) ?? -1, children: walk(get(node, 'First')) });
    }
    return out;
  };
  const outlines = deref(doc.catalog.get(PDFName.of('Outlines')));
  return outlines ? walk(get(outlines, 'First')) : [];
}
