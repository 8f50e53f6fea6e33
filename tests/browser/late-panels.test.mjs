// late-panels.test.mjs: the panels the first frame does not draw load when first needed
// (web/late-panels.js): a visit that does not use them wires only the runs panel; a click held
// before a panel's code is in is made again once it is wired; a panel that comes into view fills
// in without moving what is in view; opening the landscape, or a link's compare key, loads theirs.
import test from 'node:test';
import assert from 'node:assert/strict';
import { pageSuite } from './browser.mjs';

const { b } = await pageSuite(test);

// a first visit as a user makes it: no panel forced (pageSuite's open() wires them all)
async function visit(hash = 'seed=1') {
  const page = await b.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`${b.base}/index.html#${hash}`);
  await page.waitForFunction(() => window.playground && window.playground.grid, null, { timeout: 30000 });
  return page;
}
const wired = (page) => page.evaluate(() => document.body.dataset.panels || '');
const until = (page, name) =>
  page.waitForFunction((n) => (document.body.dataset.panels || '').split(' ').includes(n), name, { timeout: 30000 });

test('a visit that uses no panel wires the runs panel only; a held click opens the CSV dialog', async () => {
  const page = await visit();
  await until(page, 'runs');
  await page.waitForTimeout(500); // what else would load after the first frame has had time to
  assert.equal(await wired(page), 'runs');
  assert.equal(await page.evaluate(() => document.getElementById('vKey1').options.length), 0, 'compare not filled');
  // the button's click arrives before the CSV panel's code: it is held, then made again
  await page.evaluate(() => document.getElementById('csvOpen').click());
  await page.waitForFunction(() => document.getElementById('csvDialog').open, null, { timeout: 30000 });
  assert.match(await wired(page), /\bcsv\b/);
  await page.close();
});

test('export: a click made before the panel is wired still exports', async () => {
  const page = await visit();
  await until(page, 'runs');
  assert.doesNotMatch(await wired(page), /\bexport\b/);
  await page.evaluate(() => document.getElementById('exportPytorch').click());
  // the export shows the script's predictions under the buttons once the file is written
  await page.waitForFunction(() => document.querySelector('#exportInfo .pred-table'), null, { timeout: 30000 });
  assert.match(await wired(page), /\bexport\b/);
  await page.close();
});

test('compare fills in as it comes into view, and nothing in view moves', async () => {
  const page = await visit();
  await until(page, 'runs');
  const top = (id) => page.evaluate((i) => document.getElementById(i).getBoundingClientRect().top + scrollY, id);
  const before = { export: await top('exportPanel'), race: await top('raceStart') };
  await page.evaluate(() => document.getElementById('compare').scrollIntoView());
  await until(page, 'variants');
  await page.waitForFunction(() => document.getElementById('variantHint').textContent !== '');
  assert.ok((await page.evaluate(() => document.getElementById('vKey1').options.length)) > 3);
  assert.equal(await page.evaluate(() => document.getElementById('vKey1').value), 'optimizer');
  assert.deepEqual({ export: await top('exportPanel'), race: await top('raceStart') }, before);
  await page.close();
});

test("the landscape loads when opened; a link's compare key loads the race", async () => {
  const page = await visit('seed=1&compare=learningRate:0.01,0.1');
  await until(page, 'variants');
  await page.waitForFunction(() => window.playgroundVariants.race().length === 2, null, { timeout: 30000 });
  assert.doesNotMatch(await wired(page), /\blandscape\b/);
  await page.click('#landscapePanel summary');
  await until(page, 'landscape');
  await page.waitForFunction(() => document.getElementById('landscape').dataset.drawn, null, { timeout: 60000 });
  await page.close();
});
