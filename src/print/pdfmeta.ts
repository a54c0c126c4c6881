// PDF post-processing with pdf-lib: metadata Chromium does not write.
import { PDFDocument } from 'pdf-lib';
import type { Deck } from '../types.js';

export async function setPdfMetadata(pdf: Uint8Array, deck: Deck): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const m = deck.meta;
  doc.setTitle(m.title, { showInWindowTitleBar: true });
  if (m.speaker) doc.setAuthor(m.speaker.name);
  if (m.occasion) doc.setSubject(m.occasion);
  doc.setKeywords([m.occasion, m.speaker?.name, m.date].filter((x): x is string => !!x));
  doc.setCreator('speechdeck');
  doc.setProducer('speechdeck (Chromium, pdf-lib)');
  doc.setLanguage(m.lang === 'zh' ? 'zh-CN' : 'en');
  return doc.save({ useObjectStreams: true });
}
