// Markdown manuscripts: marked's lexer finds the blocks; each block's markup is
// removed line by line, so the text keeps its line numbers (source ranges stay
// true) and the parser reads it like any plain manuscript.
import { marked, type Token } from 'marked';

/** `**要**抓好[落实](x)` → `要抓好落实`. */
function inline(line: string): string {
  return line
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\1(?![\w*])/g, '$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1');
}

function block(t: Token): string {
  const lines = t.raw.split('\n');
  switch (t.type) {
    case 'heading':
      return lines.map((l) => inline(l.replace(/^\s{0,3}#{1,6}\s*/, '').replace(/\s+#+\s*$/, '').replace(/^[=-]{2,}\s*$/, ''))).join('\n');
    case 'list':
      // Bullets go; numbers stay (`1.` is outline numbering the parser reads).
      return lines.map((l) => inline(l.replace(/^\s*[-*+]\s+(\[[ xX]\]\s+)?/, ''))).join('\n');
    case 'blockquote':
      return lines.map((l) => inline(l.replace(/^\s*>\s?/, ''))).join('\n');
    case 'hr':
      return lines.map(() => '').join('\n');
    case 'code':
      return t.raw.replace(/^(```|~~~).*$/gm, '');
    default:
      return lines.map(inline).join('\n');
  }
}

export function markdownToText(md: string): string {
  return marked.lexer(md).map(block).join('');
}
