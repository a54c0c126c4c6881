// The .pptx package as pptxgenjs leaves it, finished: the speaker notes written
// as paragraphs in the deck's language, the faces put in their slots, and the
// known causes of PowerPoint's "repair" prompt in pptxgenjs output taken out
// (gitbrent/PptxGenJS#1441–1444, #1449): content types naming parts that do not
// exist, a notes master whose placeholders PowerPoint strips (and that shares the
// slides' theme), solid backgrounds without an effect list, shapes without a text
// body; and paragraph properties written again before each run of a paragraph.
// Every change is made on the parsed XML (element by element), never by scanning
// text: the manuscript's words are in these parts, escaped once.
import type JSZipType from 'jszip';

// jszip and xmldom are loaded when a package is first finished, not when the program starts.
let xml: typeof import('@xmldom/xmldom') | undefined;
let JSZip: typeof JSZipType;
async function loadLibs(): Promise<void> {
  xml ??= await import('@xmldom/xmldom');
  JSZip ??= (await import('jszip')).default;
}
import type { Aspect } from '../types.js';

const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const P = 'http://schemas.openxmlformats.org/presentationml/2006/main';
const CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
const REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface NotesPage {
  /** The notes, a paragraph each (already free of characters XML cannot hold). */
  paragraphs: string[];
}

export interface PackageOptions {
  notes: NotesPage[];
  lang: string;
  aspect: Aspect;
  /** Each East Asian face the slides name, with the Latin face for its Latin and complex-script slots. */
  faces: ReadonlyArray<{ latin: string; ea: string }>;
  /** The bullets' colour (the theme's second accent). */
  bulletColour: string;
  /** The date the file states, in its properties and zip entries. */
  date: Date;
}

/** Escaped once, for an XML text node or attribute value. */
export function xmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function parse(text: string): Document {
  return new xml!.DOMParser().parseFromString(text, 'text/xml') as unknown as Document;
}

function serialize(doc: Document): string {
  const out = new xml!.XMLSerializer().serializeToString(doc as unknown as Parameters<InstanceType<typeof import('@xmldom/xmldom').XMLSerializer>['serializeToString']>[0]);
  return out.startsWith('<?xml') ? out : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${out}`;
}

function elements(doc: Document | Element, ns: string, local: string): Element[] {
  return Array.from(doc.getElementsByTagNameNS(ns, local));
}

function children(el: Element, ns: string, local: string): Element[] {
  return Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === local);
}

/** Notes page geometry (EMU) on the standard 7.5 × 10 in notes page: the slide's picture above, the notes below. */
function notesGeometry(aspect: Aspect): { img: [number, number, number, number]; body: [number, number, number, number] } {
  return aspect === '4:3'
    ? { img: [685800, 685800, 5486400, 4114800], body: [685800, 5029200, 5486400, 3429000] }
    : { img: [685800, 1143000, 5486400, 3086100], body: [685800, 4400550, 5486400, 3600450] };
}

/** One notes page, written whole: the slide's picture and its notes, a paragraph each. */
function notesXml(page: NotesPage, opts: PackageOptions): string {
  const g = notesGeometry(opts.aspect);
  const xfrm = ([x, y, w, h]: number[]) => `<a:xfrm><a:off x="${x}" y="${y}"/><a:ext cx="${w}" cy="${h}"/></a:xfrm>`;
  const face = opts.faces[0]!;
  const rPr = `<a:rPr lang="${opts.lang}" altLang="en-US" sz="1200" dirty="0"><a:latin typeface="${xmlText(face.latin)}"/><a:ea typeface="${xmlText(face.ea)}"/><a:cs typeface="${xmlText(face.latin)}"/></a:rPr>`;
  const paras = page.paragraphs.length
    ? page.paragraphs.map((t) => `<a:p><a:r>${rPr}<a:t>${xmlText(t)}</a:t></a:r></a:p>`).join('')
    : `<a:p><a:endParaRPr lang="${opts.lang}" dirty="0"/></a:p>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<p:notes xmlns:a="${A}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="${P}">` +
    `<p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>` +
    `<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>` +
    `<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr>` +
    `<p:spPr>${xfrm(g.img)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln w="12700"><a:solidFill><a:prstClr val="black"/></a:solidFill></a:ln></p:spPr></p:sp>` +
    `<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes Placeholder 2"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr>` +
    `<p:spPr>${xfrm(g.body)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>` +
    `<p:txBody><a:bodyPr vert="horz" lIns="91440" tIns="45720" rIns="91440" bIns="45720" rtlCol="0"><a:normAutofit/></a:bodyPr><a:lstStyle/>${paras}</p:txBody></p:sp>` +
    `</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>`
  );
}

