import chardet from 'chardet';
import { SpeechdeckError } from '../errors.js';
import type { InputWarning } from '../types.js';
import { checkByteSize, checkCharCount } from './limits.js';

/**
 * Bytes → text, decided with confidence, never guessed:
 *
 * 1. A byte-order mark is a claim that the content must bear out (a UTF-16 mark
 *    before text that is clearly not UTF-16 is ignored, with a warning).
 * 2. UTF-8, also with a few invalid bytes: they become U+FFFD and a warning names
 *    their lines (UTF-8 is recognisable by its many valid multi-byte sequences,
 *    which other encodings almost never make).
 * 3. A detector's confident answer (chardet); GB18030 for any Chinese code page,
 *    since it decodes GB2312 and GBK alike. A short GBK file that the detector
 *    cannot judge is recognised by its structure (GB2312 hanzi and punctuation).
 * 4. Anything else is an input error naming what was tried: a low-confidence
 *    guess would give a garbled deck.
 */
export function decodeBytes(bytes: Uint8Array, file: string): { text: string; encoding: string; warnings: InputWarning[] } {
  checkByteSize(bytes.length, file);
  const r = readBytes(bytes, file);
  if (r.text.includes('\u0000')) throw binary(file);
  const text = normaliseNewlines(r.text);
  checkCharCount(text, file);
  return { text, encoding: r.encoding, warnings: r.warnings };
}

interface Reading {
  encoding: string;
  text: string;
  warnings: InputWarning[];
}

/** Chardet's answer must be at least this sure (0–100). Real text scores 59–100; random bytes 1–5; UTF-8 with bad bytes read as Big5 44. */
export const MIN_CONFIDENCE = 50;

/** What the error message says was tried. */
const TRIED = 'UTF-8, UTF-16, GB18030, Big5 and others';

// Encodings that chardet may name for Chinese text; GB18030 is a superset of all.
const CHINESE = new Set(['GB2312', 'GBK', 'GB18030', 'GB_2312-80', 'HZ-GB-2312']);
// Multi-byte encodings read when chardet is sure: their structure makes a wrong guess unlikely.
const MULTIBYTE = new Set(['gb18030', 'big5', 'shift_jis', 'euc-jp', 'euc-kr', 'utf-8']);

const BOMS: Array<{ bytes: number[]; encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; name: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8', name: 'UTF-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le', name: 'UTF-16LE' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be', name: 'UTF-16BE' },
];

function readBytes(bytes: Uint8Array, file: string): Reading {
  const bom = BOMS.find((b) => b.bytes.every((x, i) => bytes[i] === x));
  if (!bom) {
    const r = readContent(bytes, file);
    if (r.reading) return r.reading;
    throw unknownEncoding(file, '', r.guess);
  }
  const rest = bytes.subarray(bom.bytes.length);
  const claimed = bom.encoding === 'utf-8' ? readUtf8(rest) : readUtf16(rest, bom.encoding === 'utf-16le', false);
  if (claimed) return claimed;
  // The content contradicts the mark: judge it on the content alone.
  const r = readContent(rest, file);
  if (!r.reading) throw unknownEncoding(file, `${bom.name} as its byte-order mark says, `, r.guess);
  r.reading.warnings.unshift({
    message: `the file starts with a ${bom.name} byte-order mark, but its text is not ${bom.name}; read as ${display(r.reading.encoding)}.`,
    lines: [],
  });
  return r.reading;
}

/** Bytes without a (believable) byte-order mark. */
function readContent(bytes: Uint8Array, file: string): { reading: Reading | null; guess?: { name: string; confidence: number } } {
  if (bytes.includes(0)) {
    // NULs: UTF-16 without a mark, or not text at all.
    const r = readUtf16(bytes, true, true) ?? readUtf16(bytes, false, true);
    if (r) return { reading: r };
    throw binary(file);
  }
  const utf8 = readUtf8(bytes);
  if (utf8) return { reading: utf8 };
  const guesses = chardet.analyse(bytes);
  const top = guesses[0];
  const topEncoding = top ? normalise(top.name) : '';
  const sure = !!top && top.confidence >= MIN_CONFIDENCE && supported(topEncoding);
  if (sure && MULTIBYTE.has(topEncoding)) {
    const r = readWith(bytes, topEncoding);
    if (r) return { reading: r };
  }
  // Short Chinese files are often too short for the detector; GBK shows in its structure.
  if (looksLikeGbk(bytes)) return { reading: readWith(bytes, 'gb18030') ?? decodeLoosely(bytes, 'gb18030') };
  if (sure && !MULTIBYTE.has(topEncoding)) return { reading: decodeLoosely(bytes, topEncoding) };
  return { reading: null, guess: top ? { name: top.name, confidence: top.confidence } : undefined };
}

function normalise(name: string): string {
  return CHINESE.has(name.toUpperCase()) ? 'gb18030' : name.toLowerCase();
}

