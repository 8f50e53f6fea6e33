// page.test.mjs: the playground page in headless Chromium: defaults, play/pause, every control in
// the URL and back, TensorFlow Playground links, learning, pixels vs engine values, weight edits,
// _hide keys, keyboard; no request leaves 127.0.0.1 and the console stays clean.
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pageSuite, isFirefox } from './browser.mjs';

const { b, shots, open, outputSample } = await pageSuite(test);
const cfg = (page) => page.evaluate(() => window.playground.config);
const hashOf = (page) => page.evaluate(() => location.hash.slice(1));
const epoch = (page) => page.evaluate(() => window.playground.metrics.epoch);
const settle = (page) => page.waitForFunction(() => !window.playground.inflight && !window.playground.dirty);

test('no hash: the default network, a seed in the URL, play and pause', async () => {
  const page = await open();
  const c = await cfg(page);
  assert.deepEqual(c.networkShape, [4, 2]);
  assert.equal(c.activation, 'tanh');
  assert.equal(c.learningRate, 0.03);
  assert.equal(c.dataset, 'circle');
  assert.match(await hashOf(page), /seed=\d{5}/);
  assert.equal(await page.locator('.net-node:not(.feature)').count(), 4 + 2 + 1);
  await page.screenshot({ path: path.join(shots, 'default.png') });
  assert.equal(await epoch(page), 0);
  await page.click('#play');
  await page.waitForFunction(() => window.playground.metrics.epoch > 20);
  await page.click('#play');
  await settle(page);
  const e1 = await epoch(page);
  await page.waitForTimeout(300);
  assert.equal(await epoch(page), e1, 'paused training must not advance');
  await page.keyboard.press('Space');
  await page.waitForFunction((e) => window.playground.metrics.epoch > e + 5, e1);
  await page.keyboard.press('Space');
  await page.close();
});

// The engine's second part (scripts/split-engine.mjs) holds what loading, training and drawing
// do not run: a first visit that plays never fetches it, the gradient check does.
test(
  "a first visit loads the engine's first part only; a rarer feature fetches the second",
  {
    skip: isFirefox && 'the Firefox adapter does not report the requests of dedicated workers',
  },
  async () => {
    const page = await b.newPage();
    const wasm = [];
    page.on('request', (r) => {
      // the service worker's precache (web/sw.js) fetches every file, the second part too
      if (r.url().endsWith('.wasm') && !r.serviceWorker()) wasm.push(new URL(r.url()).pathname);
    });
    await page.goto(`${b.base}/index.html#seed=1`);
    await page.evaluate(() => window.playground.loadPanels());
    await page.waitForFunction(() => document.body.dataset.panels === 'ready', null, { timeout: 30000 });
    await page.click('#play');
    await page.waitForFunction(() => window.playground.metrics.epoch > 20);
    await page.click('#play');
    assert.deepEqual(wasm, ['/gen/engine.wasm']);
    await page.click('#gradCheck');
    await page.waitForFunction(() => /worst relative error/.test(document.getElementById('gradCheckOut').textContent));
    assert.deepEqual(wasm, ['/gen/engine.wasm', '/gen/engine.deferred.wasm']);
    await page.close();
  },
);

test('every control changes the URL and the engine config; the URL restores it', async () => {
  const page = await open('seed=123');
  const steps = [
    [() => page.selectOption('#activation', 'relu'), 'activation', 'relu'],
    [() => page.selectOption('#learningRate', '0.1'), 'learningRate', 0.1],
    [() => page.selectOption('#regularization', 'L2'), 'regularization', 'L2'],
    [() => page.selectOption('#regularizationRate', '0.003'), 'regularizationRate', 0.003],
    [
      () =>
        page
          .locator('#noise')
          .fill('25')
          .then(() => page.locator('#noise').dispatchEvent('change')),
      'noise',
      25,
    ],
    [
      () =>
        page
          .locator('#percTrainData')
          .fill('70')
          .then(() => page.locator('#percTrainData').dispatchEvent('change')),
      'percTrainData',
      70,
    ],
    [
      () =>
        page
          .locator('#batchSize')
          .fill('17')
          .then(() => page.locator('#batchSize').dispatchEvent('change')),
      'batchSize',
      17,
    ],
    [() => page.click('#showTestData'), 'showTestData', true],
    [() => page.click('#discretize'), 'discretize', true],
    [() => page.click('.net-node.feature >> nth=2'), 'xSquared', true],
    [() => page.click('[aria-label="add a neuron to hidden layer 1"]'), 'networkShape', [5, 2]],
    [() => page.click('[aria-label="add a hidden layer"]'), 'networkShape', [5, 2, 2]],
    [() => page.click('[aria-label="Spiral dataset"]'), 'dataset', 'spiral'],
    [() => page.selectOption('#problem', 'regression'), 'problem', 'regression'],
  ];
  for (const [act, key, want] of steps) {
    await act();
    await page.waitForFunction(
      ([k, w]) => JSON.stringify(window.playground.config[k]) === JSON.stringify(w),
      [key, want],
    );
    const h = await hashOf(page);
    const shown = key === 'networkShape' ? want.join(',') : String(want);
    assert.ok(h.split('&').includes(`${key}=${shown}`), `${key}=${shown} not in ${h}`);
  }
  const h = await hashOf(page);
  const c = await cfg(page);
  const again = await open(h);
  assert.deepEqual(await cfg(again), c);
  assert.equal(await hashOf(again), h);
  await again.close();
  await page.close();
});

