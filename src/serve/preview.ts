// `speechdeck preview FILE`: the deck served on 127.0.0.1 and rebuilt whenever the
// manuscript, its outline.md, the configuration or a template is saved; the page
// reloads itself (server-sent events). A rebuild is quick because nothing is
// measured or subset: the slides as planned, the fonts linked whole from this
// server. Then Chromium fits the deck in the background, as a build would, and the
// page reloads once more if fitting changed it. slides.pdf and handout.pdf are
// made when asked for.
import type { FSWatcher } from 'chokidar';
import type { Browser } from 'puppeteer-core';
import type { Assets, Deck, Manuscript } from '../types.js';
import { buildManuscript, firstDeck, prepareManuscript, type BuildOptions, type FitLimits } from '../pipeline.js';
import { renderDeck } from '../render/html.js';
import { closeBrowser, launchBrowser, type BrowserEnv } from '../print/browser.js';
import { failureLine, Hub, listen, liveDeckRoutes, localOnly } from './shared.js';

export interface PreviewOptions {
  /** Reads it (with the outline.md of its output folder, if current): the input stage. */
  read: () => Promise<Manuscript>;
  /** Files whose saving means a rebuild: the manuscript, its outline.md, the configuration. */
  watched: string[];
  /** The templates folder: saving a file in it reloads the templates. */
  templates: string;
  /** The assets, read again when a template changed. */
  assets: (fresh: boolean) => Assets;
  build: Omit<BuildOptions, 'signal'>;
  browserEnv: BrowserEnv;
  port: number;
  log: (msg: string) => void;
}

export interface Preview {
  url: string;
  close(): Promise<void>;
}

const HTML_HEADERS = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };

export async function startPreview(o: PreviewOptions): Promise<Preview> {
  // (hono and chokidar are loaded here, for a preview, not when the program starts.)
  const { Hono } = await import('hono');
  const { watch } = await import('chokidar');
  let assets = o.assets(false);
  let version = 0;
  let current: { html: string; deck: Deck; ms: Manuscript; version: number } | null = null;
  const hub = new Hub();
  const pdfs = new Map<string, Promise<{ slides: Uint8Array; handout: Uint8Array }>>();
  let browser: Promise<Browser> | null = null;
  let closed = false;
  // What the last fit learnt: the next quick rebuild plans with it, so a save that
  // leaves those slides alone shows them fitted at once.
  let limits: FitLimits | undefined;
  const browserNow = () => (browser ??= launchBrowser(o.browserEnv));

  /** A build that failed: its one line said here and over the page, which keeps the last good deck. */
  function failed(err: unknown): void {
    const line = failureLine(err);
    o.log(line);
    hub.failed(line);
  }

  /** Plan and render, no Chromium: what a save shows at once. */
  async function quick(): Promise<void> {
    const v = ++version;
    const t = performance.now();
    let ms: Manuscript;
    try {
      ms = await o.read();
      const p = prepareManuscript(ms, o.build);
      const deck = firstDeck(p, limits);
      const { html } = await renderDeck(deck, assets, p.opts.render, 'live');
      if (v !== version) return;
      current = { html, deck, ms, version: v };
      o.log(`preview: rebuilt in ${Math.round(performance.now() - t)} ms, ${deck.slides.length} slides${ms.outline ? ' (from outline.md)' : ''}`);
      hub.reload(v);
    } catch (err) {
      if (v === version) failed(err);
      return;
    }
    void fitted(ms, v);
  }

  /** Fitted in Chromium as a build would: served if it changed anything and nothing newer came. */
  async function fitted(ms: Manuscript, v: number): Promise<void> {
    try {
      const r = await buildManuscript(ms, browserNow(), assets, { ...o.build, pdf: false, png: false });
      limits = r.limits;
      if (v !== version || !current) return;
      if (JSON.stringify(r.deck) === JSON.stringify(current.deck)) return o.log('preview: fits as shown');
      const { html } = await renderDeck(r.deck, assets, { ...o.build.render, theme: r.theme, aspect: r.aspect }, 'live');
      if (v !== version) return;
      current = { html, deck: r.deck, ms, version: v };
      o.log(`preview: fitted in ${r.rounds} rounds, ${r.deck.slides.length} slides`);
      hub.reload(v);
    } catch (err) {
      if (v === version && !closed) failed(err);
    }
  }

  function printed(): Promise<{ slides: Uint8Array; handout: Uint8Array }> {
    const now = current!;
    const key = String(now.version);
    let p = pdfs.get(key);
    if (!p) {
      pdfs.clear();
      p = buildManuscript(now.ms, browserNow(), assets, { ...o.build, pdf: true, png: false }).then((r) => ({ slides: r.pdf!, handout: r.handout! }));
      p.catch(() => pdfs.delete(key));
      pdfs.set(key, p);
    }
    return p;
  }

  const app = new Hono();
  let port = 0;
  app.use('*', localOnly(() => port));
  app.get('/', (c) => (current ? c.body(current.html, 200, HTML_HEADERS) : c.body(hub.failure ?? 'building…', hub.failure ? 500 : 503, { 'content-type': 'text/plain; charset=utf-8' })));
  liveDeckRoutes(app, () => assets);
  app.get('/events', (c) => hub.events(c));
  for (const name of ['slides', 'handout'] as const) {
    app.get(`/${name}.pdf`, async (c) => {
      if (!current) return c.body(hub.failure ?? 'building…', 503, { 'content-type': 'text/plain; charset=utf-8' });
      try {
        const pdf = (await printed())[name];
        return c.body(pdf as Uint8Array<ArrayBuffer>, 200, { 'content-type': 'application/pdf', 'cache-control': 'no-store' });
      } catch (err) {
        return c.body(failureLine(err), 500, { 'content-type': 'text/plain; charset=utf-8' });
      }
    });
  }

  await quick();
  const server = await listen(app, '127.0.0.1', o.port);
  port = server.port;

  let timer: NodeJS.Timeout | null = null;
  let templatesChanged = false;
  const later = () => {
    if (timer) clearTimeout(timer);
    // Editors save in steps (write, rename): one rebuild for a burst of events.
    timer = setTimeout(() => {
      timer = null;
      if (templatesChanged) {
        assets = o.assets(true);
        templatesChanged = false;
      }
      void quick();
    }, 60);
  };
  const watcher: FSWatcher = watch([...o.watched, o.templates], { ignoreInitial: true });
  watcher.on('all', (_event, path) => {
    if (path.startsWith(o.templates)) templatesChanged = true;
    later();
  });
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  return {
    url: `http://127.0.0.1:${server.port}/`,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await watcher.close();
      hub.close();
      await server.close();
      if (browser) await browser.then((b) => closeBrowser(b), () => undefined);
    },
  };
}
