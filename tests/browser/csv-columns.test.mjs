// csv-columns.test.mjs: your own CSV of many columns and many classes in the page (issue 17).
// A 12-column file (its class depends on two of the columns, generated here) is imported through
// the dialog with every column as an input, the input layer shows the columns' names, it trains,
// the page says links do not carry column data, switching the problem type keeps the data, and a
// PyTorch export refuses with the engine's reason. A 3-class file with word labels trains with
// softmax, the class metrics show the words, and its link carries points and names. A file of
// real-valued labels opened in classification switches the problem type and says so.
import test from 'node:test';
import assert from 'node:assert/strict';
import { pageSuite } from './browser.mjs';

const { open, settle } = await pageSuite(test, { height: 1000 });
const rowsOf = (page) => page.evaluate(() => (window.playground.train.length + window.playground.test.length) / 3);
const messages = (page) => page.locator('#messages').innerText();

// A small LCG, so the file is the same every run (the engine's RNG is not used here).
function lcg(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function importCsv(page, name, text) {
  await page.click('#csvOpen');
  await page.setInputFiles('#csvFile', { name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.waitForSelector('#csvPreview table');
}

async function train(page) {
  await page.selectOption('#speed', '100');
  await page.click('#play');
  await page.waitForFunction(() => !window.playground.playing, null, { timeout: 90000 });
  await settle(page);
  return page.evaluate(() => window.playground.metrics);
}

test('a 12-column CSV: every column an input, named in the network; it trains; problem switch keeps it', async () => {
  const page = await open('seed=3&dataset=circle&networkShape=8&learningRate=0.03&stopEpoch=150');
  const rnd = lcg(7);
  const names = Array.from({ length: 12 }, (_, k) => `f${k + 1}`);
  const lines = [[...names, 'label'].join(',')];
  for (let r = 0; r < 300; r++) {
    const v = names.map(() => +(rnd() * 4 - 2).toFixed(3));
    lines.push([...v, v[2] + v[7] > 0 ? 1 : 0].join(','));
  }
  await importCsv(page, 'twelve.csv', lines.join('\n'));
  assert.equal(await page.inputValue('#csvLabel'), '12', 'the "label" column');
  assert.equal(await page.locator('#csvMore input:checked').count(), 10, 'the other numeric columns are inputs');
  await page.click('#csvImport');
  await page.waitForFunction(() => window.playground.config.columns === 12);
  assert.equal(await rowsOf(page), 300);
  assert.equal(await page.evaluate(() => window.playground.layers[0].nIn), 12);
  const inputs = await page.$$eval('.net-node.feature', (fs) => fs.map((f) => f.getAttribute('aria-label')));
  assert.deepEqual(
    inputs,
    names.map((n) => `input column ${n}`),
  );
  const text = await messages(page);
  assert.match(text, /Imported 300 rows of 12 columns from twelve\.csv/);
  assert.match(text, /the network's inputs are the file's 12 columns/);
  assert.match(text, /Links do not carry column data/);
  assert.match(await page.locator('#sliceNote').innerText(), /f1 \(across\) × f2 \(up\), standardized/);
  assert.match(await page.evaluate(() => location.hash), /columns=12/);
  const m = await train(page);
  assert.equal(m.epoch, 150);
  assert.ok(m.trainAccuracy >= 0.9, `train accuracy ${m.trainAccuracy}`);
  assert.ok(m.testAccuracy >= 0.85, `test accuracy ${m.testAccuracy}`);

  // standardize off: the same rows, a new network on the raw columns
  await page.uncheck('#standardize');
  await page.waitForFunction(() => window.playground.config.standardize === false);
  assert.equal(await rowsOf(page), 300);
  assert.match(await page.locator('#sliceNote').innerText(), /as in the file/);

  // the problem type changes, the data stays
  await page.selectOption('#problem', 'regression');
  await page.waitForFunction(() => window.playground.config.problem === 'regression');
  assert.equal(await rowsOf(page), 300);
  assert.equal(await page.evaluate(() => window.playground.config.columns), 12);
  assert.match(await messages(page), /Your 12-column data is kept/);

  // a script computes the plane's features: the engine refuses and the page says why
  await page.evaluate(() => window.playground.loadPanels());
  await page.waitForSelector('body[data-panels="ready"]');
  await page.click('#exportPytorch');
  await page.waitForFunction(() => /Could not export the model/.test(document.getElementById('messages').innerText));
  assert.match(
    await messages(page),
    /pytorch script computes the plane's features from \(x1, x2\).*12 columns; export json instead/,
  );
  await page.close();
});

test('a 3-class CSV of word labels trains with softmax, shows the names, and its link carries them', async () => {
  const page = await open('seed=4&dataset=xor&networkShape=6&stopEpoch=100');
  const rnd = lcg(11);
  const classes = [
    ['red', -3, -3],
    ['green', 3, -3],
    ['blue', 0, 3.5],
  ];
  const lines = ['x,y,colour'];
  for (let r = 0; r < 90; r++) {
    const [name, cx, cy] = classes[r % 3];
    lines.push(`${(cx + rnd() * 2 - 1).toFixed(2)},${(cy + rnd() * 2 - 1).toFixed(2)},${name}`);
  }
  await importCsv(page, 'colours.csv', lines.join('\r\n'));
  assert.equal(await page.inputValue('#csvLabel'), '2');
  await page.click('#csvImport');
  await page.waitForFunction(() => window.playground.config.numClasses === 3);
  assert.deepEqual(await page.evaluate(() => window.playground.config.classNames), ['red', 'green', 'blue']);
  assert.match(await messages(page), /Changed to fit the data: 3 classes \(a softmax output\)/);
  const hash = await page.evaluate(() => location.hash.slice(1));
  assert.match(hash, /classNames=red,green,blue/);
  assert.match(hash, /points=/);
  const m = await train(page);
  assert.ok(m.trainAccuracy >= 0.9, `train accuracy ${m.trainAccuracy}`);
  assert.deepEqual(m.confusion.names, ['red', 'green', 'blue']);
  assert.match(await page.locator('#classMetrics').innerText(), /red[\s\S]*green[\s\S]*blue/);
  // the link alone: the same points, classes and names
  const again = await open(hash);
  assert.equal(await rowsOf(again), 90);
  assert.deepEqual(await again.evaluate(() => window.playground.metrics.confusion.names), ['red', 'green', 'blue']);
  assert.deepEqual(
    await again.evaluate(() => [...window.playground.train].sort()),
    await page.evaluate(() => [...window.playground.train].sort()),
  );
  await again.close();
  await page.close();
});

test('a CSV of real-valued labels in classification switches to regression and says so', async () => {
  const page = await open('seed=5&dataset=gauss');
  const lines = ['x,y,value'];
  for (let r = 0; r < 50; r++) lines.push(`${(r % 10) - 5},${Math.floor(r / 10) - 2},${((r * 0.37) % 3).toFixed(2)}`);
  await importCsv(page, 'values.csv', lines.join('\n'));
  await page.click('#csvImport');
  await page.waitForFunction(() => window.playground.config.problem === 'regression');
  assert.equal(await page.evaluate(() => window.playground.config.regDataset), 'custom');
  assert.equal(await rowsOf(page), 50);
  assert.match(
    await messages(page),
    /the problem is now regression: the labels are numbers, not classes \(data row 2: 0\.37\)/,
  );
  await page.close();
});
