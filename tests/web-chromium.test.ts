// `speechdeck serve` (issue 12, item 4): the web page in a real browser, and the
// server's refusals. Each test starts the built CLI's server on a free port.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import puppeteer, { type ElementHandle } from 'puppeteer-core';
import { findBrowser, launchArgs } from '../src/print/browser.js';
import { ROOT, SEED, scratch } from './helpers.js';

const CLI = join(ROOT, '.cache', 'cli.mjs');
const { work } = scratch('speechdeck-web-');

/** The server, once it says its address; `stop()` ends it with SIGINT and gives its exit code. */
async function server(...args: string[]): Promise<{ url: string; child: ChildProcess; log: () => string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--no-open', '--port', '0', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const end = Date.now() + 20_000;
  while (!/serve: (http\S+)/.test(stderr)) {
    if (Date.now() > end || child.exitCode !== null) throw new Error(`the server did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const stop = async () => {
    child.kill('SIGINT');
    if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
    return child.exitCode;
  };
  return { url: /serve: (http\S+)/.exec(stderr)![1]!, child, log: () => stderr, stop };
}

test('chromium: serve: drop the seed, rename a slide and delete a bullet in the page, download slides.pdf with them; a bad file says why; another Host, a cross-site form, a stale edit, 401 slides, 3 MB and broken Unicode are refused', { timeout: 120_000 }, async () => {
  const s = await server();
  const browser = await puppeteer.launch({ executablePath: findBrowser({ env: process.env, platform: process.platform, isRoot: process.getuid?.() === 0 })!, headless: true, args: launchArgs(process.getuid?.() === 0) });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 900 });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(s.url, { waitUntil: 'load' });
    const input = (await page.$('input#file')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(SEED);
    await page.waitForFunction(() => document.querySelectorAll('#slides > li').length === 17, { timeout: 60_000 });
    // The deck is beside the outline.
    const frame = (await (await page.$('#deck'))!.contentFrame())!;
    await frame.waitForFunction(() => document.querySelector('.reveal.ready'), { timeout: 20_000 });
    // Slide 3 renamed (typed, then Tab), its second bullet deleted.
    const title = (await page.$('#slides > li:nth-child(3) input.title'))!;
    await title.click({ count: 3 });
    await title.type('去年工作的五个全');
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => (document.querySelector('#slides > li:nth-child(3) input.title') as HTMLInputElement).value === '去年工作的五个全' && document.getElementById('name')!.textContent!.includes('17'));
    await new Promise((r) => setTimeout(r, 300));
    const bullets = () => page.$$eval('#slides > li:nth-child(3) .entries textarea', (ts) => ts.map((t) => (t as HTMLTextAreaElement).value));
    assert.deepEqual((await bullets()).slice(0, 2), ['全方位拓展工作职能', '全力推进机关文化建设']);
    // (A bullet's buttons show while it is being edited.)
    await page.click('#slides > li:nth-child(3) .entries li:nth-child(2) textarea');
    await page.click('#slides > li:nth-child(3) .entries li:nth-child(2) button.danger');
    await page.waitForFunction(() => document.querySelectorAll('#slides > li:nth-child(3) .entries li').length === 4);
    assert.ok(!(await bullets()).includes('全力推进机关文化建设'));
    // The deck in the frame reloaded with the new title.
    await page.waitForFunction(() => {
      const doc = (document.getElementById('deck') as HTMLIFrameElement).contentDocument;
      return doc?.querySelector('.reveal.ready') && [...doc.querySelectorAll('.slides section h2')].some((h) => h.textContent === '去年工作的五个全');
    }, { timeout: 20_000 });
    // slides.pdf, by its button, into a download folder.
    const downloads = join(work, 'downloads');
    const cdp = await page.createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
    const buttons = await page.$$('#downloads button');
    for (const b of buttons) if ((await b.evaluate((e) => e.textContent)) === 'slides.pdf') await b.click();
    const end = Date.now() + 60_000;
    while (!(existsSync(downloads) && readdirSync(downloads).includes('slides.pdf'))) {
      assert.ok(Date.now() < end, 'slides.pdf downloaded');
      await new Promise((r) => setTimeout(r, 100));
    }
    const text = execFileSync('pdftotext', [join(downloads, 'slides.pdf'), '-'], { encoding: 'utf8' });
    assert.ok(text.includes('去年工作的五个全'));
    assert.ok(!text.includes('全力推进机关文化建设'));
    assert.ok(text.includes('全面活跃机关工作生活'));
    assert.deepEqual(errors, []);
    // Another file, not a manuscript: its one line in the page.
    const bad = join(work, 'report.txt');
    writeFileSync(bad, '%PDF-1.4 not really');
    page.on('dialog', (d) => void d.accept());
    await page.click('#again');
    await ((await page.$('input#file')) as ElementHandle<HTMLInputElement>).uploadFile(bad);
    await page.waitForFunction(() => document.getElementById('status')!.className === 'error');
    assert.match(await page.$eval('#status', (e) => e.textContent!), /report\.txt: is a PDF/);
    // Over HTTP, to the same server: another Host or a cross-site form is refused; a stale
    // edit is 409; an outline past 400 slides, a body past 3 MB and broken Unicode are refused.
    assert.equal(await raw(s.url, 'GET', { host: 'rebind.example:80' }), 403);
    assert.equal(await raw(`${s.url}api/decks`, 'POST', { origin: 'http://evil.example', 'content-type': 'application/json' }, '{"text":"x"}'), 403);
    const post = (path: string, body: unknown, method = 'POST') => fetch(s.url + path, { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    assert.equal((await post('api/decks', { text: 'ab\ud800cd' })).status, 400);
    const outlineFile = new FormData();
    outlineFile.append('file', new Blob(['<!-- speechdeck outline 1 · talk.txt · sha256 0123456789abcdef -->\n\n## 标题\n- 一\n']), 'outline.md');
    const dropped = await fetch(`${s.url}api/decks`, { method: 'POST', body: outlineFile });
    assert.equal(dropped.status, 400);
    assert.match(((await dropped.json()) as { error: string }).error, /outline\.md is an outline, not a speech\. Drop the speech it was made from \(talk\.txt\) first/);
    const made = (await (await post('api/decks', { text: '关于安全的讲话\n\n同志们：\n\n一、要重视安全\n\n安全是头等大事。\n\n二、要落实责任\n\n责任重于泰山。\n', name: 'x\u202egnp.exe' })).json()) as { id: string; version: number; name: string; outline: string };
    assert.equal(made.name, 'xgnp.exe', 'no bidi control in the name');
    const edit = (version: number) => post(`api/decks/${made.id}/edit`, { op: 'retitle', slide: 0, title: '新标题', version });
    assert.equal((await edit(made.version)).status, 200);
    assert.equal((await edit(made.version)).status, 409, 'made on the version before');
    const many = made.outline + Array.from({ length: 401 }, (_, i) => `\n## 第${i}页\n- 一\n`).join('');
    const r = await post(`api/decks/${made.id}/outline`, { text: many }, 'PUT');
    assert.equal(r.status, 400);
    assert.match(((await r.json()) as { error: string }).error, /more than 400 slides/);
    assert.equal((await post(`api/decks/${made.id}/outline`, { text: 'x'.repeat(3_200_000) }, 'PUT')).status, 413);
  } finally {
    await browser.close();
    assert.equal(await s.stop(), 0, s.log());
  }
});

