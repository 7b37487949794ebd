// The web application in Debian's chromium (playwright-core): the flow of
// issue 7 (sign in, filter, search, add a progress update, record a
// closure, download the PDF, sign out), an axe-core scan of every page
// (zero WCAG 2.2 A/AA violations), and a screenshot of each page under
// BUILD/test-output/browser/.  The server is the program itself, on a
// fresh demo database, on 127.0.0.1 (a free port); it is stopped however
// the test ends.
import { run } from './lib/tap.mjs';
import { demoServer } from './lib/server.mjs';
import { launchBrowser, screenshot, watchPage } from './lib/browser.mjs';
import { axeScan, formatViolations } from './lib/axe.mjs';

// Every page a signed-in editor or admin can reach, by a path the demo
// has.  (POST-only routes are reached through their forms in the flow.)
const PAGES = [
  ['dashboard', '/'],
  ['recommendations', '/recommendations'],
  ['recommendations-filtered', '/recommendations?status=open&rag=amber&sort=due'],
  ['recommendations-bad-filter', '/recommendations?status=nonsense'],
  ['recommendation', '/recommendations/SF-2017-R01'],
  ['reports', '/reports'],
  ['report', '/reports/stolen-freedom-2017'],
  ['grades', '/grades'],
  ['activities', '/activities'],
  ['national', '/national?as-at=2018-09-27'],
  ['national-bad-date', '/national?as-at=2018-02-30'],
  ['national-report', '/national/reports/stolen-freedom-2017'],
  ['national-grades', '/national/grades?as-at=2018-09-27'],
  ['meetings', '/meetings'],
  ['meeting', '/meetings/jac-2018-09-27'],
  ['accounts', '/accounts'],
];

async function scan(t, page, name) {
  const v = await axeScan(page);
  t.ok(v.length === 0, `axe: ${name} has no WCAG 2.2 A/AA violations`);
  if (v.length) t.diag(formatViolations(v));
  await screenshot(page, name);
}

run(async (t) => {
  const srv = await demoServer({ users: [{ login: 'admin1', role: 'admin' }] });
  let browser;
  try {
    browser = await launchBrowser();
    const page = await browser.newPage();
    const watch = watchPage(page);
    const url = (p) => new URL(p, srv.url).href;

    // Behind the sign-in: the sign-in page first.
    await page.goto(url('/recommendations'));
    t.ok(new URL(page.url()).pathname === '/login', 'a page without a session goes to /login');
    await scan(t, page, 'login');
    await page.fill('#login', 'admin1');
    await page.fill('#password', 'not the password at all');
    await page.click('button:has-text("Sign in")');
    t.ok(await page.isVisible('.govuk-error-summary'), 'a wrong password shows the error summary');
    await scan(t, page, 'login-error');
    await page.fill('#login', 'admin1');
    await page.fill('#password', srv.passwords.admin1);
    await page.click('button:has-text("Sign in")');
    t.ok(new URL(page.url()).pathname === '/recommendations', 'signing in returns to the page asked for');

    // Filter, then search.
    await page.selectOption('#status', 'open');
    await page.click('button:has-text("Apply filters")');
    const u = new URL(page.url());
    t.ok(u.searchParams.get('status') === 'open', 'the filter is in the URL (shareable)');
    const tags = await page.locator('tbody .govuk-tag').allTextContents();
    t.ok(tags.length > 0 && tags.filter((s) => s.trim() === 'Open').length === tags.length / 2,
      'every row listed is open');
    await page.fill('#q', 'modern slavery');
    await page.click('button:has-text("Apply filters")');
    const status = await page.textContent('[role=status]');
    t.ok(/Showing 1 to \d+ of \d+/.test(status), `search finds recommendations (${status.trim()})`);

    // A progress update on one recommendation.
    await page.goto(url('/recommendations/SF-2017-R01'));
    await page.click('summary:has-text("Add a progress update")');
    await page.fill('#update-note', 'Training delivered to all custody staff.');
    await page.click('button:has-text("Add update")');
    t.ok(new URL(page.url()).pathname === '/recommendations/SF-2017-R01', 'the update returns to the recommendation');
    t.ok((await page.textContent('table')).includes('Training delivered to all custody staff.'),
      'the timeline shows the update');
    t.ok((await page.textContent('table')).includes('admin1'), 'the update carries the signed-in user as author');

    // A bad date is refused by the field, the input kept.
    await page.click('summary:has-text("Record closure by HMICFRS")');
    await page.fill('#closed-date', '2026-02-30');
    await page.fill('#closed-basis', 'HMICFRS reviewed the evidence.');
    await page.click('button:has-text("Record closure")');
    t.ok(await page.isVisible('.govuk-error-summary'), 'a bad date shows the error summary');
    t.ok((await page.inputValue('#basis')) === 'HMICFRS reviewed the evidence.', 'the input is kept');
    await scan(t, page, 'recommendation-error');
    const today = new Date().toISOString().slice(0, 10);
    await page.fill('#date', today);
    await page.click('button:has-text("Record closure")');
    t.ok((await page.textContent('dl')).includes('Closed'), 'the closure is recorded');

    // Every page, scanned.
    for (const [name, p] of PAGES) {
      await page.goto(url(p));
      await scan(t, page, name);
    }

    // The paper as PDF.
    await page.goto(url('/meetings/jac-2018-09-27'));
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.click('a:has-text("Download the paper (PDF)")'),
    ]);
    const path = await dl.path();
    const { readFile } = await import('node:fs/promises');
    const pdf = await readFile(path);
    t.ok(pdf.subarray(0, 5).toString() === '%PDF-', `the PDF downloads (${pdf.length} bytes)`);

    // Sign out: back to sign-in, and the register is closed again.
    watch.clear();
    await page.click('button:has-text("Sign out")');
    t.ok(new URL(page.url()).pathname === '/login', 'signing out goes to the sign-in page');
    await page.goto(url('/'));
    t.ok(new URL(page.url()).pathname === '/login', 'after signing out the register needs a sign-in');
    const problems = watch.problems();
    t.ok(problems.length === 0, 'no console errors, CSP refusals or failed requests',
      problems.join('\n'));
  } finally {
    if (browser) await browser.close();
    const r = await srv.stop();
    t.ok(r.code === 0 && !r.killed, 'the server stops cleanly');
  }
});
