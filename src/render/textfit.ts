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
 * Width of one character in em, on the generous side of the faces the PowerPoint
 * writer names (Microsoft YaHei and SimSun for Chinese, Arial and Times New Roman
 * for Latin): a face that runs wider than the estimate must still fit.
 */
export function emWidth(ch: string): number {
  if (FULL.test(ch)) return 1;
  if (ch === ' ') return 0.28;
  if (/[A-Z]/.test(ch)) return ch === 'M' || ch === 'W' ? 0.9 : 0.7;
  if (/[a-z]/.test(ch)) return ch === 'm' || ch === 'w' ? 0.82 : /[iljtf]/.test(ch) ? 0.3 : 0.54;
  if (/[0-9]/.test(ch)) return 0.56;
  if (/[.,:;'!|]/.test(ch)) return 0.3;
  // Other Latin punctuation and symbols; anything else (Greek, Cyrillic, accented Latin) as a capital.
  return /[\x21-\x7e]/.test(ch) ? 0.5 : 0.7;
}

export function textWidthEm(text: string): number {
  let w = 0;
  for (const ch of text) w += emWidth(ch);
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

/** How many lines `text` takes at `sizePx` in a box `widthPx` wide (greedy, as layout engines wrap). */
export function lineCount(text: string, sizePx: number, widthPx: number): number {
  if (!text) return 1;
  const room = widthPx / sizePx;
  let lines = 1;
  let used = 0;
  for (const unit of breakUnits(text)) {
    const w = textWidthEm(unit.trimEnd());
    const withSpace = textWidthEm(unit);
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

/** The widest line's width in em when `text` is set without wrapping. */
export function widestEm(text: string): number {
  return Math.max(0, ...text.split('\n').map(textWidthEm));
}