test('serve: on another address it wants the token; an upload past 20 MB, or of another kind, is refused', { timeout: 60_000 }, async () => {
  const s = await server('--host', '127.0.0.2');
  try {
    assert.match(s.url, /^http:\/\/127\.0\.0\.2:\d+\/\?token=[\w-]{24}$/);
    const base = s.url.replace(/\?.*$/, '');
    assert.equal((await fetch(base)).status, 403);
    assert.equal((await fetch(`${base}?token=nope`)).status, 403);
    const ok = await fetch(s.url);
    assert.equal(ok.status, 200);
    assert.match(ok.headers.get('content-security-policy')!, /default-src 'none'; script-src 'self'/);
    const cookie = ok.headers.get('set-cookie')!.split(';')[0]!;
    const form = (bytes: Uint8Array, name: string) => {
      const f = new FormData();
      f.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), name);
      return f;
    };
    const big = await fetch(`${base}api/decks`, { method: 'POST', body: form(new Uint8Array(21 * 1024 * 1024), 'big.txt'), headers: { cookie } });
    assert.equal(big.status, 413);
    assert.match(((await big.json()) as { error: string }).error, /larger than 20 MB/);
    const kind = await fetch(`${base}api/decks`, { method: 'POST', body: form(new Uint8Array([1, 2, 3]), 'slides.key'), headers: { cookie } });
    assert.equal(kind.status, 415);
    const noCookie = await fetch(`${base}api/decks`, { method: 'POST', body: form(new Uint8Array([65]), 'a.txt') });
    assert.equal(noCookie.status, 403);
    const bad = await fetch(`${base}api/decks/0123456789abcdef01234567/edit`, { method: 'POST', body: '{"op":"retitle"}', headers: { cookie, 'content-type': 'application/json' } });
    assert.equal(bad.status, 404);
  } finally {
    assert.equal(await s.stop(), 0, s.log());
  }
});

/** A request with headers fetch will not set (Host). */
function raw(url: string, method: string, headers: Record<string, string>, body = ''): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    req.on('error', reject);
    req.end(body);
  });
}
