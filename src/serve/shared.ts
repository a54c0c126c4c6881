// What the live preview and the web page's server share: a live deck's script and
// fonts, the server-sent events that reload a deck, and listening on a port.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { SSEStreamingApi } from 'hono/streaming';

// The server's libraries are loaded when a server starts (listen), not when the program does.
let streaming: typeof import('hono/streaming') | undefined;
import type { Assets } from '../types.js';
import { SpeechdeckError } from '../errors.js';

/**
 * A live deck's side (renderDeck(…, 'live') loads it as /live.js): reload on a new
 * build, show a failed one's message over the last good deck. The events come
 * from `events` beside the deck's own address.
 */
const LIVE_JS = `(() => {
  const es = new EventSource('events');
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

/** /live.js, and /fonts/KEY: a font slice by its key from the assets' table (nothing in a request names a file). */
export function liveDeckRoutes(app: Hono, assets: () => Assets): void {
  app.get('/live.js', (c) => c.body(LIVE_JS, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }));
  let table: { from: Assets; map: Map<string, Uint8Array> } | null = null;
  app.get('/fonts/:key', (c) => {
    const now = assets();
    if (table?.from !== now) table = { from: now, map: new Map(now.fonts.map((f) => [f.key, f.data])) };
    const data = table.map.get(c.req.param('key'));
    return data ? c.body(data as Uint8Array<ArrayBuffer>, 200, { 'content-type': 'font/woff2', 'cache-control': 'max-age=3600' }) : c.notFound();
  });
}

/** The pages listening to one deck's events: told to reload, or why the last build failed. */
export class Hub {
  private readonly clients = new Set<SSEStreamingApi>();
  private readonly ending = new Set<() => void>();
  private readonly keepAlive: NodeJS.Timeout;
  /** Said to every page that connects while it stands. */
  failure: string | null = null;

  constructor() {
    // (Proxies and browsers drop a stream that says nothing for long.)
    this.keepAlive = setInterval(() => {
      for (const c of this.clients) void c.write(': keep-alive\n\n').catch(() => this.clients.delete(c));
    }, 15_000);
    this.keepAlive.unref();
  }

  /** The response of a GET on `events`: open until the page goes or the hub closes. */
  events(c: Context): Response {
    return streaming!.streamSSE(c, async (stream) => {
      this.clients.add(stream);
      if (this.failure) await stream.writeSSE({ event: 'failed', data: this.failure });
      let end = () => {};
      await new Promise<void>((resolve) => {
        end = resolve;
        this.ending.add(resolve);
        stream.onAbort(() => resolve());
      });
      this.ending.delete(end);
      this.clients.delete(stream);
    });
  }

  reload(version: number): void {
    this.failure = null;
    this.send('reload', String(version));
  }

  failed(message: string): void {
    this.failure = message;
    this.send('failed', message);
  }

  private send(event: string, data: string): void {
    for (const c of this.clients) void c.writeSSE({ event, data }).catch(() => this.clients.delete(c));
  }

  close(): void {
    clearInterval(this.keepAlive);
    for (const end of this.ending) end();
    for (const c of this.clients) void c.close().catch(() => undefined);
    this.clients.clear();
  }
}

/** Serve `app` on host:port (0: any free port); a port in use is a usage error saying what to do. */
export async function listen(app: Hono, host: string, port: number): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  streaming ??= await import('hono/streaming');
  const { createAdaptorServer } = await import('@hono/node-server');
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  const bound = await new Promise<number>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(new SpeechdeckError('usage', err.code === 'EADDRINUSE' ? `port ${port} is in use.` : `cannot serve on ${host}:${port} (${err.code}).`, { hint: 'Choose another with --port N (0: any free port).' })),
    );
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
  return {
    server,
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}

/**
 * Middleware for a server on 127.0.0.1 with no token: a request must name this
 * machine as its Host (another name is DNS rebinding: a site that points its own
 * name here), and a request that changes something must come from its own pages
 * (no Origin, or this one: not a form on another site).
 */
export function localOnly(port: () => number): MiddlewareHandler {
  return async (c, next) => {
    const hosts = [`127.0.0.1:${port()}`, `localhost:${port()}`, `[::1]:${port()}`];
    const host = c.req.header('host') ?? '';
    if (!hosts.includes(host)) return c.text('speechdeck: this server answers only to http://127.0.0.1 on this machine.', 403);
    const origin = c.req.header('origin');
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && origin !== undefined && origin !== `http://${host}`) return c.text('speechdeck: a page from another site may not change anything here.', 403);
    await next();
  };
}

/** A build's failure as the one line a page shows. */
export function failureLine(err: unknown): string {
  return err instanceof SpeechdeckError ? err.format() : `speechdeck: internal error: ${String((err as Error)?.message ?? err)}`;
}
