// offline.test.mjs: offline and installable (issue 20). The page registers web/sw.js once it has
// drawn; the worker caches the build's files (gen/precache.json) in a cache named for the build.
// With the browser offline the page then loads, trains and steps from the cache alone; the
// manifest makes it installable (Chromium's own installability check finds nothing missing); a
// new build served (a changed copy of web/, stamped again by scripts/bundle.mjs) replaces the
// cache, so offline the visitor gets the new build's files.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startBrowser } from '../../scripts/browser.mjs';
import { stamp } from '../../scripts/bundle.mjs';
import { root } from './browser.mjs';

// a copy of the page's folder: this test serves a new build of it
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-offline-'));
fs.cpSync(path.join(root, 'web'), dir, { recursive: true });
const b = await startBrowser(chromium, dir);
test.after(async () => {
  await b.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const controlled = (page) =>
  page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60000 });
const cacheNames = (page) => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('bp-')));
const ready = (page) =>
  page.waitForFunction(() => window.playground && window.playground.grid, null, { timeout: 30000 });

test('cached on the first visit: offline, the page loads, trains and steps; it is installable', async () => {
  const page = await b.newPage();
  // the bytes each of the service worker's requests received (Playwright: 0 when revalidated)
  const swBytes = {};
  page.context().on('response', async (r) => {
    if (r.request().serviceWorker()) swBytes[new URL(r.url()).pathname] = (await r.request().sizes()).responseBodySize;
  });
  await page.goto(`${b.base}/index.html#seed=1`);
  await ready(page);
  await controlled(page);
  // the files the page loaded are revalidated, not downloaded twice (sw.js: cache 'no-cache',
  // the server's ETag); what the page did not load (the engine's second part) crosses once
  assert.equal(swBytes['/gen/engine.wasm'], 0);
  assert.equal(swBytes['/gen/app.js'], 0);
  // (the body as sent: the file and a few bytes of chunked transfer framing)
  assert.ok(swBytes['/gen/engine.deferred.wasm'] >= fs.statSync(path.join(dir, 'gen/engine.deferred.wasm')).size);
  const { version, files } = JSON.parse(fs.readFileSync(path.join(dir, 'gen/precache.json'), 'utf8'));
  assert.deepEqual(await cacheNames(page), [`bp-${version}`]);
  assert.ok(files.includes('gen/engine.wasm') && files.includes('index.html'));
  // Chromium's own check: the manifest parses and nothing keeps the page from being installed
  const cdp = await page.context().newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest');
  assert.deepEqual(manifest.errors, []);
  // (a test browser's context is incognito, which alone keeps it from installing anything)
  const errors = (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors;
  assert.deepEqual(
    errors.filter((e) => e.errorId !== 'in-incognito'),
    [],
  );

  await page.context().setOffline(true);
  await page.goto(`${b.base}/index.html#seed=2&networkShape=3`); // another hash: the cached page
  await ready(page);
  assert.equal(await page.evaluate(() => navigator.onLine), false);
  // really offline, service worker included: a file the cache does not hold cannot be had
  assert.equal(
    await page.evaluate(() =>
      fetch('gen/precache.json').then(
        () => 'fetched',
        () => 'failed',
      ),
    ),
    'failed',
  );
  await page.click('#step');
  await page.waitForFunction(() => window.playground.metrics.epoch === 1);
  await page.click('#play');
  await page.waitForFunction(() => window.playground.metrics.epoch >= 10);
  await page.click('#play');
  assert.deepEqual(await page.evaluate(() => window.playground.config.networkShape), [3]);
  // the engine's second part (engine.deferred.wasm, loaded on first use) comes from the cache too
  assert.ok(files.includes('gen/engine.deferred.wasm'));
  await page.click('#gradCheck');
  await page.waitForFunction(() => /worst relative error/.test(document.getElementById('gradCheckOut').textContent));
  await page.context().setOffline(false);
  await page.close();
});

test('a new build served replaces the cache; offline the visitor gets the new files', async () => {
  const page = await b.newPage();
  await page.goto(`${b.base}/index.html#seed=1`);
  await ready(page);
  await controlled(page);
  const [old] = await cacheNames(page);
  // a new build: the worker bundle changes, the build is stamped again
  fs.appendFileSync(path.join(dir, 'gen/worker.js'), '\n// build 2\n');
  const version = stamp(dir);
  assert.notEqual(`bp-${version}`, old);
  await page.reload();
  await ready(page);
  // the new build's worker takes over and drops the old build's cache
  for (let t0 = Date.now(); ;) {
    const names = await cacheNames(page);
    if (names.length === 1 && names[0] === `bp-${version}`) break;
    assert.ok(Date.now() - t0 < 60000, `caches ${names} after a minute`);
    await new Promise((r) => setTimeout(r, 200));
  }
  await page.context().setOffline(true);
  const worker = await page.evaluate(async () => (await fetch('gen/worker.js')).text());
  assert.equal(worker.slice(-12), '\n// build 2\n', 'the new build’s worker, from the cache');
  await page.reload();
  await ready(page);
  await page.context().setOffline(false);
  await page.close();
});

test('no request left 127.0.0.1; console clean', () => {
  assert.deepEqual(b.external, []);
  // the one failed load is the first test's deliberate offline fetch of an uncached file
  assert.deepEqual(
    b.consoleErrors.filter((e) => e !== 'Failed to load resource: net::ERR_FAILED'),
    [],
  );
  assert.ok(b.consoleErrors.length <= 1);
});
