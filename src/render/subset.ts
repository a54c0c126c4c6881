// Subsetting one fontsource slice: the work that fonts.ts hands out. It runs in
// worker threads (font-worker.ts) so that it uses every core, or in the calling
// thread where no worker script is at hand.
import subsetFont from 'subset-font';

export interface SubsetJob {
  /** Names the slice, so that its decompressed form is kept and reused. */
  key: string;
  /** The slice as fontsource ships it (woff2). */
  data: Uint8Array;
  text: string;
  format: 'woff2' | 'sfnt';
}

// fontsource ships woff2; subset-font would decompress a slice on every call.
// Decompress each slice once (keepAllGlyphs: a plain re-encode) and subset the
// sfnt from then on. Bounded by the few hundred slices that exist.
const decompressed = new Map<string, Promise<Buffer>>();

export async function subsetSlice(job: SubsetJob): Promise<Uint8Array> {
  let sfnt = decompressed.get(job.key);
  if (!sfnt) {
    sfnt = subsetFont(Buffer.from(job.data), '', { targetFormat: 'sfnt', keepAllGlyphs: true });
    decompressed.set(job.key, sfnt);
  }
  return new Uint8Array(await subsetFont(await sfnt, job.text, { targetFormat: job.format }));
}
