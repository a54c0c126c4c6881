// The browser edge: finding and launching Chromium. Every use of the browser is under src/print/.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer';
import { SpeechdeckError } from '../errors.js';

export interface BrowserEnv {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  isRoot: boolean;
}

/** Where Chrome, Chromium or Edge usually live, per platform. */
export function systemCandidates(platform: NodeJS.Platform, env: Record<string, string | undefined>): string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  if (platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter(Boolean) as string[];
    return roots.flatMap((r) => [
      join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      join(r, 'Chromium', 'Application', 'chrome.exe'),
      join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ]);
  }
  const dirs = (env['PATH'] ?? '/usr/local/bin:/usr/bin:/bin').split(':').filter(Boolean);
  const names = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome', 'microsoft-edge'];
  return [...names.flatMap((n) => dirs.map((d) => join(d, n))), '/snap/bin/chromium', '/usr/lib/chromium/chromium'];
}

/**
 * Find a browser: PUPPETEER_EXECUTABLE_PATH or CHROME_PATH; then the usual system
 * places; then Puppeteer's own cache. Returns null when there is none.
 */
export function findBrowser(be: BrowserEnv, exists: (p: string) => boolean = existsSync): string | null {
  for (const key of ['PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH']) {
    const p = be.env[key];
    if (p) {
      if (exists(p)) return p;
      throw new SpeechdeckError('browser', `${key} points to ${p}, which does not exist.`, {
        hint: `Fix or unset ${key}.`,
      });
    }
  }
  for (const p of systemCandidates(be.platform, be.env)) if (exists(p)) return p;
  try {
    const cached = puppeteer.executablePath();
    if (cached && exists(cached)) return cached;
  } catch {
    // Puppeteer has no browser of its own here; that is expected.
  }
  return null;
}

export function launchArgs(isRoot: boolean): string[] {
  return [
    ...(isRoot ? ['--no-sandbox'] : []),
    '--disable-background-networking',
    '--no-first-run',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--disable-extensions',
    '--font-render-hinting=none',
    // Several pages work at once; none may be throttled or stop painting for being
    // in the background (screenshots of a background page otherwise hang).
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
  ];
}

export async function launchBrowser(be: BrowserEnv): Promise<Browser> {
  const executablePath = findBrowser(be);
  if (!executablePath) {
    throw new SpeechdeckError('browser', 'no Chrome or Chromium found.', {
      hint: 'Run `npm run setup` (it installs Chromium), or set CHROME_PATH to a Chrome/Chromium binary.',
    });
  }
  try {
    return await puppeteer.launch({
      executablePath,
      headless: true,
      args: launchArgs(be.isRoot),
      protocolTimeout: 120_000,
    });
  } catch (err) {
    throw new SpeechdeckError('browser', `cannot start ${executablePath}: ${(err as Error).message.split('\n')[0]}`, {
      hint: 'Check that it runs (`' + executablePath + ' --version`), or point CHROME_PATH at another browser.',
    });
  }
}
