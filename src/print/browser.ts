// The browser edge: finding, launching, watching and closing Chromium. Every use of the browser is under src/print/.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
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
 * places. Returns null when there is none. (speechdeck depends on puppeteer-core,
 * which never downloads a browser: installing it works offline.)
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

/** How long one page operation (load, measure, print), or the browser's answer to "are you there?", may take. */
export const DEFAULT_PAGE_TIMEOUT_MS = 30_000;
/** How often the browser is asked whether it still answers. */
const HEARTBEAT_MS = 2_000;
/** How long a graceful close, or a killed browser's exit, is waited for. */
const CLOSE_GRACE_MS = 2_000;

/** SPEECHDECK_PAGE_TIMEOUT_MS (milliseconds), else 30 s. */
export function pageTimeoutMs(env: Record<string, string | undefined>): number {
  const ms = Number(env['SPEECHDECK_PAGE_TIMEOUT_MS']);
  return Number.isFinite(ms) && ms > 0 ? ms : DEFAULT_PAGE_TIMEOUT_MS;
}

/** What became of a browser we launched: still with us (null), quit on its own (crashed, killed), stopped answering, or closed by us. */
type Lost = 'quit' | 'silent' | 'closed';

interface Session {
  timeoutMs: number;
  profileDir: string;
  /** Aborting it makes puppeteer kill Chromium's whole process group (SIGKILL). */
  kill: AbortController;
  lost: Lost | null;
  /** How the process ended, once it has: a signal name or `status N`. */
  ended: string | null;
  exited: Promise<void>;
  heartbeat: ReturnType<typeof setInterval>;
  ping: Promise<void> | null;
  closing: Promise<void> | null;
}

const sessions = new WeakMap<Browser, Session>();

/**
 * Start Chromium for one run. Its profile folder is ours (under the name puppeteer
 * gives it), so closeBrowser can remove it on every way out. `signal` aborts the
 * start (an interrupt while Chromium is starting). Every call to the browser is
 * bounded by the page timeout, and a heartbeat notices a browser that stopped
 * answering (SIGSTOP, a hang): it is then killed, so that everything waiting on it
 * fails at once, as the browser's fault (see browserFault), not a file's.
 */
export async function launchBrowser(be: BrowserEnv, signal?: AbortSignal): Promise<Browser> {
  const executablePath = findBrowser(be);
  if (!executablePath) {
    throw new SpeechdeckError('browser', 'no Chrome or Chromium found.', {
      hint: 'Install Google Chrome or Chromium (Debian/Ubuntu: apt-get install chromium; in a clone of speechdeck, npm run setup does it), or set CHROME_PATH to its binary.',
    });
  }
  const timeoutMs = pageTimeoutMs(be.env);
  const profileDir = mkdtempSync(join(tmpdir(), 'puppeteer_dev_chrome_profile-'));
  const kill = new AbortController();
  const onAbort = () => kill.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args: [...launchArgs(be.isRoot), `--user-data-dir=${profileDir}`],
      protocolTimeout: timeoutMs,
      // Signals are the CLI's business: it closes the browser and removes the profile.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      signal: kill.signal,
    });
  } catch (err) {
    kill.abort();
    removeProfile(profileDir);
    if (signal?.aborted) throw new SpeechdeckError('browser', 'interrupted while the browser was starting.');
    throw new SpeechdeckError('browser', `cannot start ${executablePath}: ${(err as Error).message.split('\n')[0]}`, {
      hint: 'Check that it runs (`' + executablePath + ' --version`), or point CHROME_PATH at another browser.',
    });
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  const proc = browser.process();
  const s: Session = {
    timeoutMs,
    profileDir,
    kill,
    lost: null,
    ended: null,
    exited: Promise.resolve(),
    heartbeat: setInterval(() => void ping(browser, s), HEARTBEAT_MS),
    ping: null,
    closing: null,
  };
  s.heartbeat.unref();
  if (proc && proc.exitCode === null && proc.signalCode === null) {
    s.exited = new Promise((resolve) =>
      proc.once('exit', (code, sig) => {
        s.ended = sig ?? `status ${code}`;
        markLost(s, 'quit');
        // However it ended (closed, killed, crashed), its profile goes with it, and so
        // does what is left of its process group (a killed browser's helpers can
        // still be writing there; closeBrowser tries again if this removal fails).
        s.kill.abort();
        removeProfile(profileDir);
        resolve();
      }),
    );
  }
  browser.on('disconnected', () => markLost(s, 'quit'));
  sessions.set(browser, s);
  return browser;
}

