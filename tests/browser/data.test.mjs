// data.test.mjs: your own data, export and runs in the page (headless Chromium): clicks and drags
// add points at the data coordinates under the pointer (computed here from the plot's geometry),
// the URL carries them and a reload restores them; CSV import (good and bad files: message shown,
// old points kept) and export (equal to the engine's points); model JSON export -> import gives
// the same parameters; the PNG export is a PNG of the plot; runs are saved, listed, overlaid,
// restored, and a full storage is reported without losing anything.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pageSuite, isFirefox } from './browser.mjs';

const { b, shots, open } = await pageSuite(test, { height: 1000 });
const hashOf = (page) => page.evaluate(() => location.hash.slice(1));
const points = (page) =>
  page.evaluate(() => ({ train: Array.from(window.playground.train), test: Array.from(window.playground.test) }));
const triples = (flat) => Array.from({ length: flat.length / 3 }, (_, i) => flat.slice(3 * i, 3 * i + 3));
const allPoints = async (page) => {
  const p = await points(page);
  return [...triples(p.train), ...triples(p.test)];
};
// Firefox puts the pointer on whole CSS pixels while the plot's corner may sit between two (its
// line boxes are not rounded): there a click lands within half a pixel (0.02 data units) of the
// asked position, to the page's 2 decimals. Chromium clicks exactly.
const TOL = isFirefox ? 12 / 300 / 2 + 0.005 : 1e-5;
const near = (a, b) => Math.abs(a - b) < TOL;
const has = (pts, [x, y, l]) => pts.some((p) => near(p[0], x) && near(p[1], y) && p[2] === l);
// the points a link carries (x,y,label triples)
const hashPoints = (h) => triples((/(?:^|&)points=([^&]*)/.exec(h)?.[1] || '').split(',').map(Number));
// The plot shows [-6, 6]^2 on a 300 px canvas, y up: pixel (px, py) is data (12 px/300 - 6, 6 - 12 py/300).
const PLOT = 300;
const pixelOf = (x, y) => ({ x: ((x + 6) / 12) * PLOT, y: ((6 - y) / 12) * PLOT });
async function download(page, click) {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(await d.path()) };
}

test('clicks add points of the chosen class at the data coordinates; the URL carries them; a reload restores them', async () => {
  const page = await open('seed=3&dataset=xor');
  const before = await allPoints(page);
  await page.click('#editPoints');
  assert.equal(await page.getAttribute('#editPoints', 'aria-pressed'), 'true');
  await page.click('#output', { position: pixelOf(3, 3) });
  await page.waitForFunction(() => window.playground.config.dataset === 'custom');
  await page.click('#output', { position: pixelOf(-3, -3), modifiers: ['Shift'] }); // the other class
  await page.click('#classNeg');
  await page.click('#output', { position: pixelOf(4.5, -1.5) });
  await page.waitForFunction(
    (n) => (window.playground.train.length + window.playground.test.length) / 3 === n,
    before.length + 3,
  );
  const after = await allPoints(page);
  assert.ok(has(after, [3, 3, 1]), 'blue point at (3, 3)');
  assert.ok(has(after, [-3, -3, -1]), 'shift-click: orange point at (-3, -3)');
  assert.ok(has(after, [4.5, -1.5, -1]), 'orange picked: orange point at (4.5, -1.5)');
  for (const p of before)
    assert.ok(has(after, [Math.round(p[0] * 100) / 100, Math.round(p[1] * 100) / 100, p[2]]), 'generated points kept');
  const h = await hashOf(page);
  assert.match(h, /(^|&)dataset=custom(&|$)/);
  assert.ok(has(hashPoints(h), [3, 3, 1]), h);
  await page.screenshot({ path: path.join(shots, 'data-edit.png') });

  const again = await open(h);
  assert.deepEqual(await points(again), await points(page), 'the URL alone restores the same train and test points');
  await again.close();

  // Undo takes back the last edit only; undoing the first edit gives the generated dataset back.
  await page.click('#undoPoints');
  await page.waitForFunction(
    (n) => (window.playground.train.length + window.playground.test.length) / 3 === n,
    before.length + 2,
  );
  assert.ok(!has(await allPoints(page), [4.5, -1.5, -1]));
  await page.click('#undoPoints');
  await page.click('#undoPoints');
  await page.waitForFunction(() => window.playground.config.dataset === 'xor');
  assert.deepEqual(await allPoints(page), before);
  await page.close();
});