/** Slides: effect lists on solid backgrounds, text bodies on every shape, faces in their slots, bullets in the theme's colour. */
function finishSlide(doc: Document, opts: PackageOptions): void {
  for (const bgPr of elements(doc, P, 'bgPr')) {
    if (children(bgPr, A, 'effectLst').length === 0) bgPr.appendChild(doc.createElementNS(A, 'a:effectLst'));
  }
  // One paragraph-properties element a paragraph, first in it: pptxgenjs writes one
  // before every run of a paragraph of several runs (a figure set off in a bullet, a
  // line break), which the schema does not allow.
  for (const para of elements(doc, A, 'p')) {
    const props = children(para, A, 'pPr');
    for (const extra of props.slice(1)) para.removeChild(extra);
    const first = props[0];
    if (first && para.firstChild !== first) para.insertBefore(first, para.firstChild);
  }
  // An empty line element: no outline, said (an empty <a:ln/> is one of the repair prompts' causes).
  for (const ln of elements(doc, A, 'ln')) {
    if (ln.childNodes.length === 0 && !ln.hasAttribute('w')) ln.appendChild(doc.createElementNS(A, 'a:noFill'));
  }
  for (const sp of elements(doc, P, 'sp')) {
    if (children(sp, P, 'txBody').length) continue;
    const body = doc.createElementNS(P, 'p:txBody');
    body.appendChild(doc.createElementNS(A, 'a:bodyPr'));
    body.appendChild(doc.createElementNS(A, 'a:lstStyle'));
    const p = doc.createElementNS(A, 'a:p');
    const end = doc.createElementNS(A, 'a:endParaRPr');
    end.setAttribute('lang', opts.lang);
    p.appendChild(end);
    body.appendChild(p);
    sp.appendChild(body);
  }
  // pptxgenjs names one face in all three slots: the Latin and complex-script ones get the Latin face.
  const latinOf = new Map(opts.faces.map((f) => [f.ea, f.latin]));
  for (const local of ['latin', 'ea', 'cs']) {
    for (const el of elements(doc, A, local)) {
      const latin = local === 'ea' ? undefined : latinOf.get(el.getAttribute('typeface') ?? '');
      if (latin) el.setAttribute('typeface', latin);
      el.removeAttribute('charset');
      el.removeAttribute('pitchFamily');
    }
  }
  // Every run in the deck's language (pptxgenjs writes en-US on the slide number and on empty paragraphs).
  for (const local of ['rPr', 'endParaRPr', 'defRPr']) for (const el of elements(doc, A, local)) el.setAttribute('lang', opts.lang);
  for (const bu of elements(doc, A, 'buChar')) {
    const pPr = bu.parentNode as Element;
    const size = children(pPr, A, 'buSzPct')[0];
    if (size) size.setAttribute('val', '90000');
    const clr = doc.createElementNS(A, 'a:buClr');
    const rgb = doc.createElementNS(A, 'a:srgbClr');
    rgb.setAttribute('val', opts.bulletColour);
    clr.appendChild(rgb);
    // Schema order: spacing, then bullet colour, size, face, character.
    pPr.insertBefore(clr, size ?? children(pPr, A, 'buFont')[0] ?? bu);
  }
}

/** The notes master, empty of the placeholders PowerPoint strips: the notes pages carry their own geometry. */
function finishNotesMaster(doc: Document): void {
  for (const tree of elements(doc, P, 'spTree')) {
    for (const sp of children(tree, P, 'sp')) tree.removeChild(sp);
  }
}

/** Theme fonts: the major (titles) and minor (text) faces in their Latin and East Asian slots, for text a user adds. */
function finishTheme(doc: Document, major: { latin: string; ea: string }, minor: { latin: string; ea: string }): void {
  for (const [local, face] of [['majorFont', major], ['minorFont', minor]] as const) {
    for (const el of elements(doc, A, local)) {
      children(el, A, 'latin')[0]?.setAttribute('typeface', face.latin);
      children(el, A, 'ea')[0]?.setAttribute('typeface', face.ea);
      for (const script of children(el, A, 'font')) if (script.getAttribute('script') === 'Hans') script.setAttribute('typeface', face.ea);
    }
  }
}