test('TensorFlow Playground URLs open with the same settings', async () => {
  const urls = [
    [
      'activation=relu&batchSize=17&dataset=xor&regDataset=reg-plane&learningRate=0.1&regularizationRate=0.001&noise=35&networkShape=8,8,5&seed=0.21341&showTestData=true&discretize=true&percTrainData=70&x=true&y=false&xTimesY=true&xSquared=true&ySquared=false&cosX=false&sinX=true&cosY=false&sinY=true&collectStats=false&problem=classification&initZero=false&hideText=true&regularization=L2',
      {
        activation: 'relu',
        batchSize: 17,
        dataset: 'xor',
        learningRate: 0.1,
        regularizationRate: 0.001,
        noise: 35,
        networkShape: [8, 8, 5],
        seed: '0.21341',
        showTestData: true,
        discretize: true,
        percTrainData: 70,
        x: true,
        y: false,
        xTimesY: true,
        xSquared: true,
        sinX: true,
        sinY: true,
        regularization: 'L2',
      },
    ],
    [
      'activation=sigmoid&regularization=L1&batchSize=3&dataset=gauss&regDataset=reg-gauss&learningRate=0.003&regularizationRate=0.3&noise=10&networkShape=&seed=0.88888&percTrainData=30&problem=regression',
      {
        activation: 'sigmoid',
        regularization: 'L1',
        batchSize: 3,
        regDataset: 'reg-gauss',
        learningRate: 0.003,
        regularizationRate: 0.3,
        noise: 10,
        networkShape: [],
        percTrainData: 30,
        problem: 'regression',
      },
    ],
    [
      'dataset=spiral&networkShape=6,6,6,6,6,6&learningRate=0.03&activation=tanh&seed=0.5&x=true&y=true&sinX=true&sinY=true&xSquared=true&ySquared=true&xTimesY=true',
      { dataset: 'spiral', networkShape: [6, 6, 6, 6, 6, 6], sinX: true, ySquared: true },
    ],
  ];
  for (const [hash, want] of urls) {
    const page = await open(hash);
    const c = await cfg(page);
    for (const [k, v] of Object.entries(want)) assert.deepEqual(c[k], v, `${k} for ${hash}`);
    await page.close();
  }
});

test('_hide keys hide the controls they name', async () => {
  const page = await open(
    'seed=1&learningRate_hide=true&playButton_hide=true&xSquared_hide=true&numHiddenLayers_hide=true&noise_hide=true',
  );
  assert.equal(await page.locator('#learningRate').isVisible(), false);
  assert.equal(await page.locator('#play').isVisible(), false);
  assert.equal(await page.locator('#noise').isVisible(), false);
  assert.equal(await page.locator('.net-node.feature').count(), 6);
  assert.equal(await page.locator('[aria-label="add a hidden layer"]').count(), 0);
  assert.equal(await page.locator('#activation').isVisible(), true);
  assert.equal(await page.locator('.footer').isVisible(), true);
  await page.close();
  // TF's hideText hides the text under the playground (ours: the footer's help); the link keeps it
  const quiet = await open('seed=1&hideText=true');
  assert.equal(await quiet.locator('.footer').isVisible(), false);
  assert.match(await quiet.evaluate(() => location.hash), /hideText=true/);
  await quiet.close();
});