test('a drag paints a trail of points; clear removes them all; column data says it takes no points', async () => {
  const page = await open('seed=4&dataset=circle&showTestData=true');
  await page.click('#editPoints');
  await page.click('#clearPoints');
  await page.waitForFunction(
    () =>
      window.playground.config.dataset === 'custom' &&
      window.playground.train.length + window.playground.test.length === 0,
  );
  // the mouse moves in the viewport: the plot first on screen (Firefox scrolls to the clicked button)
  await page.locator('#output').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const box = await page.locator('#output').boundingBox();
  const a = pixelOf(-4, 0),
    z = pixelOf(4, 0);
  await page.mouse.move(box.x + a.x, box.y + a.y);
  await page.mouse.down();
  for (let k = 1; k <= 16; k++) await page.mouse.move(box.x + a.x + ((z.x - a.x) * k) / 16, box.y + a.y);
  await page.mouse.up();
  await page.waitForFunction(() => (window.playground.train.length + window.playground.test.length) / 3 >= 10);
  const pts = await allPoints(page);
  assert.ok(
    pts.every((p) => Math.abs(p[1]) < 0.05 && p[0] >= -4.05 && p[0] <= 4.05 && p[2] === 1),
    JSON.stringify(pts),
  );
  const xs = pts.map((p) => p[0]).sort((u, v) => u - v);
  for (let i = 1; i < xs.length; i++) assert.ok(xs[i] - xs[i - 1] >= 0.3, 'painted points are spaced');
  // Back to a generated dataset: the points leave the URL, and it loads.
  await page.click('[aria-label="Circle dataset"]');
  await page.waitForFunction(() => window.playground.config.dataset === 'circle');
  assert.doesNotMatch(await hashOf(page), /points=/);
  assert.equal(await page.locator('.msg.error').count(), 0);
  await page.close();

  // multi-class sets take points of their classes (classes.test.mjs); column data (iris) takes none
  const cols = await open('seed=4&dataset=iris');
  await cols.click('#editPoints');
  await cols.waitForSelector('.msg[data-key="points"]');
  assert.match(await cols.textContent('.msg[data-key="points"]'), /inputs are its 4 columns/);
  assert.equal(await cols.getAttribute('#editPoints', 'aria-pressed'), 'false');
  await cols.close();
});

test('regression: new points take the chosen value (shift: its negative)', async () => {
  const page = await open('seed=14&problem=regression&regDataset=reg-plane');
  const n0 = (await allPoints(page)).length;
  await page.click('#editPoints');
  assert.equal(await page.isVisible('#valuePicker'), true);
  assert.equal(await page.isVisible('#classPicker'), false);
  await page.locator('#pointValue').fill('0.5');
  await page.click('#output', { position: pixelOf(1, 2) });
  await page.waitForFunction(() => window.playground.config.regDataset === 'custom');
  await page.click('#output', { position: pixelOf(-2, -1), modifiers: ['Shift'] });
  await page.waitForFunction((n) => (window.playground.train.length + window.playground.test.length) / 3 === n, n0 + 2);
  assert.ok(has(hashPoints(await hashOf(page)), [-2, -1, -0.5]), 'the link carries the shift-click');
  const pts = await allPoints(page);
  assert.ok(has(pts, [1, 2, 0.5]) && has(pts, [-2, -1, -0.5]), 'labels 0.5 and -0.5');
  await page.close();
});

