// Smoke test of the browser tooling, before and apart from the web server:
// a page put together from GOV.UK Frontend's own component examples, served
// by node:http on 127.0.0.1 with the headers the real server will send
// (a Content-Security-Policy without 'unsafe-inline', nosniff), opened in
// Debian's chromium through playwright-core; axe-core scans it; a
// screenshot goes to BUILD/test-output/browser/.
//
// It shows: the assets meson copied (OV_ASSETS) are complete and load (CSS,
// fonts, the JavaScript as a module); GOV.UK's js-enabled snippet runs under
// the CSP by its hash, and an inline script without one does not; axe runs
// and finds a violation where there is one.
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';
import { run } from './lib/tap.mjs';
import { assetsDir } from './lib/env.mjs';
import { launchBrowser, screenshot, watchPage } from './lib/browser.mjs';
import { axeScan, formatViolations } from './lib/axe.mjs';

const require = createRequire(import.meta.url);
const govuk = path.dirname(require.resolve('govuk-frontend/package.json'));
const components = path.join(govuk, 'dist', 'govuk', 'components');

// The inline script of GOV.UK Frontend's page template (template.njk), and
// its hash for the CSP.
const JS_ENABLED = "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');";
const JS_ENABLED_HASH = 'sha256-GUQ5ad8JK5KmEWmROf3LZd9ge94daqNvd8xy9YS1iDw=';
const CSP = [
  "default-src 'self'",
  `script-src 'self' '${JS_ENABLED_HASH}'`,
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

async function fixture(component, name) {
  const f = JSON.parse(await readFile(path.join(components, component, 'fixtures.json'), 'utf8'));
  const x = f.fixtures.find((e) => e.name === name);
  if (!x) throw new Error(`no fixture "${name}" in ${component}`);
  return x.html;
}

function page(title, body, { head = '' } = {}) {
  return `<!DOCTYPE html>
<html lang="en" class="govuk-template">
<head>
<meta charset="utf-8">
<title>${title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="theme-color" content="#1d70b8">
<link rel="icon" sizes="48x48" href="/assets/images/favicon.ico">
<link rel="icon" sizes="any" href="/assets/images/favicon.svg" type="image/svg+xml">
<link rel="mask-icon" href="/assets/images/govuk-icon-mask.svg" color="#1d70b8">
<link rel="apple-touch-icon" href="/assets/images/govuk-icon-180.png">
<link rel="manifest" href="/assets/manifest.json">
<link rel="stylesheet" href="/assets/govuk-frontend.min.css">
${head}</head>
<body class="govuk-template__body">
<script>${JS_ENABLED}</script>
${body}
<script type="module" src="/init.mjs"></script>
</body>
</html>
`;
}

async function pages() {
  const main = `
<a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
<header class="govuk-template__header">
${await fixture('header', 'default')}
${await fixture('service-navigation', 'with service name')}
</header>
<div class="govuk-width-container">
<main class="govuk-main-wrapper" id="main-content">
<h1 class="govuk-heading-xl">Browser smoke test</h1>
<p class="govuk-body">Status ${await fixture('tag', 'default')}</p>
${await fixture('summary-list', 'default')}
${await fixture('table', 'with head and caption')}
</main>
</div>
<footer class="govuk-template__footer">
${await fixture('footer', 'default')}
</footer>`;
  const bad = `
<main class="govuk-main-wrapper" id="main-content">
<h1 class="govuk-heading-l">A page with faults</h1>
<img src="/assets/images/govuk-icon-180.png">
<input class="govuk-input" type="text" name="unlabelled">
</main>`;
  const blocked = `
<main class="govuk-main-wrapper" id="main-content">
<h1 class="govuk-heading-l">An inline script the CSP refuses</h1>
<script>document.body.dataset.unhashed = 'ran';</script>
</main>`;
  return {
    '/': page('Smoke test - GOV.UK Frontend', main),
    '/bad': page('Faults', bad),
    '/blocked': page('Blocked', blocked),
  };
}

// initAll() from the copied module, as the real pages will do it: an
// external module script, which the CSP's 'self' allows.
const INIT = "import { initAll } from '/assets/govuk-frontend.min.js';\ninitAll();\n";

function serve(routes) {
  const srv = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const headers = {
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
    };
    try {
      if (routes[url.pathname] !== undefined) {
        res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
        res.end(routes[url.pathname]);
        return;
      }
      if (url.pathname === '/init.mjs') {
        res.writeHead(200, { ...headers, 'Content-Type': TYPES['.mjs'] });
        res.end(INIT);
        return;
      }
      if (url.pathname.startsWith('/assets/')) {
        const rel = path.normalize(decodeURIComponent(url.pathname.slice('/assets/'.length)));
        const type = TYPES[path.extname(rel)];
        if (!rel.startsWith('..') && !path.isAbsolute(rel) && type) {
          const body = await readFile(path.join(assetsDir, rel));
          res.writeHead(200, { ...headers, 'Content-Type': type });
          res.end(body);
          return;
        }
      }
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' });
      res.end('not found\n');
    } catch {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' });
      res.end('not found\n');
    }
  });
  return new Promise((resolve, reject) => {
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => resolve(srv));
  });
}

