// browser.mjs: the headless-browser set-up shared by the browser tests (tests/browser/browser.mjs)
// and the benchmark (bench/browser.mjs): a static server for one folder on 127.0.0.1 and Debian's
// chromium, launched by the caller's playwright-core with flags that keep it off the (closed)
// network, or Firefox ESR through the tests' puppeteer adapter (tests/browser/puppeteer-page.mjs,
// same launch/newPage shape). Every request that does not go to 127.0.0.1 is recorded in
// `external`, and aborted. Each caller passes its own browser type (tests/ and bench/ install
// their own playwright-core).
import fs from 'node:fs';
import path from 'node:path';
import { serve, TYPES } from './serve.mjs';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * @param {any} browserType playwright-core's chromium, or the Firefox adapter's `firefox`
 * @param {string} dir the folder served at the root
 * @returns {Promise<{base: string, newPage: (options?: object) => Promise<any>, close: () => Promise<void>, external: string[], consoleErrors: string[]}>}
 */
export async function startBrowser(browserType, dir) {
  const server = await serve(dir, 0);
  const base = `http://127.0.0.1:${server.address().port}`;
  let browser;
  try {
    // playwright (and puppeteer) give every launch a new, empty profile directory of its own.
    browser = await browserType.launch(
      browserType.name() === 'chromium'
        ? { executablePath: process.env.CHROMIUM || '/usr/bin/chromium', timeout: 60000, args: CHROMIUM_ARGS }
        : { timeout: 60000 },
    );
  } catch (e) {
    server.close();
    throw e;
  }
  const external = [];
  const consoleErrors = [];
  // options: playwright's context options (e.g. locale), where the browser takes them
  async function newPage(options = {}) {
    const page = await browser.newPage(options);
    await page.route('**/*', (route) => {
      const u = new URL(route.request().url());
      if (u.hostname === '127.0.0.1' || u.protocol === 'data:' || u.protocol === 'blob:') return route.continue();
      external.push(u.href);
      return route.abort();
    });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    return page;
  }
  async function close() {
    await browser.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
  return { name: browserType.name(), base, newPage, close, external, consoleErrors };
}

/**
 * Serves the files of `dir` at `${base}${prefix}` for this page only (playwright route), so a test
 * or benchmark page that is not part of the served site can sit next to it and import its modules
 * by relative URL. Registered after newPage's catch-all, so it runs first.
 */
export async function mountFolder(page, prefix, dir) {
  const root = path.resolve(dir);
  await page.route(`**${prefix}**`, (route) => {
    const p = decodeURIComponent(new URL(route.request().url()).pathname);
    const i = p.indexOf(prefix);
    const file = path.join(root, p.slice(i + prefix.length));
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile())
      return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ path: file, contentType: TYPES[path.extname(file)] || 'application/octet-stream' });
  });
}