export async function finishPackage(bytes: Uint8Array, opts: PackageOptions & { major?: { latin: string; ea: string } }): Promise<Uint8Array> {
  await loadLibs();
  const zip = await JSZip.loadAsync(bytes);
  // XML parts as text (to parse), everything else (the logo) as bytes, untouched.
  const parts = new Map<string, string>();
  const binary = new Map<string, Uint8Array>();
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name]!.dir) continue;
    if (/\.(?:xml|rels)$/.test(name)) parts.set(name, await zip.file(name)!.async('string'));
    else binary.set(name, await zip.file(name)!.async('uint8array'));
  }
  const has = (name: string) => parts.has(name) || binary.has(name);

  // Notes pages, written whole from the deck.
  opts.notes.forEach((page, i) => parts.set(`ppt/notesSlides/notesSlide${i + 1}.xml`, notesXml(page, opts)));
  for (const [name, xml] of parts) {
    if (/^ppt\/slides\/slide\d+\.xml$/.test(name)) {
      const doc = parse(xml);
      finishSlide(doc, opts);
      parts.set(name, serialize(doc));
    }
  }
  // The notes master: no placeholders, and a theme of its own (PowerPoint's own files have one).
  const master = parts.get('ppt/notesMasters/notesMaster1.xml');
  if (master) {
    const doc = parse(master);
    finishNotesMaster(doc);
    parts.set('ppt/notesMasters/notesMaster1.xml', serialize(doc));
    const relsName = 'ppt/notesMasters/_rels/notesMaster1.xml.rels';
    const rels = parts.get(relsName);
    const theme = parts.get('ppt/theme/theme1.xml');
    if (rels && theme && !parts.has('ppt/theme/theme2.xml')) {
      const r = parse(rels);
      for (const rel of elements(r, REL, 'Relationship')) if (rel.getAttribute('Target') === '../theme/theme1.xml') rel.setAttribute('Target', '../theme/theme2.xml');
      parts.set(relsName, serialize(r));
      parts.set('ppt/theme/theme2.xml', theme);
    }
  }
  const minor = opts.faces[0]!;
  for (const name of ['ppt/theme/theme1.xml', 'ppt/theme/theme2.xml']) {
    const xml = parts.get(name);
    if (!xml) continue;
    const doc = parse(xml);
    finishTheme(doc, opts.major ?? minor, minor);
    parts.set(name, serialize(doc));
  }
  // Content types: an override for every part there is (and only those), a default only for extensions used.
  const types = parse(parts.get('[Content_Types].xml')!);
  const root = types.documentElement!;
  for (const o of elements(types, CT, 'Override')) {
    if (!has((o.getAttribute('PartName') ?? '').replace(/^\//, ''))) root.removeChild(o);
  }
  const used = new Set([...parts.keys(), ...binary.keys()].map((n) => n.split('.').pop()!.toLowerCase()));
  for (const d of elements(types, CT, 'Default')) {
    if (!used.has((d.getAttribute('Extension') ?? '').toLowerCase())) root.removeChild(d);
  }
  const overridden = new Set(elements(types, CT, 'Override').map((o) => o.getAttribute('PartName')));
  if (parts.has('ppt/theme/theme2.xml') && !overridden.has('/ppt/theme/theme2.xml')) {
    const o = types.createElementNS(CT, 'Override');
    o.setAttribute('PartName', '/ppt/theme/theme2.xml');
    o.setAttribute('ContentType', 'application/vnd.openxmlformats-officedocument.theme+xml');
    root.appendChild(o);
  }
  parts.set('[Content_Types].xml', serialize(types));
  // The file's dates: the deck's, not the moment it was built.
  const core = parts.get('docProps/core.xml');
  if (core) {
    const doc = parse(core);
    const iso = opts.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
    for (const local of ['created', 'modified']) for (const el of elements(doc, 'http://purl.org/dc/terms/', local)) el.textContent = iso;
    parts.set('docProps/core.xml', serialize(doc));
  }
  // A new zip, content types first, every entry with the same date: the same deck gives the same bytes.
  const out = new JSZip();
  const names = ['[Content_Types].xml', ...[...parts.keys(), ...binary.keys()].filter((n) => n !== '[Content_Types].xml')];
  for (const name of names) out.file(name, parts.get(name) ?? binary.get(name)!, { date: opts.date, createFolders: false });
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
