// TAP output for the JavaScript tests (Node 18, no framework).
//
//   import { Tap } from './lib/tap.mjs';
//   const t = new Tap();
//   t.ok(cond, 'name');  t.is(got, want, 'name');  t.diag('note');
//   process.exitCode = t.done();
//
// or, catching anything thrown as a failure:
//
//   import { run } from './lib/tap.mjs';
//   run(async (t) => { ... });
//
// Lines go to stdout as they happen: "ok N - name", "not ok N - name",
// "# diag", and the plan "1..N" (first if plan() was called, else at done()).
// done() returns the exit code: 0 when every assertion passed and the count
// matches a declared plan, 1 otherwise.
import { inspect } from 'node:util';

export class Tap {
  constructor(out = process.stdout) {
    this.out = out;
    this.count = 0;
    this.failed = 0;
    this.planned = null;
    this.finished = false;
  }

  #line(s) {
    this.out.write(s + '\n');
  }

  // Declares the number of assertions, printed first.  Call at most once,
  // before any assertion.
  plan(n) {
    if (this.planned !== null || this.count > 0)
      throw new Error('tap: plan() once, before any assertion');
    this.planned = n;
    this.#line(`1..${n}`);
  }

  // The whole file is skipped: "1..0 # SKIP reason"; done() then returns 0.
  skipAll(reason) {
    this.planned = 0;
    this.#line(`1..0 # SKIP ${oneLine(reason)}`);
    this.finished = true;
  }

  // Returns cond as a boolean, so a test can stop early on a failure.
  ok(cond, name = '') {
    this.count++;
    const pass = Boolean(cond);
    if (!pass) this.failed++;
    const title = name ? ` - ${oneLine(name)}` : '';
    this.#line(`${pass ? 'ok' : 'not ok'} ${this.count}${title}`);
    return pass;
  }

  // Strict equality (Object.is, or deep equality of JSON-like values); on
  // failure prints what came and what was wanted.
  is(got, want, name = '') {
    const pass = Object.is(got, want) || deepEqual(got, want);
    this.ok(pass, name);
    if (!pass) {
      this.diag(`got:  ${inspect(got, { depth: 4 })}`);
      this.diag(`want: ${inspect(want, { depth: 4 })}`);
    }
    return pass;
  }

  fail(name, detail) {
    this.ok(false, name);
    if (detail !== undefined) this.diag(detail);
    return false;
  }

  pass(name) {
    return this.ok(true, name);
  }

  // An assertion not run: "ok N - name # SKIP reason".
  skip(name, reason) {
    this.count++;
    this.#line(`ok ${this.count} - ${oneLine(name)} # SKIP ${oneLine(reason)}`);
  }

  // Each line of msg (any value: non-strings are inspected) as "# ...".
  diag(msg) {
    const text = typeof msg === 'string' ? msg : inspect(msg, { depth: 6 });
    for (const l of text.split('\n')) this.#line(`# ${l}`);
  }

  // Stops the whole run: "Bail out! reason".  done() then returns 1.
  bailOut(reason) {
    this.#line(`Bail out! ${oneLine(reason)}`);
    this.failed++;
    this.finished = true;
  }

  // Prints the plan if none was declared and returns the exit code.
  done() {
    if (!this.finished) {
      this.finished = true;
      if (this.planned === null) this.#line(`1..${this.count}`);
    }
    if (this.planned !== null && this.planned !== this.count &&
        !(this.planned === 0 && this.count === 0)) {
      this.diag(`planned ${this.planned} assertions, ran ${this.count}`);
      return 1;
    }
    return this.failed > 0 ? 1 : 0;
  }
}

// Runs main(t); an exception is a failed assertion (with its stack as
// diagnostics), and process.exitCode is set from t.done().  Resolves when
// main has finished (its finally blocks included).
export async function run(main) {
  const t = new Tap();
  try {
    await main(t);
  } catch (e) {
    t.fail(`no exception (${oneLine(String(e && e.message || e))})`,
      e && e.stack ? e.stack : String(e));
  }
  process.exitCode = t.done();
  return t;
}

function oneLine(s) {
  // A '#' in a name would read as a TAP directive.
  return String(s).replace(/\s+/g, ' ').replace(/#/g, '\\#').trim();
}

function deepEqual(a, b) {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return false;
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}
