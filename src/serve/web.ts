// `speechdeck serve`: a local web page where a person drops a manuscript (or pastes
// its text), sees the outline and the deck side by side, edits the outline in
// place, picks theme, aspect and handout, and downloads the outputs.
//
// Safe by default: 127.0.0.1 only (another host needs the random token printed
// at start); uploads at most 20 MB and of the known kinds, checked by content;
// every request body checked with zod; nothing from a request is a file path
// (uploads stay in memory, under a random id, gone after an hour unused or when
// the server stops); one Chromium for every job, at most one build per core at a
// time; every page with a strict Content-Security-Policy.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { extname } from 'node:path';
import type { Context } from 'hono';
import { z } from 'zod';
import type { Browser } from 'puppeteer-core';
import type { Assets, Deck, Manuscript, Speech } from '../types.js';
import { SpeechdeckError } from '../errors.js';
import { buildManuscript, firstDeck, prepareManuscript, type BuildOptions, type BuildResult } from '../pipeline.js';
import { renderDeck } from '../render/html.js';
import { THEME_NAMES } from '../render/themes.js';
import { closeBrowser, launchBrowser, type BrowserEnv } from '../print/browser.js';
import { deckFromOutline, OUTLINE_FILE, outlineSource, outlineStamp, outlineText } from '../plan/outline.js';
import { editOutline, outlineSlides } from '../plan/outline-edit.js';
import { outputFiles, type WriteOptions } from '../output/writers.js';
import { failureLine, Hub, listen, liveDeckRoutes, localOnly } from './shared.js';

/** The largest upload taken. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** A deck nobody has touched for this long is forgotten. */
const IDLE_MS = 60 * 60 * 1000;
/** Decks held at once (the oldest goes). */
const MAX_DECKS = 50;
const KINDS = ['.docx', '.txt', '.md'] as const;
/** Changes a deck remembers, to undo. */
const HISTORY = 50;

export interface WebOptions {
  /** The page, its script and its style (templates/web.html, .cache/web.js, templates/web.css). */
  page: { html: string; js: string; css: string };
  /** Reads bytes as a manuscript of that name (the input stage; nothing is written). */
  read: (bytes: Uint8Array, name: string) => Promise<Manuscript>;
  assets: Assets;
  build: Omit<BuildOptions, 'signal'>;
  write: WriteOptions;
  browserEnv: BrowserEnv;
  host: string;
  port: number;
  /** Builds at a time (one per core). */
  jobs: number;
  log: (msg: string) => void;
}

export interface Web {
  /** The address to open: with the access token when the server listens beyond this machine. */
  url: string;
  /** Whether the address carries a token (a host beyond this machine). */
  token: boolean;
  close(): Promise<void>;
}

interface Settings {
  theme: string;
  aspect: '16:9' | '4:3';
  handout: 2 | 3 | 6;
}

interface Session {
  id: string;
  ms: Manuscript;
  speech: Speech;
  outline: string;
  settings: Settings;
  version: number;
  html: string;
  touched: number;
  hub: Hub;
  /** The outlines before each change, the last first to go back to (at most HISTORY). */
  history: string[];
  /** Changes to this deck, one at a time, in the order they came. */
  turn: Promise<unknown>;
  /** The outputs of a version, made once when first asked for. */
  outputs: { version: number; files: Promise<Map<string, Uint8Array | string>> } | null;
}

