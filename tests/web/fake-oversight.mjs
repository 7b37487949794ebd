// A stand-in for the oversight binary, for tests/web/lib-server.mjs: it
// answers `--db DB serve --listen HOST:PORT` and `--db DB user add ...` the
// way the real one is specified to, and misbehaves on request (FAKE_MODE):
//   ok (default)  serve: listen, print the ready line, exit 0 on SIGTERM
//   early         serve: print "fake: cannot open database" on stderr, exit 3
//   silent        serve: listen but never print the ready line
//   stubborn      serve: as ok, but ignore SIGTERM
// `user add` writes { argv, stdin } as JSON to FAKE_RECORD and exits 0.
import http from 'node:http';
import { writeFileSync } from 'node:fs';

const argv = process.argv.slice(2);
const mode = process.env.FAKE_MODE || 'ok';
const cmd = argv[2];

if (argv[0] !== '--db' || !argv[1]) {
  process.stderr.write('fake: usage: --db DB COMMAND ...\n');
  process.exit(2);
}

if (cmd === 'user') {
  let input = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (c) => { input += c; });
  process.stdin.on('end', () => {
    writeFileSync(process.env.FAKE_RECORD, JSON.stringify({ argv, stdin: input }));
    process.exit(0);
  });
} else if (cmd === 'serve') {
  if (mode === 'early') {
    process.stderr.write('fake: cannot open database\n');
    process.exit(3);
  }
  const at = argv.indexOf('--listen');
  const [host, port] = argv[at + 1].split(':');
  const srv = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end(`fake ${req.method} ${req.url}\n`);
  });
  srv.listen(Number(port), host, () => {
    if (mode !== 'silent')
      process.stdout.write(`oversight: serving http://${host}:${srv.address().port}/\n`);
  });
  process.on('SIGTERM', () => {
    if (mode === 'stubborn') return;
    srv.close(() => process.exit(0));
  });
} else {
  process.stderr.write(`fake: unknown command ${cmd}\n`);
  process.exit(2);
}