function supported(encoding: string): boolean {
  try {
    new TextDecoder(encoding);
    return true;
  } catch {
    return false;
  }
}

/** `UTF-8`, `GB18030`, `windows-1252`: how messages name an encoding. */
function display(encoding: string): string {
  return /^(utf|gb|big|euc|shift)/.test(encoding) ? encoding.toUpperCase().replace('SHIFT_JIS', 'Shift_JIS') : encoding;
}

// ---- UTF-8 ----

/** At most one invalid sequence per this many valid multi-byte ones, for "UTF-8 with a few bad bytes". GBK text makes one per 2–5. */
const UTF8_VALID_PER_INVALID = 20;

/**
 * Valid UTF-8 → its text; UTF-8 with a few invalid sequences → its text with
 * U+FFFD for each (as TextDecoder does) and a warning with their lines; else null.
 */
function readUtf8(bytes: Uint8Array): Reading | null {
  const { validMulti, invalid } = scanUtf8(bytes);
  const text = new TextDecoder('utf-8').decode(bytes);
  if (!invalid.length) return { encoding: 'utf-8', text, warnings: [] };
  if (validMulti < UTF8_VALID_PER_INVALID * invalid.length) return null;
  const lines = [...new Set(byteLines(bytes, invalid))];
  const places = invalid.length === 1 ? 'one place' : `${invalid.length} places`;
  return {
    encoding: 'utf-8',
    text,
    warnings: [{ message: `bytes that are not valid UTF-8 in ${places} (${lineList(lines)}), read as "\uFFFD". Check those lines, or save the file as UTF-8 again.`, lines }],
  };
}

/** Counts valid multi-byte sequences and the offsets of invalid ones (maximal subparts, as the WHATWG decoder replaces them). */
export function scanUtf8(bytes: Uint8Array): { validMulti: number; invalid: number[] } {
  const invalid: number[] = [];
  let validMulti = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    }
    if (!need) {
      invalid.push(i++);
      continue;
    }
    let j = i + 1;
    for (let k = 0; k < need; k++, j++) {
      const c = bytes[j];
      const [l, h] = k === 0 ? [lo, hi] : [0x80, 0xbf];
      if (c === undefined || c < l || c > h) break;
    }
    if (j === i + 1 + need) validMulti++;
    else invalid.push(i);
    i = j;
  }
  return { validMulti, invalid };
}

