// stepmark.test.mjs: issue 21 item 6 in headless Chromium: the worked-example link opens the step
// panel by itself, and the traced point is marked on the output plot (a ring drawn at the point's
// pixel, moving with "Next point", gone when the panel closes).
import test from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser } from './browser.mjs';

const b = await startBrowser();
test.after(() => b.close());

async function open(hash) {
  const page = await b.newPage();
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(`${b.base}/index.html#${hash}`);
  await page.waitForFunction(() => window.playground && window.playground.grid, null, { timeout: 30000 });
  return page;
}
// the output canvas's pixel (CSS px) as [r, g, b]
const pixel = (page, x, y) => page.evaluate(([x, y]) => {
  const c = document.getElementById('output'), k = c.width / c.getBoundingClientRect().width;
  return Array.from(c.getContext('2d').getImageData(Math.round(x * k), Math.round(y * k), 1, 1).data.slice(0, 3));
}, [x, y]);

test('the worked-example link opens the step panel and marks its point', async () => {
  const page = await open('preset=worked-example&learningRate=0.5');
  await page.waitForFunction(() => window.playground.trace && window.playground.marked, null, { timeout: 30000 });
  assert.equal(await page.locator('#stepPanel').isHidden(), false);
  assert.equal(await page.getAttribute('#stepThrough', 'aria-pressed'), 'true');
  const m = await page.evaluate(() => window.playground.marked);
  const tp = await page.evaluate(() => { const s = window.playground, i = s.tracePoint.index; return [s.train[3 * i], s.train[3 * i + 1]]; });
  assert.deepEqual([m.x, m.y], tp, 'the ring is on the traced point');
  // the ring's yellow is on the canvas at the ring's radius (right of the point)
  const ring = [];
  for (const dx of [-1, 0, 1]) ring.push(await pixel(page, m.px + m.r + dx, m.py));
  assert.ok(ring.some(([r, g, bl]) => r > 200 && g > 170 && bl < 80), `ring pixels ${JSON.stringify(ring)}`);
  assert.deepEqual(b.consoleErrors, []);
  await page.close();
});

test('a link without the preset does not open the panel; the ring follows the traced point', async () => {
  const page = await open('seed=3');
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#stepPanel').isHidden(), true);
  assert.equal(await page.evaluate(() => window.playground.marked), null);
  await page.click('#stepThrough');
  await page.waitForFunction(() => window.playground.marked && window.playground.tracePoint.index === 0, null, { timeout: 30000 });
  await page.click('#stNextPoint');
  await page.waitForFunction(() => {
    const s = window.playground, i = s.tracePoint.index;
    return i === 1 && s.marked && s.marked.x === s.train[3 * i] && s.marked.y === s.train[3 * i + 1];
  }, null, { timeout: 30000 });
  await page.click('#stClose');
  await page.waitForFunction(() => window.playground.marked === null);
  assert.deepEqual(b.consoleErrors, []);
  await page.close();
});
