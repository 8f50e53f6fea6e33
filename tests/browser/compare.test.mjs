// compare.test.mjs: the compare and sweep panel (issue 16). A compare link races three variants
// that start from the page network's own initial weights and follow its epochs; "Make main" opens
// one with its weights; a sweep link fills every cell, coloured in the order of the runs' losses;
// each run's weights equal, bit for bit, what the page's own network gives for that run's link
// after the same epochs; Stop keeps the finished cells; refusals name the limit; the form writes
// the link. No timing is asserted.
import test from 'node:test';
import assert from 'node:assert/strict';
import { pageSuite, isFirefox } from './browser.mjs';

const { open, settle } = await pageSuite(test, { width: 1400, height: 1000 });
const race = (page) => page.evaluate(() => window.playgroundVariants.race());
const sweep = (page) => page.evaluate(() => window.playgroundVariants.sweep());
const variantParams = (page, kind, i) =>
  page.evaluate(([k, j]) => window.playgroundVariants.params(k, j).then((r) => Array.from(r.params)), [kind, i]);
const mainParams = (page) => page.evaluate(() => Array.from(window.playground.params));
const messages = (page) => page.$$eval('#messages > *', (ms) => ms.map((m) => m.textContent).join('\n'));

test('a compare link races three variants from the same initial weights; one becomes the main network', async () => {
  const page = await open('seed=3&compare=optimizer:sgd,momentum,adam');
  await page.waitForFunction(() => {
    const r = window.playgroundVariants.race();
    return r.length === 3 && r.every((v) => v.params0);
  });
  let r = await race(page);
  assert.deepEqual(
    r.map((v) => v.label),
    ['optimizer=sgd', 'optimizer=momentum', 'optimizer=adam'],
  );
  assert.ok(r.every((v) => v.sameInit));
  const initial = await mainParams(page); // the page's network, not yet trained
  assert.equal(await page.evaluate(() => window.playground.metrics.epoch), 0);
  for (const v of r) assert.deepEqual(Array.from(Object.values(v.params0)), initial, `${v.label} starts elsewhere`);
  assert.ok((await page.evaluate(() => window.playgroundVariants.poolSize())) >= 1);

  await page.click('#play');
  await page.waitForFunction(() => window.playground.metrics.epoch >= 30);
  await page.click('#play');
  await settle(page);
  const epoch = await page.evaluate(() => window.playground.metrics.epoch);
  // every variant catches up with the page's epoch, then stops there
  await page.waitForFunction((e) => window.playgroundVariants.race().every((v) => v.epoch === e), epoch);
  r = await race(page);
  assert.ok(r.every((v) => Number.isFinite(v.testLoss) && !v.diverged));
  assert.equal(new Set(r.map((v) => v.testLoss)).size, 3, 'three optimizers, three losses');
  assert.ok((await page.$$('.race-card')).length === 3);

  const adam = await variantParams(page, 'race', 2);
  await page.click('.race-card >> nth=2 >> text=Make main');
  await page.waitForFunction(() => window.playground.config.optimizer === 'adam' && !window.playground.config.compare);
  await settle(page);
  assert.deepEqual(await mainParams(page), adam, 'the main network has the variant’s weights');
  assert.equal(await page.evaluate(() => window.playground.metrics.epoch), epoch);
  assert.ok(await page.evaluate(() => document.getElementById('race').hidden), 'the race ended');
  await page.close();
});

test(
  'the pool’s workers start from the page worker’s compiled engine: none fetches engine.wasm',
  {
    skip: isFirefox && 'the Firefox adapter does not report the requests of dedicated workers',
  },
  async () => {
    const page = await open('seed=5');
    await page.waitForFunction(() => window.playground && window.playground.grid);
    const fetched = [];
    // the service worker's precache fetches every file of the build once: not the pool's doing
    page.context().on('request', (r) => {
      if (/engine\.wasm$/.test(r.url()) && !r.serviceWorker()) fetched.push(r.url());
    });
    await page.evaluate(() => (location.hash = 'seed=5&sweep=learningRate:0.01,0.1,1&sweepEpochs=20'));
    await page.waitForFunction(() => {
      const s = window.playgroundVariants.sweep();
      return s.runs.length === 3 && !s.running && s.runs.every((r) => r.done);
    });
    const workers = await page.evaluate(() => window.playgroundVariants.poolSize());
    assert.ok(workers >= 1);
    // Before the pool was given the page's engine, each of its workers fetched and compiled its own.
    assert.deepEqual(fetched, [], `${workers} pool worker(s) fetched the engine`);
    await page.close();
  },
);

