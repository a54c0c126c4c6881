import chardet from 'chardet';
import { SpeechdeckError } from '../errors.js';

// Encodings that chardet may name for Chinese text; GB18030 is a superset of all.
const CHINESE = new Set(['GB2312', 'GBK', 'GB18030', 'GB_2312-80', 'HZ-GB-2312']);

/**
 * Bytes → text. A BOM decides; otherwise valid UTF-8 wins (it almost never
 * validates by accident); otherwise chardet guesses, with GB18030 for any
 * Chinese code page since it decodes GB2312 and GBK alike.
 */
export function decodeBytes(bytes: Uint8Array, file: string): { text: string; encoding: string } {
  let encoding: string;
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    start = 3;
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    start = 2;
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    start = 2;
  } else if (isUtf8(bytes)) {
    encoding = 'utf-8';
  } else {
    const guess = chardet.detect(bytes) ?? '';
    encoding = CHINESE.has(guess.toUpperCase()) ? 'gb18030' : guess.toLowerCase();
    if (!encoding || encoding.startsWith('iso-8859') || encoding.startsWith('windows-125')) {
      // Short Chinese files often look like Latin-1 to a statistical detector;
      // a clean GB18030 decode is the better bet for this tool's inputs.
      encoding = decodesCleanly(bytes, 'gb18030') ? 'gb18030' : encoding || 'windows-1252';
    }
  }
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: false }).decode(bytes.subarray(start));
  } catch {
    throw new SpeechdeckError('input', `cannot decode the file (detected encoding "${encoding}").`, {
      file,
      hint: 'Save it as UTF-8 or GB18030 and try again.',
    });
  }
  if (text.includes('\u0000')) {
    throw new SpeechdeckError('input', 'this is not a text manuscript (it contains binary data).', {
      file,
      hint: 'Give a .txt or .md file; for Word files save as plain text.',
    });
  }
  return { text: normaliseNewlines(text), encoding };
}

function isUtf8(bytes: Uint8Array): boolean {
  return decodesCleanly(bytes, 'utf-8');
}

function decodesCleanly(bytes: Uint8Array, encoding: string): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function normaliseNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}
