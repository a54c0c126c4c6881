// The header block of a manuscript: title line(s), date, speaker, salutation.
// Recognisers here look at one line each and say what it is, or null.
import type { Speaker } from '../types.js';
import { CN_DIGIT, chineseNumber, hasCjk } from '../lang/text.js';

/** 二〇一六 → 2016 (digit by digit, as years are written). */
function chineseYear(s: string): number | null {
  if (/^\d{4}$/.test(s)) return Number(s);
  let n = '';
  for (const ch of s) {
    const d = CN_DIGIT[ch];
    if (d === undefined) return null;
    n += d;
  }
  return n.length === 4 ? Number(n) : null;
}

function num(s: string): number | null {
  return /^\d+$/.test(s) ? Number(s) : chineseNumber(s);
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A line that is only a date (perhaps in brackets):
 * `（2016年3月18日）`, `2018年2月28日`, `二〇一六年三月十八日`, `June 14, 2024`,
 * `14 June 2024`, `2024-06-14`, `2024.6.14`.
 */
export function parseDateLine(line: string): { iso: string; text: string } | null {
  return dateOnly(line) ?? placeAndDate(line);
}

/**
 * A line that gives where and then when (`Leeds head office and livestream to all
 * sites — Thursday 14 November 2024`, `Riverside General Hospital, staff lounge,
 * Friday June 28, 2024`, `北京·人民大会堂　2024年3月5日`): its date (the place stays
 * in the notes). The date must end the line, after a dash, a comma or a space.
 */
function placeAndDate(line: string): { iso: string; text: string } | null {
  const t = line.trim();
  if (t.length > 120 || /[。！？!?；;]/.test(t)) return null;
  const cuts = [...t.matchAll(/\s+[—–-]+\s+|[,，·]\s*|[ \u3000]+/g)];
  // The first cut after a separator whose rest is a date: the longest date (Thursday 14 November 2024, not 14 November 2024).
  for (const m of cuts) {
    const d = m.index! >= 2 ? dateOnly(t.slice(m.index! + m[0].length)) : null;
    if (d) return d;
  }
  // Or when, then where (Thursday 11th July 2024, Main Hall, 7.00pm): the last cut whose start is a date.
  for (const m of cuts.reverse()) {
    const d = dateOnly(t.slice(0, m.index!));
    if (d) return d;
  }
  return null;
}

function dateOnly(line: string): { iso: string; text: string } | null {
  const t = line.replace(/^[（(\[【]\s*|\s*[）)\]】]$/g, '').trim();
  let m = /^([\d〇○零一二三四五六七八九]{4})\s*年\s*([\d一二三四五六七八九十]{1,3})\s*月\s*([\d一二三四五六七八九十]{1,3})\s*日$/.exec(t);
  if (m) {
    const y = chineseYear(m[1]!);
    const mo = num(m[2]!);
    const d = num(m[3]!);
    const v = y && mo && d ? iso(y, mo, d) : null;
    return v ? { iso: v, text: t } : null;
  }
  m = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/.exec(t);
  if (m) {
    const v = iso(+m[1]!, +m[2]!, +m[3]!);
    return v ? { iso: v, text: t } : null;
  }
  m = /^(?:[A-Z][a-z]+day,?\s+)?([A-Z][a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(t);
  if (m) {
    const mo = monthIndex(m[1]!);
    const v = mo ? iso(+m[3]!, mo, +m[2]!) : null;
    return v ? { iso: v, text: t } : null;
  }
  m = /^(?:[A-Z][a-z]+day,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Z][a-z]+)\.?,?\s+(\d{4})$/.exec(t);
  if (m) {
    const mo = monthIndex(m[2]!);
    const v = mo ? iso(+m[3]!, mo, +m[1]!) : null;
    return v ? { iso: v, text: t } : null;
  }
  return null;
}

function monthIndex(name: string): number | null {
  const n = name.toLowerCase();
  const i = MONTHS.findIndex((mo) => mo === n || (n.length >= 3 && mo.startsWith(n)));
  return i >= 0 ? i + 1 : null;
}

// Words that end a Chinese job title; the name follows them.
const ROLE_END = /(?:书记|主任|主席|部长|厅长|局长|处长|科长|校长|院长|所长|馆长|社长|行长|会长|理事长|秘书长|董事长|总经理|经理|总裁|巡视员|调研员|委员|省长|市长|县长|区长|镇长|乡长|主任委员|组长|队长|司令员|政委|教授|主编|总编辑|负责人|代表|常委|专员|督导|检察长|院士|顾问|站长|台长|总监|老师|同志)$/;

/**
 * A speaker line: `省直机关工委巡视员  张锐` (role, two spaces or a full-width
 * space, name), `省教育厅厅长 周文`, `（省教育厅厅长  周文）`, `张锐`;
 * English `David Chen, Head Librarian` or `Head Librarian David Chen`.
 */
export function parseSpeakerLine(raw: string): Speaker | null {
  const line = raw.replace(/^[（(]\s*|\s*[）)]$/g, '').trim();
  if (!line || /[。！？；：:;!?]$/.test(line) || line.length > (hasCjk(line) ? 60 : 120)) return null;
  if (hasCjk(line)) {
    // A role may list several posts (`市委副书记、市长`); a sentence is not a speaker line.
    if (/[，。；：！？“”]/.test(line)) return null;
    const parts = line.split(/[ \t\u3000\u00a0]+/).filter(Boolean);
    const isName = (s: string) => /^[\u3400-\u9fff·]{2,4}$/.test(s);
    if (parts.length >= 2) {
      const name = parts.slice(-1)[0]!;
      // Two-character names are sometimes written with a space in the middle: 张  锐.
      if (parts.length >= 3 && /^[\u3400-\u9fff]$/.test(name) && /^[\u3400-\u9fff]$/.test(parts[parts.length - 2]!)) {
        return { role: parts.slice(0, -2).join(' '), name: parts.slice(-2).join('') };
      }
      if (isName(name)) return { role: parts.slice(0, -1).join(' '), name };
      return null;
    }
    // No separator: `省教育厅厅长周文` — split after a known title word.
    const m = /^(.+?(?:书记|主任|主席|部长|厅长|局长|处长|校长|院长|巡视员|调研员|会长|秘书长|董事长|总经理|市长|省长|县长))([\u3400-\u9fff]{2,3})$/.exec(line);
    if (m && line.length <= 30) return { role: m[1]!, name: m[2]! };
    return null;
  }
  // English: "Name, Role" where Name is 2–4 capitalised words.
  let m = /^((?:[A-Z][\w.'-]*\s+){1,3}[A-Z][\w.'-]*),\s*(.+)$/.exec(line);
  if (m && !/\d/.test(m[1]!)) return { name: m[1]!.trim(), role: m[2]!.trim() };
  // `Head Teacher's Address: Mrs Catherine Ellison`: what is given, then by whom.
  m = /^([A-Z][\w'’ -]{2,50}?)\s*:\s*((?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame|Rev)\.?\s+)?(?:[A-Z][\w.'-]*\s+){0,2}[A-Z][\w.'-]*)$/.exec(line);
  if (m && /\b(?:address|speech|remarks|toast|keynote|welcome|talk|report|lecture)\b/i.test(m[1]!)) {
    return { name: m[2]!.trim(), role: m[1]!.replace(/(?:['’]s)?\s+(?:address|speech|remarks|toast|keynote|welcome|talk|report|lecture)$/i, '').trim() };
  }
  // `Given by Dr. James Whitfield, Director of Surgical Nursing`: a speaker line written as a phrase.
  m = /^(?:(?:given|delivered|presented|remarks|a speech|an address|a toast)\s+by|speaker:)\s*((?:[A-Z][\w.'-]*\s+){1,3}[A-Z][\w.'-]*),\s*(.+)$/i.exec(line);
  if (m && !/\d/.test(m[1]!)) return { name: m[1]!.trim(), role: m[2]!.trim() };
  m = /^(?:(?:given|delivered|presented|remarks|a speech|an address|a toast)\s+by\s+|by\s+|speaker:\s*)((?:[A-Z][\w.'-]*\s+){1,3}[A-Z][\w.'-]*)$/i.exec(line);
  if (m) return { name: m[1]!.trim(), role: '' };
  return null;
}

/**
 * What a writer notes about the manuscript itself, not a word of the speech: how it
 * was made (根据录音整理), which draft it is (征求意见稿, draft 3, final?), how it is
 * to be used (Check against delivery, embargoed until…).
 */
const EDITORIAL = /^(?:根据录音整理|据录音整理|录音整理|整理稿|根据讲话录音整理|初稿|草稿|讨论稿|征求意见稿|送审稿|修改稿|定稿|审定稿|第[一二三四五六七八九十\d]+稿|(?:first |second |final |working )?draft\b[^()（）]*|check against delivery|as prepared(?: for delivery)?|embargoed\b.*|not for (?:publication|circulation|quotation)\b.*|for internal use only)$/i;

/** A line that is only such a note, bracketed (（根据录音整理）) or set off by dashes (— Check against delivery —). */
export function isEditorialNote(line: string): boolean {
  return EDITORIAL.test(
    line
      .trim()
      .replace(/^[（(\[【]\s*|\s*[）)\]】]$/g, '')
      .replace(/^[—–-]+\s*|\s*[—–-]+$/g, '')
      .trim(),
  );
}

/** A title without the note at its end: `Carol's retirement — toast (draft 3, final?)` → `Carol's retirement — toast`. */
export function withoutEditorialNote(title: string): string {
  const m = /\s*[（(]([^（）()]*)[）)]\s*$/.exec(title);
  return m && EDITORIAL.test(m[1]!.trim()) && m.index > 0 ? title.slice(0, m.index) : title;
}

/** True if the role part looks like a job title (used to accept one-space lines). */
export function looksLikeRole(role: string): boolean {
  return ROLE_END.test(role) || /(?:厅|局|委|部|会|院|校|办|处|司|中心|公司|大学|集团)/.test(role);
}

const ZH_SALUTATION = /^(同志们|各位|尊敬的|亲爱的|女士们|先生们|老师们|同学们|朋友们|大家好|在座的)/;
const EN_SALUTATION = /^(good (morning|afternoon|evening)|ladies and gentlemen|dear |distinguished |friends|colleagues|hello|hi |honou?red guests|fellow )/i;

/** `同志们：`, `各位新同事：`, `尊敬的……：`, `Good morning, friends and neighbours.` */
export function isSalutation(line: string): boolean {
  if (hasCjk(line)) {
    if (line.length > 60) return false;
    if (/[：:]$/.test(line) && (ZH_SALUTATION.test(line) || (line.length <= 16 && !/[，。]/.test(line)))) return true;
    return /^(同志们|大家好|各位.{0,12}好)[！!，,：:]?$/.test(line);
  }
  return line.length <= 90 && EN_SALUTATION.test(line) && /[,.:!]$/.test(line) && !/\.\s+\S/.test(line);
}

/**
 * The salutation these lines open with, and how many lines it takes: one line that
 * is one, or several that open like one and end with a comma, the last of them
 * ending as one does (尊敬的……副市长，尊敬的……处长，/ 各位来宾，……朋友们：). Null if none.
 */
export function salutationOf(lines: string[]): { text: string; lines: number } | null {
  let run = 0;
  while (run < lines.length - 1 && run < 3 && lines[run]!.length <= 60 && (ZH_SALUTATION.test(lines[run]!) || EN_SALUTATION.test(lines[run]!)) && /[，,]$/.test(lines[run]!)) run++;
  for (let k = run; k >= 0; k--) if (lines[k] !== undefined && isSalutation(lines[k]!)) return { text: lines.slice(0, k + 1).join(''), lines: k + 1 };
  return null;
}

/** `在省直机关工会工作会议上的讲话` → `省直机关工会工作会议`. */
export function occasionFromTitle(title: string): string | null {
  const t = title.replace(/^[—–-]+\s*/, '');
  let m = /^在(.+?)(?:上|中|前|后|时|期间)?的(?:讲话|致辞|发言|报告|总结讲话|动员讲话|主持词|工作报告|辅导报告)/.exec(t);
  if (m) return m[1]!.trim();
  m = /\b(?:at|to) the (.+)$/i.exec(t);
  if (m) return m[1]!.trim();
  return null;
}