function markLost(s: Session, how: Lost): void {
  if (s.lost) return;
  s.lost = how;
  clearInterval(s.heartbeat);
  // A browser that does not answer is no use and may never come back: end it, so
  // that every call still waiting on it fails now rather than at its own timeout.
  if (how === 'silent') s.kill.abort();
}

/** Ask the browser for its version; no answer within the page timeout means it is stuck. */
function ping(browser: Browser, s: Session): Promise<void> {
  if (s.lost) return Promise.resolve();
  s.ping ??= new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      markLost(s, 'silent');
      resolve();
    }, s.timeoutMs);
    timer.unref();
    browser.version().then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      () => {
        clearTimeout(timer);
        markLost(s, browser.connected ? 'silent' : 'quit');
        resolve();
      },
    );
  }).finally(() => (s.ping = null));
  return s.ping;
}

/** The page timeout of this browser (SPEECHDECK_PAGE_TIMEOUT_MS at launch). */
export function pageTimeout(browser: Browser): number {
  return sessions.get(browser)?.timeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS;
}

/** A file that was in the browser when the browser quit or stopped answering: not the file's fault. */
export class BrowserLost extends SpeechdeckError {
  constructor(
    /** Why, for people: `Chromium was killed by SIGKILL`, `Chromium did not answer for 30 s`. */
    readonly why: string,
    /** What was being done with the file: `laying out`, `printing`. */
    readonly doing: string,
    file: string,
    readonly timeoutMs: number,
  ) {
    super('browser', `the browser stopped while ${doing} this file (${why}).`, { file });
  }
}

function describeLoss(s: Session): string {
  if (s.lost === 'silent') return `Chromium did not answer for ${Math.round(s.timeoutMs / 1000)} s`;
  if (s.lost === 'closed') return 'the build was stopping';
  if (s.ended === 'SIGKILL') return 'Chromium was killed by SIGKILL';
  if (s.ended?.startsWith('SIG')) return `Chromium ended on ${s.ended}`;
  if (s.ended && s.ended !== 'status 0') return `Chromium exited with ${s.ended}`;
  return 'Chromium exited unexpectedly';
}

/**
 * Whether `err`, met while `doing` something with `file`, is the browser's fault:
 * Chromium quit (crashed, killed) or stopped answering. Then a BrowserLost naming
 * the file; else null (the error is the file's own, or a bug). A timeout may be the
 * page's (a deck that never settles) or the browser's: the browser is asked.
 */
export async function browserFault(err: unknown, browser: Browser, file: string, doing: string): Promise<BrowserLost | null> {
  if (err instanceof BrowserLost) return err;
  if (err instanceof SpeechdeckError) return null;
  const s = sessions.get(browser);
  if (!s) return null;
  if (!s.lost) await ping(browser, s);
  if (!s.lost) return null;
  // The socket often closes before the process is reaped; wait (briefly) to say how it ended.
  if (s.lost === 'quit') await within(s.exited, 1000);
  return new BrowserLost(describeLoss(s), doing, file, s.timeoutMs);
}

/**
 * An error met while a healthy browser worked on one file: a timeout is that
 * file's deck taking too long (a layout error of the file, the batch goes on);
 * anything else is returned as it is (a bug keeps its stack trace).
 */
export function pageFault(err: unknown, browser: Browser, file: string, doing: string): unknown {
  if (err instanceof SpeechdeckError || !(err instanceof Error)) return err;
  if (err.name !== 'TimeoutError' && !/timed? ?out/i.test(err.message)) return err;
  const secs = Math.round(pageTimeout(browser) / 1000);
  return new SpeechdeckError('layout', `Chromium did not finish ${doing} this deck within ${secs} s.`, {
    file,
    hint: `Build it again; on a slow or busy machine allow more time with SPEECHDECK_PAGE_TIMEOUT_MS (now ${secs * 1000}).`,
  });
}

