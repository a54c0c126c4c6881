// Word manuscripts (.docx, from Microsoft Word or WPS): mammoth reads the text,
// paragraph by paragraph; what mammoth drops, Word's automatic numbering, is put
// back first (numbering.ts), so that 一、（一）1. reach the parser as Word shows them.
import type JSZip from 'jszip';
import { XMLSerializer } from '@xmldom/xmldom';
import { SpeechdeckError } from '../errors.js';
import { checkCharCount, MAX_DOCX_XML_BYTES } from './limits.js';
import { child, Counter, parseXml, parseXmlDocument, readNumbering, readStyles, styleChain, styleNumbering, val, type StyleDefs } from './numbering.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/**
 * word/document.xml with each numbered paragraph's label written into it as
 * text (a run before its first), as Word draws it; the paragraphs that are
 * headings by style or look, and the text of table cells.
 */
export function numberParagraphs(documentXml: string, numberingXml: string | null, stylesXml: string | null): { xml: string; headings: Array<{ text: string; level: number }>; cells: string[] } {
  const styles = readStyles(stylesXml);
  const defs = readNumbering(numberingXml, styles);
  const counter = new Counter(defs);
  const doc = parseXmlDocument(documentXml);
  const paras = doc.getElementsByTagNameNS(W, 'p');
  const headings: Array<{ text: string; level: number }> = [];
  // A table's text is kept, for the speaker: in the notes, not cut into bullets.
  const cells: string[] = [];
  const inTable = (p: Element) => {
    for (let n = p.parentNode; n; n = n.parentNode) if (n.nodeType === 1 && (n as Element).localName === 'tbl') return true;
    return false;
  };
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i]!;
    const text = (p.textContent ?? '').trim();
    if (inTable(p) && text) cells.push(text);
    const pPr = child(p, 'pPr');
    const numPr = pPr ? child(pPr, 'numPr') : null;
    const own = numPr ? { numId: val(child(numPr, 'numId')), ilvl: val(child(numPr, 'ilvl')) } : {};
    const styleId = pPr ? val(child(pPr, 'pStyle')) : undefined;
    const fromStyle = styleNumbering(styles, styleId);
    const numId = own.numId ?? fromStyle.numId;
    // A heading by its style (Heading 2, 标题 2; WPS: an outline level) with no numbering:
    // handed on as a heading, so that the parser reads it as one.
    // (Else a short paragraph set all in bold: a heading by its look, a level below those by style.)
    const outline = headingLevel(styles, styleId, pPr ? val(child(pPr, 'outlineLvl')) : undefined) ?? (allBold(p) ? BOLD_LEVEL : null);
    if (outline !== null && (numId === undefined || numId === '0') && text) headings.push({ text, level: outline });
    if (numId === undefined) continue;
    const ilvl = Number(own.ilvl ?? (own.numId === undefined ? fromStyle.ilvl : undefined) ?? 0) || 0;
    // (An empty paragraph is not drawn, but Word counts it all the same.)
    const label = counter.next(numId, ilvl);
    if (!label) continue;
    const gap = Counter.gap(label, counter.levelOf(numId, ilvl)?.suff ?? 'tab');
    const r = doc.createElementNS(W, 'w:r');
    const t = doc.createElementNS(W, 'w:t');
    t.setAttribute('xml:space', 'preserve');
    t.appendChild(doc.createTextNode(label + gap));
    r.appendChild(t);
    p.insertBefore(r, pPr ? pPr.nextSibling : p.firstChild);
  }
  return { xml: new XMLSerializer().serializeToString(doc), headings, cells };
}

/** Headings found by their look only (bold, short) rank below any heading style. */
const BOLD_LEVEL = 7;

/** A short paragraph whose every run of text is bold (w:b, not w:b="0"): a heading by its look. */
function allBold(p: Element): boolean {
  const text = (p.textContent ?? '').trim();
  if (!text || [...text].length > 30 || /[。！？.!?：:]$/.test(text)) return false;
  const runs = Array.from(p.getElementsByTagNameNS(W, 'r')).filter((r) => (r.textContent ?? '').trim());
  return runs.length > 0 && runs.every((r) => {
    const b = child(child(r, 'rPr') ?? r, 'b');
    return !!b && !/^(?:0|false)$/.test(val(b) ?? '');
  });
}

/** A paragraph's heading level by its style's name (heading 1, 标题 1) or outline level (WPS), 1-based; null for body text. */
function headingLevel(styles: StyleDefs, styleId: string | undefined, ownOutline: string | undefined): number | null {
  if (ownOutline !== undefined && Number(ownOutline) < 9) return Number(ownOutline) + 1;
  for (const s of styleChain(styles, styleId)) {
    const named = /^(?:heading|标题)\s*(\d)$/i.exec(s.name ?? '');
    if (named) return Number(named[1]);
    if (s.outline !== undefined && s.outline < 9) return s.outline + 1;
  }
  return null;
}

