// Output folder names: safe on every file system, and unique within a batch.
// Pure: the CLI says what it decided.

const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)$/i;
/** Long enough for any real title, short of every file system's limit (255 bytes). */
const MAX_BYTES = 120;

/**
 * A manuscript's name as a folder name that stays inside `--out`: no separators,
 * no control characters or characters Windows refuses, no leading dots (`..`
 * would climb out, `.` would be `--out` itself), no trailing dots or spaces.
 */
export function safeName(name: string): string {
  let n = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  while (Buffer.byteLength(n) > MAX_BYTES) n = [...n].slice(0, -1).join('');
  if (!n) n = 'manuscript';
  if (WINDOWS_RESERVED.test(n)) n += '_';
  return n;
}

export interface Named {
  /** The folder name each manuscript is built into, in order. */
  names: string[];
  /** Manuscripts whose folder name differs from their file name, and why. */
  renamed: Array<{ index: number; from: string; to: string; reason: 'unsafe' | 'taken' }>;
}

/**
 * Folder names for a batch: made safe, then made unique (`talk`, `talk-2`, …),
 * comparing without case, since macOS and Windows folders ignore it.
 */
export function outputNames(names: string[]): Named {
  const taken = new Set<string>();
  const out: string[] = [];
  const renamed: Named['renamed'] = [];
  names.forEach((raw, index) => {
    const safe = safeName(raw);
    let n = safe;
    for (let k = 2; taken.has(n.toLowerCase()); k++) n = `${safe}-${k}`;
    taken.add(n.toLowerCase());
    out.push(n);
    if (n !== raw) renamed.push({ index, from: raw, to: n, reason: safe !== raw ? 'unsafe' : 'taken' });
  });
  return { names: out, renamed };
}