test('a sweep link fills every cell in the order of the runs’ losses, equal to single runs bit for bit', async () => {
  const page = await open('seed=4&sweep=learningRate:0.01,0.3;networkShape:2|4,2&sweepEpochs=40');
  await page.waitForFunction(() => {
    const s = window.playgroundVariants.sweep();
    return s.runs.length === 4 && !s.running && s.runs.every((r) => r.done);
  });
  const s = await sweep(page);
  assert.deepEqual(
    s.runs.map((r) => r.label),
    [
      'learningRate=0.01, networkShape=2',
      'learningRate=0.01, networkShape=4,2',
      'learningRate=0.3, networkShape=2',
      'learningRate=0.3, networkShape=4,2',
    ],
  );
  const cells = await page.$$eval('.sweep-cell', (bs) =>
    bs.map((b) => {
      const [r, g, bl] = getComputedStyle(b)
        .backgroundColor.match(/\d+(\.\d+)?/g)
        .map(Number);
      return { text: b.textContent, light: 0.2126 * r + 0.7152 * g + 0.0722 * bl };
    }),
  );
  assert.equal(cells.length, 4);
  s.runs.forEach((r, k) => {
    assert.equal(r.epoch, 40);
    assert.ok(Math.abs(Number(cells[k].text) - r.testLoss) < 5e-4, `cell ${k}: ${cells[k].text} vs ${r.testLoss}`);
  });
  // lower loss, darker cell (light theme): the lightness ranks the cells as the losses do
  const byLoss = [0, 1, 2, 3].sort((a, b) => s.runs[a].testLoss - s.runs[b].testLoss);
  for (let i = 1; i < 4; i++) assert.ok(cells[byLoss[i - 1]].light <= cells[byLoss[i]].light);

  const k = 3,
    swept = await variantParams(page, 'sweep', k);
  // the same run as the page's own network: its link, trained to epoch 40 (stopEpoch caps it)
  const single = await open(`${s.runs[k].hash}&stopEpoch=40&speed=100`);
  await single.click('#play');
  await single.waitForFunction(() => !window.playground.playing && window.playground.metrics.epoch === 40);
  await settle(single);
  assert.deepEqual(await mainParams(single), swept);
  await single.close();

  // clicking a cell opens that network with its trained weights
  await page.click(`.sweep-cell >> nth=${k}`);
  await page.waitForFunction(
    () => window.playground.metrics.epoch === 40 && window.playground.config.learningRate === 0.3,
  );
  await settle(page);
  assert.deepEqual(await mainParams(page), swept);
  await page.close();
});

test('Stop keeps the finished cells; a diverging run shows as diverged', async () => {
  const page = await open(
    'seed=5&networkShape=8,8&sweep=learningRate:0.01,0.02,0.03,0.04,0.05,0.06,0.07,0.08&sweepEpochs=20000',
  );
  await page.waitForFunction(() => window.playgroundVariants.sweep().runs.some((r) => r.done));
  await page.click('#sweepStop');
  await page.waitForFunction(() => !window.playgroundVariants.sweep().running);
  const s = await sweep(page);
  const done = s.runs.filter((r) => r.done);
  assert.ok(done.length >= 1 && done.length < 8, `${done.length} of 8 runs finished`);
  assert.match(await page.textContent('#sweepInfo'), /\(stopped\)/);
  for (const r of done) assert.equal(r.epoch, 20000);
  await page.close();

  // regression at learning rate 100: the loss overflows in the first epoch (the engine's guard)
  const d = await open('seed=5&problem=regression&regDataset=reg-plane&sweep=learningRate:0.01,100&sweepEpochs=60');
  await d.waitForFunction(() => {
    const s = window.playgroundVariants.sweep();
    return s.runs.length === 2 && !s.running;
  });
  const r = (await sweep(d)).runs;
  assert.equal(r[0].diverged, false);
  assert.equal(r[1].diverged, true);
  assert.equal(r[1].cell, 'diverged');
  await d.close();
});

test('refusals name the limit and leave a working page; the form writes the link', async () => {
  const page = await open('seed=6&sweep=batchSize:1,2,3,4,5,6,7,8,9');
  assert.match(
    await messages(page),
    /sweep: 'batchSize:1,2,3,4,5,6,7,8,9' gives batchSize 9 values; allowed: .*2\.\.8 values/,
  );
  const big = await open(
    'seed=6&networkShape=256,256,256,256,256,256,256,256,256,256,256,256,256,256,256,256&sweep=optimizer:sgd,adam&sweepEpochs=1000',
  );
  await big.waitForFunction(() => /Not swept/.test(document.getElementById('messages').textContent));
  assert.match(await messages(big), /2 runs x 1000 epochs need 1\.48e\+12 multiply-adds; allowed: at most 2e\+11/);
  await big.close();

  // the form: two settings, Race; the link carries them and six variants race
  await page.selectOption('#vKey1', 'learningRate');
  await page.fill('#vVals1', '0.01, 0.1, 1');
  await page.selectOption('#vKey2', 'activation');
  await page.fill('#vVals2', 'tanh,relu');
  await page.click('#raceStart');
  await page.waitForFunction(() => window.playgroundVariants.race().length === 6);
  assert.match(
    decodeURIComponent(await page.evaluate(() => location.hash)),
    /compare=learningRate:0\.01,0\.1,1;activation:tanh,relu/,
  );
  assert.equal((await race(page))[5].label, 'learningRate=1, activation=relu');
  await page.click('#raceEnd');
  await page.waitForFunction(() => document.getElementById('race').hidden && !location.hash.includes('compare='));
  await page.close();
});
