// iris.test.mjs: the built-in Iris set in the page (issue 17): the network's inputs are its 4
// columns (named in the input layer), it trains to >= 95 % test accuracy, the plot is petal length x
// petal width (the user can pick others) with the other two columns held at values the page shows
// and lets the user edit (the engine's slice), and the picker offers the new sets with the engine's labels.
import test from 'node:test';
import assert from 'node:assert/strict';
import { pageSuite } from './browser.mjs';
import { engine } from '../wasm/load.mjs';

const cat = (await engine()).catalog();
const { b, open, settle, outputSample } = await pageSuite(test);
const metrics = (page) => page.evaluate(() => window.playground.metrics);

test('the picker offers moons, the function boundaries and iris, labelled as the catalog says', async () => {
  const page = await open('seed=1');
  const shown = await page.$$eval('#datasets button.dataset', (bs) => bs.map((x) => [x.dataset.key, x.title]));
  for (const key of ['moons', 'sine', 'cubic', 'vee', 'iris']) {
    const d = cat.datasets.find((x) => x.key === key);
    assert.ok(d, key);
    assert.deepEqual(
      shown.find(([k]) => k === key),
      [key, d.label],
    );
  }
  await page.close();
});

test('iris: 4 column inputs, >= 95 % test accuracy, plot petal length x petal width on an editable slice', async () => {
  const page = await open('dataset=iris&networkShape=6&percTrainData=70&seed=1&stopEpoch=300');
  const inputs = await page.$$eval('.net-node.feature', (fs) => fs.map((f) => f.getAttribute('aria-label')));
  assert.deepEqual(
    inputs,
    ['sepal length', 'sepal width', 'petal length', 'petal width'].map((n) => `input column ${n}`),
  );
  assert.equal(await page.evaluate(() => window.playground.layers[0].nIn), 4);
  const note = page.locator('#sliceNote');
  assert.match(await note.innerText(), /petal length \(across\) × petal width \(up\)/);
  assert.deepEqual(await page.$$eval('#sliceNote input', (is) => is.map((i) => i.getAttribute('aria-label'))), [
    'sepal length: the value the plot holds it at',
    'sepal width: the value the plot holds it at',
  ]);
  await page.selectOption('#speed', '100');
  await page.click('#play');
  await page.waitForFunction(() => !window.playground.playing, null, { timeout: 60000 });
  await settle(page);
  const m = await metrics(page);
  assert.equal(m.epoch, 300);
  assert.ok(m.testAccuracy >= 0.95, `test accuracy ${m.testAccuracy}`);
  // the legend and the confusion matrix name the species (the engine's class names)
  assert.deepEqual(m.confusion.names, ['setosa', 'versicolor', 'virginica']);
  assert.match(await page.locator('#classMetrics').innerText(), /setosa[\s\S]*versicolor[\s\S]*virginica/);
  // moving sepal length's slice value redraws the boundary; a bad value keeps the old one
  const before = await outputSample(page);
  await page.fill('#sliceNote input[data-column="0"]', '2.5');
  await page.dispatchEvent('#sliceNote input[data-column="0"]', 'change');
  await page.waitForFunction(() => document.querySelector('#sliceNote input[data-column="0"]').value === '2.5');
  await settle(page);
  await page.waitForTimeout(200);
  assert.notDeepEqual(await outputSample(page), before);
  await page.fill('#sliceNote input[data-column="1"]', '1e9');
  await page.dispatchEvent('#sliceNote input[data-column="1"]', 'change');
  await page.waitForFunction(() => /slice was not changed/.test(document.getElementById('messages').innerText));
  assert.notEqual(await page.inputValue('#sliceNote input[data-column="1"]'), '1e9');
  // the user picks the axes: sepal length across, petal width up; the points follow the columns
  await page.selectOption('#sliceNote select.slice-axis-x', '0');
  await page.waitForFunction(() =>
    /sepal length \(across\) × petal width \(up\)/.test(document.getElementById('sliceNote').innerText),
  );
  assert.deepEqual(await page.$$eval('#sliceNote input', (is) => is.map((i) => i.dataset.column)), ['1', '2']);
  const xs = await page.evaluate(() => Array.from(window.playground.train).filter((_, i) => i % 3 === 0));
  assert.ok(Math.min(...xs) > -2.2 && Math.max(...xs) < 2.6, 'standardized sepal lengths across'); // 4.3..7.9 cm
  // the same column twice is refused, and the old axes stay
  await page.selectOption('#sliceNote select.slice-axis-y', '0');
  await page.waitForFunction(() => /axes were not changed/.test(document.getElementById('messages').innerText));
  assert.equal(await page.inputValue('#sliceNote select.slice-axis-y'), '3');
  await page.close();
});

test('a plane dataset has no slice note', async () => {
  const page = await open('seed=1&dataset=moons');
  assert.equal(await page.locator('#sliceNote').isHidden(), true);
  await page.close();
});

test('the console stays clean and nothing leaves 127.0.0.1', () => {
  assert.deepEqual(b.external, []);
  assert.deepEqual(b.consoleErrors, []);
});
