// `speechdeck preview FILE`: the deck served on 127.0.0.1 and rebuilt whenever the
// manuscript, its outline.md, the configuration or a template is saved; the page
// reloads itself (server-sent events). A rebuild is quick because nothing is
// measured or subset: the slides as planned, the fonts linked whole from this
// server. Then Chromium fits the deck in the background, as a build would, and the
// page reloads once more if fitting changed it. slides.pdf and handout.pdf are
// made when asked for.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Hono } from 'hono';
import { createAdaptorServer } from '@hono/node-server';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import { watch, type FSWatcher } from 'chokidar';
import type { Browser } from 'puppeteer-core';
import type { Assets, Deck, Manuscript } from '../types.js';
import { SpeechdeckError } from '../errors.js';
import { buildManuscript, firstDeck, prepareManuscript, type BuildOptions, type FitLimits } from '../pipeline.js';
import { renderDeck } from '../render/html.js';
import { closeBrowser, launchBrowser, type BrowserEnv } from '../print/browser.js';

export interface PreviewOptions {
  /** The manuscript, as the user named it. */
  file: string;
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
  /** Rebuild now (as a save would), resolved when the quick rebuild is served. */
  rebuild(): Promise<void>;
  close(): Promise<void>;
}

/** The page's side: reload on a new build, show a failed one's message over the last good deck. */
const LIVE_JS = `(() => {
  const es = new EventSource('/events');
  es.addEventListener('reload', () => location.reload());
  es.addEventListener('failed', (e) => {
    let box = document.getElementById('speechdeck-failed');
    if (!box) {
      box = document.createElement('div');
      box.id = 'speechdeck-failed';
      Object.assign(box.style, { position: 'fixed', left: '0', right: '0', top: '0', zIndex: '9999', padding: '12px 16px', font: '16px/1.4 sans-serif', background: '#b00020', color: '#fff', whiteSpace: 'pre-wrap' });
      document.body.appendChild(box);
    }
    box.textContent = e.data;
  });
})();
`;

const HTML_HEADERS = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };

export async function startPreview(o: PreviewOptions): Promise<Preview> {
  let assets = o.assets(false);
  let version = 0;
  let current: { html: string; deck: Deck; ms: Manuscript; version: number } | null = null;
  let failure: string | null = null;
  const clients = new Set<SSEStreamingApi>();
  const pdfs = new Map<string, Promise<{ slides: Uint8Array; handout: Uint8Array }>>();
  let browser: Promise<Browser> | null = null;
  let closed = false;
  // What the last fit learnt: the next quick rebuild plans with it, so a save that
  // leaves those slides alone shows them fitted at once.
  let limits: FitLimits | undefined;
  const browserNow = () => (browser ??= launchBrowser(o.browserEnv));

  const send = (event: string, data: string) => {
    for (const c of clients) void c.writeSSE({ event, data }).catch(() => clients.delete(c));
  };

  /** A build that failed: its one line said here and over the page, which keeps the last good deck. */
  function failed(err: unknown): void {
    failure = err instanceof SpeechdeckError ? err.format() : `speechdeck: internal error: ${String((err as Error)?.message ?? err)}`;
    o.log(failure);
    send('failed', failure);
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
      failure = null;
      o.log(`preview: rebuilt in ${Math.round(performance.now() - t)} ms, ${deck.slides.length} slides${ms.outline ? ' (from outline.md)' : ''}`);
      send('reload', String(v));
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
      send('reload', String(v));
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
  app.get('/', (c) => (current ? c.body(current.html, 200, HTML_HEADERS) : c.body(failure ?? 'building…', failure ? 500 : 503, { 'content-type': 'text/plain; charset=utf-8' })));
  app.get('/live.js', (c) => c.body(LIVE_JS, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }));
  const fonts = () => new Map(assets.fonts.map((f) => [f.key, f.data]));
  let fontMap = fonts();
  // A font slice by its key from the table: nothing in a request names a file.
  app.get('/fonts/:key', (c) => {
    const data = fontMap.get(c.req.param('key'));
    return data ? c.body(data as Uint8Array<ArrayBuffer>, 200, { 'content-type': 'font/woff2', 'cache-control': 'max-age=3600' }) : c.notFound();
  });
  // Each page listening, until it goes or the preview stops.
  const ending = new Set<() => void>();
  app.get('/events', (c) =>
    streamSSE(c, async (stream) => {
      clients.add(stream);
      if (failure) await stream.writeSSE({ event: 'failed', data: failure });
      await new Promise<void>((resolve) => {
        ending.add(resolve);
        stream.onAbort(() => resolve());
      });
      clients.delete(stream);
    }),
  );
  // (Proxies and browsers drop a stream that says nothing for long.)
  const keepAlive = setInterval(() => {
    for (const c of clients) void c.write(': keep-alive\n\n').catch(() => clients.delete(c));
  }, 15_000);
  keepAlive.unref();
  for (const name of ['slides', 'handout'] as const) {
    app.get(`/${name}.pdf`, async (c) => {
      if (!current) return c.body(failure ?? 'building…', 503, { 'content-type': 'text/plain; charset=utf-8' });
      try {
        const pdf = (await printed())[name];
        return c.body(pdf as Uint8Array<ArrayBuffer>, 200, { 'content-type': 'application/pdf', 'cache-control': 'no-store' });
      } catch (err) {
        return c.body(err instanceof SpeechdeckError ? err.format() : String(err), 500, { 'content-type': 'text/plain; charset=utf-8' });
      }
    });
  }

  await quick();
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(new SpeechdeckError('usage', err.code === 'EADDRINUSE' ? `port ${o.port} is in use.` : `cannot serve on 127.0.0.1:${o.port} (${err.code}).`, { hint: 'Choose another with --port N (0: any free port).' })),
    );
    server.listen(o.port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });

  let timer: NodeJS.Timeout | null = null;
  let templatesChanged = false;
  const later = () => {
    if (timer) clearTimeout(timer);
    // Editors save in steps (write, rename): one rebuild for a burst of events.
    timer = setTimeout(() => {
      timer = null;
      if (templatesChanged) {
        assets = o.assets(true);
        fontMap = fonts();
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
    url: `http://127.0.0.1:${port}/`,
    rebuild: quick,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      clearInterval(keepAlive);
      await watcher.close();
      for (const end of ending) end();
      for (const c of clients) void c.close().catch(() => undefined);
      clients.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      });
      if (browser) await browser.then((b) => closeBrowser(b), () => undefined);
    },
  };
}
