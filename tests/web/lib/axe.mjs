// axe-core (node_modules/axe-core/axe.min.js) run in a page: the WCAG 2.2
// A and AA rules.
//
//   import { axeScan, formatViolations } from './lib/axe.mjs';
//   const v = await axeScan(page);
//   t.ok(v.length === 0, 'no WCAG 2.2 A/AA violations') || t.diag(formatViolations(v));
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const axePath = require.resolve('axe-core/axe.min.js');
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let source = null;

// Runs axe on the page as it is now.  Resolves to the violations: a list of
// { id, impact, help, helpUrl, nodes: [{ target, html, failureSummary }] },
// empty when the page passes.  opts: tags (WCAG_TAGS), include (a CSS
// selector to limit the scan to; the whole document by default).
export async function axeScan(page, { tags = WCAG_TAGS, include } = {}) {
  if (source === null) source = await readFile(axePath, 'utf8');
  if (!await page.evaluate(() => typeof window.axe === 'object')) {
    // Through the DevTools protocol, which the page's Content-Security-
    // Policy does not apply to: a <script> added to the page would be
    // refused by a CSP without 'unsafe-inline', as it should be.
    const cdp = await page.context().newCDPSession(page);
    try {
      const r = await cdp.send('Runtime.evaluate', { expression: source });
      if (r.exceptionDetails)
        throw new Error(`axe-core did not load: ${r.exceptionDetails.text}`);
    } finally {
      await cdp.detach();
    }
  }
  return page.evaluate(async ({ tags: values, include: sel }) => {
    const res = await window.axe.run(sel ? { include: [sel] } : document, {
      runOnly: { type: 'tag', values },
      resultTypes: ['violations'],
    });
    return res.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target, html: n.html, failureSummary: n.failureSummary,
      })),
    }));
  }, { tags, include: include || null });
}

// The violations as readable lines, for TAP diagnostics.
export function formatViolations(violations) {
  const lines = [];
  for (const v of violations) {
    lines.push(`${v.id} (${v.impact}): ${v.help} <${v.helpUrl}>`);
    for (const n of v.nodes) {
      lines.push(`  at ${n.target.join(' ')}: ${n.html}`);
      if (n.failureSummary)
        for (const l of n.failureSummary.split('\n')) lines.push(`    ${l}`);
    }
  }
  return lines.join('\n');
}
