// `speechdeck preview FILE` (issue 12, item 3) in a real browser: the page shows
// the deck, reloads itself with the change when the manuscript is saved, shows a
// failed build's message over the last good deck.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { findBrowser, launchArgs } from '../src/print/browser.js';
import { ROOT, scratch } from './helpers.js';

const CLI = join(ROOT, '.cache', 'cli.mjs');
const { work } = scratch('speechdeck-preview-');

test('chromium: preview serves the deck, reloads it when the manuscript is saved, shows a failed build over the last good deck, serves fonts by key only', { timeout: 90_000 }, async (t) => {
  const file = join(work, 'talk.txt');
  const text = `在项目签约仪式上的讲话\n\n${readFileSync(join(ROOT, 'tests', 'fixtures', 'manuscripts', '14-zh-short-remarks.txt'), 'utf8')}`;
  writeFileSync(file, text);
  const child = spawn(process.execPath, [CLI, 'preview', file, '--port', '0', '--out', join(work, 'out')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const waitFor = async (re: RegExp, ms = 30_000) => {
    const end = Date.now() + ms;
    while (!re.test(stderr)) {
      if (Date.now() > end || child.exitCode !== null) throw new Error(`no ${re} in: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return re.exec(stderr)!;
  };
  const browser = await puppeteer.launch({ executablePath: findBrowser({ env: process.env, platform: process.platform, isRoot: process.getuid?.() === 0 })!, headless: true, args: launchArgs(process.getuid?.() === 0) });
  try {
    const url = (await waitFor(/preview: (http:\/\/127\.0\.0\.1:\d+\/)/))[1]!;
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('.reveal.ready'));
    const h1 = () => page.evaluate(() => document.querySelector('.slides section h1')?.textContent ?? '');
    const title = '在项目签约仪式上的讲话';
    assert.equal(await h1(), title);
    // Saved with a new title: the page reloads by itself and shows it.
    const reloaded = page.waitForNavigation({ waitUntil: 'load', timeout: 10_000 });
    writeFileSync(file, text.replace(title, '关于预览的讲话'));
    await reloaded;
    await page.waitForFunction(() => document.querySelector('.reveal.ready'));
    assert.equal(await h1(), '关于预览的讲话');
    const ms = [...stderr.matchAll(/preview: rebuilt in (\d+) ms/g)].map((m) => Number(m[1]));
    t.diagnostic(`rebuilds: ${ms.join(', ')} ms`);
    // An empty manuscript: the message over the deck, which stays.
    writeFileSync(file, '');
    await page.waitForFunction(() => document.getElementById('speechdeck-failed')?.textContent?.includes('the manuscript is empty'), { timeout: 10_000 });
    assert.equal(await h1(), '关于预览的讲话');
    writeFileSync(file, text.replace(title, '关于预览的讲话'));
    await page.waitForNavigation({ waitUntil: 'load', timeout: 10_000 });
    // A font by its key only. (The PDFs on request are a build's; the web page's test prints one.)
    assert.equal((await fetch(url + 'fonts/..%2F..%2Fpackage.json')).status, 404);
    assert.deepEqual(errors, [], 'no console errors (CSP, fonts)');
  } finally {
    await browser.close();
    child.kill('SIGINT');
    await new Promise((r) => child.once('exit', r));
  }
  assert.equal(child.exitCode, 0, stderr);
  assert.match(stderr, /preview: stopped \(SIGINT\)/);
});
