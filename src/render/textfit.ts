// How much room a text takes when another program lays it out (PowerPoint, WPS,
// LibreOffice), estimated from character classes: the PowerPoint writer cannot
// measure in the faces it names (they are not here), so it sizes text by this
// model, with a margin, and never relies on the viewer's shrink-on-overflow.
// Pure: no fonts, no browser.

/** Full-width: CJK ideographs, kana, hangul, full-width forms and CJK punctuation. */
const FULL = /[\u1100-\u11ff\u2e80-\u303f\u3040-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u2018\u2019\u201c\u201d\u2014\u2026\u00b7]/u;
/** Never at the start of a line (they stay with what comes before). */
const NO_START = new Set([...'，。、；：！？）》」』〉】”’…—·%％,.;:!?)]}']);
/** Never at the end of a line (they stay with what follows). */
const NO_END = new Set([...'（《「『〈【“‘([{']);

/**
 * Width of one character in em. Full-width characters are 1 em in every Chinese
 * face; Latin is on the generous side of the faces the PowerPoint writer names
 * (Arial, Times New Roman, Microsoft YaHei's Latin): a face that runs wider than
 * the estimate must still fit.
 */
export function emWidth(ch: string): number {
  if (FULL.test(ch)) return 1;
  if (ch === ' ') return 0.28;
  if (/[A-Z]/.test(ch)) return ch === 'M' || ch === 'W' ? 0.9 : ch === 'I' ? 0.34 : ch === 'J' ? 0.45 : 0.7;
  if (/[a-z]/.test(ch)) return ch === 'm' || ch === 'w' ? 0.82 : /[iljtf]/.test(ch) ? 0.3 : 0.54;
  if (/[0-9]/.test(ch)) return 0.56;
  if (/[.,:;'!|]/.test(ch)) return 0.3;
  // Other Latin punctuation and symbols; anything else (Greek, Cyrillic, accented Latin) as a capital.
  return /[\x21-\x7e]/.test(ch) ? 0.5 : 0.7;
}

/**
 * The advance widths (em) of one face the browser draws with, for the characters
 * it sets proportionally (render/latin-widths.ts); full-width characters are 1 em.
 */
export type Face = Record<string, number>;

/** A run of Latin text sets a little narrower than its advance widths add up to (0.3%, measured on titles) (kerning pairs: "We", "ke", "y "). */
const KERNED = 0.997;

/**
 * Width of a text in em. Without a face, the generous model of the faces another
 * program may use, and where Chinese meets Latin letters or digits (共有186名) a
 * quarter em: WPS and LibreOffice put a little space there. With a face: its own
 * widths, as Chromium sets them.
 */
export function textWidthEm(text: string, face?: Face): number {
  let w = 0;
  let prev = '';
  for (const ch of text) {
    w += face ? (face[ch] !== undefined ? face[ch] * KERNED : FULL.test(ch) ? 1 : emWidth(ch)) : emWidth(ch);
    if (!face && prev && /[A-Za-z0-9]/.test(ch) !== /[A-Za-z0-9]/.test(prev) && (FULL.test(ch) || FULL.test(prev))) w += 0.25;
    prev = ch;
  }
  return w;
}

/**
 * Units a line may break between: each full-width character on its own, each Latin
 * word with the space after it; closing punctuation stays with what is before it,
 * opening punctuation with what follows (as PowerPoint's East Asian line breaking
 * keeps them).
 */
function breakUnits(text: string): string[] {
  const units: string[] = [];
  let cur = '';
  for (const ch of text) {
    const prev = cur.slice(-1);
    const full = FULL.test(ch) && !NO_START.has(ch);
    if (cur === '') cur = ch;
    else if (NO_START.has(ch) || NO_END.has(prev)) cur += ch;
    else if (ch === ' ') {
      cur += ch;
      units.push(cur);
      cur = '';
    } else if (full || (FULL.test(prev) && !NO_END.has(prev))) {
      units.push(cur);
      cur = ch;
    } else cur += ch;
  }
  if (cur) units.push(cur);
  return units;
}

/** How many lines `text` takes at `sizePx` in a box `widthPx` wide (greedy, as layout engines wrap), in the generous model or in `face`. */
export function lineCount(text: string, sizePx: number, widthPx: number, face?: Face): number {
  return text ? unitLineCount(breakUnits(text), sizePx, widthPx, face) : 1;
}

/**
 * How many lines `units` take, a line breaking only between them (the HTML deck's
 * Chinese text breaks only between phrases: keep-all and <wbr>); a unit wider than
 * the line is broken inside.
 */
export function unitLineCount(units: string[], sizePx: number, widthPx: number, face?: Face): number {
  const room = widthPx / sizePx;
  let lines = 1;
  let used = 0;
  for (const unit of units) {
    const w = textWidthEm(unit.trimEnd(), face);
    const withSpace = textWidthEm(unit, face);
    if (used > 0 && used + w > room) {
      lines++;
      used = 0;
    }
    if (w > room) {
      // A word wider than the line is broken inside (overflow-wrap: anywhere).
      lines += Math.ceil(w / room) - 1;
      used = w % room;
    } else used += withSpace;
  }
  return lines;
}

/**
 * The units filled into lines at most `room` em wide, each line taking as many as
 * fit; null when one unit alone is wider than the line.
 */
function fillLines(units: string[], room: number): string[] | null {
  const lines: string[] = [];
  let cur = '';
  for (const u of units) {
    if (textWidthEm(u.trimEnd()) > room) return null;
    if (cur && textWidthEm((cur + u).trimEnd()) > room) {
      lines.push(cur);
      cur = u;
    } else cur += u;
  }
  if (cur) lines.push(cur);
  return lines;
}

/**
 * `text` broken into lines between phrases (`units`: jieba's words for Chinese, words
 * for English), as few lines as greedy filling gives, then balanced: the narrowest
 * width that still gives that many lines, so a title never ends on one character
 * alone (职 / 责). The lines put together are the text (a space stays at the end of
 * its line, for a user who removes the break). Null when a phrase is wider than the
 * line (left to the viewer).
 */
export function balancedLines(units: string[], sizePx: number, widthPx: number): string[] | null {
  const room = widthPx / sizePx;
  const first = fillLines(units, room);
  if (!first || first.length <= 1) return first;
  let lo = 0;
  let hi = room;
  let best = first;
  for (let k = 0; k < 24; k++) {
    const mid = (lo + hi) / 2;
    const lines = fillLines(units, mid);
    if (lines && lines.length === first.length) {
      best = lines;
      hi = mid;
    } else lo = mid;
  }
  return best;
}

/**
 * `text` broken into lines between phrases, each line filled as far as it goes (as
 * the HTML deck's bullets are), but never leaving less than three characters' width
 * alone on the last line: the lines are made a little shorter until the last one
 * has company. Null when a phrase is wider than the line.
 */
export function filledLines(units: string[], sizePx: number, widthPx: number): string[] | null {
  const room = widthPx / sizePx;
  const first = fillLines(units, room);
  if (!first || first.length < 2) return first;
  for (let k = 0.99; k >= 0.8; k -= 0.01) {
    if (textWidthEm(first.at(-1)!.trim()) >= 3) break;
    const lines = fillLines(units, room * k);
    if (!lines || lines.length !== first.length) break;
    if (textWidthEm(lines.at(-1)!.trim()) >= 3) return lines;
  }
  return first;
}

/** The widest line's width in em when `text` is set without wrapping. */
export function widestEm(text: string): number {
  return Math.max(0, ...text.split('\n').map((line) => textWidthEm(line)));
}