/** 1-based lines (LF, CRLF and CR each end a line) of sorted byte offsets. */
function byteLines(bytes: Uint8Array, offsets: number[]): number[] {
  const out: number[] = [];
  let line = 1;
  let k = 0;
  for (let i = 0; i < bytes.length && k < offsets.length; i++) {
    while (k < offsets.length && offsets[k] === i) {
      out.push(line);
      k++;
    }
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return out;
}

/** `line 4` / `lines 4, 17, 230` / `lines 1, 2, … and 12 more`. */
function lineList(lines: number[]): string {
  const shown = lines.slice(0, 10).join(', ');
  const more = lines.length > 10 ? `, … and ${lines.length - 10} more` : '';
  return `${lines.length === 1 ? 'line' : 'lines'} ${shown}${more}`;
}

// ---- UTF-16 ----

/** A code unit that text in this tool's languages is made of. */
function plausibleUnit(u: number): boolean {
  return (
    u === 0x09 || u === 0x0a || u === 0x0d || u === 0x0c ||
    (u >= 0x20 && u <= 0x7e) ||
    (u >= 0xa0 && u <= 0x24f) || // Latin
    (u >= 0x370 && u <= 0x4ff) || // Greek, Cyrillic
    (u >= 0x2000 && u <= 0x27bf) || // punctuation, number forms, ①, arrows, symbols, shapes
    (u >= 0x2e80 && u <= 0x2fdf) || // CJK radicals
    (u >= 0x3000 && u <= 0x33ff) || // CJK punctuation, kana, enclosed
    (u >= 0x3400 && u <= 0x4dbf) || // CJK extension A
    (u >= 0x4e00 && u <= 0x9fff) || // CJK
    (u >= 0xac00 && u <= 0xd7af) || // Hangul
    (u >= 0xf900 && u <= 0xfaff) || // CJK compatibility
    (u >= 0xfe30 && u <= 0xfe4f) ||
    (u >= 0xff00 && u <= 0xffef) || // full-width forms
    u === 0xfeff || u === 0xfffd
  );
}

/** Units every real text of some length has (line break, space, 、。，：；) and ASCII read as UTF-16 never does (it makes no unit below U+0100, and 。is 02 30). */
const MARKERS = new Set([0x0a, 0x0d, 0x20, 0x3001, 0x3002, 0xff0c, 0xff1a, 0xff1b]);

/**
 * UTF-16 whose content bears it out: an even number of bytes, not all printable
 * ASCII, (almost) no unpaired
 * surrogates, at least 90% of code units in plausible text ranges and, past a few
 * units, a line break, space or Chinese punctuation. Without a mark, also some
 * ASCII, which is what the NULs suggested.
 */
function readUtf16(bytes: Uint8Array, le: boolean, noMark: boolean): Reading | null {
  if (bytes.length % 2) return null;
  // Plain ASCII text read in pairs makes CJK-looking units; real UTF-16 always has a byte outside printable ASCII.
  if (bytes.every((x) => (x >= 0x20 && x <= 0x7e) || x === 0x0a || x === 0x0d || x === 0x09)) return null;
  const n = bytes.length / 2;
  let plausible = 0;
  let unpaired = 0;
  let markers = 0;
  let ascii = 0;
  const unit = (i: number) => (le ? bytes[2 * i]! | (bytes[2 * i + 1]! << 8) : (bytes[2 * i]! << 8) | bytes[2 * i + 1]!);
  for (let i = 0; i < n; i++) {
    const u = unit(i);
    if (u >= 0xd800 && u <= 0xdbff && i + 1 < n) {
      const v = unit(i + 1);
      if (v >= 0xdc00 && v <= 0xdfff) {
        plausible += 2;
        i++;
        continue;
      }
    }
    if (u >= 0xd800 && u <= 0xdfff) unpaired++;
    else if (plausibleUnit(u)) plausible++;
    if (MARKERS.has(u)) markers++;
    if (u > 0 && u < 0x80) ascii++;
  }
  if (unpaired * 100 > n || plausible < 0.9 * n) return null;
  if (n >= 32 && !markers) return null;
  if (noMark && (ascii < 0.1 * n || n < 2)) return null;
  return decodeLoosely(bytes, le ? 'utf-16le' : 'utf-16be');
}

// ---- GBK / GB18030 and others ----

/**
 * GBK by structure: every byte of 0x81–0xFE starts a valid two- or four-byte
 * sequence, and at least 80% of the two-byte ones are GB2312 hanzi or
 * punctuation (lead A1–F7, trail A1–FE), as nearly all of a Chinese text is.
 * Random bytes or Western code pages come to 30% at most.
 */
function looksLikeGbk(bytes: Uint8Array): boolean {
  let seqs = 0;
  let core = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    if (b === 0x80 || b === 0xff) return false;
    const c = bytes[i + 1];
    if (c === undefined) return false;
    if (c >= 0x30 && c <= 0x39) {
      const d = bytes[i + 2];
      const e = bytes[i + 3];
      if (d === undefined || e === undefined || d < 0x81 || d > 0xfe || e < 0x30 || e > 0x39) return false;
      seqs++;
      i += 4;
      continue;
    }
    if (c < 0x40 || c === 0x7f || c === 0xff) return false;
    seqs++;
    if (b >= 0xa1 && b <= 0xf7 && c >= 0xa1) core++;
    i += 2;
  }
  return seqs > 0 && core >= 0.8 * seqs;
}

/** A multi-byte decode with at most one replacement per 50 non-ASCII characters (each warned about), else null. */
function readWith(bytes: Uint8Array, encoding: string): Reading | null {
  const r = decodeLoosely(bytes, encoding);
  let replaced = 0;
  let nonAscii = 0;
  for (let i = 0; i < r.text.length; i++) {
    const c = r.text.charCodeAt(i);
    if (c === 0xfffd) replaced++;
    else if (c >= 0x80) nonAscii++;
  }
  return replaced * 50 <= nonAscii ? r : null;
}

/** Decode, replacing what does not decode, with a warning naming its lines. */
function decodeLoosely(bytes: Uint8Array, encoding: string): Reading {
  const text = new TextDecoder(encoding).decode(bytes);
  const lines: number[] = [];
  let line = 1;
  let places = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) {
      places++;
      if (lines[lines.length - 1] !== line) lines.push(line);
    } else if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) line++;
  }
  const warnings: InputWarning[] = places
    ? [{ message: `bytes that are not valid ${display(encoding)} in ${places === 1 ? 'one place' : `${places} places`} (${lineList(lines)}), read as "\uFFFD". Check those lines, or save the file as UTF-8.`, lines }]
    : [];
  return { encoding, text, warnings };
}

// ---- errors ----

function unknownEncoding(file: string, claim: string, guess?: { name: string; confidence: number }): SpeechdeckError {
  const best = guess ? `; the best guess, ${guess.name}, is ${guess.confidence}% sure` : '';
  return new SpeechdeckError('input', `cannot tell the text encoding (tried ${claim}${TRIED}${best}).`, {
    file,
    hint: 'Save it as UTF-8 and try again.',
  });
}

function binary(file: string): SpeechdeckError {
  return new SpeechdeckError('input', 'this is not a text manuscript (it contains binary data).', {
    file,
    hint: 'Give a .docx, .txt or .md file.',
  });
}

export function normaliseNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}
