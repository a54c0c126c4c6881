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
    /** Also write slides.pptx. */
    pptx: z.boolean(),
    /** Named in every slide's footer, before the title. */
    organisation: z.string().min(1).max(60),
    /** The footer's text, in place of organisation · title · date. */
    footer: z.string().min(1).max(120),
    /** How fast the speaker reads: characters a minute for Chinese, words for English (timings in the notes). */
    rate: z.number().int().min(60).max(600),
    /** A PNG or JPEG file (beside the configuration), shown on the title slide and in every footer. */
    logo: z.string().min(1),
  })
  .partial()
  .strict();

export type SpeechdeckConfig = z.infer<typeof Config>;

/**
 * The first thing wrong with settings zod checked, in words that name the key
 * (`unknown key "them"`, `"handout": …`); `whole` names the settings when the
 * problem is with all of them (not an object at all).
 */
export function settingProblem(error: z.ZodError, whole: string): string {
  const issue = error.issues[0]!;
  return issue.code === 'unrecognized_keys' ? `unknown key "${issue.keys.join('", "')}"` : `"${issue.path.join('.') || `(${whole})`}": ${issue.message}`;
}

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
  throw new SpeechdeckError('usage', `${settingProblem(r.error, 'the whole file')}.`, { file: path, hint: 'Known keys: theme, aspect ("16:9", "4:3"), handout (2, 3, 6), notes, steps, pptx (true, false), organisation, footer, rate (60–600 a minute), logo (a .png or .jpg file).' });
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

const LOGO_MAX_BYTES = 512 * 1024;
const IMAGE: Array<{ mime: 'image/png' | 'image/jpeg'; magic: number[] }> = [
  { mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
];

/** The logo a configuration names, read and checked (a PNG or JPEG, at most 512 KB), as the renderer takes it. */
export function readLogo(config: SpeechdeckConfig, configPath: string | null): { mime: 'image/png' | 'image/jpeg'; base64: string } | undefined {
  if (!config.logo || !configPath) return undefined;
  const path = resolve(dirname(configPath), config.logo);
  const fail = (why: string) => new SpeechdeckError('usage', `"logo": ${why}.`, { file: configPath, hint: 'Name a .png or .jpg file of at most 512 KB, relative to the configuration file.' });
  if (!existsSync(path)) throw fail(`${config.logo} not found`);
  const bytes = readFileSync(path);
  if (bytes.length > LOGO_MAX_BYTES) throw fail(`${config.logo} is ${Math.round(bytes.length / 1024)} KB`);
  // (By its bytes, not its name: an SVG or an HTML file is never put in the deck.)
  const kind = IMAGE.find((k) => k.magic.every((b, i) => bytes[i] === b));
  if (!kind) throw fail(`${config.logo} is not a PNG or JPEG image`);
  return { mime: kind.mime, base64: bytes.toString('base64') };
}
