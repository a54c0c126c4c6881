// Word manuscripts (.docx, from Microsoft Word or WPS): mammoth reads the text,
// paragraph by paragraph; what mammoth drops, Word's automatic numbering, is put
// back first (numbering.ts), so that 一、（一）1. reach the parser as Word shows them.
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { SpeechdeckError } from '../errors.js';
import { Counter, readNumbering, readStyles, styleNumbering } from './numbering.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function first(parent: Element, name: string): Element | null {
  for (let n = parent.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as Element).localName === name) return n as Element;
  return null;
}

function val(e: Element | null): string | undefined {
  return e ? e.getAttributeNS(W, 'val') || e.getAttribute('w:val') || undefined : undefined;
}

/**
 * word/document.xml with each numbered paragraph's label written into it as
 * text (a run before its first), as Word draws it; the count of labels given.
 */
export function numberParagraphs(documentXml: string, numberingXml: string | null, stylesXml: string | null): { xml: string; labelled: number } {
  const styles = readStyles(stylesXml);
  const defs = readNumbering(numberingXml, styles);
  const counter = new Counter(defs);
  const doc = new DOMParser({ errorHandler: () => undefined }).parseFromString(documentXml, 'application/xml');
  const paras = doc.getElementsByTagNameNS(W, 'p');
  let labelled = 0;
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i]!;
    const pPr = first(p, 'pPr');
    const numPr = pPr ? first(pPr, 'numPr') : null;
    const own = numPr ? { numId: val(first(numPr, 'numId')), ilvl: val(first(numPr, 'ilvl')) } : {};
    const fromStyle = styleNumbering(styles, pPr ? val(first(pPr, 'pStyle')) : undefined);
    const numId = own.numId ?? fromStyle.numId;
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
    labelled++;
  }
  return { xml: new XMLSerializer().serializeToString(doc), labelled };
}

/** The text of a .docx: one paragraph a line, a blank line between paragraphs, numbering as Word shows it. */
export async function docxToText(bytes: Uint8Array, path: string): Promise<string> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new SpeechdeckError('input', 'is not a readable Word file (the .docx is damaged: not a zip archive).', { file: path, hint: 'Open it in Word or WPS and save it again as .docx.' });
  }
  const main = zip.file('word/document.xml');
  if (!main) {
    throw new SpeechdeckError('input', 'is a zip archive but not a Word document (no word/document.xml).', { file: path, hint: 'Save the speech from Word or WPS as .docx.' });
  }
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? null;
  const { xml } = numberParagraphs(await main.async('string'), await read('word/numbering.xml'), await read('word/styles.xml'));
  zip.file('word/document.xml', xml);
  const buffer = await zip.generateAsync({ type: 'nodebuffer' });
  let value: string;
  try {
    ({ value } = await mammoth.extractRawText({ buffer }));
  } catch (err) {
    throw new SpeechdeckError('input', `is not a readable Word file (${(err as Error).message.split('\n')[0]}).`, { file: path, hint: 'Open it in Word or WPS and save it again as .docx.' });
  }
  // mammoth ends every paragraph with a blank line; a line of its own for each.
  return value.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}
