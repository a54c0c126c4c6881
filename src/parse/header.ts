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
  m = /^(?:by\s+|speaker:\s*)((?:[A-Z][\w.'-]*\s+){1,3}[A-Z][\w.'-]*)$/i.exec(line);
  if (m) return { name: m[1]!.trim(), role: '' };
  return null;
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

/** `在省直机关工会工作会议上的讲话` → `省直机关工会工作会议`. */
export function occasionFromTitle(title: string): string | null {
  const t = title.replace(/^[—–-]+\s*/, '');
  let m = /^在(.+?)(?:上|中|前|后|时|期间)?的(?:讲话|致辞|发言|报告|总结讲话|动员讲话|主持词|工作报告|辅导报告)/.exec(t);
  if (m) return m[1]!.trim();
  m = /\b(?:at|to) the (.+)$/i.exec(t);
  if (m) return m[1]!.trim();
  return null;
}