test('CSV import: a good file replaces the points; bad files show their message and keep the old points', async () => {
  const page = await open('seed=5&dataset=gauss');
  const rows = ['name,a,b,class'];
  const want = [];
  for (let i = 0; i < 40; i++) {
    const x = (i % 8) - 3.5,
      y = Math.floor(i / 8) - 2,
      l = x * y > 0 ? 1 : 0;
    rows.push(`p${i},${x},${y},${l}`);
    want.push([x, y, l ? 1 : -1]);
  }
  await page.click('#csvOpen');
  await page.setInputFiles('#csvFile', {
    name: 'mine.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(rows.join('\n')),
  });
  await page.waitForSelector('#csvPreview table');
  assert.equal(await page.locator('#csvPreview tbody tr').count(), 5);
  assert.deepEqual(await page.locator('#csvPreview th').allTextContents(), ['name', 'a', 'b', 'class']);
  assert.equal(await page.inputValue('#csvX1'), '1', 'x1: the first numeric column');
  assert.equal(await page.inputValue('#csvLabel'), '3', 'label: the "class" column');
  await page.screenshot({ path: path.join(shots, 'csv-import.png') });
  await page.click('#csvImport');
  await page.waitForFunction(() => window.playground.config.dataset === 'custom');
  const got = await allPoints(page);
  assert.equal(got.length, want.length);
  for (const p of want) assert.ok(has(got, p), `imported ${p}`);
  assert.equal(await page.locator('#csvDialog').isVisible(), false);

  const kept = await points(page);
  const hash = await hashOf(page);
  const bad = [
    ['nan.csv', 'x,y,l\n1,2,1\n3,NaN,0\n', /NaN or Infinity in row 3, column 2/],
    ['columns.csv', 'x,y,l\n1,2,1\n3,4\n', /row 3 has 2 columns, expected 3/],
    ['junk.bin', Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0xff, 0x13, 0, 7]), /not a text CSV file|binary/],
    [
      'formula.csv',
      "x,y,l\n1,2,1\n=cmd|' /C calc'!A0,2,1\n",
      /row 3, column 1: '=cmd\|' \/C calc'!A0' is not a number/,
    ],
    ['empty.csv', '', /file is empty/],
  ];
  await page.click('#csvOpen');
  for (const [name, text, re] of bad) {
    await page.setInputFiles('#csvFile', { name, mimeType: 'text/csv', buffer: Buffer.from(text) });
    // Refused by the preview already, or (bad cells past the header) by the import.
    await page.waitForFunction(
      (n) =>
        document.getElementById('csvError').textContent.startsWith(n) || !document.getElementById('csvImport').disabled,
      name,
    );
    if (!(await page.isDisabled('#csvImport'))) {
      await page.click('#csvImport');
      await page.waitForFunction(
        (n) => document.getElementById('csvError').textContent.startsWith(`${n} was not imported`),
        name,
      );
    }
    assert.match(await page.textContent('#csvError'), re, name);
    assert.deepEqual(await points(page), kept, `${name}: old points untouched`);
  }
  // A file whose preview is fine but whose later rows are bad: the import itself is refused.
  const late = ['x,y,l', ...Array.from({ length: 10 }, (_, i) => `${i},1,1`), '1,2,oops'].join('\n');
  await page.setInputFiles('#csvFile', { name: 'late.csv', mimeType: 'text/csv', buffer: Buffer.from(late) });
  await page.waitForSelector('#csvPreview table');
  await page.click('#csvImport');
  await page.waitForFunction(() => /late\.csv was not imported/.test(document.getElementById('csvError').textContent));
  assert.match(await page.textContent('#csvError'), /row 12, column 3: 'oops' is not a number/);
  await page.screenshot({ path: path.join(shots, 'csv-error.png') });
  assert.deepEqual(await points(page), kept, 'old points untouched');
  assert.equal(await hashOf(page), hash);
  await page.click('#csvCancel');
  await page.close();
});

