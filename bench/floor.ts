// The floor of the bench: what any build must do at least once: launch Chromium,
// open a built deck in reveal's print view, print one PDF, close. It launches and
// closes Chromium with the build's own code (src/print/browser.ts: the same flags,
// profile folder and watchdog), so the ratio compares like with like. The bench
// bundles this file with esbuild, as the CLI is bundled.
import { closeBrowser, launchBrowser } from '../src/print/browser.js';

const deckPath = process.argv[2]!;
const browser = await launchBrowser({ env: process.env, platform: process.platform, isRoot: process.getuid?.() === 0 });
const page = await browser.newPage();
await page.goto('file://' + deckPath + '?print-pdf', { waitUntil: 'load' });
await page.waitForFunction(() => document.documentElement.dataset['pdfReady'] === 'true', { polling: 'mutation' });
await page.evaluate(() => document.fonts.ready.then(() => 0));
await page.pdf({ preferCSSPageSize: true, printBackground: true });
await closeBrowser(browser);
