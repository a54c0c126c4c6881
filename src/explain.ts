// `--explain`: the outline the parser found, with line numbers, as text.
import type { Manuscript, Node, Speech } from './types.js';

const KIND: Record<string, string> = { numbered: '', ordinal: ' [ordinal]', announced: ' [announced list]', item: ' [list item]', parallel: ' [parallel]' };

/**
 * Where a line of a manuscript's text is, as its user names it: the line, or in a
 * Word file (a paragraph a line, a blank line between) the paragraph (¶ 7).
 */
export function placeOf(ms: Manuscript, line: number): number {
  if (ms.places !== 'paragraphs') return line;
  return ms.text.split('\n').slice(0, line).filter((l) => l.trim()).length;
}

/** `lines 12–14` / `paragraphs 6–7`. */
export function placesText(ms: Manuscript, from: number, to: number): string {
  const [a, b] = [placeOf(ms, from), placeOf(ms, to)];
  const word = ms.places === 'paragraphs' ? 'paragraph' : 'line';
  return a === b ? `${word} ${a}` : `${word}s ${a}–${b}`;
}

export function explainOutline(speech: Speech, ms: Manuscript): string {
  const m = speech.meta;
  const lines: string[] = [];
  lines.push(`${ms.path} (${ms.encoding}, ${m.lang}${ms.places === 'paragraphs' ? ', places are paragraphs' : ''})`);
  lines.push(`  title      ${m.title}${m.subtitle ? ` — ${m.subtitle}` : ''}`);
  lines.push(`  speaker    ${m.speaker ? [m.speaker.role, m.speaker.name].filter(Boolean).join(' ') : '(none)'}`);
  lines.push(`  date       ${m.date ?? '(none)'}`);
  if (m.occasion) lines.push(`  occasion   ${m.occasion}`);
  if (m.salutation) lines.push(`  salutation ${m.salutation}`);
  // (In a Word file, paragraphs: ¶ numbers, as Word's navigation counts them.)
  const pos = (n: number) => placeOf(ms, n);
  const at = (a: number, b: number) => (pos(a) === pos(b) ? `${pos(a)}` : `${pos(a)}-${pos(b)}`).padStart(7);
  const walk = (nodes: Node[], depth: number) => {
    for (const n of nodes) {
      if (n.type === 'paragraph') {
        lines.push(`${at(n.source.startLine, n.source.endLine)}  ${'  '.repeat(depth)}¶ ${n.text.slice(0, 24)}${n.text.length > 24 ? '…' : ''}`);
        continue;
      }
      const tag = (n.inline ? '' : ' [own line]') + KIND[n.kind];
      lines.push(`${at(n.source.startLine, n.source.endLine)}  ${'  '.repeat(depth)}${n.number ? n.number + ' ' : ''}${n.heading}${tag}`);
      if (n.list) lines.push(`         ${'  '.repeat(depth + 1)}items: ${n.list.map((x) => x.head).join(' · ')}`);
      walk(n.children, depth + 1);
    }
  };
  walk(speech.body, 0);
  for (const [what, c] of [['conclusion', speech.closing.conclusion], ['closing', [...speech.closing.words, ...speech.closing.signature]]] as const) {
    if (c.length) lines.push(`${at(c[0]!.source.startLine, c[c.length - 1]!.source.endLine)}  (${what}) ${c[0]!.text.slice(0, 30)}`);
  }
  return lines.join('\n');
}
