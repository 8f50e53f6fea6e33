// speed.test.mjs: the pace while playing (the `speed` key): a link without it plays at one epoch per
// frame (TensorFlow Playground's pace); the menu and the link agree both ways; Max trains many
// epochs per drawn frame while the epoch counter, the loss chart and the boundary keep moving; a
// bad value is refused by name and the page still plays. No timing is asserted: counts of epochs
// against counts of frames.
import test from 'node:test';
import assert from 'node:assert/strict';
import { pageSuite } from './browser.mjs';

const { open, cfg, hashOf, settle, outputSample } = await pageSuite(test);
const hashValue = (h, k) => new URLSearchParams(h).get(k);
const epochText = (page) => page.evaluate(() => Number(document.getElementById('epoch').textContent.replace(/,/g, '')));

// Plays for `ms`, then pauses; returns the epochs trained and the frame answers that trained them.
async function playFor(page, ms) {
  const e0 = await page.evaluate(() => window.playground.metrics.epoch);
  await page.evaluate(() => {
    window.playground.resetPerf();
  });
  await page.click('#play');
  await page.waitForTimeout(ms);
  await page.click('#play');
  await settle(page);
  return page.evaluate(
    (e0) => ({ epochs: window.playground.metrics.epoch - e0, answers: window.playground.perf.answers }),
    e0,
  );
}

test('a link without speed plays at one epoch per frame, and the menu says so', async () => {
  const page = await open('seed=5');
  assert.equal((await cfg(page)).speed, '1');
  assert.equal(await page.inputValue('#speed'), '1');
  assert.equal(hashValue(await hashOf(page), 'speed'), null, 'the default pace is not written into the link');
  const r = await playFor(page, 1000);
  assert.ok(r.epochs >= 5, `trained ${r.epochs} epochs`);
  // one epoch per answered frame; the answers also count the frame after the pause (no training)
  assert.ok(r.epochs <= r.answers, `${r.epochs} epochs in ${r.answers} frames`);
  await page.close();
});

test('speed round-trips between the menu and the link', async () => {
  const page = await open('seed=5&speed=max');
  assert.equal((await cfg(page)).speed, 'max');
  assert.equal(await page.inputValue('#speed'), 'max');
  for (const v of ['100', '10', 'batch', 'max']) {
    await page.selectOption('#speed', v);
    await page.waitForFunction((v) => window.playground.config.speed === v, v);
    assert.equal(hashValue(await hashOf(page), 'speed'), v);
  }
  await page.selectOption('#speed', '1');
  await page.waitForFunction(() => window.playground.config.speed === '1');
  assert.equal(hashValue(await hashOf(page), 'speed'), null);
  // changing the pace is live: the weights stay
  const before = await page.evaluate(() => Array.from(window.playground.params));
  await page.selectOption('#speed', '100');
  await page.waitForFunction(() => window.playground.config.speed === '100');
  await settle(page);
  assert.deepEqual(await page.evaluate(() => Array.from(window.playground.params)), before);
  await page.close();
});

test('Max trains more than one epoch per frame; the counter, the chart and the boundary advance', async () => {
  const page = await open('seed=5&speed=max');
  const pixels = () => outputSample(page);
  const before = { pixels: await pixels(), chart: await page.evaluate(() => window.playground.chartPushes) };
  const r = await playFor(page, 1500);
  assert.ok(r.epochs > 2 * r.answers, `Max: ${r.epochs} epochs in ${r.answers} frames`);
  const shown = await epochText(page);
  assert.equal(
    shown,
    await page.evaluate(() => window.playground.metrics.epoch),
    'the counter shows the epoch trained',
  );
  assert.ok(shown > 100);
  assert.ok(
    (await page.evaluate(() => window.playground.chartPushes)) > before.chart + 2,
    'the loss chart gained points',
  );
  assert.notDeepEqual(await pixels(), before.pixels, 'the boundary was redrawn');
  assert.match(await page.locator('#rate').innerText(), /^$|epochs\/s/);
  await page.close();
});

