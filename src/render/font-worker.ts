// A worker thread that subsets font slices (see subset.ts); bundled to .cache/font-worker.mjs.
import { parentPort } from 'node:worker_threads';
import { subsetSlice, type SubsetJob } from './subset.js';

parentPort!.on('message', (msg: { id: number; job: SubsetJob }) => {
  subsetSlice(msg.job).then(
    (data) => parentPort!.postMessage({ id: msg.id, data }, [data.buffer as ArrayBuffer]),
    (err: unknown) => parentPort!.postMessage({ id: msg.id, error: String((err as Error)?.stack ?? err) }),
  );
});
