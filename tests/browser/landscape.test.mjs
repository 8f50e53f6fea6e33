// landscape.test.mjs: the loss landscape in the page (issue 18). The panel, once opened, draws
// the engine's plane (a heatmap with contours, the path, the centre); it follows training (new
// planes begin as the weights move, the path grows); a click on a grid point moves the weights
// there and the training loss becomes the plane's loss at that point (to the bit); the
// step-through plots L(w) for a clicked link; a race's variants draw their paths on the plane
// (the page's own config trained in a pool worker walks the page's path exactly) or are named
// when their weights are laid out otherwise. Console clean, no request leaves 127.0.0.1.
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pageSuite } from './browser.mjs';

const { b, shots, open, settle } = await pageSuite(test, { height: 1000 });

const plane = (page) =>
  page.evaluate(() => {
    const p = window.playground.landscape;
    return p && { ...p, loss: Array.from(p.loss), path: Array.from(p.path), rgba: null, coords: Array.from(p.coords) };
  });
// distinct colours among every 7th pixel of a canvas
const colours = (page, id) =>
  page.evaluate((id) => {
    const c = document.getElementById(id);
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const seen = new Set();
    for (let i = 0; i < d.length; i += 28) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    return seen.size;
  }, id);

test('the landscape panel draws, follows training, and a click moves the weights', async () => {
  const page = await open('seed=1&networkShape=4,2');
  await page.click('#landscapePanel > summary');
  await page.waitForFunction(() => window.playground.landscape && window.playground.landscape.done, null, {
    timeout: 30000,
  });
  let p = await plane(page);
  assert.equal(p.n % 2, 1);
  assert.ok(p.n >= 9 && p.n <= 41, `side ${p.n}`);
  const centre = p.loss[((p.n - 1) / 2) * p.n + (p.n - 1) / 2];
  const m0 = await page.evaluate(() => window.playground.metrics);
  assert.equal(centre, Math.fround(m0.trainLoss), 'the centre is the current loss');
  assert.ok((await colours(page, 'landscape')) > 20, 'a picture, not a blank canvas');
  await page.locator('#landscapePanel').screenshot({ path: path.join(shots, 'landscape-0.png') });

  // follows training: new planes while playing, the path grows
  const begins0 = p.begins;
  await page.click('#play');
  await page.waitForFunction(
    (b0) => window.playground.metrics.epoch >= 20 && window.playground.landscape.begins > b0 + 1,
    begins0,
    { timeout: 30000 },
  );
  await page.click('#play');
  await page.waitForFunction(() => !window.playground.playing);
  await settle(page);
  await page.waitForFunction(
    () => {
      const p = window.playground.landscape,
        m = window.playground.metrics;
      return p.done && p.epoch === m.epoch && p.updates === m.updates;
    },
    null,
    { timeout: 30000 },
  );
  p = await plane(page);
  assert.ok(p.path.length / 2 >= 20, `path of ${p.path.length / 2} epochs`);
  await page.locator('#landscapePanel').screenshot({ path: path.join(shots, 'landscape-trained.png') });

  // hover names the loss; a click on grid point (row 2, column n - 3) moves the weights there
  // positions relative to the canvas, taken at the moment of each action (the page's layout may
  // move while hints come and go)
  const cvs = page.locator('#landscape');
  const box = await cvs.boundingBox();
  const r = 2,
    c = p.n - 3;
  const position = { x: ((c + 0.5) * box.width) / p.n, y: ((r + 0.5) * box.height) / p.n };
  await cvs.hover({ position });
  const want = p.loss[r * p.n + c];
  assert.match(await page.locator('#landscapeInfo').innerText(), new RegExp(`loss ${want.toFixed(4)}`));
  const before = await page.evaluate(() => Array.from(window.playground.params));
  const begins = p.begins;
  await cvs.click({ position });
  await page.waitForFunction((b0) => window.playground.landscape.begins > b0, begins, { timeout: 30000 });
  const after = await page.evaluate(() => ({
    params: Array.from(window.playground.params),
    m: window.playground.metrics,
  }));
  assert.notDeepEqual(after.params, before);
  assert.equal(Math.fround(after.m.trainLoss), want, 'the loss is the plane’s loss at the clicked point');
  await page.close();
});