test('Max asks for a grid only as often as it draws one; a change while playing gets its grid at once', async () => {
  // The boundary and the network view are drawn at most every VIEW_MS.output (33 ms) at Max, so the
  // worker skips the grid on the frames between (counts, not times: at 1 epoch per frame every
  // answer carries one).
  const page = await open('seed=5&speed=max');
  const r = await playFor(page, 1500);
  const perf = await page.evaluate(() => window.playground.perf);
  assert.ok(perf.grids > 0 && perf.grids < perf.answers, `${perf.grids} grids in ${perf.answers} answers`);
  assert.ok(r.epochs > 2 * r.answers);
  // a new neuron while playing: the next frames draw a grid of the new network (its rows), no error
  await page.click('#play');
  await page.waitForTimeout(300);
  await page.click('[aria-label="add a neuron to hidden layer 1"]');
  await page.waitForFunction(() => window.playground.config.networkShape[0] === 5);
  await page.waitForTimeout(300);
  await page.click('#play');
  await settle(page);
  const g = await page.evaluate(() => ({
    rows: window.playground.rows,
    N: window.playground.N,
    len: window.playground.grid.length,
    neurons: window.playground.layers.reduce((n, L) => n + L.nOut, 0),
  }));
  assert.equal(g.len, g.rows * g.N * g.N, 'the grid holds the rows it says');
  assert.ok(g.rows >= g.neurons, `${g.rows} grid rows for ${g.neurons} neurons`);
  assert.doesNotMatch(await page.locator('#messages').innerText(), /fail/i);
  const slow = await open('seed=5');
  const s = await playFor(slow, 800);
  const sp = await slow.evaluate(() => window.playground.perf);
  assert.equal(sp.grids, sp.answers, 'at 1 epoch per frame every answer carries a grid');
  assert.ok(s.answers > 0);
  await slow.close();
  await page.close();
});

test('while playing, the gradient health probe waits 333 ms and 50 times its own cost between runs', async () => {
  // 16 x 256: each probe is a forward and backward pass over 64 points (~20 ms), so at most about
  // one a second; asked every 20th answer, as before, it came every ~350 ms and cost frames.
  const page = await open(`networkShape=${Array(16).fill(256).join(',')}&seed=1`);
  await page.evaluate(() => window.playground.resetPerf());
  await page.click('#play');
  // Plays until three probes came while playing. Not a fixed time: on a loaded machine a probe
  // costs ~100 ms, so the rule spaces them ~5 s apart (CI once saw none in 6 s).
  await page.waitForFunction(
    () => ((window.playground.perf && window.playground.perf.health) || []).filter((x) => x[2]).length >= 3,
    null,
    { timeout: 60000 },
  );
  await page.click('#play');
  await settle(page);
  // (asked at, cost, playing); a last probe after the pause shows the final weights
  const h = (await page.evaluate(() => window.playground.perf.health)).filter((x) => x[2]);
  assert.ok(h.length >= 3, `${h.length} probes while playing`);
  for (let k = 1; k < h.length; k++) {
    const gap = h[k][0] - h[k - 1][0],
      cost = h[k - 1][1];
    assert.ok(cost > 0, 'the worker reports what a probe cost');
    assert.ok(
      gap >= Math.max(333, 50 * cost) - 1,
      `probe ${k}: ${gap.toFixed(0)} ms after one that cost ${cost.toFixed(1)} ms`,
    );
  }
  await page.close();
});

test('a bad speed is refused by name; the page plays at the default pace', async () => {
  const page = await open('seed=5&speed=7');
  assert.match(await page.locator('#messages').innerText(), /speed/);
  assert.equal((await cfg(page)).speed, '1');
  const r = await playFor(page, 500);
  assert.ok(r.epochs >= 1 && r.epochs <= r.answers);
  await page.close();
});