const Edit = z.discriminatedUnion('op', [
  z.object({ op: z.literal('retitle'), slide: z.number().int().min(0), title: z.string().max(500) }).strict(),
  z.object({ op: z.literal('delete-slide'), slide: z.number().int().min(0) }).strict(),
  z.object({ op: z.literal('move-slide'), slide: z.number().int().min(0), to: z.number().int().min(0) }).strict(),
  z.object({ op: z.literal('merge-next'), slide: z.number().int().min(0) }).strict(),
  z.object({ op: z.literal('split'), slide: z.number().int().min(0), item: z.number().int().min(0) }).strict(),
  z.object({ op: z.literal('edit-item'), slide: z.number().int().min(0), item: z.number().int().min(0), text: z.string().max(5000) }).strict(),
  z.object({ op: z.literal('delete-item'), slide: z.number().int().min(0), item: z.number().int().min(0) }).strict(),
  z.object({ op: z.literal('move-item'), slide: z.number().int().min(0), item: z.number().int().min(0), to: z.number().int().min(0) }).strict(),
  z.object({ op: z.literal('callout'), slide: z.number().int().min(0), item: z.number().int().min(0) }).strict(),
  z.object({ op: z.literal('quote'), slide: z.number().int().min(0), item: z.number().int().min(0) }).strict(),
  z.object({ op: z.literal('uncallout'), slide: z.number().int().min(0) }).strict(),
]);
const SettingsBody = z.object({ theme: z.enum(THEME_NAMES as [string, ...string[]]), aspect: z.enum(['16:9', '4:3']), handout: z.union([z.literal(2), z.literal(3), z.literal(6)]) }).strict();
/** Text that is well-formed Unicode (no lone surrogate halves). */
const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
const Text = (max: number) => z.string().max(max).refine(wellFormed, 'text that is not well-formed Unicode');
const OutlineBody = z.object({ text: Text(1_000_000), version: z.number().int().min(0).optional() }).strict();
const PasteBody = z.object({ text: Text(1_000_000).refine((t) => t.trim().length > 0, 'no text'), name: Text(200).optional() }).strict();
/** The version of the outline an edit was made on: a request made on an older one is refused (409), not applied to the wrong slide. */
const Version = z.object({ version: z.number().int().min(0).optional() }).passthrough();
/** JSON bodies other than an upload: an outline of the largest manuscript is well under this. */
const MAX_JSON_BYTES = 3 * 1024 * 1024;
const Id = z.string().regex(/^[a-f0-9]{24}$/);
/** What can be downloaded, and the file each comes from. */
const DOWNLOADS = ['index.html', 'slides.pdf', 'handout.pdf', 'slides.pptx', 'outline.md', 'deck.json', 'speechdeck.zip'] as const;
const MIME: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'slides.pdf': 'application/pdf',
  'handout.pdf': 'application/pdf',
  'slides.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'outline.md': 'text/markdown; charset=utf-8',
  'deck.json': 'application/json',
  'speechdeck.zip': 'application/zip',
};

/** The page's own policy: its script and style from this server, decks in frames from it, nothing else. */
const PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; frame-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const TEXT = { 'content-type': 'text/plain; charset=utf-8' };

/** A request's problem as the page shows it: one line, an HTTP status. */
class Refused extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 413 | 415 | 503,
    message: string,
  ) {
    super(message);
  }
}

