// serve.mjs: a static file server for web/ bound to 127.0.0.1 (the page and the browser tests).
// Usage: node scripts/serve.mjs DIR [PORT]  (PORT 0 picks a free one). Prints the URL on stdout.
// Every response carries the headers of DIR/_headers (the "/*" block of that Netlify / Cloudflare
// Pages file), so the page, its worker and the tests run under the CSP a deployment sends, and an
// ETag, so that a revalidation (Cache-Control: no-cache; web/sw.js) of an unchanged file is a 304.
import crypto from 'node:crypto';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

/** The "Name: value" lines under "/*" in a _headers file, as an object. */
export function readHeaders(file) {
  const out = {};
  let inAll = false;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('#') || !line.trim()) continue;
    if (!/^\s/.test(line)) {
      inAll = line.trim() === '/*';
      continue;
    }
    const at = line.indexOf(':');
    if (inAll && at > 0) out[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return out;
}

export function serve(dir, port = 0) {
  const root = path.resolve(dir);
  const headersFile = path.join(root, '_headers');
  const extra = fs.existsSync(headersFile) ? readHeaders(headersFile) : {};
  const server = http.createServer((req, res) => {
    let p;
    try {
      p = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    if (p.endsWith('/')) p += 'index.html';
    const file = path.join(root, p);
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404, { ...extra, 'Content-Type': 'text/plain' }).end('not found');
        return;
      }
      // a validator, as static hosts send: a revalidation of an unchanged file is a 304, no body
      const etag = `"${crypto.createHash('sha1').update(data).digest('base64url')}"`;
      const head = {
        ...extra,
        'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
        'Cache-Control': 'no-cache',
        ETag: etag,
      };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, head).end();
        return;
      }
      res.writeHead(200, head);
      res.end(data);
    });
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await serve(process.argv[2] || 'web', Number(process.argv[3] || 8080));
  console.log(`Backprop Playground: open http://127.0.0.1:${server.address().port}/`);
}
