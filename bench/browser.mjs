// browser.mjs: the benchmark's browser set-up: the page's folder (web/) served on 127.0.0.1 and
// Debian's chromium driven by the benchmark's own playwright-core (bench/package.json), through
// the launcher the tests share (scripts/browser.mjs). mountFolder serves a folder of the
// benchmark's own files next to the page's (e.g. bench/page/ at /bench/).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startBrowser as start, mountFolder } from '../scripts/browser.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export { mountFolder };

/** A browser and a server of web/ (or of `dir`): {base, newPage, close, external, consoleErrors}. */
export function startBrowser(dir = path.join(root, 'web')) {
  return start(chromium, dir);
}