export async function startWeb(o: WebOptions): Promise<Web> {
  // (hono is loaded here, for the web page, not when the program starts.)
  const { Hono } = await import('hono');
  const { bodyLimit } = await import('hono/body-limit');
  const { getCookie, setCookie } = await import('hono/cookie');
  const decks = new Map<string, Session>();
  let port = 0;
  const token = o.host === '127.0.0.1' || o.host === 'localhost' ? null : randomBytes(18).toString('base64url');
  let browser: Promise<Browser> | null = null;
  const browserNow = () => (browser ??= launchBrowser(o.browserEnv));

  // At most o.jobs builds at once: the rest wait their turn.
  let running = 0;
  const waiting: Array<() => void> = [];
  async function queued<T>(work: () => Promise<T>): Promise<T> {
    if (running >= o.jobs) await new Promise<void>((r) => waiting.push(r));
    running++;
    try {
      return await work();
    } finally {
      running--;
      waiting.shift()?.();
    }
  }

  // (The page's theme and aspect are the deck's: front matter chose the first ones only.)
  const asOutlined = (s: Session): Manuscript => ({ ...s.ms, ...(s.ms.meta ? { meta: { ...s.ms.meta, theme: undefined, aspect: undefined } } : {}), outline: { path: OUTLINE_FILE, text: s.outline } });
  const buildOpts = (s: Settings, pdf: boolean): Omit<BuildOptions, 'signal'> => ({ ...o.build, pdf, png: false, handout: s.handout, render: { ...o.build.render, theme: s.theme, aspect: s.aspect } });

  /** The deck as the outline says, drawn live (fonts from this server): quick, nothing measured. */
  async function draw(s: Session, opts: { fit?: boolean } = {}): Promise<Deck> {
    const p = prepareManuscript(asOutlined(s), buildOpts(s.settings, false), s.speech);
    const deck = firstDeck(p);
    s.html = (await renderDeck(deck, o.assets, p.opts.render, 'live')).html;
    s.version++;
    s.outputs = null;
    s.hub.reload(s.version);
    if (opts.fit !== false) void fit(s, deck);
    return deck;
  }

  /**
   * Then fitted in Chromium as a build would: a slide too full is cut in two (the
   * outline says so too, a new version the page is told of), one that cannot be
   * cut is said on the page.
   */
  async function fit(s: Session, shown: Deck): Promise<void> {
    const v = s.version;
    try {
      const r = await queued(() => buildManuscript(asOutlined(s), browserNow(), o.assets, buildOpts(s.settings, false)));
      if (s.version !== v || !decks.has(s.id) || JSON.stringify(r.deck.slides) === JSON.stringify(shown.slides)) return;
      await (s.turn = s.turn.then(async () => {
        if (s.version !== v) return;
        // (Not a change to undo: undo goes back past it, to before the person's last change.)
        s.outline = outlineText(r.deck, s.speech, outlineSource(s.ms));
        s.html = (await renderDeck(r.deck, o.assets, { ...o.build.render, theme: r.theme, aspect: r.aspect }, 'live')).html;
        s.version++;
        s.outputs = null;
        s.hub.reload(s.version);
      }).catch(() => undefined));
    } catch (err) {
      if (s.version === v && decks.has(s.id)) s.hub.failed(failureLine(err));
    }
  }

  function state(s: Session) {
    return { id: s.id, name: s.ms.name, version: s.version, settings: s.settings, outline: s.outline, slides: outlineSlides(s.outline), undo: s.history.length > 0 };
  }

  /** A new deck from a manuscript: planned and fitted in Chromium, its outline made from what fits. */
  async function open(ms: Manuscript): Promise<Session> {
    const settings: Settings = { theme: o.build.render.theme, aspect: o.build.render.aspect, handout: o.build.handout };
    const r = await queued(() => buildManuscript(ms, browserNow(), o.assets, buildOpts(settings, false)));
    const s: Session = {
      id: randomBytes(12).toString('hex'),
      ms,
      speech: r.speech,
      outline: outlineText(r.deck, r.speech, outlineSource(ms)),
      settings: { ...settings, theme: r.theme, aspect: r.aspect },
      version: 0,
      html: '',
      touched: Date.now(),
      hub: new Hub(),
      turn: Promise.resolve(),
      history: [],
      outputs: null,
    };
    // (Its outline is of the fitted deck already.)
    await draw(s, { fit: false });
    while (decks.size >= MAX_DECKS) forget([...decks.values()].sort((a, b) => a.touched - b.touched)[0]!);
    decks.set(s.id, s);
    return s;
  }

  function forget(s: Session): void {
    s.hub.close();
    decks.delete(s.id);
  }
  const sweep = setInterval(() => {
    for (const s of decks.values()) if (Date.now() - s.touched > IDLE_MS) forget(s);
  }, 60_000);
  sweep.unref();

  /** The outputs of the deck as it stands, built once per version. */
  function outputs(s: Session): Promise<Map<string, Uint8Array | string>> {
    if (s.outputs?.version === s.version) return s.outputs.files;
    const files = queued(async () => {
      const r: BuildResult = await buildManuscript(asOutlined(s), browserNow(), o.assets, buildOpts(s.settings, true));
      const out = await outputFiles(r, { ...o.write, pdf: true, pptx: true, outline: true, png: false, logo: o.build.render.logo });
      const map = new Map(out.files.map((f) => [f.name, f.data]));
      const zip = new (await import('jszip')).default();
      for (const [name, data] of map) zip.file(`${s.ms.name}/${name}`, data);
      map.set('speechdeck.zip', await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
      return map;
    });
    s.outputs = { version: s.version, files };
    files.catch(() => (s.outputs = null));
    return files;
  }

  const app = new Hono();
  // Beyond this machine, every request carries the token: in the address once (it becomes a cookie), then the cookie.
  if (token) {
    app.use('*', async (c, next) => {
      const given = Buffer.from(c.req.query('token') ?? getCookie(c, 'speechdeck') ?? '');
      const want = Buffer.from(token);
      const ok = given.length === want.length && timingSafeEqual(given, want);
      if (!ok) return c.body('speechdeck: this page needs the address with its token, as printed when the server started.', 403, TEXT);
      if (c.req.query('token')) setCookie(c, 'speechdeck', token, { httpOnly: true, sameSite: 'Strict', path: '/' });
      await next();
    });
  }
  // On this machine only: no other site's page may reach it (a Host it does not know is DNS rebinding; an Origin not its own, a cross-site form).
  if (!token) app.use('*', localOnly(() => port));
  app.use('/api/decks/:id/*', bodyLimit({ maxSize: MAX_JSON_BYTES, onError: (c) => c.json({ error: 'speechdeck: the request is too large.' }, 413) }));
  app.onError((err, c) => {
    if (err instanceof Refused) return c.json({ error: err.message }, err.status);
    if (err instanceof SpeechdeckError) return c.json({ error: err.format() }, 400);
    o.log(`speechdeck: internal error: ${(err as Error).stack ?? String(err)}`);
    return c.json({ error: failureLine(err) }, 500);
  });
  const page = (c: Context, body: string, type: string) => c.body(body, 200, { 'content-type': type, 'cache-control': 'no-store', 'content-security-policy': PAGE_CSP, 'x-content-type-options': 'nosniff' });
  app.get('/', (c) => page(c, o.page.html, 'text/html; charset=utf-8'));
  app.get('/app.js', (c) => page(c, o.page.js, 'text/javascript; charset=utf-8'));
  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.get('/app.css', (c) => page(c, o.page.css, 'text/css; charset=utf-8'));
  liveDeckRoutes(app, () => o.assets);

  const session = (c: Context): Session => {
    const id = Id.safeParse(c.req.param('id'));
    const s = id.success ? decks.get(id.data) : undefined;
    if (!s) throw new Refused(404, 'speechdeck: this deck is gone (unused for an hour, or the server restarted). Drop the manuscript again.');
    s.touched = Date.now();
    return s;
  };
  /** A value as the schema says, or a 400 saying what is wrong with it. */
  const checked = <T>(schema: z.ZodType<T>, value: unknown): T => {
    const r = schema.safeParse(value);
    if (!r.success) throw new Refused(400, `speechdeck: the request is not understood (${r.error.issues[0]?.message ?? 'bad body'}).`);
    return r.data;
  };
  const json = async <T>(c: Context, schema: z.ZodType<T>): Promise<T> => checked(schema, await c.req.json().catch(() => undefined));
  const tooBig = bodyLimit({ maxSize: MAX_UPLOAD_BYTES, onError: (c) => c.json({ error: `speechdeck: the file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.` }, 413) });

  app.post('/api/decks', tooBig, async (c) => {
    let ms: Manuscript;
    if ((c.req.header('content-type') ?? '').startsWith('application/json')) {
      const body = await json(c, PasteBody);
      notAnOutline(body.text, body.name ?? 'speech');
      ms = await o.read(new TextEncoder().encode(body.text), `${safeName(body.name ?? 'speech')}.txt`);
    } else {
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const file = form['file'];
      if (!(file instanceof File)) throw new Refused(400, 'speechdeck: no file in the upload.');
      const ext = extname(file.name).toLowerCase();
      if (!(KINDS as readonly string[]).includes(ext)) throw new Refused(415, `speechdeck: ${safeName(file.name)}: not a manuscript speechdeck reads. Give a .docx, .txt or .md file.`);
      // The name is a label only: its base, safe, with its extension choosing the reader (whose content check follows).
      const bytes = new Uint8Array(await file.arrayBuffer());
      // (Before reading: a Markdown reader drops the comment that says it is an outline.)
      notAnOutline(new TextDecoder().decode(bytes.subarray(0, 400)), file.name);
      ms = await o.read(bytes, `${safeName(file.name.slice(0, file.name.length - ext.length))}${ext}`);
    }
    const s = await open(ms);
    o.log(`serve: ${s.ms.path}: ${outlineSlides(s.outline).length} slides`);
    return c.json(state(s));
  });
  app.get('/api/decks/:id', (c) => c.json(state(session(c))));
  /**
   * A change to a deck, in its turn: made on the version it was asked on (else 409),
   * its new outline read before it is kept (one that makes no deck changes nothing).
   */
  const change = async (c: Context, version: number | undefined, make: (s: Session) => { outline?: string; settings?: Settings }) => {
    const s = session(c);
    const run = s.turn.then(async () => {
      if (version !== undefined && version !== s.version) throw new Refused(409, 'speechdeck: the outline changed meanwhile; the page shows it now.');
      const next = make(s);
      if (next.outline !== undefined) deckFromOutline(next.outline, s.speech);
      if (next.outline !== undefined && next.outline !== s.outline) {
        s.history.push(s.outline);
        if (s.history.length > HISTORY) s.history.shift();
        s.outline = next.outline;
      }
      if (next.settings) s.settings = next.settings;
      await draw(s);
      return c.json(state(s));
    });
    s.turn = run.catch(() => undefined);
    return run;
  };
  app.post('/api/decks/:id/edit', async (c) => {
    // (The whole body first: an edit is made on the outline as it is when its turn comes.)
    session(c);
    const { version, ...rest } = await json(c, Version);
    const edit = checked(Edit, rest);
    return change(c, version, (s) => ({ outline: editOutline(s.outline, edit) }));
  });
  app.put('/api/decks/:id/outline', async (c) => {
    const { text, version } = await json(c, OutlineBody);
    return change(c, version, () => ({ outline: text }));
  });
  app.post('/api/decks/:id/undo', async (c) => {
    const { version } = await json(c, Version);
    return change(c, version, (s) => {
      const back = s.history.pop();
      if (back === undefined) throw new Refused(409, 'speechdeck: nothing to undo.');
      // (Not recorded again: an undo is not itself undone.)
      s.outline = back;
      return {};
    });
  });
  app.put('/api/decks/:id/settings', async (c) => {
    const settings = await json(c, SettingsBody);
    return change(c, undefined, () => ({ settings }));
  });
  app.get('/decks/:id/deck.html', (c) => {
    const s = session(c);
    return c.body(s.html, 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'content-security-policy': "frame-ancestors 'self'" });
  });
  app.get('/decks/:id/events', (c) => session(c).hub.events(c));
  app.get('/decks/:id/download/:file', async (c) => {
    const s = session(c);
    const file = c.req.param('file');
    if (!(DOWNLOADS as readonly string[]).includes(file)) throw new Refused(404, 'speechdeck: no such download.');
    const data = (await outputs(s)).get(file);
    if (data === undefined) throw new Refused(404, 'speechdeck: no such download.');
    const name = file === 'speechdeck.zip' ? `${s.ms.name}.zip` : file;
    return c.body(data as Uint8Array<ArrayBuffer>, 200, { 'content-type': MIME[file]!, 'content-disposition': `attachment; filename="${file}"; filename*=UTF-8''${rfc8187(name)}`, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  });

  const server = await listen(app, o.host, o.port);
  port = server.port;
  const shown = o.host === '0.0.0.0' || o.host === '::' ? '127.0.0.1' : o.host;
  return {
    url: `http://${shown.includes(':') ? `[${shown}]` : shown}:${server.port}/${token ? `?token=${token}` : ''}`,
    token: token !== null,
    async close() {
      clearInterval(sweep);
      for (const s of decks.values()) forget(s);
      await server.close();
      if (browser) await browser.then((b) => closeBrowser(b), () => undefined);
    },
  };
}

/** A file name as a label: no folders, no control characters, at most 80 characters; `speech` when nothing is left. */
/** An outline.md is not a manuscript: it goes with one (the page takes it as text, after its manuscript). */
function notAnOutline(text: string, name: string): void {
  const stamp = outlineStamp(text);
  if (stamp) throw new Refused(400, `speechdeck: ${safeName(name)} is an outline, not a speech. Drop the speech it was made from (${safeName(stamp.manuscript)}) first, then paste the outline into "edit the outline as text".`);
}

/** A header parameter value as RFC 8187 writes it (UTF-8, percent-encoded; ' ( ) * too). */
function rfc8187(s: string): string {
  return encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function safeName(name: string): string {
  // (No control, format or bidi characters, line or paragraph separators, or characters a file name cannot have.)
  const base = [...name.replace(/^.*[\\/]/, '').replace(/[\p{C}\p{Zl}\p{Zp}<>:"|?*]/gu, '').trim()].slice(0, 80).join('');
  return base && !/^\.+$/.test(base) ? base : 'speech';
}
