// One reader per kind of manuscript, chosen by the file's extension and checked
// against its first bytes: a Word file saved with a .txt name, an old .doc, a
// password-protected document or a PDF each get one clear line, not a guess.
// Every reader turns bytes into the same thing: text the parser reads.
import { extname } from 'node:path';
import { SpeechdeckError } from '../errors.js';
import type { InputWarning, Manuscript } from '../types.js';
import { decodeBytes } from './decode.js';
import { MAX_BYTES, MAX_DOCX_BYTES } from './limits.js';
import { docxToText } from './docx.js';
import { readMarkdown } from './markdown.js';

export interface Read extends Pick<Manuscript, 'meta' | 'headings' | 'asides' | 'breaks' | 'places' | 'titleHint'> {
  text: string;
  /** The text encoding the bytes were in; `docx` for a Word file. */
  encoding: string;
  warnings?: InputWarning[];
}

interface Reader {
  kind: 'text' | 'markdown' | 'docx';
  extensions: string[];
  /** The largest file it takes, checked before reading (limits.ts says why each). */
  maxBytes: number;
  read(bytes: Uint8Array, path: string): Promise<Read>;
}

export const READERS: Reader[] = [
  { kind: 'text', extensions: ['.txt', '.text'], maxBytes: MAX_BYTES, read: async (bytes, path) => decodeBytes(bytes, path) },
  {
    kind: 'markdown',
    extensions: ['.md', '.markdown'],
    maxBytes: MAX_BYTES,
    read: async (bytes, path) => {
      const d = decodeBytes(bytes, path);
      const md = readMarkdown(d.text, path);
      return { ...d, text: md.text, headings: md.headings, asides: md.asides, breaks: md.breaks, ...(md.meta ? { meta: md.meta } : {}) };
    },
  },
  {
    kind: 'docx',
    extensions: ['.docx'],
    maxBytes: MAX_DOCX_BYTES,
    read: async (bytes, path) => {
      const { text, headings, asides, title } = await docxToText(bytes, path);
      return { text, encoding: 'docx', headings, asides, places: 'paragraphs', ...(title ? { titleHint: title } : {}) };
    },
  },
];

/** Extensions a folder of manuscripts is scanned for. */
export const MANUSCRIPT_EXTENSIONS = READERS.flatMap((r) => r.extensions);

/** What the first bytes say a file is, whatever its name. */
type Content = 'zip' | 'ole' | 'pdf' | 'other';

const MAGIC: Array<[Content, number[]]> = [
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
  ['ole', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
];

export function sniff(bytes: Uint8Array): Content {
  for (const [kind, magic] of MAGIC) if (magic.every((b, i) => bytes[i] === b)) return kind;
  return 'other';
}

/** An OLE file holding an encrypted Office document (a password-protected .docx is one). */
function encrypted(bytes: Uint8Array): boolean {
  const name = Buffer.from('EncryptionInfo', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(name);
}

const SAVE_AS_DOCX = 'Open it in Word or WPS and save it as .docx (or save the speech as plain text, .txt).';

/** Files no reader takes, by what they are: one line each. */
const REFUSALS: Array<{ when: (ext: string, content: Content, bytes: Uint8Array) => boolean; message: string; hint: string }> = [
  { when: (_, c, b) => c === 'ole' && encrypted(b), message: 'is a password-protected document, which speechdeck cannot open.', hint: 'Remove the password in Word or WPS (File → Info → Protect Document), then save it as .docx.' },
  { when: (e, c) => c === 'ole' || e === '.doc' || e === '.wps' || e === '.dot' || e === '.wpt', message: 'is an old binary Word or WPS document (.doc, .wps), which speechdeck cannot read.', hint: SAVE_AS_DOCX },
  { when: (e, c) => c === 'pdf' || e === '.pdf', message: 'is a PDF; speechdeck reads the speech as written, not a printout.', hint: SAVE_AS_DOCX },
  { when: (e, c) => c === 'zip' && e !== '.docx', message: 'is a zip archive, not text (a Word .docx file under another name?).', hint: 'If it is a Word file, rename it to .docx; else give the speech as .txt, .md or .docx.' },
  { when: (e, c) => e === '.docx' && c !== 'zip', message: 'is not a readable Word file (a .docx is a zip archive; this one is not).', hint: 'Open it in Word or WPS and save it again as .docx.' },
];

/** The reader a file's name asks for. (Any other name is read as text: a speech saved as `讲话稿` with no extension is still one.) */
export function readerFor(path: string): Reader {
  const ext = extname(path).toLowerCase();
  return READERS.find((r) => r.extensions.includes(ext)) ?? READERS[0]!;
}

/** The manuscript's text, by the reader its extension names, once its content agrees. */
export async function readBytes(bytes: Uint8Array, path: string): Promise<Read> {
  const content = sniff(bytes);
  const refused = REFUSALS.find((r) => r.when(extname(path).toLowerCase(), content, bytes));
  if (refused) throw new SpeechdeckError('input', refused.message, { file: path, hint: refused.hint });
  return readerFor(path).read(bytes, path);
}
