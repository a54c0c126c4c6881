// Subsetting one fontsource slice: the work that fonts.ts hands out. It runs in
// worker threads (font-worker.ts) so that it uses every core, or in the calling
// thread where no worker script is at hand.
import subsetFont from 'subset-font';
import { cacheRead, cacheWrite, sha256 } from './font-cache.js';
import { sfntToWoff2 } from './woff2.js';

export interface SubsetJob {
  /** Names the slice, so that its decompressed form is kept and reused. */
  key: string;
  /** The slice as fontsource ships it (woff2). */
  data: Uint8Array;
  /** sha256 of `data`: names its decompressed form in the disk cache. */
  hash: string;
  text: string;
  format: 'woff2' | 'sfnt';
  /** The font cache on disk, or null for none. */
  cacheDir: string | null;
}

// fontsource ships woff2; subset-font would decompress a slice on every call.
// Decompress each slice once (keepAllGlyphs: a plain re-encode; kept on disk too)
// and subset the sfnt from then on. Bounded by the few hundred slices that exist.
const decompressed = new Map<string, Promise<Buffer>>();

async function decompress(job: SubsetJob): Promise<Buffer> {
  const key = sha256('slice', job.hash);
  const hit = job.cacheDir ? cacheRead(job.cacheDir, key) : null;
  if (hit) return Buffer.from(hit.buffer, hit.byteOffset, hit.length);
  const sfnt = await subsetFont(Buffer.from(job.data), '', { targetFormat: 'sfnt', keepAllGlyphs: true });
  if (job.cacheDir) cacheWrite(job.cacheDir, key, sfnt);
  return sfnt;
}

export async function subsetSlice(job: SubsetJob): Promise<Uint8Array> {
  let sfnt = decompressed.get(job.key);
  if (!sfnt) {
    sfnt = decompress(job);
    decompressed.set(job.key, sfnt);
  }
  const subset = new Uint8Array(await subsetFont(await sfnt, job.text, { targetFormat: 'sfnt' }));
  // (woff2 by our own writer with native brotli: woff2.ts says why.)
  return job.format === 'woff2' ? sfntToWoff2(subset) : subset;
}
