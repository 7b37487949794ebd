// Where things are, for the JavaScript tests: the environment meson's
// tests/meson.build sets, with fallbacks for a run by hand from the source
// root (node tests/web/X.mjs, with build/ built).
import { rmSync } from 'node:fs';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

// The source root (OV_SRCDIR).
export const srcDir = process.env.OV_SRCDIR || path.resolve(here, '../../..');
// The build root (OV_BUILDDIR).
export const buildDir = process.env.OV_BUILDDIR || path.join(srcDir, 'build');
// The program under test (OV_BIN: the plain, ASan or valgrind-wrapped one).
export const bin = process.env.OV_BIN || path.join(buildDir, 'oversight');
// GOV.UK Frontend's files, as the server serves them at /assets/ (OV_ASSETS).
export const assetsDir = process.env.OV_ASSETS || path.join(buildDir, 'assets');
// Debian's chromium; never a browser playwright downloads.
export const chromiumPath = process.env.OV_CHROMIUM || '/usr/bin/chromium';
// The demo data make run and the tests load.
export const demoJson = path.join(srcDir, 'examples', 'wmp-2018-09.json');

// BUILD/test-output/SUB/, created: where screenshots and other files a
// person may want to look at after a run go.  Returns its path.
export async function outputDir(sub) {
  const d = path.join(buildDir, 'test-output', sub);
  await mkdir(d, { recursive: true });
  return d;
}

const temps = new Set();

// A fresh directory under the system's temporary directory, removed when
// the process exits (kept when OV_KEEP_TMP is set, and then its path is
// printed as a TAP comment).  Returns its path.
export async function tempDir(prefix = 'oversight-web-') {
  const d = await mkdtemp(path.join(tmpdir(), prefix));
  temps.add(d);
  return d;
}

// Removes one directory made by tempDir now (a no-op under OV_KEEP_TMP).
export async function removeTempDir(d) {
  if (process.env.OV_KEEP_TMP) return;
  temps.delete(d);
  await rm(d, { recursive: true, force: true });
}

process.on('exit', () => {
  for (const d of temps) {
    if (process.env.OV_KEEP_TMP) {
      process.stdout.write(`# kept ${d}\n`);
      continue;
    }
    try {
      // Synchronous: only synchronous work runs in an exit handler.
      rmSync(d, { recursive: true, force: true });
    } catch { /* best effort */ }
  }
});
