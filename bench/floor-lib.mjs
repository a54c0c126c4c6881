// The floor of the bench: what any build must do at least once: launch Chromium,
// open a deck in reveal's print view, print one PDF, close. Same launch flags as
// the build.
import puppeteer from 'puppeteer-core';
import { execFileSync } from 'node:child_process';

export async function launchBrowser(deckPath) {
  const executablePath = execFileSync(process.execPath, [new URL('../.cache/cli.mjs', import.meta.url).pathname, '--find-browser'], { encoding: 'utf8' }).trim();
  const root = process.getuid?.() === 0;
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: [...(root ? ['--no-sandbox'] : []), '--disable-background-networking', '--no-first-run', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const page = await browser.newPage();
  await page.goto('file://' + deckPath + '?print-pdf', { waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.dataset.pdfReady === 'true', { polling: 'mutation' });
  await page.evaluate(() => document.fonts.ready.then(() => 0));
  await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await browser.close();
}