/**
 * The line of `text` that holds each of `found` (in order), where each first
 * appears after the one before; null for one not found.
 */
function placeLines(text: string, found: string[]): Array<number | null> {
  const lines = text.split('\n');
  let at = 0;
  return found.map((f) => {
    const k = lines.findIndex((l, i) => i >= at && l.trim() === f);
    if (k < 0) return null;
    at = k + 1;
    return k + 1;
  });
}

/** The lines of `text` that hold `found`, in order (those found). */
export function linesOf(text: string, found: string[]): number[] {
  return placeLines(text, found).filter((n): n is number => n !== null);
}

/**
 * The lines of `text` that are the headings found (in order): the first that is
 * their title alone, at a level used once, is the speech's title, not a part; the
 * levels used become 1, 2, 3.
 */
export function headingLines(text: string, found: Array<{ text: string; level: number }>): Array<{ line: number; level: number }> {
  const firstLine = text.split('\n').findIndex((l) => l.trim());
  const at = placeLines(text, found.map((h) => h.text));
  const out = found.flatMap((h, i) => (at[i] === null ? [] : [{ line: at[i]!, level: h.level }]));
  const count = (level: number) => out.filter((h) => h.level === level).length;
  // (One bold line alone is emphasis, not a heading: bold lines are headings when there are two or more.)
  for (let i = out.length - 1; i >= 0; i--) if (out[i]!.level === BOLD_LEVEL && count(BOLD_LEVEL) < 2) out.splice(i, 1);
  if (out[0] && out[0].line === firstLine + 1 && count(out[0].level) === 1) out.shift();
  const levels = [...new Set(out.map((h) => h.level))].sort((a, b) => a - b);
  return out.map((h) => ({ line: h.line, level: levels.indexOf(h.level) + 1 }));
}

/** The text of a .docx (one paragraph a line, a blank line between paragraphs, numbering as Word shows it) and its heading lines. */
export async function docxToText(bytes: Uint8Array, path: string): Promise<{ text: string; headings: Array<{ line: number; level: number }>; asides: number[]; title?: string }> {
  let zip: JSZip;
  try {
    // (jszip and mammoth are loaded for the first Word file, not when the program starts.)
    zip = await (await import('jszip')).default.loadAsync(bytes);
  } catch {
    throw new SpeechdeckError('input', 'is not a readable Word file (the .docx is damaged: not a zip archive).', { file: path, hint: 'Open it in Word or WPS and save it again as .docx.' });
  }
  const main = zip.file('word/document.xml');
  if (!main) {
    throw new SpeechdeckError('input', 'is a zip archive but not a Word document (no word/document.xml).', { file: path, hint: 'Save the speech from Word or WPS as .docx.' });
  }
  // (Unpacked, the document stays within reason: a zip bomb is refused before it is
  // inflated, by what its parts say of their size, and the parts read here are cut
  // off at the limit whatever they say.)
  const bomb = () => new SpeechdeckError('input', `is not a speech: it unpacks to more than ${Math.round(MAX_DOCX_XML_BYTES / 1e6)} MB.`, { file: path, hint: 'Check that it is the right file.' });
  const claimed = Object.values(zip.files).reduce((n, f) => n + ((f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0), 0);
  if (claimed > MAX_DOCX_XML_BYTES) throw bomb();
  let budget = MAX_DOCX_XML_BYTES;
  const read = (name: string): Promise<string | null> => {
    const f = zip.file(name);
    if (!f) return Promise.resolve(null);
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      const stream = f.nodeStream('nodebuffer');
      stream
        .on('data', (chunk: Buffer) => {
          budget -= chunk.length;
          if (budget < 0) {
            stream.pause();
            return reject(bomb());
          }
          chunks.push(chunk);
        })
        .on('error', reject)
        .on('end', () => resolve(new TextDecoder().decode(Buffer.concat(chunks))));
    });
  };
  const { xml, headings, cells } = numberParagraphs((await read('word/document.xml'))!, await read('word/numbering.xml'), await read('word/styles.xml'));
  zip.file('word/document.xml', xml);
  const buffer = await zip.generateAsync({ type: 'nodebuffer' });
  let value: string;
  try {
    ({ value } = await (await import('mammoth')).default.extractRawText({ buffer }));
  } catch (err) {
    throw new SpeechdeckError('input', `is not a readable Word file (${(err as Error).message.split('\n')[0]}).`, { file: path, hint: 'Open it in Word or WPS and save it again as .docx.' });
  }
  // mammoth ends every paragraph with a blank line; a line of its own for each.
  const text = value.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
  checkCharCount(text, path);
  // The document's own title (File → Properties): a fallback only, when the text has none.
  const core = await read('docProps/core.xml');
  const title = core ? (parseXml(core).getElementsByTagNameNS('http://purl.org/dc/elements/1.1/', 'title')[0]?.textContent ?? '').trim() : '';
  return { text, headings: headingLines(text, headings), asides: linesOf(text, cells), ...(title ? { title } : {}) };
}
