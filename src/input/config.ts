// speechdeck.config.json: an office's settings, kept beside its manuscripts (or in
// the folder speechdeck runs in), checked with zod. Command-line flags are over
// the file; a manuscript's front matter is over both, for that manuscript.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { SpeechdeckError } from '../errors.js';

export const CONFIG_NAME = 'speechdeck.config.json';

const Config = z
  .object({
    theme: z.string().min(1),
    aspect: z.enum(['16:9', '4:3']),
    handout: z.union([z.literal(2), z.literal(3), z.literal(6)]),
    notes: z.boolean(),
    steps: z.boolean(),
    /** Named in every slide's footer, before the title. */
    organisation: z.string().min(1).max(60),
    /** The footer's text, in place of organisation · title · date. */
    footer: z.string().min(1).max(120),
    /** How fast the speaker reads: characters a minute for Chinese, words for English (timings in the notes). */
    rate: z.number().int().min(60).max(600),
  })
  .partial()
  .strict();

export type SpeechdeckConfig = z.infer<typeof Config>;

/** The settings in `text` (the file's content), or one clear error naming the key. */
export function parseConfig(text: string, path: string): SpeechdeckConfig {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new SpeechdeckError('usage', `is not valid JSON (${(err as Error).message.split('\n')[0]}).`, { file: path, hint: 'Fix the file, or remove it to use the defaults.' });
  }
  const r = Config.safeParse(data);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const what = issue.code === 'unrecognized_keys' ? `unknown key "${issue.keys.join('", "')}"` : `"${issue.path.join('.') || '(the whole file)'}": ${issue.message}`;
  throw new SpeechdeckError('usage', `${what}.`, { file: path, hint: 'Known keys: theme, aspect ("16:9", "4:3"), handout (2, 3, 6), notes, steps (true, false), organisation, footer, rate (60–600 a minute).' });
}

/** The configuration file that applies: beside the first manuscript, else in the working folder; null if none. */
export function findConfig(manuscripts: string[], cwd: string): string | null {
  const places = [...new Set([...manuscripts.slice(0, 1).map((m) => dirname(resolve(cwd, m))), resolve(cwd)])];
  return places.map((d) => join(d, CONFIG_NAME)).find((p) => existsSync(p)) ?? null;
}

export function readConfig(path: string | null): SpeechdeckConfig {
  if (!path) return {};
  return parseConfig(readFileSync(path, 'utf8'), path);
}
