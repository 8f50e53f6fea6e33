// smoke.test.mjs: the headless browser (Chromium, or Firefox with BROWSER=firefox) loads the wasm
// engine over http from 127.0.0.1, trains, reads a grid; nothing leaves 127.0.0.1 and the console
// stays clean.
import test from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, browserName } from './browser.mjs';

test(`engine self-test page trains and reads a grid in ${browserName}`, async () => {
  const b = await startBrowser();
  try {
    const page = await b.newPage();
    await page.goto(`${b.base}/selftest.html`);
    await page.waitForFunction(() => window.selftest !== undefined, null, { timeout: 30000 });
    const r = await page.evaluate(() => window.selftest);
    assert.equal(r.ok, true, r.error);
    assert.equal(r.epoch, 20);
    assert.ok(r.after < r.before * 0.7, `loss ${r.before} -> ${r.after}`);
    assert.equal(r.gridLength, 9 * 100 * 100);
    assert.ok(r.outputCentre >= -1 && r.outputCentre <= 1);
    assert.deepEqual(b.external, []);
    assert.deepEqual(b.consoleErrors, []);
  } finally {
    await b.close();
  }
});