/** True once the browser has quit, stopped answering or is being closed. */
export function browserGone(browser: Browser): boolean {
  return !!sessions.get(browser)?.lost;
}

/**
 * The one line for a batch that the browser left: `the browser stopped while
 * printing b.txt (Chromium was killed by SIGKILL); 1 of 4 built.` and what to do.
 */
export function browserLostError(lost: BrowserLost[], built: number, total: number): SpeechdeckError {
  const byDoing = new Map<string, string[]>();
  for (const e of lost) byDoing.set(e.doing, [...(byDoing.get(e.doing) ?? []), e.file!]);
  const what = [...byDoing].map(([doing, files]) => `${doing} ${files.join(', ')}`).join(' and ');
  const first = lost[0]!;
  const silent = first.why.includes('did not answer');
  return new SpeechdeckError('browser', `the browser stopped while ${what} (${first.why}); ${built} of ${total} built.`, {
    hint: silent
      ? `Build again; on a slow or busy machine, allow more time with SPEECHDECK_PAGE_TIMEOUT_MS (now ${first.timeoutMs}).`
      : 'Build again; if it happens again, check free memory, or point CHROME_PATH at another Chrome/Chromium.',
  });
}

/**
 * A new page, bounded like every other call: puppeteer's newPage waits for the
 * target to attach with no timeout of its own, so a browser killed or closed in
 * between (an interrupt mid-batch) would leave it waiting for ever. It fails at
 * once when the browser is being closed, and after the page timeout otherwise.
 */
export function openPage(browser: Browser): Promise<Page> {
  const s = sessions.get(browser);
  if (!s) return browser.newPage();
  if (s.lost) return Promise.reject(new Error(`Target closed: the browser is ${s.lost}`));
  return new Promise<Page>((resolve, reject) => {
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      s.kill.signal.removeEventListener('abort', onAbort);
      f();
    };
    const onAbort = () => settle(() => reject(new Error('Target closed: the browser was closed')));
    const timer = setTimeout(() => settle(() => reject(Object.assign(new Error(`Timed out after ${s.timeoutMs} ms opening a page`), { name: 'TimeoutError' }))), s.timeoutMs);
    s.kill.signal.addEventListener('abort', onAbort, { once: true });
    browser.newPage().then(
      (page) => (settled ? void page.close().catch(() => undefined) : settle(() => resolve(page))),
      (err) => settle(() => reject(err)),
    );
  });
}

/** Close a page; when the browser is gone there is nothing left to close. */
export async function closePage(page: Page): Promise<void> {
  if (page.isClosed() || browserGone(page.browser())) return;
  await page.close().catch((err) => {
    if (!browserGone(page.browser())) throw err;
  });
}

/**
 * End the browser and remove its profile folder. Gracefully, unless `now` (an
 * interrupt) or the browser is already lost; whatever is left of its process group
 * is killed. Safe to call more than once.
 */
export function closeBrowser(browser: Browser, opts: { now?: boolean } = {}): Promise<void> {
  const s = sessions.get(browser);
  if (!s) return browser.close();
  s.closing ??= (async () => {
    const graceful = !s.lost && !opts.now;
    markLost(s, 'closed');
    if (graceful) await within(browser.close(), CLOSE_GRACE_MS);
    s.kill.abort();
    await within(s.exited, CLOSE_GRACE_MS);
    for (let i = 0; i < 20 && !removeProfile(s.profileDir); i++) await new Promise((res) => setTimeout(res, 100));
  })();
  return s.closing;
}

/** For a second interrupt: kill the browser and remove its profile, synchronously. */
export function abandonBrowser(browser: Browser): void {
  const s = sessions.get(browser);
  if (!s) return;
  markLost(s, 'closed');
  s.kill.abort();
  removeProfile(s.profileDir);
}

/**
 * Remove a profile folder; true once it is gone. Never throws: it is called from
 * process event handlers, where a throw would end the run as an internal error
 * (a killed Chromium's helpers may still be writing there: ENOTEMPTY).
 */
function removeProfile(dir: string): boolean {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
  } catch {
    return false;
  }
  return !existsSync(dir);
}

/** Wait for `p` (settled either way), but no longer than `ms`. */
async function within(p: Promise<unknown>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([p.catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
