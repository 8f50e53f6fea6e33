// browser.mjs: shared set-up for browser tests: the page's folder (web/) served on 127.0.0.1 and
// Debian's chromium driven by the tests' playwright-core (scripts/browser.mjs), or with
// BROWSER=firefox Debian's firefox-esr driven by puppeteer-core behind the same page API
// (puppeteer-page.mjs). Every request that does not go to 127.0.0.1 is recorded, and aborted.
// `isFirefox` lets a test that needs a Chromium-only API skip itself, saying why.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startBrowser as start } from '../../scripts/browser.mjs';
import { firefox } from './puppeteer-page.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const browserName = process.env.BROWSER || 'chromium';
if (!['chromium', 'firefox'].includes(browserName)) throw new Error(`BROWSER=${browserName}: chromium or firefox`);
export const isFirefox = browserName === 'firefox';

/** A browser (BROWSER's, or the one named) and a server of web/: {name, base, newPage, close, external, consoleErrors}. */
export function startBrowser(name = browserName) {
  return start(name === 'firefox' ? firefox : chromium, path.join(root, 'web'));
}

/**
 * The page-test harness the page, options and data suites share: one browser for the file
 * (closed after its tests), tests/out/ for screenshots, open(hash) for a loaded playground page
 * (window.playground has its first grid and the panels loaded after it are wired), and small
 * readers of the page's state.
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
    // Every late panel (web/late-panels.js: CSV import, export, runs, compare, landscape) is wired.
    await page.evaluate(() => window.playground.loadPanels());
    await page.waitForFunction(() => document.body.dataset.panels === 'ready', null, { timeout: 30000 });
    return page;
  }
  return {
    b,
    shots,
    open,
    cfg: (page) => page.evaluate(() => window.playground.config),
    hashOf: (page) => page.evaluate(() => location.hash.slice(1)),
    settle: (page) => page.waitForFunction(() => !window.playground.inflight && !window.playground.dirty),
    // every 97th byte of the output plot's RGBA pixels: enough to see the picture change
    outputSample: (page) =>
      page.evaluate(() => {
        const c = document.getElementById('output');
        return Array.from(
          c
            .getContext('2d')
            .getImageData(0, 0, c.width, c.height)
            .data.filter((_, i) => i % 97 === 0),
        );
      }),
  };
}

/**
 * axe-core's violations on the page as it is now: [{id, nodes: ['selector: summary']}] ([] when
 * none). axe's source is evaluated into the page as a string: the page's CSP forbids inline scripts.
 */
export async function axeViolations(page) {
  if (!axeSource) axeSource = fs.readFileSync(path.join(root, 'tests/node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  return page.evaluate(async () =>
    (await window.axe.run(document)).violations.map((v) => ({
      id: v.id,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
    })),
  );
}
let axeSource = null;