await run(async (t) => {
  const need = ['govuk-frontend.min.css', 'govuk-frontend.min.js', 'manifest.json',
    'images/favicon.ico', 'images/govuk-crest.svg'];
  const missing = [];
  for (const f of need) {
    try { await stat(path.join(assetsDir, f)); } catch { missing.push(f); }
  }
  if (!t.ok(missing.length === 0, `the GOV.UK Frontend assets are in ${assetsDir}`)) {
    t.diag(`missing: ${missing.join(', ')} (run npm ci, then ninja)`);
    return;
  }

  const srv = await serve(await pages());
  const base = `http://127.0.0.1:${srv.address().port}`;
  let b = null;
  try {
    b = await launchBrowser();
    t.ok(/Chrome\/\d+/.test(b.version), "Debian's chromium started headless");
    t.diag(b.version);
    const p = await b.newPage();
    const seen = watchPage(p);

    const r = await p.goto(base + '/', { waitUntil: 'load' });
    t.is(r.status(), 200, 'the page loads');
    await p.evaluate(() => document.fonts.ready);
    const cls = await p.evaluate(() => document.body.className);
    t.ok(/\bjs-enabled\b/.test(cls) && /\bgovuk-frontend-supported\b/.test(cls),
      "GOV.UK's js-enabled snippet ran under the CSP, allowed by its sha256") ||
      t.diag(`body class: ${cls}`);
    await p.waitForSelector('[data-govuk-skip-link-init]', { timeout: 5000 })
      .then(() => t.pass('govuk-frontend.min.js loaded as a module and initAll() ran'),
        (e) => t.fail('govuk-frontend.min.js loaded as a module and initAll() ran', e.message));
    const font = await p.evaluate(() => ({
      family: getComputedStyle(document.querySelector('h1')).fontFamily,
      loaded: document.fonts.check('19px "GDS Transport"') &&
        [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'GDS Transport' && f.status === 'loaded'),
    }));
    t.ok(/GDS Transport/.test(font.family) && font.loaded,
      'the CSS applies and its font files load from /assets/fonts/') || t.diag(font);
    t.is(seen.problems(), [], 'no console error, CSP refusal, failed request or 4xx');

    const v = await axeScan(p);
    t.ok(v.length === 0, 'axe: no WCAG 2.2 A/AA violation on the GOV.UK page') ||
      t.diag(formatViolations(v));

    const shot = await screenshot(p, 'smoke-govuk');
    const png = await readFile(shot);
    t.ok(png.length > 1000 && png.subarray(1, 4).toString() === 'PNG',
      `a screenshot is written (${path.relative(process.cwd(), shot)})`);

    seen.clear();
    await p.goto(base + '/bad', { waitUntil: 'load' });
    const bad = await axeScan(p);
    const ids = bad.map((x) => x.id).sort();
    t.ok(ids.includes('image-alt') && ids.includes('label'),
      'axe finds the faults of a faulty page (image-alt, label)') || t.diag(ids);
    await screenshot(p, 'smoke-faulty');

    seen.clear();
    await p.goto(base + '/blocked', { waitUntil: 'load' });
    const ran = await p.evaluate(() => document.body.dataset.unhashed || 'no');
    const refused = seen.problems().some((l) => /Content Security Policy/i.test(l));
    t.ok(ran === 'no' && refused, 'an inline script without the hash is refused by the CSP') ||
      t.diag({ ran, problems: seen.problems() });
  } finally {
    if (b) await b.close();
    srv.close();
  }
});
