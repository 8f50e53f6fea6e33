// embed.test.mjs: embed=true (issue 20) in an iframe of 600 x 400 on another page: the plot, play
// and reset, and the top bar's controls the link does not hide, all inside the frame without
// scrolling; play trains; "_hide" keys still hide; a link opens the full playground without embed.
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pageSuite } from './browser.mjs';

const { b, shots } = await pageSuite(test);

test('embed=true fits a 600 x 400 iframe with the plot, play and reset; play trains', async () => {
  const page = await b.newPage();
  await page.setViewportSize({ width: 800, height: 600 });
  // a course page that embeds the playground (README's snippet), served from the same origin
  await page.goto(`${b.base}/selftest.html`);
  const hash = 'seed=1&embed=true&learningRate_hide=true';
  await page.evaluate((src) => {
    document.body.replaceChildren();
    const f = document.createElement('iframe');
    f.src = src;
    f.width = '600';
    f.height = '400';
    f.title = 'Backprop Playground';
    document.body.append(f);
  }, `${b.base}/index.html#${hash}`);
  const frame = page.frameLocator('iframe');
  const el = await page.waitForSelector('iframe');
  const inner = await el.contentFrame();
  await inner.waitForFunction(() => window.playground && window.playground.grid); // a frame: the same call in both browsers' APIs
  const visible = (sel) =>
    inner.evaluate((sel) => {
      const e = document.querySelector(sel);
      if (!e || e.offsetParent === null) return null;
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, right: r.right, bottom: r.bottom };
    }, sel);
  for (const sel of ['#output', '#play', '#reset', '#activation', '#openFull']) {
    const r = await visible(sel);
    assert.ok(r, `${sel} is shown`);
    assert.ok(
      r.x >= 0 && r.y >= 0 && r.right <= 600 && r.bottom <= 400,
      `${sel} inside the frame: ${JSON.stringify(r)}`,
    );
  }
  for (const sel of ['#learningRate', '#datasets', '#compare', '.net-col', '.footer'])
    assert.equal(await visible(sel), null, `${sel} is not shown`);
  assert.ok(
    await inner.evaluate(
      () =>
        document.scrollingElement.scrollHeight <= innerHeight && document.scrollingElement.scrollWidth <= innerWidth,
    ),
    'nothing to scroll',
  );
  await frame.locator('#play').click();
  await inner.waitForFunction(() => window.playground.metrics.epoch >= 5);
  await frame.locator('#play').click();
  const full = new URLSearchParams(
    (await inner.evaluate(() => new URL(document.getElementById('openFull').href).hash)).slice(1),
  );
  assert.equal(full.get('seed'), '1', 'the full playground opens the same network');
  assert.equal(full.get('learningRate_hide'), 'true');
  assert.equal(full.get('embed'), null, 'without embed');
  await page.screenshot({ path: path.join(shots, 'embed-600x400.png') });
  await page.close();
});

test('no request left 127.0.0.1; console clean', () => {
  assert.deepEqual(b.external, []);
  assert.deepEqual(b.consoleErrors, []);
});
