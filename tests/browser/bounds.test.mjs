// bounds.test.mjs: the page's resource bounds (issue 9) with the largest network a URL may ask for,
// 16 hidden layers of 256 (about 1M weights, 4,000 neurons), in headless Chromium:
// - the network view is compact: no element per neuron or weight (one canvas holds the neuron
//   bars and the strongest links), says so in a visible note, and still answers hover (tooltip,
//   enlarged heatmap) and click (edit a bias) by hit-testing; the feature toggles stay elements;
// - the heatmaps use a smaller grid, with a message saying so;
// - while it trains, the main thread keeps running its animation frames and answers input: a click
//   on pause is handled at once and training stops; the console stays clean.
import test from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser } from './browser.mjs';

const b = await startBrowser();
test.after(async () => {
  await b.close();
});

test('a 16 x 256 network loads with bounded drawing, a note, and stays responsive while training', async () => {
  const page = await b.newPage();
  // tall enough that the hovered column is inside the viewport (Firefox refuses input outside it)
  await page.setViewportSize({ width: 1280, height: 1400 });
  await page.goto(`${b.base}/index.html#networkShape=${Array(16).fill(256).join(',')}&seed=1`);
  await page.waitForFunction(() => window.playground && window.playground.grid, null, { timeout: 60000 });
  const counts = await page.evaluate(() => ({
    hits: document.querySelectorAll('.net-link-hit').length,
    visible: document.querySelectorAll('.net-link').length,
    canvases: document.querySelectorAll('#network canvas').length,
    nodes: document.querySelectorAll('#network .net-node').length,
    features: document.querySelectorAll('#network .net-node.feature').length,
    plots: document.querySelectorAll('#network canvas.net-plot').length,
    elements: document.querySelectorAll('#network *').length,
  }));
  assert.equal(counts.hits + counts.visible, 0, 'no SVG path per weight');
  assert.equal(counts.nodes, counts.features, 'no element per neuron, only the feature toggles');
  assert.equal(counts.plots, 1);
  assert.ok(counts.canvases < 20, `no canvas per neuron: ${counts.canvases}`);
  assert.ok(counts.elements < 200, `elements in the network view: ${counts.elements}`);
  const box = await page.locator('#network canvas.net-plot').boundingBox();
  assert.ok(box.height <= 800, `the view fits a screen: ${box.height} px tall`);
  const note = page.locator('#network .net-note');
  assert.ok(await note.isVisible(), 'the network view shows its note');
  assert.match(await note.innerText(), /strongest of [\d,]+ links/);
  assert.match(await note.innerText(), /No neuron thumbnails above 300 neurons/);
  const N = await page.evaluate(() => window.playground.N);
  assert.ok(N >= 10 && N < 100, `grid side ${N}`);
  assert.match(await page.locator('#messages').innerText(), new RegExp(`${N} x ${N} grid`));

  // hover the middle of hidden layer 2's column: a neuron's tooltip and its enlarged heatmap
  const head = await page.locator('#network .net-col-head >> nth=1').boundingBox();
  const x = head.x + head.width / 2,
    y = box.y + box.height / 2 + 30;
  await page.mouse.move(x, y);
  const tip = page.locator('.net-tooltip');
  await tip.waitFor({ state: 'visible', timeout: 5000 });
  const m = /neuron (\d+) of hidden layer 2 \(tanh\), bias/.exec(await tip.innerText());
  assert.ok(m, await tip.innerText());
  assert.ok(await page.locator('.net-big').isVisible(), 'the enlarged heatmap shows');
  // a click edits that neuron's bias in the engine
  await page.mouse.click(x, y);
  await page.locator('.net-edit').fill('0.625');
  await page.locator('.net-edit').press('Enter');
  const j = Number(m[1]) - 1;
  await page.waitForFunction(
    (j) => {
      const p = window.playground;
      return p.params[p.layers[1].bOff + j] === 0.625;
    },
    j,
    { timeout: 30000 },
  );
  // between columns: a link's tooltip
  let linkTip = '';
  for (let dy = -40; dy <= 40 && !/weight from/.test(linkTip); dy += 4) {
    await page.mouse.move(x + head.width / 2, y + dy);
    linkTip = (await tip.isVisible()) ? await tip.innerText() : '';
  }
  assert.match(linkTip, /weight from neuron \d+ of layer 2 to neuron \d+ of layer 3: -?\d/);
  await page.mouse.move(1, 1);

  await page.click('#play');
  await page.waitForFunction(() => window.playground.metrics.updates > 2, null, { timeout: 60000 });
  // the frame loop keeps running: animation frames go on while the worker trains
  const t0 = await page.evaluate(() => window.playground.perf.ticks);
  await page.waitForTimeout(2000);
  const t1 = await page.evaluate(() => window.playground.perf.ticks);
  assert.ok(t1 - t0 >= 5, `animation frames in 2 s: ${t1 - t0}`);
  // its loss pass (~1 GFLOP) runs in slices on a copy of the weights; finished passes still
  // reach the page, each naming the epoch it measured
  await page.waitForFunction(
    () => {
      const m = window.playground.metrics;
      return m.lossEpoch >= 1 && !m.stale;
    },
    null,
    { timeout: 60000 },
  );
  const lm = await page.evaluate(() => window.playground.metrics);
  assert.ok(Number.isFinite(lm.trainLoss) && Number.isFinite(lm.testLoss), 'sliced losses are finite');
  assert.ok(lm.lossEpoch <= lm.epoch);
  // a click on pause is handled while playing (the main thread is not blocked)
  const started = Date.now();
  await page.click('#play', { timeout: 5000 });
  assert.equal(await page.evaluate(() => window.playground.playing), false);
  assert.ok(Date.now() - started < 5000);
  await page.waitForFunction(() => !window.playground.inflight, null, { timeout: 30000 });
  const after = await page.evaluate(() => window.playground.metrics.updates);
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => window.playground.metrics.updates), after, 'training stopped after pause');
  // the feature toggles still work
  await page.click('#network .net-node.feature >> nth=2');
  await page.waitForFunction(() => window.playground.config.xSquared === true, null, { timeout: 60000 });
  assert.deepEqual(b.consoleErrors, []);
  assert.deepEqual(b.external, []);
  await page.close();
});
