// `--explain`: the outline the parser found, with line numbers, as text.
import type { Manuscript, Section, Speech } from './types.js';

export function explainOutline(speech: Speech, ms: Manuscript): string {
  const m = speech.meta;
  const lines: string[] = [];
  lines.push(`${ms.path} (${ms.encoding}, ${m.lang})`);
  lines.push(`  title     ${m.title}${m.subtitle ? ` — ${m.subtitle}` : ''}`);
  lines.push(`  speaker   ${m.speaker ? [m.speaker.role, m.speaker.name].filter(Boolean).join(' ') : '(none)'}`);
  lines.push(`  date      ${m.date ?? '(none)'}`);
  if (m.occasion) lines.push(`  occasion  ${m.occasion}`);
  if (m.salutation) lines.push(`  salutation ${m.salutation}`);
  const at = (a: number, b: number) => (a === b ? `${a}` : `${a}-${b}`).padStart(7);
  if (speech.preamble.length) {
    const p = speech.preamble;
    lines.push(`${at(p[0]!.source.startLine, p[p.length - 1]!.source.endLine)}  (opening, ${p.length} paragraph${p.length > 1 ? 's' : ''})`);
  }
  const walk = (s: Section) => {
    const tag = s.inline ? '' : '  [own line]';
    lines.push(`${at(s.source.startLine, s.source.endLine)}  ${'  '.repeat(s.level - 1)}${s.number} ${s.heading}${tag}`);
    s.children.forEach(walk);
  };
  speech.sections.forEach(walk);
  if (speech.closing.length) {
    const c = speech.closing;
    lines.push(`${at(c[0]!.source.startLine, c[c.length - 1]!.source.endLine)}  (closing) ${c[0]!.text.slice(0, 30)}`);
  }
  return lines.join('\n');
}
