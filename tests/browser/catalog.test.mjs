// catalog.test.mjs: the page's menus offer what the engine offers. The reference is the engine's
// catalog read in Node from the same build (tests/wasm/load.mjs), not from the page; the page's
// datasets, features, losses and outputs per problem kind, and its other menus must equal it.
import test from 'node:test';
import assert from 'node:assert/strict';
import { pageSuite } from './browser.mjs';
import { engine } from '../wasm/load.mjs';

const cat = (await engine()).catalog();
const { b, open, settle } = await pageSuite(test);
const values = (page, sel) => page.$$eval(`${sel} option`, (os) => os.map((o) => o.value));
const datasetKeys = (page) => page.$$eval('#datasets button.dataset', (bs) => bs.map((x) => x.dataset.key));

test('the catalog itself: every problem kind, the seven features, live keys', () => {
  assert.deepEqual(Object.keys(cat.kinds).sort(), ['binary', 'multiclass', 'regression']);
  assert.equal(cat.features.length, 7);
  assert.ok(cat.liveKeys.includes('learningRate'));
});

test('menus of a binary dataset: datasets, features, losses, outputs and the fixed menus', async () => {
  const page = await open('seed=1');
  const classification = cat.datasets.filter((d) => d.problem === 'classification').map((d) => d.key);
  assert.deepEqual(await datasetKeys(page), classification);
  const featureNames = await page.$$eval('.net-node.feature', (fs) => fs.map((f) => f.getAttribute('aria-label')));
  assert.deepEqual(
    featureNames.map((n) => /input feature (.*): /.exec(n)[1]),
    cat.features.map((f) => f.label),
  );
  assert.deepEqual(await values(page, '#opt-loss'), cat.kinds.binary.losses);
  assert.deepEqual(await values(page, '#opt-outputActivation'), cat.kinds.binary.outputs);
  assert.deepEqual(await values(page, '#opt-optimizer'), cat.optimizer);
  assert.deepEqual(await values(page, '#opt-init'), cat.init);
  assert.deepEqual(await values(page, '#activation'), cat.activation);
  assert.deepEqual(await values(page, '#regularization'), cat.regularization);
  assert.deepEqual(await values(page, '#speed'), cat.speed);
  assert.deepEqual(await values(page, '#problem'), [...new Set(cat.datasets.map((d) => d.problem))]);
  // the first hidden layer's per-layer menu: "same as Activation", then the engine's activations
  assert.deepEqual(await values(page, '#opt-layerAct-0'), ['', ...cat.activation]);
  await page.close();
});

test('menus of a multi-class and of a regression dataset follow the catalog', async () => {
  const page = await open('seed=1&dataset=blobs4');
  assert.deepEqual(await values(page, '#opt-loss'), cat.kinds.multiclass.losses);
  assert.deepEqual(await values(page, '#opt-outputActivation'), cat.kinds.multiclass.outputs);
  await page.selectOption('#problem', 'regression');
  await page.waitForFunction(() => window.playground.config.problem === 'regression');
  await settle(page);
  assert.deepEqual(
    await datasetKeys(page),
    cat.datasets.filter((d) => d.problem === 'regression').map((d) => d.key),
  );
  assert.deepEqual(await values(page, '#opt-loss'), cat.kinds.regression.losses);
  assert.deepEqual(await values(page, '#opt-outputActivation'), cat.kinds.regression.outputs);
  // "auto" names what the engine trains with
  const autoText = await page.$eval('#opt-loss option[value="auto"]', (o) => o.textContent);
  assert.match(autoText, /squared error/i);
  await page.close();
});

test('the console stays clean and nothing leaves 127.0.0.1', () => {
  assert.deepEqual(b.external, []);
  assert.deepEqual(b.consoleErrors, []);
});
