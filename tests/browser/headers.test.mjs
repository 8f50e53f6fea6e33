// headers.test.mjs: the security headers (issue 21 item 12). web/_headers is the list; vercel.json
// and README's nginx lines must say the same; scripts/serve.mjs sends it with the page, the worker
// script and the wasm; in Chromium the page still trains, and the worker runs under the CSP (its
// string evaluation refused) that only worker.js's response header can give it.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { readHeaders } from '../../scripts/serve.mjs';
import { root, startBrowser, isFirefox } from './browser.mjs';

const noRealm = isFirefox && "evaluates in the worker: Firefox ESR's WebDriver BiDi has no dedicated-worker realm";

const want = readHeaders(path.join(root, 'web/_headers'));

test('_headers, vercel.json and the README nginx lines agree', () => {
  // any site may frame the page (embed=true, embed.test.mjs); nothing says otherwise
  assert.match(want['Content-Security-Policy'], /frame-ancestors \*$/);
  assert.equal(want['X-Frame-Options'], undefined);
  assert.match(want['Content-Security-Policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  assert.equal(want['X-Content-Type-Options'], 'nosniff');
  const vercel = JSON.parse(fs.readFileSync(path.join(root, 'web/vercel.json'), 'utf8'));
  assert.equal(vercel.headers.length, 1);
  assert.equal(vercel.headers[0].source, '/(.*)');
  assert.deepEqual(Object.fromEntries(vercel.headers[0].headers.map((h) => [h.key, h.value])), want);
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const nginx = {};
  for (const m of readme.matchAll(/^add_header (\S+) "(.*)" always;$/gm)) nginx[m[1]] = m[2];
  assert.deepEqual(nginx, want);
  // the page's meta tag is the header's policy without what a meta tag ignores
  const html = fs.readFileSync(path.join(root, 'web/index.html'), 'utf8');
  const meta = html.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)[1];
  assert.equal(`${meta}; frame-ancestors *`, want['Content-Security-Policy']);
});

test('serve.mjs sends the headers; the worker runs under the CSP and the page trains', { skip: noRealm }, async () => {
  const b = await startBrowser();
  try {
    for (const file of ['/', '/worker.js', '/gen/engine.wasm', '/no-such-file']) {
      const r = await fetch(b.base + file);
      for (const [k, v] of Object.entries(want)) assert.equal(r.headers.get(k), v, `${file} ${k}`);
    }
    const page = await b.newPage();
    const workerCsp = page.waitForResponse((r) => r.url().endsWith('/worker.js'));
    await page.goto(`${b.base}/#seed=hd`);
    assert.equal((await workerCsp).headers()['content-security-policy'], want['Content-Security-Policy']);
    await page.waitForFunction(() => window.playground && window.playground.metrics);
    await page.click('#play');
    await page.waitForFunction(() => window.playground.metrics.epoch > 5);
    await page.click('#play');
    const worker = page.workers().find((w) => w.url().endsWith('/worker.js'));
    assert.ok(worker, 'the engine worker is running');
    // a string timer (DevTools' own evaluation is exempt from CSP, code it schedules is not)
    const timer = () =>
      new Promise((r) => {
        self.cspProbe = 'not run';
        setTimeout('self.cspProbe = "ran"', 0);
        setTimeout(() => r(self.cspProbe), 100);
      });
    assert.equal(await worker.evaluate(timer), 'not run', 'string code is refused inside the worker');
    assert.equal(await page.evaluate(timer), 'not run', 'and in the page');
    assert.equal(b.consoleErrors.filter((e) => /unsafe-eval/.test(e)).length, 2, 'both refusals reported');
    assert.deepEqual(
      b.consoleErrors.filter((e) => !/unsafe-eval/.test(e)),
      [],
    );
    await page.close();
  } finally {
    await b.close();
  }
});