test('pasted CSV with more points than a link holds: imported, and the page says the URL does not carry them', async () => {
  const page = await open('seed=11');
  const rows = Array.from(
    { length: 2500 },
    (_, i) => `${((i * 7919) % 1200) / 100 - 6},${((i * 104729) % 1200) / 100 - 6},${i % 2 ? 1 : -1}`,
  );
  await page.click('#csvOpen');
  // 60 KB: set in one step (fill() can exceed its timeout on a loaded machine), then the same
  // input event the paste box reacts to.
  await page.evaluate((text) => {
    const box = document.getElementById('csvPaste');
    box.value = text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, rows.join('\n'));
  await page.waitForSelector('#csvPreview table');
  assert.equal(await page.locator('#csvPreview th').first().textContent(), 'column 1', 'no header line');
  await page.click('#csvImport');
  await page.waitForFunction(() => (window.playground.train.length + window.playground.test.length) / 3 === 2500);
  await page.waitForSelector('.msg[data-key="points-link"]');
  assert.match(await page.textContent('.msg[data-key="points-link"]'), /Too many points for a link.*Export CSV/);
  assert.match(await hashOf(page), /dataset=custom/);
  assert.doesNotMatch(await hashOf(page), /points=/);
  await page.close();
});

test("CSV export holds exactly the engine's train and test points", async () => {
  const page = await open('seed=6&dataset=spiral&percTrainData=70');
  const { name, bytes } = await download(page, () => page.click('#csvExport'));
  assert.match(name, /\.csv$/);
  const lines = bytes.toString('utf8').trim().split('\n');
  assert.equal(lines[0], 'x1,x2,label,set');
  const { train, test: testPts } = await points(page);
  const rows = lines.slice(1).map((l) => l.split(','));
  const back = (set) =>
    rows.filter((r) => r[3] === set).flatMap((r) => r.slice(0, 3).map((v) => Math.fround(Number(v))));
  assert.deepEqual(back('train'), train);
  assert.deepEqual(back('test'), testPts);
  assert.equal(rows.length, (train.length + testPts.length) / 3);
  // each number is the shortest decimal of its float32 (1.633, not 1.6330000162124634)
  for (const r of rows.slice(0, 50))
    for (const v of r.slice(0, 2)) {
      const digits = v
        .replace(/^-|\.|e.*$/g, '')
        .replace(/^0+/, '')
        .replace(/0+$/, '').length;
      const shorter = digits > 1 ? Number(Number(v).toPrecision(digits - 1)) : NaN;
      assert.ok(
        v.length <= 12 && Math.fround(shorter) !== Math.fround(Number(v)),
        `${v} is not the shortest text of its float32`,
      );
    }
  await page.close();
});

test('model JSON export then import restores the same parameters; PyTorch export lists predictions; PNG is a PNG', async () => {
  const page = await open('seed=8&dataset=xor&networkShape=5,3');
  for (let i = 0; i < 5; i++) await page.click('#step');
  await page.waitForFunction(() => window.playground.metrics.epoch === 5);
  const trained = await page.evaluate(() => ({ params: Array.from(window.playground.params), hash: location.hash }));
  const json = await download(page, () => page.click('#exportJson'));
  assert.match(json.name, /\.json$/);
  await page.click('#reset');
  await page.waitForFunction(() => window.playground.metrics.epoch === 0);
  assert.notDeepEqual(await page.evaluate(() => Array.from(window.playground.params)), trained.params);
  await page.setInputFiles('#modelFile', { name: 'model.json', mimeType: 'application/json', buffer: json.bytes });
  await page.waitForSelector('.msg[data-key="export"]');
  assert.match(await page.textContent('.msg[data-key="export"]'), /restored/);
  assert.deepEqual(await page.evaluate(() => Array.from(window.playground.params)), trained.params);
  assert.equal(await page.evaluate(() => location.hash), trained.hash);

  await page.setInputFiles('#modelFile', {
    name: 'junk.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"not": "a model"'),
  });
  await page.waitForFunction(() =>
    /junk\.json was not loaded/.test(document.querySelector('.msg[data-key="export"]').textContent),
  );
  assert.deepEqual(
    await page.evaluate(() => Array.from(window.playground.params)),
    trained.params,
    'a refused file changes nothing',
  );

  const py = await download(page, () => page.click('#exportPytorch'));
  assert.match(py.bytes.toString('utf8'), /import torch/);
  const keras = await download(page, () => page.click('#exportKeras'));
  assert.match(py.name, /pytorch.*\.py$/);
  assert.match(keras.name, /keras.*\.py$/);
  assert.ok((await page.locator('#exportInfo .pred-table tbody tr').count()) >= 1);

  const png = await download(page, () => page.click('#exportPng'));
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(png.bytes.toString('latin1', 12, 16), 'IHDR');
  const [w, h] = [png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)];
  assert.deepEqual(
    [w, h],
    await page.evaluate(() => [document.getElementById('output').width, document.getElementById('output').height]),
  );
  await page.close();
});

