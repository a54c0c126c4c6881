// Fonts: from the fontsource slices, keep only the glyphs the deck shows.
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { FontFace, FontSource } from '../types.js';
import { subsetSlice, type SubsetJob } from './subset.js';
import { cacheRead, cacheWrite, pruneCache, sha256 } from './font-cache.js';

export interface FontNeed {
  family: string;
  weight: number;
  chars: Set<string>;
}

function covers(ranges: Array<[number, number]>, cp: number): boolean {
  return ranges.some(([a, b]) => cp >= a && cp <= b);
}

function unicodeRange(cps: number[]): string {
  return cps
    .sort((a, b) => a - b)
    .map((c) => 'U+' + c.toString(16))
    .join(',');
}

/**
 * woff2 for what is shipped (index.html); sfnt for pages that are only measured or
 * printed (Chromium subsets again into the PDF).
 *
 * For each face, each fontsource slice that holds a needed character is cut down
 * to exactly those characters (harfbuzz via subset-font) and kept as woff2, with
 * a unicode-range naming only them, so the browser and the PDF get all the glyphs
 * they need and nothing else.
 */
export type FontFormat = 'woff2' | 'sfnt';

/**
 * Worker threads for subsetting (harfbuzz in WebAssembly takes most of
 * Node's time in a build). A slice always goes to the same worker, which keeps it
 * decompressed.
 */
class SubsetPool {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, { worker: Worker; resolve: (d: Uint8Array) => void; reject: (e: Error) => void }>();
  private next = 1;
  /** A worker died: from then on, subset in the calling thread. */
  private broken = false;

  constructor(script: string, size: number) {
    this.workers = Array.from({ length: size }, () => {
      const w = new Worker(script);
      w.on('message', (m: { id: number; data?: Uint8Array; error?: string }) => {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (m.error !== undefined) p?.reject(new Error(`font subsetting failed: ${m.error}`));
        else p?.resolve(m.data!);
      });
      const fail = (err: Error) => {
        this.broken = true;
        for (const [id, p] of this.pending) {
          if (p.worker !== w) continue;
          this.pending.delete(id);
          p.reject(err);
        }
      };
      w.on('error', fail);
      w.on('exit', (code) => fail(new Error(`font worker exited (${code})`)));
      return w;
    });
  }

  async stop(): Promise<void> {
    this.broken = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  run(job: SubsetJob): Promise<Uint8Array> {
    if (this.broken) return subsetSlice(job);
    const id = this.next++;
    let h = 0;
    for (const ch of job.key) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
    const worker = this.workers[h % this.workers.length]!;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { worker, resolve, reject });
      worker.postMessage({ id, job });
    });
  }
}

let pool: SubsetPool | null | undefined;
/** The font cache on disk (font-cache.ts), or null. */
let cacheDir: string | null = null;

/** The disk cache is kept under this size (pruned when the workers stop). */
const CACHE_MAX_BYTES = 256 * 2 ** 20;

/**
 * Use worker threads from the script at `path` (the bundled font-worker), if it
 * exists, and the font cache in `cache` (a folder, made when first written), if any.
 */
export function useSubsetWorkers(path: string | null, cache: string | null = null): void {
  pool = path && existsSync(path) ? new SubsetPool(path, Math.max(1, availableParallelism())) : null;
  cacheDir = cache;
  made.clear();
  madeBytes = 0;
}

/** End the workers (the CLI does, when its run is over), and keep the disk cache in bounds. */
export async function stopSubsetWorkers(): Promise<void> {
  await pool?.stop();
  pool = undefined;
  if (cacheDir) pruneCache(cacheDir, CACHE_MAX_BYTES);
}

// Subsets made in this run, by slice, format and characters: the fit rounds, the
// handout and the saved deck ask for the same ones. Bounded by a byte count (the
// oldest go first): a manuscript's subsets take about 1 MB, and two or three are
// being built at a time.
const made = new Map<string, { data: Promise<Uint8Array>; size: number }>();
let madeBytes = 0;
const MADE_MAX_BYTES = 16 * 2 ** 20;
const sliceHash = new WeakMap<Uint8Array, string>();

function subset(slice: FontSource, text: string, format: FontFormat): Promise<Uint8Array> {
  let hash = sliceHash.get(slice.data);
  if (!hash) sliceHash.set(slice.data, (hash = sha256(slice.data)));
  // ('woff2n': the woff2 of woff2.ts, not the earlier subset-font's, in a cache made before.)
  const key = sha256('subset', hash, format === 'woff2' ? 'woff2n' : format, text);
  const known = made.get(key);
  if (known) return known.data;
  const dir = cacheDir;
  const job: SubsetJob = { key: slice.key, data: slice.data, hash, text, format, cacheDir: dir };
  const hit = dir ? cacheRead(dir, key) : null;
  const p = hit
    ? Promise.resolve(hit)
    : (pool ? pool.run(job) : subsetSlice(job)).then((data) => {
        if (dir) cacheWrite(dir, key, data);
        return data;
      });
  const entry = { data: p, size: 0 };
  made.set(key, entry);
  p.then(
    (data) => {
      if (made.get(key) !== entry) return;
      entry.size = data.length;
      madeBytes += data.length;
      for (const [k, e] of made) {
        if (madeBytes <= MADE_MAX_BYTES) break;
        made.delete(k);
        madeBytes -= e.size;
      }
    },
    // A failed subset is not remembered: the next ask tries again.
    () => made.get(key) === entry && made.delete(key),
  );
  return p;
}

export async function subsetFonts(sources: FontSource[], needs: FontNeed[], format: FontFormat = 'woff2'): Promise<FontFace[]> {
  const jobs: Array<Promise<FontFace>> = [];
  for (const need of needs) {
    const cps = [...need.chars].map((c) => c.codePointAt(0)!).filter((c) => c >= 0x20);
    const slices = sources.filter((s) => s.family === need.family && s.weight === need.weight);
    for (const slice of slices) {
      const mine = cps.filter((c) => covers(slice.ranges, c));
      if (!mine.length) continue;
      const text = String.fromCodePoint(...mine);
      jobs.push(
        subset(slice, text, format).then((data) => ({
          family: need.family,
          weight: need.weight,
          format,
          data,
          unicodeRange: unicodeRange(mine),
        })),
      );
    }
  }
  return Promise.all(jobs);
}

export function fontFaceCss(faces: FontFace[]): string {
  return faces
    .map(
      (f) =>
        `@font-face{font-family:'${f.family}';font-weight:${f.weight};font-style:normal;font-display:block;` +
        `src:url(data:font/${f.format === 'woff2' ? 'woff2' : 'ttf'};base64,${Buffer.from(f.data).toString('base64')}) format('${f.format === 'woff2' ? 'woff2' : 'truetype'}');unicode-range:${f.unicodeRange}}`,
    )
    .join('\n');
}
