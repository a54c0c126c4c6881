// The output edge: the only module that writes files. A deck's outputs are one
// set: each file goes to a temporary file in the output folder first, and only
// when every one is written in full are they renamed into place, together. A
// failure (a full disk, a vanished folder) removes the temporaries and leaves the
// previous set as it was.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync, accessSync, constants } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { SpeechdeckError } from '../errors.js';

export interface OutputFile {
  /** Path inside the deck's folder: `index.html`, or `png/slide-01.png`. */
  name: string;
  data: Uint8Array | string;
}

/** Temporary names start with this, so a crash's leftovers are recognisable and ignored. */
export const TEMP_PREFIX = '.speechdeck-tmp-';

const WHY: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the folder is on a read-only file system',
  EACCES: 'no permission to write there',
  EPERM: 'no permission to write there',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a file is in the way of the folder',
  EISDIR: 'a folder is in the way of a file',
  ENAMETOOLONG: 'the path is too long',
};

function outputError(err: unknown, where: string, doing: string): SpeechdeckError {
  const code = (err as NodeJS.ErrnoException).code ?? 'error';
  const why = WHY[code] ?? code;
  return new SpeechdeckError('output', `cannot ${doing}: ${why} (${code}).`, {
    file: where,
    hint: code === 'ENOSPC' || code === 'EDQUOT' ? 'Free some space or pass --out DIR on another disk.' : 'Check that the folder is writable, or pass --out DIR.',
  });
}

/**
 * Before any build: make the output folder and prove it takes a file. Node's
 * recursive mkdir reports ENOENT when a parent is read-only, so the nearest
 * existing parent is asked why.
 */
export function preflight(outDir: string): void {
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (err) {
    let code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      let up = dirname(outDir);
      while (!existsSync(up) && dirname(up) !== up) up = dirname(up);
      try {
        accessSync(up, constants.W_OK);
      } catch (e) {
        code = (e as NodeJS.ErrnoException).code;
      }
    }
    throw outputError({ code }, outDir, 'create the output folder');
  }
  if (!statSync(outDir).isDirectory()) throw outputError({ code: 'ENOTDIR' }, outDir, 'use the output folder');
  const probe = join(outDir, `${TEMP_PREFIX}${randomBytes(6).toString('hex')}-probe`);
  try {
    writeFully(probe, 'ok');
  } catch (err) {
    throw outputError(err, outDir, 'write to the output folder');
  } finally {
    rmSync(probe, { force: true });
  }
}

function writeFully(path: string, data: Uint8Array | string): void {
  const fd = openSync(path, 'w');
  try {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    // On the disk before the rename makes it the output.
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Write `files` into `dir` as one set. Files in subfolders (png/) are written into
 * a temporary folder that replaces the old subfolder whole. `stale` names outputs
 * of an earlier set that this one does not have: removed once it is in place.
 */
export function writeOutputSet(dir: string, files: OutputFile[], stale: string[] = []): void {
  const id = `${TEMP_PREFIX}${randomBytes(6).toString('hex')}`;
  const temps: string[] = [];
  const renames: Array<[string, string]> = [];
  const subdirs = new Map<string, string>();
  try {
    mkdirSync(dir, { recursive: true });
    for (const f of files) {
      const slash = f.name.indexOf('/');
      let tmp: string;
      if (slash > 0) {
        const sub = f.name.slice(0, slash);
        let tmpSub = subdirs.get(sub);
        if (!tmpSub) {
          tmpSub = join(dir, `${id}-${sub}`);
          mkdirSync(tmpSub);
          temps.push(tmpSub);
          subdirs.set(sub, tmpSub);
          renames.push([tmpSub, join(dir, sub)]);
        }
        tmp = join(tmpSub, f.name.slice(slash + 1));
      } else {
        tmp = join(dir, `${id}-${f.name}`);
        temps.push(tmp);
        renames.push([tmp, join(dir, f.name)]);
      }
      writeFully(tmp, f.data);
    }
  } catch (err) {
    for (const t of temps) rmSync(t, { recursive: true, force: true });
    throw outputError(err, dir, 'write the outputs');
  }
  // Everything is written: swap the new set in. Renames in one folder are atomic each.
  const old: string[] = [];
  try {
    for (const [from, to] of renames) {
      if (statSafe(from)?.isDirectory() && statSafe(to)) {
        const aside = `${from}-old`;
        renameSync(to, aside);
        old.push(aside);
      }
      renameSync(from, to);
    }
  } catch (err) {
    for (const t of temps) rmSync(t, { recursive: true, force: true });
    throw outputError(err, dir, 'put the outputs in place');
  }
  for (const o of old) rmSync(o, { recursive: true, force: true });
  // Outputs of an earlier build that this set does not have (its PDFs, after --no-pdf).
  for (const name of stale) rmSync(join(dir, name), { force: true });
}

function statSafe(p: string) {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}
