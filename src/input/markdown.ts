// Markdown manuscripts: marked's lexer finds the blocks; each block's markup is
// removed line by line, so the text keeps its line numbers (source ranges stay
// true) and the parser reads it like any plain manuscript. What the markup says
// about structure is kept beside the text: `##` and `###` lines are headings
// (parts and their subsections) even without numbering, and YAML front matter
// (title, speaker, date …, checked with zod) says what the parser would guess.
import { marked, type Token } from 'marked';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { SpeechdeckError } from '../errors.js';
import { settingProblem } from './config.js';
import type { ManuscriptMeta } from '../types.js';

/** `**要**抓好[落实](x)` → `要抓好落实`. A link is its text; raw HTML is dropped as markup, never run. */
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
      return quotation(lines.map((l) => inline(l.replace(/^\s*>\s?/, ''))));
    case 'hr':
      return lines.map(() => '').join('\n');
    case 'code':
      return t.raw.replace(/^(```|~~~).*$/gm, '');
    default:
      return lines.map(inline).join('\n');
  }
}

/**
 * A blockquote is a quotation: with its attribution line (`—— 于谦《石灰吟》`, `— W. H. Auden`)
 * it is written as a speech quotes it (于谦《石灰吟》：“……”), on its first line, so that the
 * planner sets it off as a quotation by its author; the lines it took stay, blank.
 */
function quotation(lines: string[]): string {
  const filled = lines.map((l, i) => ({ l: l.trim(), i })).filter((x) => x.l);
  const last = filled[filled.length - 1];
  const by = last && filled.length > 1 ? /^(?:——|—|--|―)\s*(.+)$/.exec(last.l) : null;
  if (!by) return lines.join('\n');
  const body = filled.slice(0, -1).map((x) => x.l);
  const zh = /[\u4e00-\u9fff]/.test(body.join(''));
  const quote = body.join(zh ? '' : ' ').replace(/^[“"「]|[”"」]$/g, '');
  const who = by[1]!.replace(/\s*[·•]\s*/g, zh ? '' : ' ').trim();
  const first = zh ? `${who}：“${quote}”` : `${who}: “${quote}”`;
  return lines.map((_, i) => (i === filled[0]!.i ? first : '')).join('\n');
}

const FrontMatter = z
  .object({
    title: z.string().min(1),
    subtitle: z.string().min(1),
    speaker: z.string().min(1),
    role: z.string().min(1),
    date: z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'), z.date()]),
    occasion: z.string().min(1),
    lang: z.enum(['zh', 'en']),
    theme: z.string().min(1),
    aspect: z.enum(['16:9', '4:3']),
  })
  .partial()
  .strict();

/** `---` YAML `---` at the very top: its lines, or null. */
function frontMatterLines(lines: string[]): number | null {
  if (lines[0]?.trim() !== '---') return null;
  const end = lines.findIndex((l, i) => i > 0 && (l.trim() === '---' || l.trim() === '...'));
  return end > 0 ? end : null;
}

function readFrontMatter(yaml: string, path: string): ManuscriptMeta {
  let data: unknown;
  try {
    data = parseYaml(yaml) ?? {};
  } catch (err) {
    throw new SpeechdeckError('input', `the front matter is not valid YAML (${(err as Error).message.split('\n')[0]}).`, { file: path, hint: 'Fix the lines between the two --- at the top.' });
  }
  const r = FrontMatter.safeParse(data);
  if (!r.success) {
    throw new SpeechdeckError('input', `front matter: ${settingProblem(r.error, 'the whole front matter')}.`, { file: path, hint: 'Known keys: title, subtitle, speaker, role, date (YYYY-MM-DD), occasion, lang (zh, en), theme, aspect (16:9, 4:3).' });
  }
  const { date, ...rest } = r.data;
  return { ...rest, ...(date ? { date: date instanceof Date ? date.toISOString().slice(0, 10) : date } : {}) };
}

export interface MarkdownRead {
  text: string;
  meta?: ManuscriptMeta;
  headings: Array<{ line: number; level: number }>;
  /** First lines of what is for the speaker only: comments, `Note:` paragraphs. */
  asides: number[];
  /** Lines of `---`: the author's slide breaks. */
  breaks: number[];
}

/** A paragraph addressed to the speaker, not the audience. */
const NOTE = /^(?:note|notes|speaker notes?)\s*[:：]|^(?:注|备注|提示|讲稿提示)\s*[:：]/i;

/** A Markdown manuscript's text (markup gone, lines kept), its front matter and its heading lines. */
export function readMarkdown(md: string, path = 'manuscript.md'): MarkdownRead {
  const lines = md.split('\n');
  const fm = frontMatterLines(lines);
  const meta = fm === null ? undefined : readFrontMatter(lines.slice(1, fm).join('\n'), path);
  // (The front matter's lines stay, blank: the text keeps its line numbers.)
  const body = fm === null ? md : [...lines.slice(0, fm + 1).map(() => ''), ...lines.slice(fm + 1)].join('\n');
  const headings: MarkdownRead['headings'] = [];
  const asides: number[] = [];
  const breaks: number[] = [];
  let line = 1;
  const text = marked
    .lexer(body)
    .map((t) => {
      // `#` is the title (a line the parser reads as one); `##` a part, `###` its subsection.
      if (t.type === 'heading' && t.depth >= 2) headings.push({ line, level: t.depth - 1 });
      // `---`: a slide break where the author wants one.
      if (t.type === 'hr') breaks.push(line);
      // A comment is for the speaker: its words, in the notes only (never run, never shown).
      const comment = t.type === 'html' ? /^\s*<!--([\s\S]*?)-->\s*$/.exec(t.raw) : null;
      const out = comment ? t.raw.replace(/<!--|-->/g, (m) => ' '.repeat(m.length)).split('\n').map((l) => l.trim()).join('\n') : block(t);
      if ((comment && comment[1]!.trim()) || (t.type === 'paragraph' && NOTE.test(t.raw.trim()))) asides.push(line + Math.max(0, out.split('\n').findIndex((l) => l.trim())));
      line += t.raw.split('\n').length - 1;
      return out;
    })
    .join('');
  return { text, meta, headings, asides, breaks };
}

export function markdownToText(md: string): string {
  return readMarkdown(md).text;
}
