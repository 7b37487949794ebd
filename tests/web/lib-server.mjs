// Tests of tests/web/lib/server.mjs and http.mjs, the helpers the web
// tests start the program with: against a stand-in binary
// (fake-oversight.mjs) for serve and user add, which may misbehave on
// request, and against the real binary (OV_BIN) for the demo database.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './lib/tap.mjs';
import { tempDir } from './lib/env.mjs';
import { request } from './lib/http.mjs';
import { addUser, makeDemoDb, runOk, startServer, strongPassword } from './lib/server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const fake = [process.execPath, path.join(here, 'fake-oversight.mjs')];
const fakeEnv = (mode) => ({ FAKE_MODE: mode });

await run(async (t) => {
  const dir = await tempDir();
  const db = path.join(dir, 'x.db');

  // serve, as specified: ready line, a request, SIGTERM, exit 0.
  const s = await startServer({ db, bin: fake, env: fakeEnv('ok') });
  t.ok(/^http:\/\/127\.0\.0\.1:\d+\/$/.test(s.url) && s.port > 0,
    `startServer reads the URL from the ready line (${s.url})`);
  const r = await request(s.url + 'x?y=1');
  t.is([r.status, r.text], [200, 'fake GET /x?y=1\n'], 'the server answers on that URL');
  const st = await s.stop();
  t.is([st.code, st.killed], [0, false], 'stop(): SIGTERM, and the server exits 0');
  t.is((await s.stop()).code, 0, 'stop() again: the same status, no error');

  // The program exits before it serves: a rejection with its stderr.
  await startServer({ db, bin: fake, env: fakeEnv('early') }).then(
    () => t.fail('a server that exits before serving is an error'),
    (e) => t.ok(/exited \(status 3\) before serving/.test(e.message) &&
      /cannot open database/.test(e.message),
    'a server that exits before serving is an error naming its status and stderr') ||
      t.diag(e.message));

  // The program never says it is serving: a timeout, and it is killed.
  const t0 = Date.now();
  await startServer({ db, bin: fake, env: fakeEnv('silent'), timeoutMs: 700 }).then(
    () => t.fail('a server that never says it is serving times out'),
    (e) => t.ok(/not serving after 700 ms; killed/.test(e.message) && Date.now() - t0 < 5000,
      'a server that never says it is serving times out, and is killed') || t.diag(e.message));

  // SIGTERM ignored: stop() kills it.
  const s2 = await startServer({ db, bin: fake, env: fakeEnv('stubborn') });
  const st2 = await s2.stop({ timeoutMs: 500 });
  t.is([st2.signal, st2.killed], ['SIGKILL', true],
    'stop(): a server that ignores SIGTERM is killed after the wait');

  // user add: the argv of the specification, the password as one line.
  const rec = path.join(dir, 'user.json');
  const pw2 = await addUser(db, 'ed', 'owner', { person: 7, bin: fake,
    env: { FAKE_RECORD: rec } });
  const got = JSON.parse(await readFile(rec, 'utf8'));
  t.is(got.argv, ['--db', db, 'user', 'add', 'ed', '--role', 'owner', '--person', '7',
    '--password-stdin'], 'addUser runs user add LOGIN --role ROLE --person ID --password-stdin');
  t.is(got.stdin, pw2 + '\n', 'addUser writes the password as one line on stdin');
  t.ok(pw2.length >= 12 && strongPassword() !== strongPassword(),
    'the generated passwords are 12 characters or more, and differ');

  // The real binary: a demo database.
  const demo = await makeDemoDb();
  const size = (await stat(demo)).size;
  t.ok(size > 0, `makeDemoDb: init and import make ${path.basename(demo)} (${size} bytes)`);
  const sum = await runOk(['--db', demo, 'summary', '--as-at', '2018-09-27']);
  t.ok(sum.stdout.length > 0, 'the demo database holds the register (summary prints it)');
  await runOk(['--db', demo, 'no-such-command']).then(
    () => t.fail('runOk: a failing command rejects'),
    (e) => t.ok(/no-such-command: exit \d+: \S/.test(e.message),
      'runOk: a failing command rejects, with its status and stderr') || t.diag(e.message));
});
