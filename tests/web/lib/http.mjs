// One HTTP request with node:http, for tests that look at exactly what the
// server sends: no redirect followed, no cookie kept, every header as it
// came (Set-Cookie as a list).
//
//   const r = await request(s.url + 'login', { method: 'POST',
//     form: { login: 'ed', password: pw } });
//   r.status, r.headers['location'], r.cookies, r.text
import http from 'node:http';
import https from 'node:https';

// Resolves to { status, headers (lower-case names; set-cookie an array),
// cookies (the Set-Cookie values), body (a Buffer), text (body as UTF-8) }.
// opts: method ('GET'), headers ({}), body (string or Buffer) or form (an
// object, sent as application/x-www-form-urlencoded) or json (sent as
// application/json), cookie (a Cookie header value), timeoutMs (10 s).
// Rejects on a network error or timeout, never for a status.
export function request(url, { method = 'GET', headers = {}, body, form, json,
  cookie, timeoutMs = 10000 } = {}) {
  const u = new URL(url);
  const h = { ...headers };
  let payload = body;
  if (form !== undefined) {
    payload = new URLSearchParams(form).toString();
    h['content-type'] ??= 'application/x-www-form-urlencoded';
  } else if (json !== undefined) {
    payload = JSON.stringify(json);
    h['content-type'] ??= 'application/json';
  }
  if (cookie) h.cookie = cookie;
  if (payload !== undefined) h['content-length'] = Buffer.byteLength(payload);
  const mod = u.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = mod.request(u, { method, headers: h, rejectUnauthorized: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const buf = Buffer.concat(chunks);
        resolve({
          status: res.statusCode,
          headers: res.headers,
          cookies: res.headers['set-cookie'] || [],
          body: buf,
          text: buf.toString('utf8'),
        });
      });
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`${method} ${url}: no answer in ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}
