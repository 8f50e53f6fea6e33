// browser.mjs: shared set-up for browser tests: a static server for web/ on 127.0.0.1 and Debian's
// chromium launched headless by playwright-core with flags that keep it off the (closed) network.
// Every request that does not go to 127.0.0.1 is recorded, and aborted.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function startBrowser() {
  const server = await serve(path.join(root, 'web'), 0);
  const base = `http://127.0.0.1:${server.address().port}`;
  let browser;
  try {
    // playwright gives every launch a new, empty profile directory of its own.
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      timeout: 60000,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  } catch (e) {
    server.close();
    throw e;
  }
  const external = [];
  const consoleErrors = [];
  async function newPage() {
    const page = await browser.newPage();
    await page.route('**/*', (route) => {
      const u = new URL(route.request().url());
      if (u.hostname === '127.0.0.1' || u.protocol === 'data:' || u.protocol === 'blob:') return route.continue();
      external.push(u.href);
      return route.abort();
    });
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    return page;
  }
  async function close() {
    await browser.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
  return { base, newPage, close, external, consoleErrors };
}

/**
 * The page-test harness the page, options and data suites share: one browser for the file
 * (closed after its tests), tests/out/ for screenshots, open(hash) for a loaded playground page
 * (window.playground has its first grid), and small readers of the page's state.
 */
export async function pageSuite(test, { width = 1400, height = 900 } = {}) {
  const b = await startBrowser();
  const shots = path.join(root, 'tests/out');
  fs.mkdirSync(shots, { recursive: true });
  test.after(async () => {
    await b.close();
  });
  async function open(hash = '', size = { width, height }) {
    const page = await b.newPage();
    await page.setViewportSize(size);
    await page.goto(`${b.base}/index.html${hash ? `#${hash}` : ''}`);
    await page.waitForFunction(() => window.playground && window.playground.grid, null, { timeout: 30000 });
    return page;
  }
  return {
    b, shots, open,
    cfg: (page) => page.evaluate(() => window.playground.config),
    hashOf: (page) => page.evaluate(() => location.hash.slice(1)),
    settle: (page) => page.waitForFunction(() => !window.playground.inflight && !window.playground.dirty),
  };
}
