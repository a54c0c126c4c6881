// The font cache on disk: subsets already made (by slice, format and characters) and
// slices already decompressed, kept between runs, so that building a manuscript
// again after an edit redoes only the slices whose characters changed. Values are
// checked on the way out (a sha256 of the bytes is stored before them): a damaged
// or foreign file is a miss, never a font. Bounded: prune() keeps it under a size.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Bumped when what is stored under a key changes meaning (another subsetter, another layout). */
const LAYOUT = 'v1';

export const sha256 = (...parts: Array<string | Uint8Array>): string => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
};

const fileOf = (dir: string, key: string) => join(dir, LAYOUT, key.slice(0, 2), key);

/** The bytes stored under `key` (a sha256 in hex), or null: absent, unreadable or damaged. */
export function cacheRead(dir: string, key: string): Uint8Array | null {
  const file = fileOf(dir, key);
  let raw: Buffer;
  try {
    raw = readFileSync(file);
  } catch {
    return null;
  }
  if (raw.length < 32) return null;
  const data = raw.subarray(32);
  if (!createHash('sha256').update(data).digest().equals(raw.subarray(0, 32))) return null;
  try {
    // Used now: the last to be pruned.
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // (Read-only cache: still a hit.)
  }
  return new Uint8Array(data.buffer, data.byteOffset, data.length);
}

/** Store `data` under `key`; written whole or not at all (a temporary name, then a rename). Failures are ignored: a cache is optional. */
export function cacheWrite(dir: string, key: string, data: Uint8Array): void {
  const file = fileOf(dir, key);
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(join(dir, LAYOUT, key.slice(0, 2)), { recursive: true });
    writeFileSync(tmp, Buffer.concat([createHash('sha256').update(data).digest(), data]));
    renameSync(tmp, file);
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // (No folder to remove it from.)
    }
  }
}

/** Keep the cache under `maxBytes`: the files used longest ago go first, down to three quarters of it. */
export function pruneCache(dir: string, maxBytes: number): void {
  const files: Array<{ path: string; size: number; used: number }> = [];
  let total = 0;
  try {
    for (const sub of readdirSync(join(dir, LAYOUT))) {
      for (const name of readdirSync(join(dir, LAYOUT, sub))) {
        const path = join(dir, LAYOUT, sub, name);
        const st = statSync(path);
        files.push({ path, size: st.size, used: st.mtimeMs });
        total += st.size;
      }
    }
  } catch {
    return;
  }
  if (total <= maxBytes) return;
  files.sort((a, b) => a.used - b.used);
  for (const f of files) {
    if (total <= maxBytes * 0.75) break;
    rmSync(f.path, { force: true });
    total -= f.size;
  }
}

/**
 * Where the cache lives: SPEECHDECK_CACHE (a folder; `off` for none), else the
 * platform's cache folder: $XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches
 * on macOS, %LOCALAPPDATA% on Windows; each with a `speechdeck` folder in it.
 */
export function cacheDirFor(env: Record<string, string | undefined>, platform: NodeJS.Platform, home: string): string | null {
  const set = env['SPEECHDECK_CACHE'];
  if (set !== undefined && set !== '') return set === 'off' ? null : set;
  const base =
    platform === 'darwin' ? join(home, 'Library', 'Caches') : platform === 'win32' ? (env['LOCALAPPDATA'] ?? join(home, 'AppData', 'Local')) : (env['XDG_CACHE_HOME'] || join(home, '.cache'));
  return join(base, 'speechdeck');
}
