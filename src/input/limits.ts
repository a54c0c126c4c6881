// Limits on what one manuscript may be. A long speech is about 20,000
// characters and 60 slides; these are ten times that and more, so no real speech
// meets them, while a pasted book or a wrong file is refused at once, in one
// line, instead of running for minutes and gigabytes.
import { SpeechdeckError } from '../errors.js';

/** Characters per manuscript (after decoding): about ten long speeches. */
export const MAX_CHARS = 200_000;

/**
 * Bytes per file, checked before reading or decoding. Every encoding read takes
 * at most 4 bytes a character (UTF-8, GB18030; UTF-16 2 or 4), so a bigger file
 * cannot be within MAX_CHARS whatever its encoding (800 KB; a long speech is
 * 60 KB in UTF-8).
 */
export const MAX_BYTES = 4 * MAX_CHARS;

/**
 * Bytes per Word file: a .docx carries its images, fonts and styles beside the text
 * (a speech with a logo in its header is easily 1–2 MB), so its text is checked
 * after it is read (MAX_CHARS), and the file only against this.
 */
export const MAX_DOCX_BYTES = 30_000_000;

/** The most a Word document's main part may take unpacked: past this it is a zip bomb, not a speech. */
export const MAX_DOCX_XML_BYTES = 50_000_000;

/** Slides per deck, checked after planning. */
export const MAX_SLIDES = 400;

const HINT = 'Split it into several manuscripts, or check that it is the right file.';

const n = (x: number) => x.toLocaleString('en-US');

/** Decimal units, rounded up below 1 MB so that a file just over the limit never reads as equal to it. */
function size(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.ceil(bytes / 1000)} KB`;
}

/** Before reading or decoding: a file of `bytes` bytes. */
export function checkByteSize(bytes: number, file: string, max = MAX_BYTES): void {
  if (bytes > max) {
    throw new SpeechdeckError(
      'input',
      max === MAX_BYTES
        ? `the file is too large for a manuscript (${size(bytes)}; at most ${size(MAX_BYTES)}, about ${n(MAX_CHARS)} characters).`
        : `the file is too large for a manuscript (${size(bytes)}; at most ${size(max)}).`,
      { file, hint: HINT },
    );
  }
}

/** Right after decoding. */
export function checkCharCount(text: string, file: string): void {
  // Code units ≥ code points, so only a text over the limit in units is counted exactly.
  if (text.length <= MAX_CHARS) return;
  let count = 0;
  for (const _ of text) count++;
  if (count > MAX_CHARS) {
    throw new SpeechdeckError('input', `the manuscript has ${n(count)} characters; the limit is ${n(MAX_CHARS)}.`, { file, hint: HINT });
  }
}

/** After planning: a deck of `count` slides. */
export function checkSlideCount(count: number, file: string): void {
  if (count > MAX_SLIDES) {
    throw new SpeechdeckError('input', `the manuscript makes ${n(count)} slides; the limit is ${n(MAX_SLIDES)} slides a deck.`, { file, hint: HINT });
  }
}
