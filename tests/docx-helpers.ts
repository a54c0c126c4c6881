// Builds small but complete .docx files for tests, as Word and WPS write them:
// numbered paragraphs carry w:numPr (the label is not in their text), headings may
// carry a style whose numbering the style says.
import JSZip from 'jszip';

export interface DocxParagraph {
  text: string;
  numId?: string;
  ilvl?: number;
  style?: string;
  bold?: boolean;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** An abstract numbering level: `[ilvl, numFmt, lvlText, start?]`. */
export type LevelSpec = [number, string, string, number?];

export function numberingXml(abstracts: Array<{ id: string; levels: LevelSpec[] }>, nums: Array<{ numId: string; abstractId: string; starts?: Record<number, number> }>): string {
  const a = abstracts
    .map(
      (x) =>
        `<w:abstractNum w:abstractNumId="${x.id}">${x.levels.map(([ilvl, fmt, text, start]) => `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start ?? 1}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${esc(text)}"/><w:suff w:val="nothing"/></w:lvl>`).join('')}</w:abstractNum>`,
    )
    .join('');
  const n = nums
    .map((x) => `<w:num w:numId="${x.numId}"><w:abstractNumId w:val="${x.abstractId}"/>${Object.entries(x.starts ?? {}).map(([ilvl, s]) => `<w:lvlOverride w:ilvl="${ilvl}"><w:startOverride w:val="${s}"/></w:lvlOverride>`).join('')}</w:num>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ${NS}>${a}${n}</w:numbering>`;
}

/** The usual numbering of a 讲话稿: 一、 / （一） / 1. on levels 0–2 of list 1. */
export const SPEECH_NUMBERING = numberingXml(
  [{ id: '0', levels: [[0, 'chineseCounting', '%1、'], [1, 'chineseCounting', '（%2）'], [2, 'decimal', '%3.']] }],
  [{ numId: '1', abstractId: '0' }],
);

export function documentXml(paras: DocxParagraph[], table?: string[][]): string {
  const p = (x: DocxParagraph) => {
    const pPr = x.style || x.numId ? `<w:pPr>${x.style ? `<w:pStyle w:val="${x.style}"/>` : ''}${x.numId ? `<w:numPr><w:ilvl w:val="${x.ilvl ?? 0}"/><w:numId w:val="${x.numId}"/></w:numPr>` : ''}</w:pPr>` : '';
    return `<w:p>${pPr}<w:r>${x.bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${esc(x.text)}</w:t></w:r></w:p>`;
  };
  const tbl = table ? `<w:tbl>${table.map((row) => `<w:tr>${row.map((c) => `<w:tc>${p({ text: c })}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>` : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NS}><w:body>${paras.map(p).join('')}${tbl}<w:sectPr/></w:body></w:document>`;
}

export function stylesXml(styles: Array<{ id: string; name?: string; numId?: string; ilvl?: number; outline?: number }>): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${NS}>${styles
    .map((s) => {
      const numPr = s.numId ? `<w:numPr><w:ilvl w:val="${s.ilvl ?? 0}"/><w:numId w:val="${s.numId}"/></w:numPr>` : '';
      const outline = s.outline !== undefined ? `<w:outlineLvl w:val="${s.outline}"/>` : '';
      return `<w:style w:type="paragraph" w:styleId="${s.id}">${s.name ? `<w:name w:val="${esc(s.name)}"/>` : ''}${numPr || outline ? `<w:pPr>${numPr}${outline}</w:pPr>` : ''}</w:style>`;
    })
    .join('')}</w:styles>`;
}

export async function makeDocx(paras: DocxParagraph[], opts: { numbering?: string; styles?: string; table?: string[][]; title?: string } = {}): Promise<Buffer> {
  // (A fixed date in every entry: the same speech, the same bytes.)
  const zip = new JSZip();
  const file = zip.file.bind(zip);
  zip.file = ((name: string, data: string) => file(name, data, { date: new Date(Date.UTC(2025, 0, 1)), createFolders: false })) as typeof zip.file;
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>',
  );
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file(
    'word/_rels/document.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
  );
  zip.file('word/document.xml', documentXml(paras, opts.table));
  zip.file('word/numbering.xml', opts.numbering ?? SPEECH_NUMBERING);
  zip.file('word/styles.xml', opts.styles ?? stylesXml([]));
  if (opts.title) zip.file('docProps/core.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${esc(opts.title)}</dc:title></cp:coreProperties>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** Which list and level each written numbering is in Word: 一、 （一） 1. （1） on list 1, ① on list 2. */
const WRITTEN: Array<[RegExp, string, number]> = [
  [/^([一二三四五六七八九十]+、)(.*)$/, '1', 0],
  [/^(（[一二三四五六七八九十]+）)(.*)$/, '1', 1],
  [/^(\d+[.．])(.*)$/, '1', 2],
  [/^(（\d+）)(.*)$/, '1', 3],
  [/^([①②③④⑤⑥⑦⑧⑨⑩])(.*)$/, '2', 3],
];

/** Lists 1 (一、（一）1.（1）) and 2 (① at the fourth level), as Word writes a 讲话稿's outline numbering. */
export const OUTLINE_NUMBERING = numberingXml(
  [
    { id: '0', levels: [[0, 'chineseCounting', '%1、'], [1, 'chineseCounting', '（%2）'], [2, 'decimal', '%3.'], [3, 'decimal', '（%4）']] },
    { id: '1', levels: [[0, 'chineseCounting', '%1、'], [1, 'chineseCounting', '（%2）'], [2, 'decimal', '%3.'], [3, 'decimalEnclosedCircle', '%4']] },
  ],
  [{ numId: '1', abstractId: '0' }, { numId: '2', abstractId: '1' }],
);

/**
 * A plain-text 讲话稿 as Word holds it: its 一、 （一） 1. （1） ① lines become
 * paragraphs of a list at their level, the label taken out of their text.
 */
export function asWordParagraphs(text: string): DocxParagraph[] {
  const out: DocxParagraph[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/^[\s\u3000]+/, '').trimEnd();
    if (!line) continue;
    const hit = WRITTEN.map(([re, numId, ilvl]) => ({ m: re.exec(line), numId, ilvl })).find((x) => x.m);
    out.push(hit ? { text: hit.m![2]!, numId: hit.numId, ilvl: hit.ilvl } : { text: line });
  }
  return out;
}