test('training on circle learns; the picture changes; pixels match the engine', async () => {
  const page = await open('seed=7');
  const pixels = () => outputSample(page);
  const before = await pixels();
  await page.selectOption('#speed', '100');
  await page.click('#play');
  await page.waitForFunction(() => window.playground.metrics.epoch >= 300, null, { timeout: 60000 });
  await page.click('#play');
  await settle(page);
  await page.screenshot({ path: path.join(shots, 'trained.png') });
  const m = await page.evaluate(() => window.playground.metrics);
  assert.ok(m.testLoss < 0.1, `test loss ${m.testLoss}`); // trivial predictor: 0.5
  const after = await pixels();
  const changed = after.filter((v, i) => Math.abs(v - before[i]) > 30).length;
  assert.ok(changed > after.length / 20, `only ${changed} of ${after.length} samples changed`);
  // A pixel at the centre of grid cell (r, c) vs the engine's output value there, coloured with
  // the page's palette: the output row is the last grid row.
  const check = await page.evaluate(async () => {
    const { rgbOf } = await import('./views/colors.js');
    const st = window.playground,
      N = 100,
      P = N * N,
      out = st.rows - 1;
    const ctx = document.getElementById('output').getContext('2d');
    const res = [];
    const s = ctx.canvas.width / N,
      pts = st.train;
    // cells at least 8 px from every drawn point, so the sample shows the heatmap, not a point
    // ... and where the picture is flat (neighbours within 0.04), so smoothing between cells cannot
    // move the colour
    const flat = (r, c) => {
      const v = st.grid[out * P + r * N + c];
      for (const [dr, dc] of [
        [-1, 0],
        [1, 0],
        [0, -1],
        [0, 1],
        [-1, -1],
        [1, 1],
        [-1, 1],
        [1, -1],
      ])
        if (Math.abs(st.grid[out * P + (r + dr) * N + c + dc] - v) > 0.04) return false;
      return true;
    };
    const clear = (r, c) => {
      if (!flat(r, c)) return false;
      for (let i = 0; i < pts.length; i += 3) {
        const px = ((pts[i] + 6) / 12) * 300,
          py = ((6 - pts[i + 1]) / 12) * 300;
        if (Math.hypot(px - (c + 0.5) * 3, py - (r + 0.5) * 3) < 8) return false;
      }
      return true;
    };
    const cells = [];
    for (let r = 5; r < 95; r += 7) for (let c = 3; c < 97; c += 11) if (clear(r, c)) cells.push([r, c]);
    for (const [r, c] of cells) {
      const v = st.grid[out * P + r * N + c];
      const px = ctx.getImageData(Math.floor((c + 0.5) * s), Math.floor((r + 0.5) * s), 1, 1).data;
      res.push({ v, px: Array.from(px.slice(0, 3)), want: rgbOf(st.palette, v, st.dark) });
    }
    return res;
  });
  assert.ok(check.length >= 8);
  assert.ok(check.some(({ v }) => v > 0.5) && check.some(({ v }) => v < -0.5), 'samples cover both classes');
  for (const { v, px, want } of check)
    for (let k = 0; k < 3; k++) assert.ok(Math.abs(px[k] - want[k]) <= 24, `value ${v}: pixel ${px} vs ${want}`);
  await page.close();
});

test('editing a weight through the UI changes the engine weight and the drawing', async () => {
  const page = await open('seed=3');
  await settle(page);
  const link = page.locator('.net-link-hit').first();
  const vis = page.locator('.net-link').first();
  const w0 = await vis.getAttribute('stroke-width');
  await link.click({ force: true });
  const box = page.locator('.net-edit');
  await box.fill('3.5');
  await box.press('Enter');
  await page.waitForFunction(() => window.playground.params[0] === 3.5);
  await settle(page);
  const w1 = await vis.getAttribute('stroke-width');
  assert.notEqual(w1, w0);
  assert.ok(Number(w1) > Number(w0));
  // a bad value is refused and nothing changes
  await link.click({ force: true });
  await box.fill('abc');
  await box.press('Enter');
  assert.equal(await box.evaluate((e) => e.classList.contains('bad')), true);
  await box.press('Escape');
  assert.equal(await page.evaluate(() => window.playground.params[0]), 3.5);
  await page.close();
});

test('the largest network draws; a bad hash shows a message and keeps working', async () => {
  const page = await open(
    'networkShape=8,8,8,8,8,8,8,8&dataset=spiral&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true&seed=9',
  );
  await page.click('#play');
  await page.waitForFunction(() => window.playground.metrics.epoch > 10);
  await page.click('#play');
  await settle(page);
  await page.screenshot({ path: path.join(shots, 'largest.png'), fullPage: true });
  assert.equal(await page.locator('.net-node:not(.feature)').count(), 65);
  const bad = await open('activation=bogus&learningRate=-1&networkShape=4,x&seed=2');
  const text = await bad.locator('#messages').innerText();
  assert.match(text, /activation/);
  assert.match(text, /learningRate/);
  assert.match(text, /networkShape/);
  assert.deepEqual((await cfg(bad)).networkShape, [4, 2]);
  await bad.close();
  await page.close();
});

test('the colour-blind palette also renames and recolours the point-class buttons', async () => {
  const page = await open('seed=1');
  const looks = () =>
    page.evaluate(() =>
      ['classPos', 'classNeg'].map((id) => {
        const e = document.getElementById(id);
        return [e.textContent, getComputedStyle(e, '::before').backgroundColor];
      }),
    );
  // TF Playground's blue #0877bd = rgb(8, 119, 189), orange #f59322 = rgb(245, 147, 34)
  assert.deepEqual(await looks(), [
    ['Blue +1', 'rgb(8, 119, 189)'],
    ['Orange −1', 'rgb(245, 147, 34)'],
  ]);
  await page.click('#colorblind');
  // ColorBrewer PuOr ends: purple #542788 = rgb(84, 39, 136), brown-orange #b35806 = rgb(179, 88, 6)
  assert.deepEqual(await looks(), [
    ['Purple +1', 'rgb(84, 39, 136)'],
    ['Brown-orange −1', 'rgb(179, 88, 6)'],
  ]);
  await page.click('#colorblind');
  await page.close();
});

test('nothing left 127.0.0.1 and the console stayed clean', () => {
  assert.deepEqual(b.external, []);
  assert.deepEqual(b.consoleErrors, []);
});
