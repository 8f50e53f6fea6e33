// browser.mjs: the benchmark's browser set-up: the page's folder (web/) served on 127.0.0.1 and
// Debian's chromium driven by the benchmark's own playwright-core (bench/package.json), through
// the launcher the tests share (scripts/browser.mjs). mountFolder serves a folder of the
// benchmark's own files next to the page's (e.g. bench/page/ at /bench/).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startBrowser as start, mountFolder } from '../scripts/browser.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export { mountFolder };

/** A browser and a server of web/ (or of `dir`): {base, newPage, close, external, consoleErrors}. */
export function startBrowser(dir = path.join(root, 'web')) {
  return start(chromium, dir);
}

/**
 * What the page's service worker (web/sw.js) downloads for its offline copy of the build, which
 * it fetches after the first frame: call before navigating; the returned function waits until the
 * worker controls the page and gives {requests, noBody, raw, gzip}: raw is the bytes the server
 * sent (this server sends no compression), gzip what a gzip-serving host would send for them
 * (gzip -9 of the served file under dir; the worker's cache takes the body, so Playwright cannot
 * give it); noBody counts the requests that sent none (revalidated: 304 Not Modified, which
 * Playwright reports as the cached 200).
 */
export function watchServiceWorker(page, dir = path.join(root, 'web')) {
  const got = [];
  page.context().on('response', (r) => {
    if (!r.request().serviceWorker()) return;
    const file = path.join(dir, decodeURIComponent(new URL(r.url()).pathname));
    got.push(
      r
        .request()
        .sizes()
        .then(
          (sz) => sz.responseBodySize,
          () => 0,
        )
        .then((raw) => ({
          raw,
          gzip: raw > 0 && fs.existsSync(file) ? zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length : 0,
        })),
    );
  });
  return async () => {
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60000 });
    const all = await Promise.all(got);
    const sum = (k) => all.reduce((n, x) => n + x[k], 0);
    return {
      requests: all.length,
      noBody: all.filter((x) => x.raw === 0).length,
      raw: sum('raw'),
      gzip: sum('gzip'),
    };
  };
}