test('principal directions before training: the engine’s message, then random directions draw', async () => {
  const page = await open('seed=2');
  await page.click('#landscapePanel > summary');
  await page.selectOption('#landscapeDirs', 'pca');
  await page.waitForFunction(() =>
    /at least 3 recorded weights/.test(document.getElementById('landscapeInfo').textContent),
  );
  await page.selectOption('#landscapeDirs', 'random');
  await page.waitForFunction(
    () => window.playground.landscape?.done && window.playground.landscape.directions === 'random',
  );
  // after some training the principal directions draw too
  await page.selectOption('#speed', '10');
  await page.click('#play');
  await page.waitForFunction(() => window.playground.metrics.epoch >= 10);
  await page.click('#play');
  await page.selectOption('#landscapeDirs', 'pca');
  await page.waitForFunction(
    () => window.playground.landscape?.done && window.playground.landscape.directions === 'pca',
    null,
    {
      timeout: 30000,
    },
  );
  await page.close();
});

test('the step-through plots L(w) for a clicked link', async () => {
  const page = await open('preset=worked-example&learningRate=0.5');
  await page.waitForFunction(() => window.playground.step && window.playground.trace);
  await page.locator('.net-link-hit[data-k="0"]').click({ force: true });
  await page.waitForSelector('.st-lossline[data-ready="true"]', { timeout: 30000 });
  const n = await page.evaluate(() => {
    const c = document.querySelector('.st-lossline canvas');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 3; i < d.length; i += 4) ink += d[i] > 0;
    return ink;
  });
  assert.ok(n > 200, `${n} pixels drawn`);
  await page.locator('#stepPanel').screenshot({ path: path.join(shots, 'step-lossline.png') });
  await page.close();
});

test('a race’s variants walk the same plane: same weights, same path; another shape is named', async () => {
  // learningRate 0.03 is the page's own network trained in a pool worker; 0.3 starts from the same
  // weights and leaves on its own path
  const page = await open('seed=1&compare=learningRate:0.03,0.3');
  await page.waitForFunction(() => window.playgroundVariants.race().length === 2);
  await page.click('#landscapePanel > summary');
  await page.click('#play');
  await page.waitForFunction(() => window.playground.metrics.epoch >= 25, null, { timeout: 30000 });
  await page.click('#play');
  await settle(page);
  const epoch = await page.evaluate(() => window.playground.metrics.epoch);
  await page.waitForFunction((e) => window.playgroundVariants.race().every((v) => v.epoch === e), epoch, {
    timeout: 30000,
  });
  await page.waitForFunction(
    (e) => {
      const p = window.playground.landscape;
      return p?.done && p.epoch === e && p.variants?.length === 2 && p.variants.every((v) => v.path?.length >= 2 * 20);
    },
    epoch,
    { timeout: 30000 },
  );
  const p = await page.evaluate(() => {
    const l = window.playground.landscape;
    return { path: Array.from(l.path), variants: l.variants.map((v) => ({ ...v, path: Array.from(v.path) })) };
  });
  const [same, fast] = p.variants;
  assert.deepEqual(
    same.path,
    p.path.slice(0, same.path.length),
    'the same config in another worker walks the same path',
  );
  assert.deepEqual(fast.path.slice(0, 2), p.path.slice(0, 2), 'the same initial weights');
  assert.notDeepEqual(fast.path.slice(2, 20), p.path.slice(2, 20), 'another learning rate, another path');
  assert.match(await page.locator('#landscapeRace').innerText(), /learningRate=0\.3/);
  await page.locator('#landscapePanel').screenshot({ path: path.join(shots, 'landscape-race.png') });
  await page.close();

  const other = await open('seed=1&compare=networkShape:4,2|3');
  await other.waitForFunction(() => window.playgroundVariants.race().length === 2);
  await other.click('#landscapePanel > summary');
  await other.waitForFunction(() => window.playground.landscape?.variants?.length === 2, null, { timeout: 30000 });
  const legend = await other.locator('#landscapeRace').innerText();
  assert.match(
    legend,
    /networkShape=3: not drawn, its network \(2 inputs, hidden 3, 1 output\) is not laid out as the plane's \(2 inputs, hidden 4,2, 1 output\)/,
  );
  const v = await other.evaluate(() => window.playground.landscape.variants.map((v) => !!v.path));
  assert.deepEqual(v, [true, false]);
  await other.close();
});

test('no request left 127.0.0.1; console clean', () => {
  assert.deepEqual(b.external, []);
  assert.deepEqual(b.consoleErrors, []);
});
