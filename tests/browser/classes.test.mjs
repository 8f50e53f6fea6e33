// classes.test.mjs: painting your own points of 3 and 5 classes (issue 17): the "Classes" menu of
// the data editor, one button per class, clicks put points of the chosen class at the data
// coordinates under the pointer (computed here from the plot's geometry), the set trains with
// softmax to >= 90 % accuracy, and the link carries the classes and the points; switching the
// problem type keeps your points.
import test from 'node:test';
import assert from 'node:assert/strict';
import { pageSuite } from './browser.mjs';

const { b, open, settle } = await pageSuite(test, { height: 1000 });
const PLOT = 300; // [-6, 6]^2 on a 300 px canvas, y up
const pixelOf = (x, y) => ({ x: ((x + 6) / 12) * PLOT, y: ((6 - y) / 12) * PLOT });
const count = (page) => page.evaluate(() => (window.playground.train.length + window.playground.test.length) / 3);

async function paint(page, K) {
  await page.click('#editPoints');
  await page.selectOption('#classCountSel', String(K));
  await page.waitForFunction((k) => window.playground.config.numClasses === k, K);
  await page.waitForFunction((k) => document.querySelectorAll('#classButtons button').length === k, K);
  let n = await count(page);
  for (let k = 0; k < K; k++) {
    await page.click(`#classButtons button[data-cls="${k}"]`);
    // a 3 x 3 patch of points around class k's centre, on a circle of radius 3.5
    const a = (2 * Math.PI * k) / K + Math.PI / 2,
      cx = 3.5 * Math.cos(a),
      cy = 3.5 * Math.sin(a);
    for (const dx of [-0.5, 0, 0.5])
      for (const dy of [-0.5, 0, 0.5]) {
        await page.click('#output', { position: pixelOf(cx + dx, cy + dy) });
        await page.waitForFunction(
          (m) => (window.playground.train.length + window.playground.test.length) / 3 === m,
          ++n,
        );
      }
  }
  const labels = await page.evaluate(() =>
    [...window.playground.train, ...window.playground.test].filter((_, i) => i % 3 === 2),
  );
  for (let k = 0; k < K; k++) assert.equal(labels.filter((l) => l === k).length, 9, `class ${k} has its 9 points`);
}

for (const K of [3, 5])
  test(`${K} painted classes train to >= 90 % and the link carries them`, async () => {
    const page = await open('dataset=custom&seed=1&networkShape=8&stopEpoch=200');
    await paint(page, K);
    const h = await page.evaluate(() => location.hash.slice(1));
    assert.match(h, new RegExp(`(^|&)classes=${K}(&|$)`));
    assert.equal(await page.evaluate(() => window.playground.layers.at(-1).nOut), K);
    await page.click('#editPoints'); // editing off
    await page.selectOption('#speed', '100');
    await page.click('#play');
    await page.waitForFunction(() => !window.playground.playing, null, { timeout: 60000 });
    await settle(page);
    const m = await page.evaluate(() => window.playground.metrics);
    assert.equal(m.epoch, 200);
    assert.ok(m.trainAccuracy >= 0.9, `train accuracy ${m.trainAccuracy}`);
    assert.ok(m.testAccuracy >= 0.9, `test accuracy ${m.testAccuracy}`);
    // the link alone gives the same classes and points
    const again = await open(h);
    assert.equal(await again.evaluate(() => window.playground.config.numClasses), K);
    assert.deepEqual(
      await again.evaluate(() => [Array.from(window.playground.train), Array.from(window.playground.test)]),
      await page.evaluate(() => [Array.from(window.playground.train), Array.from(window.playground.test)]),
    );
    await again.close();
    await page.close();
  });

test('a generated 3-class set becomes your own points when edited; iris cannot be painted', async () => {
  const page = await open('dataset=blobs3&seed=2');
  const before = await count(page);
  await page.click('#editPoints');
  await page.click('#classButtons button[data-cls="2"]');
  await page.click('#output', { position: pixelOf(0, 0) });
  await page.waitForFunction(() => window.playground.config.dataset === 'custom');
  assert.equal(await count(page), before + 1);
  assert.equal(await page.evaluate(() => window.playground.config.classes), 3);
  await page.close();
  const iris = await open('dataset=iris&seed=1');
  await iris.click('#editPoints');
  await iris.waitForFunction(() => /inputs are its 4 columns/.test(document.getElementById('messages').innerText));
  assert.equal(await iris.getAttribute('#editPoints', 'aria-pressed'), 'false');
  await iris.close();
});

test('switching the problem type keeps your points and says so', async () => {
  const pts = '1,1,1,-2,-2,-1,3,-1,1,-3,2,-1,0.5,4,1,-4,-0.5,-1';
  const page = await open(`dataset=custom&seed=1&points=${pts}`);
  const before = await page.evaluate(() => [...window.playground.train, ...window.playground.test]);
  await page.selectOption('#problem', 'regression');
  await page.waitForFunction(() => window.playground.config.problem === 'regression');
  await settle(page);
  const h = await page.evaluate(() => location.hash.slice(1));
  assert.match(h, /(^|&)regDataset=custom(&|$)/);
  assert.match(h, /points=/);
  const after = await page.evaluate(() => [...window.playground.train, ...window.playground.test]);
  assert.deepEqual(after, before, 'the same points, their labels now the values to fit');
  assert.match(await page.locator('#messages').innerText(), /Your points are kept/);
  await page.selectOption('#problem', 'classification');
  await page.waitForFunction(() => window.playground.config.problem === 'classification');
  await settle(page);
  assert.equal(await page.evaluate(() => window.playground.config.dataset), 'custom');
  assert.deepEqual(await page.evaluate(() => [...window.playground.train, ...window.playground.test]), before);
  await page.close();
});

test('the console stays clean and nothing leaves 127.0.0.1', () => {
  assert.deepEqual(b.external, []);
  assert.deepEqual(b.consoleErrors, []);
});