test('runs: saved, listed, overlaid, restored with weights, deleted; a full storage is reported', async () => {
  const page = await open('seed=9&dataset=circle');
  await page.evaluate(() => localStorage.clear());
  await page.uncheck('#autoSaveRuns');
  for (let i = 0; i < 3; i++) await page.click('#step');
  await page.waitForFunction(() => window.playground.metrics.epoch === 3);
  const first = await page.evaluate(() => ({ params: Array.from(window.playground.params), hash: location.hash }));
  await page.click('#saveRun');
  await page.waitForFunction(() => document.querySelectorAll('#runList li').length === 1);
  await page.selectOption('#activation', 'relu');
  await page.waitForFunction(() => window.playground.config.activation === 'relu');
  for (let i = 0; i < 6; i++) await page.click('#step');
  await page.waitForFunction(() => window.playground.metrics.epoch === 6);
  await page.click('#saveRun');
  await page.waitForFunction(() => document.querySelectorAll('#runList li').length === 2);

  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('bp-runs')));
  assert.equal(stored.length, 2);
  assert.equal(stored[0].epoch, 6);
  assert.equal(stored[1].epoch, 3);
  assert.match(stored[1].hash, /activation=tanh/);
  assert.ok(
    stored.every(
      (r) => r.curve.length >= 1 && r.curve.length <= 200 && r.thumb.startsWith('data:image/png;base64,') && r.model,
    ),
  );
  assert.deepEqual(stored[1].curve.at(-1)[0], 3);

  // Both are ticked after saving: two curves in two colours on the overlay.
  assert.equal(await page.locator('#runList input[type=checkbox]:checked').count(), 2);
  assert.equal(await page.isVisible('#runChart'), true);
  const colours = await page.evaluate(() => {
    const c = document.getElementById('runChart'),
      d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const seen = new Set();
    for (let i = 0; i < d.length; i += 4) if (d[i + 3] === 255) seen.add(`${d[i]},${d[i + 1]},${d[i + 2]}`);
    return [...seen];
  });
  assert.ok(
    colours.includes('0,114,178') && colours.includes('230,159,0'),
    `run colours drawn: ${colours.slice(0, 10)}`,
  );
  await page.screenshot({ path: path.join(shots, 'runs.png'), fullPage: true });

  await page.click('[aria-label="Restore run 2"]');
  await page.waitForFunction((h) => location.hash === h, first.hash);
  await page.waitForFunction(() => window.playground.config.activation === 'tanh');
  assert.deepEqual(
    await page.evaluate(() => Array.from(window.playground.params)),
    first.params,
    'restored with its weights',
  );

  await page.click('[aria-label="Delete run 1"]');
  await page.waitForFunction(() => document.querySelectorAll('#runList li').length === 1);
  assert.equal((await page.evaluate(() => JSON.parse(localStorage.getItem('bp-runs')))).length, 1);

  // Full storage: the save is refused with a message, the stored runs and the page stay as they were.
  const storedBefore = await page.evaluate(() => localStorage.getItem('bp-runs'));
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  await page.click('#saveRun');
  await page.waitForSelector('.msg.error[data-key="runs"]');
  assert.match(await page.textContent('.msg[data-key="runs"]'), /not saved.*storage.*full/);
  assert.equal(await page.evaluate(() => localStorage.getItem('bp-runs')), storedBefore);
  assert.equal(await page.locator('#runList li').count(), 1);
  await page.close();
});

test('pausing after at least one epoch saves the run when the box is ticked, updating it on later pauses', async () => {
  const page = await open('seed=10');
  await page.evaluate(() => localStorage.clear());
  await page.check('#autoSaveRuns');
  await page.click('#play');
  await page.waitForFunction(() => window.playground.metrics.epoch >= 3);
  await page.click('#play');
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('bp-runs') || '[]').length === 1);
  await page.click('#play');
  await page.waitForFunction(
    (e) => window.playground.metrics.epoch > e + 3,
    (await page.evaluate(() => JSON.parse(localStorage.getItem('bp-runs'))))[0].epoch,
  );
  await page.click('#play');
  await page.waitForFunction(() => {
    const r = JSON.parse(localStorage.getItem('bp-runs') || '[]');
    return r.length === 1 && r[0].epoch === window.playground.metrics.epoch;
  });
  await page.close();
});

test('the console stays clean and nothing leaves 127.0.0.1', () => {
  assert.deepEqual(b.external, []);
  assert.deepEqual(b.consoleErrors, []);
});

test('a link with dataset=custom but no points says why the plot is empty', async () => {
  const page = await open('seed=3&dataset=custom');
  await page.waitForSelector('.msg[data-key="points-empty"]');
  assert.match(await page.textContent('.msg[data-key="points-empty"]'), /carries no points: import the CSV/);
  await page.close();
});
