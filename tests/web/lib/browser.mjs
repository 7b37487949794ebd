// Debian's chromium (/usr/bin/chromium), driven by playwright-core: never a
// browser playwright downloads (playwright-core has no download step; the
// executable path is given).  Each launch has a fresh profile in a
// temporary directory, removed on close.
//
//   import { launchBrowser, screenshot, watchPage } from './lib/browser.mjs';
//   const b = await launchBrowser();
//   try {
//     const page = await b.newPage();
//     const seen = watchPage(page);
//     await page.goto(url);
//     await screenshot(page, 'dashboard');
//     seen.problems()   // console errors, failed or 4xx/5xx requests, CSP
//   } finally { await b.close(); }
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath, outputDir, removeTempDir, tempDir } from './env.mjs';

// --no-sandbox: tests run as root in CI and in containers, where chromium's
// sandbox cannot start.  The rest keep a test run quiet and offline: no
// GPU, no QUIC, no first-run or background fetches, no component updates
// or sync; /dev/shm may be small (or absent) in a chroot or container.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

// Launches chromium headless with a fresh profile.  Resolves to
// { context (a playwright BrowserContext), newPage(), version (the
// browser's user agent string), close() }.  close() ends the browser and
// removes the profile; call it in a finally.  opts: viewport ({1280x900}),
// args (more command-line switches), headless (true), timeoutMs (30 s to
// start).
export async function launchBrowser({ viewport = { width: 1280, height: 900 },
  args = [], headless = true, timeoutMs = 30000 } = {}) {
  const profile = await tempDir('oversight-chromium-');
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless,
      args: [...CHROMIUM_ARGS, ...args],
      viewport,
      acceptDownloads: true,
      timeout: timeoutMs,
    });
  } catch (e) {
    await removeTempDir(profile);
    throw new Error(`cannot start ${chromiumPath}: ${e.message}`);
  }
  // A persistent context opens with one blank page; hand it out first.
  const spare = context.pages();
  const version = spare.length ? await spare[0].evaluate(() => navigator.userAgent) : '';
  return {
    context,
    version,
    async newPage() {
      const p = spare.shift();
      return p || context.newPage();
    },
    async close() {
      try {
        await context.close();
      } finally {
        await removeTempDir(profile);
      }
    },
  };
}

// Writes a full-page PNG of page to BUILD/test-output/browser/NAME.png
// (NAME made safe for a file name).  Resolves to the file's path.
export async function screenshot(page, name, { dir = 'browser' } = {}) {
  const safe = String(name).replace(/[^A-Za-z0-9._-]+/g, '_');
  const file = path.join(await outputDir(dir), `${safe}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// Records what a person would not see but a test should: console errors
// (a CSP refusal is one), uncaught page errors, requests that failed, and
// answers with status 400 or more.  Returns { problems(), clear() };
// problems() is a list of one-line strings, empty when all went well.
export function watchPage(page) {
  let list = [];
  page.on('console', (m) => {
    if (m.type() === 'error') list.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => list.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => {
    // A download the browser hands to its download manager reads as an
    // aborted request; that is not a failure.
    const why = r.failure() ? r.failure().errorText : '';
    if (why !== 'net::ERR_ABORTED') list.push(`request failed: ${r.method()} ${r.url()}: ${why}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) list.push(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`);
  });
  return {
    problems: () => list.slice(),
    clear: () => { list = []; },
  };
}
